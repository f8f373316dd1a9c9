/**
 * The browser host on the shared register (issue 18): `--db postgres://…` (or PLACERINGSKOLLEN_DB)
 * opens the unit's register; the footer's facts name it without its password, and the program's
 * own copies are not offered, since the database keeps the shared register's.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../main/host/server';
import { testClock } from '../../clock';
import { adminUrl, useTestDatabase } from './harness';

describe.runIf(adminUrl)('the browser host on a shared register', () => {
  const database = useTestDatabase('pk_host');
  let dir: string;
  let host: Host;

  const call = async (channel: string, input: unknown) => {
    const response = await fetch(`${host.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Placeringskollen-Token': host.token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-host-pg-'));
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__">');
    // The password apart from the address, as PGPASSWORD gives it.
    const url = new URL(database.url);
    const password = decodeURIComponent(url.password);
    url.password = '';
    host = await startHost({ databasePath: url.toString(), password, rendererDir, port: 0, clock: testClock() });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the shared register, migrated, and names it without the password', async () => {
    const info = await call('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { register: 'shared', encrypted: false, host: 'browser', homeCount: 0 } });
    const named = String(info.value!.databasePath);
    expect(named).toBe(`${new URL(database.url).username}@127.0.0.1:${new URL(database.url).port || 5432}/${database.name}`);
    expect(named).not.toContain(`:${decodeURIComponent(new URL(database.url).password)}@`);
  });

  it('signs in the first administratör on the shared register', async () => {
    const session = await call('createFirstAdministrator', { name: 'Ada Administratörsson', initials: 'AA', units: ['Barn och unga'] });
    expect(session).toMatchObject({ ok: true });
    expect((await call('getSession', {})).value).toMatchObject({ user: { name: 'Ada Administratörsson', role: 'administrator' } });
  });
});
