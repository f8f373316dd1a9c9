import { BrowserWindow, dialog, screen, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, decideWindowOpen, isPermissionAllowed, shouldAllowNavigation } from '../security';
import { MIN_WINDOW_SIZE, placeWindow, type WindowStateStore } from './window-state';

/**
 * The one window: sandboxed, isolated, no Node, talking to main only through the preload's `api`.
 * With a store, it opens where it was last closed (brought back onto a connected display) and
 * remembers its place again when it closes.
 */
export function createMainWindow(preloadPath: string, remembered: WindowStateStore | null = null): BrowserWindow {
  const placement = placeWindow(remembered?.read() ?? null, {
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  });
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Placeringskollen',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Middle-click must not open a window. Chromium dropped this switch when auxclick shipped
      // (it changes nothing in Electron 45's engine), so what stops a middle-click is the
      // window-open handler in hardenWebContents, which denies everything; the switch records
      // the intent where electronegativity (AUXCLICK_JS_CHECK) looks for it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  // The normal bounds, so a maximised window comes back maximised over the same place.
  window.on('close', () => remembered?.write({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  // The form cancels `beforeunload` while it has unsaved changes; Electron would then refuse to
  // close without a word, so ask the user here.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Osparade ändringar',
      message: 'Du har ändringar som inte är sparade.',
      detail: 'Om du stänger nu försvinner de.',
      buttons: ['Stäng utan att spara', 'Fortsätt redigera'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** For every web contents the app creates (app's `web-contents-created`): no way out of the app. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url));
}

/** No permission is ever granted: not asked for (request) and not reported as granted (check). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
