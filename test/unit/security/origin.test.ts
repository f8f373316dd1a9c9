import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  decideWindowOpen,
  isPermissionAllowed,
  isTrustedSender,
  shouldAllowNavigation,
} from '../../../main/security';

describe('isTrustedSender: IPC only from the app page in the main frame', () => {
  it('trusts the app page in the main frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://placeringskollen/index.html#/hem/1', isMainFrame: true })).toBe(true);
  });

  it('refuses the app page in a subframe', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
  });

  it.each([
    'https://placeringskollen/index.html',
    'http://127.0.0.1:5173/',
    'file:///home/user/index.html',
    'app://evil/index.html',
    'app://placeringskollen.evil.se/index.html',
    'app://user@placeringskollen/index.html',
    'app://user:pw@placeringskollen/index.html',
    'app://placeringskollen:8080/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses a sender at %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });
});

describe('shouldAllowNavigation: the app never navigates away from its one page', () => {
  it.each(['app://placeringskollen/', 'app://placeringskollen/index.html', 'app://placeringskollen/index.html#/hem'])(
    'allows (re)loading the entry document %s',
    (url) => expect(shouldAllowNavigation(url)).toBe(true),
  );

  it.each([
    'https://www.ivo.se/',
    'http://localhost/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hej',
    'about:blank',
    'app://placeringskollen/assets/index.js',
    'app://placeringskollen/other.html',
    'app://evil/index.html',
    'app://x@placeringskollen/index.html',
    'garbage',
  ])('denies navigation to %s', (url) => expect(shouldAllowNavigation(url)).toBe(false));
});

describe('decideWindowOpen: never a new window, and nothing goes to the OS either (decision 8)', () => {
  it.each([
    // The kinds of link that were once handed to the OS browser: no longer.
    'https://www.socialstyrelsen.se/hvb',
    'HTTPS://WWW.IVO.SE',
    'https://www.ivo.se/',
    'http://www.ivo.se/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://placeringskollen/index.html',
    'about:blank',
    'https://user:pass@www.ivo.se/',
    'https://user@www.ivo.se/',
    'https://',
    '//www.ivo.se/',
    'www.ivo.se',
    '',
  ])('denies %s and hands it to nothing', (url) => {
    expect(decideWindowOpen(url)).toStrictEqual({ action: 'deny' });
  });
});

describe('isPermissionAllowed: the app asks for no permission', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies %s',
    (permission) => expect(isPermissionAllowed(permission)).toBe(false),
  );
});
