import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppAsset } from '../../../main/security';

const root = path.resolve('/srv/placeringskollen/out/renderer');

describe('resolveAppAsset: a request path maps to a file inside the renderer directory', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppAsset(root, '/')).toBe(path.join(root, 'index.html'));
  });

  it('maps ordinary files, decoding percent-encoding once', () => {
    expect(resolveAppAsset(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, '/assets/index-Bx1.js')).toBe(path.join(root, 'assets', 'index-Bx1.js'));
    expect(resolveAppAsset(root, '/assets/f%C3%B6rsta.svg')).toBe(path.join(root, 'assets', 'första.svg'));
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/..',
    '/%2e%2e/package.json',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/assets/%2e%2e/%2e%2e/secret',
    '/%252e%252e/package.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/assets\\..\\..\\package.json',
    '//etc/passwd',
    '/%2fetc/passwd',
    '/C:/Windows/win.ini',
    '/c:%5cwindows%5cwin.ini',
    '/index.html%00.png',
    '/.env',
    '/assets/.hidden',
    '/assets/',
    'index.html',
    '',
    '/%E0%A4%A',
  ])('refuses %j', (urlPath) => {
    expect(resolveAppAsset(root, urlPath)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
  ])('%s is sent as %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
