import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const protocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol }));

const { handleAppProtocol, registerAppScheme, serveAppRequest } = await import('../../../main/app/protocol');

let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-protocol-'));
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__">');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'void 0;');
  writeFileSync(path.join(dir, 'secret.txt'), 'hemligt');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(rendererDir, { url, method } as Request);

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    handleAppProtocol(rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html with a fresh nonce in the page and the CSP header', async () => {
    const res = await get('app://placeringskollen/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const nonce = /content="([^"]+)"/.exec(await res.text())?.[1];
    expect(nonce).not.toBe('__CSP_NONCE__');
    expect(res.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type and the CSP header', async () => {
    const res = await get('app://placeringskollen/assets/app.js?v=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toBe('void 0;');
  });

  it.each([
    'app://placeringskollen/../secret.txt',
    'app://placeringskollen/%2e%2e/secret.txt',
    'app://placeringskollen/assets/..%2f..%2fsecret.txt',
    'app://placeringskollen//etc/passwd',
    'app://other/index.html',
    'app://placeringskollen/missing.js',
  ])('answers 404 for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('hemligt');
  });

  it('answers 404 to anything but GET', async () => {
    expect((await get('app://placeringskollen/index.html', 'POST')).status).toBe(404);
  });
});
