import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../preload/api';
import { RendererMissingError, startHost, type Host } from '../../main/host/server';
import { testClock } from '../clock';

let dir: string;
let host: Host;

/** node:http rather than fetch: fetch will not let a test send a forged Host header or a raw `..` path. */
function request(
  urlPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (channel: string, input: unknown, token = host.token) =>
  request(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Placeringskollen-Token': token },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-host-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("hej");');
  writeFileSync(path.join(dir, 'secret.txt'), 'hemligt');
  host = await startHost({ databasePath: path.join(dir, 'register.sqlite'), rendererDir, port: 0, clock: testClock() });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser host', () => {
  it('refuses to start without a built renderer, saying what to do', async () => {
    const start = startHost({ databasePath: path.join(dir, 'other.sqlite'), rendererDir: path.join(dir, 'nothing'), clock: testClock() });
    await expect(start).rejects.toThrow(RendererMissingError);
    await expect(start).rejects.toThrow('npm run build');
  });

  it('listens on 127.0.0.1 and gives a URL with the token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
  });

  it('serves index.html with a fresh nonce, substituted in the page and in the CSP header', async () => {
    const first = await request('/');
    const second = await request('/index.html');
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const nonce = /name="csp-nonce" content="([^"]+)"/.exec(res.body)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(res.headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.body).not.toContain('__CSP_NONCE__');
    }
    expect(first.headers['content-security-policy']).not.toBe(second.headers['content-security-policy']);
  });

  it('serves scripts with their content type', async () => {
    const res = await request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toBe('console.log("hej");');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt', '//etc/passwd'])(
    'refuses path traversal %s',
    async (urlPath) => {
      const res = await request(urlPath);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('hemligt');
    },
  );

  it('answers 404 for a file that does not exist, but an empty 204 for the favicon browsers ask for', async () => {
    expect((await request('/assets/missing.js')).status).toBe(404);
    expect((await request('/favicon.ico')).status).toBe(204);
  });

  it.each(['evil.example:80', 'attacker.se', `127.0.0.1`, 'localhost'])(
    'refuses a request whose Host header is %s (DNS rebinding)',
    async (hostHeader) => {
      expect((await request('/', { headers: { Host: hostHeader } })).status).toBe(403);
      const api = await request('/api/listHomes', {
        method: 'POST',
        headers: { Host: hostHeader, 'X-Placeringskollen-Token': host.token },
        body: '{}',
      });
      expect(api.status).toBe(403);
    },
  );

  it('accepts localhost:PORT as Host', async () => {
    const { port } = new URL(host.origin);
    expect((await request('/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('requires the token for API calls (401 without or with a wrong one)', async () => {
    const without = await request('/api/listHomes', { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    expect((await call('listHomes', {}, 'fel')).status).toBe(401);
    expect((await call('listHomes', {}, host.token.slice(0, -1))).status).toBe(401);
  });

  it('refuses an API call from another origin even with the token', async () => {
    const res = await request('/api/listHomes', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'X-Placeringskollen-Token': host.token },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses the register before anyone has signed in, and lists it after', async () => {
    expect(JSON.parse((await call('listHomes', {})).body)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Välj vem du är innan du fortsätter.' },
    });
    expect(JSON.parse((await call('createFirstAdministrator', { name: 'Ada Administratörsson', initials: 'AA' })).body)).toMatchObject({
      ok: true,
      value: { user: { name: 'Ada Administratörsson', role: 'administrator' }, firstStart: false },
    });
    const res = await call('listHomes', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it('tells the renderer it runs in the browser host', async () => {
    const res = JSON.parse((await call('getAppInfo', {})).body);
    expect(res).toMatchObject({ ok: true, value: { host: 'browser', encrypted: false, homeCount: 0 } });
    expect(res.value.databasePath).toBe(path.join(dir, 'register.sqlite'));
  });

  it('answers bad input with a VALIDATION envelope', async () => {
    const res = await call('listHomes', { query: 42, extra: true });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/extra', '/query']);
  });

  it('answers a body that is not JSON with 400 and a VALIDATION envelope', async () => {
    const res = await request('/api/listHomes', { method: 'POST', headers: { 'X-Placeringskollen-Token': host.token }, body: '{nej' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION');
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await call('listHomes', { query: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
  });

  it('answers an unknown channel with 404 and wrong methods with 405', async () => {
    expect((await call('dropDatabase', {})).status).toBe(404);
    expect((await call('__proto__', {})).status).toBe(404);
    expect((await request('/api/listHomes')).status).toBe(405);
    expect((await request('/index.html', { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await request('/index.html', { method: 'DELETE' })).status).toBe(405);
  });

  it('serves every channel of the contract', async () => {
    for (const channel of channels) {
      const res = await call(channel, null);
      expect(res.status, channel).toBe(200);
      expect(JSON.parse(res.body).error.code, channel).toBe('VALIDATION');
    }
  });
});
