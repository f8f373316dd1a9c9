/**
 * Säkerhet through the window's calls (issue 17): who may make, restore and keep copies, what the
 * log says, the daily copy and its pruning, and a restore that brings the register back as it was.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRegister, type Register } from '../../../main/db/register';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch, type Handlers } from '../../../main/ipc/dispatch';
import type { Channel, RegisterProtection } from '../../../preload/api';
import { createServices, type Services } from '../../../main/services';
import { memoryPreferenceStore } from '../../../main/services/preferences';
import { testClock, type TestClock } from '../../clock';
import { signInAs } from '../../signed-in';
import { useTempDir } from './harness';

const tmp = useTempDir('pk-backups-service-');

interface Opened {
  register: Register;
  services: Services;
  handlers: Handlers;
}

let clock: TestClock;
let current: Opened;
const preferences = memoryPreferenceStore();

async function open(): Promise<Opened> {
  const file = path.join(tmp.dir, 'placeringskollen.sqlite');
  const register = await openRegister(file, { keys: { kind: 'env', key: 'c'.repeat(64) }, now: () => new Date(clock.now()) });
  const services = createServices(register.connection.db, {
    clock,
    preferences,
    register: {
      register,
      async restart(work) {
        try {
          return await work();
        } finally {
          if (register.connection.raw.open) await register.close();
          current = await open();
        }
      },
    },
  });
  const restored = register.takeRestoreNote();
  if (restored) await services.backups.recordRestore(restored);
  const handlers = createHandlers(services, { host: 'browser', databasePath: file, encrypted: true, version: 'test' });
  return { register, services, handlers };
}

beforeEach(async () => {
  clock = testClock('2026-12-06T08:00:00.000Z');
  preferences.delete('backups.keepAutomatic');
  current = await open();
});
afterEach(async () => {
  if (current.register.connection.raw.open) await current.register.close();
});

const call = (channel: Channel, input: unknown) => dispatch(channel, input, current.handlers) as Promise<Envelope>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields of its own channel's answer
type Envelope = { ok: true; value: any } | { ok: false; error: { code: string; message: string; issues?: unknown[] } };

const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('Säkerhet: who may do what', () => {
  it('a handläggare sees nothing of it', async () => {
    await signInAs(current.services, 'handlaggare');
    const result = await call('getRegisterProtection', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });

  it('an enhetschef sees the protection and makes a copy, but may not restore, change the key or the setting', async () => {
    await signInAs(current.services, 'enhetschef');
    const protection = value(await call('getRegisterProtection', {}));
    expect(protection).toMatchObject({ encrypted: true, keySource: 'env', keepAutomatic: 14, backups: [] });
    const made = value(await call('backUpNow', {}));
    expect(made.kind).toBe('manuell');
    for (const refused of [
      await call('restoreBackup', { name: made.name }),
      await call('changeRegisterKey', {}),
      await call('saveBackupSettings', { keepAutomatic: 3 }),
    ]) {
      expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    }
  });

  it('a key from the environment is not changed from the window, and says why', async () => {
    await signInAs(current.services, 'administrator');
    const result = await call('changeRegisterKey', {});
    expect(!result.ok && result.error.code).toBe('CONFLICT');
    expect(!result.ok && result.error.message).toMatch(/PLACERINGSKOLLEN_DB_KEY/);
  });
});

describe('Säkerhet: copies', () => {
  it('a copy made by hand is in the log with who made it', async () => {
    const userId = await signInAs(current.services, 'enhetschef');
    const made = value(await call('backUpNow', {}));
    const log = await current.services.users.accessLog({ action: 'backup', offset: 0, limit: 50 });
    expect(log.rows.map((row) => [row.userId, row.entityId, row.channel])).toEqual([[userId, made.name, 'backUpNow']]);
  });

  it('the daily copy is made when due, once a day, and only the last N are kept', async () => {
    expect(current.services.backups.runDue().made?.kind).toBe('automatisk');
    expect(current.services.backups.runDue().made).toBeNull();
    for (let day = 7; day <= 12; day += 1) {
      clock.set(`2026-12-${String(day).padStart(2, '0')}T08:30:00.000Z`);
      expect(current.services.backups.runDue().made).not.toBeNull();
    }
    await signInAs(current.services, 'administrator');
    value(await call('saveBackupSettings', { keepAutomatic: 3 }));
    const protection: RegisterProtection = value(await call('getRegisterProtection', {}));
    expect(protection.keepAutomatic).toBe(3);
    expect(protection.backups.map((b) => b.createdAt)).toEqual(['2026-12-12T08:30:00.000Z', '2026-12-11T08:30:00.000Z', '2026-12-10T08:30:00.000Z']);
    expect(protection.nextAutomaticAt).toBe('2026-12-13T08:30:00.000Z');
  });

  it('a setting out of range is refused at its field', async () => {
    await signInAs(current.services, 'administrator');
    const result = await call('saveBackupSettings', { keepAutomatic: 0 });
    expect(!result.ok && result.error.issues).toEqual([{ path: '/keepAutomatic', message: 'Minst 1.' }]);
  });

  it('a restore brings the register back as it was, keeps a safety copy of how it was, and says so in both logs', async () => {
    const userId = await signInAs(current.services, 'administrator');
    value(await call('saveHome', { kind: 'hvb', name: 'Före kopian HVB' }));
    const copy = value(await call('backUpNow', {}));
    value(await call('saveHome', { kind: 'hvb', name: 'Efter kopian HVB' }));

    expect(value(await call('restoreBackup', { name: copy.name }))).toEqual({ restarting: true, problem: null });

    // `current` is the register opened anew over the copy.
    expect((await current.services.homes.list({})).map((home) => home.name)).toEqual(['Före kopian HVB']);
    const kinds = current.register.list().map((b) => b.kind);
    expect(kinds).toContain('fore-aterstallning');
    const restored = await current.services.users.accessLog({ action: 'restore', offset: 0, limit: 50 });
    expect(restored.rows.map((row) => [row.userId, row.entityId])).toEqual([[userId, copy.name]]);
    // The safety copy undoes the restore: the register as it was, with the entry that says what happened.
    await signInAs(current.services, 'administrator');
    const safety = current.register.list().find((b) => b.kind === 'fore-aterstallning')!;
    value(await call('restoreBackup', { name: safety.name }));
    expect((await current.services.homes.list({})).map((home) => home.name).sort()).toEqual(['Efter kopian HVB', 'Före kopian HVB']);
  });

  it('the oldest safety copy can be restored: a restore prunes nothing', async () => {
    await signInAs(current.services, 'administrator');
    const copies = [1, 2, 3].map(() => current.register.backup('fore-aterstallning'));
    value(await call('restoreBackup', { name: copies[0]!.name }));
    const restored = await current.services.users.accessLog({ action: 'restore', offset: 0, limit: 50 });
    expect(restored.rows.map((row) => row.entityId)).toContain(copies[0]!.name);
  });

  it('the restore is in the log of the safety copy too, so undoing it keeps the record', async () => {
    await signInAs(current.services, 'administrator');
    const first = value(await call('backUpNow', {}));
    value(await call('restoreBackup', { name: first.name }));
    await signInAs(current.services, 'administrator');
    const safety = current.register.list().find((b) => b.kind === 'fore-aterstallning')!;
    value(await call('restoreBackup', { name: safety.name }));
    const log = await current.services.users.accessLog({ action: 'restore', offset: 0, limit: 50 });
    // The register now is the safety copy: it holds the first restore (written before the copy was
    // made), and the entry for the restore that brought it back.
    expect(log.rows.map((row) => row.entityId).sort()).toEqual([first.name, safety.name].sort());
  });

  it('a restore while another program has the register open is refused before anything is written', async () => {
    await signInAs(current.services, 'administrator');
    const copy = value(await call('backUpNow', {}));
    const other = new BetterSqlite3(current.register.path);
    other.pragma(`key = '${'c'.repeat(64)}'`);
    other.prepare('SELECT count(*) FROM homes').get();
    try {
      const result = await call('restoreBackup', { name: copy.name });
      expect(!result.ok && result.error.message).toMatch(/används av ett annat program/);
    } finally {
      other.close();
    }
    expect(current.register.list().map((b) => b.kind)).toEqual(['manuell']);
    expect((await current.services.users.accessLog({ action: 'restore', offset: 0, limit: 50 })).rows).toEqual([]);
  });

  it('a daily copy that cannot be written is reported, never thrown from the timer', async () => {
    const register = current.register;
    const failing = { ...register, list: () => { throw Object.assign(new Error('EPERM'), { code: 'EPERM' }); } };
    const services = createServices(register.connection.db, { clock, preferences, register: { register: failing, restart: (work) => work() } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(services.backups.runDue()).toEqual({ made: null, problem: 'Den automatiska säkerhetskopian kunde inte göras: ett oväntat fel.' });
    } finally {
      spy.mockRestore();
    }
  });

  it('an unknown copy is said in Swedish, and nothing is touched', async () => {
    await signInAs(current.services, 'administrator');
    const result = await call('restoreBackup', { name: 'placeringskollen.2020-01-01T00-00-00-000Z.manuell.sqlite' });
    expect(!result.ok && result.error.message).toBe('Säkerhetskopian finns inte längre.');
    expect(current.register.list()).toEqual([]);
  });
});
