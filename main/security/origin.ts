/**
 * Guards for the Electron window, as pure functions so they are tested without Electron
 * (Actual Budget's security.ts). The app's pages live on one origin, `app://placeringskollen`;
 * everything else is foreign.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'placeringskollen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL on the app's own origin, with no credentials or port smuggled in. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** IPC is accepted only from the app's own page in the main frame (VS Code's validatedIpcMain). */
export function isTrustedSender(sender: { url: string; isMainFrame: boolean }): boolean {
  return sender.isMainFrame && isAppUrl(sender.url);
}

/**
 * `will-navigate`/`will-redirect`: the app is one page and never navigates away. In-page
 * navigation (hash changes) does not reach this guard, so the only thing allowed is (re)loading
 * the app's own entry document; anything else, including other files on app://, is refused.
 */
export function shouldAllowNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}

export interface WindowOpenDecision {
  /** Never a new Electron window. */
  action: 'deny';
}

/**
 * `setWindowOpenHandler`: no new window, and nothing handed to the operating system either,
 * whatever the URL and however it was asked for (window.open, target=_blank, a middle- or
 * ctrl-click). The app links to nothing outside itself (legal references are plain text), so a
 * way from its page to the OS's URL handlers (file:, smb:, ms-msdt:, a look-alike https host)
 * would be risk without use: `shell.openExternal` is not called anywhere, and the lint forbids it
 * (decision 8). The URL is a parameter so that an allow-list, if ever needed, goes here.
 */
export function decideWindowOpen(_url: string): WindowOpenDecision {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation, clipboard reads…: the app needs none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
