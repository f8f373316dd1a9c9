import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeWebContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      FakeBrowserWindow.last = this;
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    FakeWebContents,
    shell: { openExternal: vi.fn(async () => {}) },
    dialog: { showMessageBoxSync: vi.fn(() => 1) },
  };
});
vi.mock('electron', () => electron);

const { createMainWindow, hardenSession, hardenWebContents } = await import('../../../main/app/window');

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => electron.shell.openExternal.mockClear());

describe('createMainWindow', () => {
  it('sandboxes the renderer: isolation on, Node off, no webview, no spellcheck', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const window = electron.BrowserWindow.last!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
    });
  });

  it('asks Chromium not to open windows on middle-click (AUXCLICK_JS_CHECK)', () => {
    createMainWindow('/p.cjs');
    expect(electron.BrowserWindow.last!.options.webPreferences.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the app from app://, not file://', () => {
    createMainWindow('/p.cjs');
    expect(electron.BrowserWindow.last!.loadURL).toHaveBeenCalledWith('app://placeringskollen/index.html');
  });
});

describe('closing with unsaved changes (will-prevent-unload)', () => {
  const attempt = (choice: number) => {
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(choice);
    createMainWindow('/p.cjs');
    const event = { preventDefault: vi.fn() };
    electron.BrowserWindow.last!.webContents.listeners.get('will-prevent-unload')!(event);
    return event;
  };

  it('closes when the user chooses "Stäng utan att spara"', () => {
    expect(attempt(0).preventDefault).toHaveBeenCalled();
  });

  it('stays open when the user chooses to go on editing', () => {
    expect(attempt(1).preventDefault).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  const setUp = () => {
    const contents = new electron.FakeWebContents();
    hardenWebContents(contents as never);
    return contents;
  };

  it.each(['will-navigate', 'will-redirect'])('%s: prevents leaving the app', (name) => {
    const listener = setUp().listeners.get(name)!;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://placeringskollen/assets/x.js']) {
      const event = navigationEvent(url);
      listener(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('will-navigate: lets the app reload its own page', () => {
    const event = navigationEvent('app://placeringskollen/index.html');
    setUp().listeners.get('will-navigate')!(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('will-attach-webview: always prevented', () => {
    const event = { preventDefault: vi.fn() };
    setUp().listeners.get('will-attach-webview')!(event, {}, { src: 'https://www.ivo.se/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('new windows are denied, however asked for, and no link goes to the OS (decision 8)', () => {
    const open = setUp().windowOpenHandler!;
    const urls = ['https://www.ivo.se/', 'javascript:alert(1)', 'file:///etc/passwd', 'http://www.ivo.se/', 'https://u:p@www.ivo.se/'];
    // A middle-click arrives here as a background tab, a shift-click as a new window.
    for (const disposition of ['foreground-tab', 'background-tab', 'new-window', 'default']) {
      for (const url of urls) expect(open({ url, disposition } as never), `${disposition} ${url}`).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
