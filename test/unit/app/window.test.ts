import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowState } from '../../../main/app/window-state';

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
    listeners = new Map<string, Listener>();
    loadURL = vi.fn(async () => {});
    maximize = vi.fn();
    show = vi.fn();
    normalBounds = { x: 0, y: 0, width: 1280, height: 820 };
    maximized = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    getNormalBounds() {
      return this.normalBounds;
    }
    isMaximized() {
      return this.maximized;
    }
  }
  // One 1920×1080 display with a 40 px task bar.
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    BrowserWindow: FakeBrowserWindow,
    FakeWebContents,
    screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
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

describe('the window remembers its size and place (electron-store)', () => {
  const storeWith = (saved: WindowState | null) => ({ read: vi.fn(() => saved), write: vi.fn() });

  it('opens at the default size, centred, with nothing remembered or no store', () => {
    createMainWindow('/p.cjs');
    expect(electron.BrowserWindow.last!.options).toMatchObject({ width: 1280, height: 820, minWidth: 900, minHeight: 600 });
    expect(electron.BrowserWindow.last!.options).not.toHaveProperty('x');
    createMainWindow('/p.cjs', storeWith(null));
    expect(electron.BrowserWindow.last!.options).not.toHaveProperty('x');
  });

  it('opens where it was closed, and maximised again when it was', () => {
    createMainWindow('/p.cjs', storeWith({ bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: true }));
    const window = electron.BrowserWindow.last!;
    expect(window.options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700 });
    window.listeners.get('ready-to-show')!();
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('comes back onto the display when its place is on one no longer connected', () => {
    createMainWindow('/p.cjs', storeWith({ bounds: { x: 2400, y: 100, width: 1000, height: 700 }, maximized: false }));
    const window = electron.BrowserWindow.last!;
    expect(window.options).toMatchObject({ x: 460, y: 170, width: 1000, height: 700 });
    window.listeners.get('ready-to-show')!();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('on close, writes its normal bounds and whether it is maximised', () => {
    const store = storeWith(null);
    createMainWindow('/p.cjs', store);
    const window = electron.BrowserWindow.last!;
    window.normalBounds = { x: 30, y: 40, width: 1100, height: 750 };
    window.maximized = true;
    window.listeners.get('close')!();
    expect(store.write).toHaveBeenCalledWith({ bounds: { x: 30, y: 40, width: 1100, height: 750 }, maximized: true });
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
