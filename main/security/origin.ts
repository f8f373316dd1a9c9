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
  /** The normalised https URL to hand to the OS browser, or null to drop the request. */
  external: string | null;
}

/**
 * `setWindowOpenHandler`: no new windows ever. A link to an https page (the user guide, a
 * government site) goes to the user's browser; anything else (javascript:, file:, http:,
 * data:, credentials in the URL, custom schemes) is dropped.
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const parsed = parse(url);
  const safe =
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === '';
  return { action: 'deny', external: safe ? parsed.href : null };
}

/** Camera, microphone, notifications, geolocation, clipboard reads…: the app needs none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
