/**
 * Which register this computer opens (issue 18): the choice kept in config.json and checked on
 * every read (a hand-edited file falls back to the local register and says so), the password only
 * ever sealed by the keystore, and a shared register saved only after its connection works.
 */
import { describe, expect, it, vi } from 'vitest';
import type { KeyStore } from '../../../main/db/key-file';
import { SharedRegisterError, type SharedRegisterAddress } from '../../../main/db/pg/connection';
import type { SharedRegisterProbe } from '../../../main/db/pg/register';
import { ServiceError } from '../../../main/services/errors';
import { memoryPreferenceStore, type PreferenceStore } from '../../../main/services/preferences';
import {
  addressOfSetting,
  createRegisterChoiceService,
  keptPassword,
  readRegisterChoice,
  REGISTER_CHOICE,
  REGISTER_PASSWORD,
  type RegisterChoiceHost,
} from '../../../main/services/register-choice';
import type { SharedRegisterInput } from '../../../preload/api';

/** A keystore that really transforms the text (reversed, with a mark), so a plain password cannot pass for a sealed one. */
function fakeKeyStore(): KeyStore {
  return {
    backend: 'prov',
    seal: async (text) => Buffer.from(`förseglat:${[...text].reverse().join('')}`),
    async unseal(sealed) {
      const text = sealed.toString();
      if (!text.startsWith('förseglat:')) throw new Error('inte förseglat här');
      return { key: [...text.slice('förseglat:'.length)].reverse().join(''), reseal: false };
    },
  };
}

/** A store that is, like config.json, JSON: what it holds is what a person could read in the file. */
function jsonStore(): PreferenceStore & { text(): string } {
  const inner = memoryPreferenceStore();
  const keys = new Set<string>();
  return {
    get: (key) => inner.get(key),
    set: (key, value) => {
      keys.add(key);
      inner.set(key, JSON.parse(JSON.stringify(value)));
    },
    delete: (key) => {
      keys.delete(key);
      inner.delete(key);
    },
    text: () => JSON.stringify(Object.fromEntries([...keys].map((key) => [key, inner.get(key)]))),
  };
}

const shared: SharedRegisterInput = {
  host: 'db.exempelkommun.se',
  port: 5432,
  database: 'placeringskollen',
  user: 'anna_provsson',
  tls: 'verify-full',
  caFile: '/etc/exempelkommun-ca.pem',
  password: 'Hemligt-lösen-42',
};

/** The address of `shared`, as the service checks it. */
const sharedAddress = (input: SharedRegisterInput = shared) => addressOfSetting({ ...input, caFile: input.caFile });

function service(host: Partial<RegisterChoiceHost> = {}, store = jsonStore()) {
  const log = vi.fn(async () => undefined);
  const probe = vi.fn(async (_address: SharedRegisterAddress, _password: string | null): Promise<SharedRegisterProbe> => ({ login: 'anna_provsson', state: 'current', version: 12, latest: 12 }));
  const choice = createRegisterChoiceService(store, log, { keyStore: fakeKeyStore(), host: 'electron', opened: 'local', decidedByIt: false, probe, ...host });
  return { choice, store, log, probe };
}

describe('the saved choice, read back', () => {
  it('is the local register when nothing is saved', () => {
    expect(readRegisterChoice(memoryPreferenceStore())).toEqual({ choice: { kind: 'local' }, problem: null });
  });

  it.each([
    ['a string', 'postgres://u@db/reg'],
    ['an array', ['shared']],
    ['an unknown kind', { kind: 'network' }],
    ['a missing port', { kind: 'shared', host: 'db', database: 'reg', user: 'u', tls: 'verify-full', caFile: null }],
    ['a port as text', { kind: 'shared', host: 'db', port: '5432', database: 'reg', user: 'u', tls: 'verify-full', caFile: null }],
    ['TLS turned off for a server on the network', { kind: 'shared', host: 'db.exempelkommun.se', port: 5432, database: 'reg', user: 'u', tls: 'disable', caFile: null }],
    ['sslmode=require', { kind: 'shared', host: 'db', port: 5432, database: 'reg', user: 'u', tls: 'require', caFile: null }],
    ['a port out of range', { kind: 'shared', host: 'db', port: 99999, database: 'reg', user: 'u', tls: 'verify-full', caFile: null }],
    ['an empty user', { kind: 'shared', host: 'db', port: 5432, database: 'reg', user: ' ', tls: 'verify-full', caFile: null }],
  ])('a hand-edited file with %s opens the local register and says so, without throwing', (_what, value) => {
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, value);
    const read = readRegisterChoice(store);
    expect(read.choice).toEqual({ kind: 'local' });
    expect(read.problem).toMatch(/^Den sparade inställningen för registret kunde inte läsas \(.+\), så det lokala registret öppnas\./);
  });

  it('takes a shared register on the network with verify-full, and one on this computer without TLS', () => {
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, { kind: 'shared', host: ' db.exempelkommun.se ', port: 6432, database: 'reg', user: 'u', tls: 'verify-full' });
    expect(readRegisterChoice(store)).toEqual({ choice: { kind: 'shared', host: 'db.exempelkommun.se', port: 6432, database: 'reg', user: 'u', tls: 'verify-full', caFile: null }, problem: null });
    store.set(REGISTER_CHOICE, { kind: 'shared', host: '127.0.0.1', port: 5432, database: 'reg', user: 'u', tls: 'disable', caFile: null });
    expect(readRegisterChoice(store).choice).toMatchObject({ tls: 'disable' });
    expect(addressOfSetting({ host: '127.0.0.1', port: 5432, database: 'reg', user: 'u', tls: 'disable', caFile: null }, 'pw')).toEqual({
      host: '127.0.0.1', port: 5432, database: 'reg', user: 'u', password: 'pw', tls: { mode: 'disable' },
    });
  });
});

describe('saving a shared register', () => {
  it('tests the connection, keeps the password sealed and never in plain text, and logs the change without it', async () => {
    const { choice, store, log, probe } = service();
    const saved = await choice.save({ kind: 'shared', ...shared });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(probe.mock.calls[0]![1]).toBe('Hemligt-lösen-42');
    expect(saved.view.choice).toEqual({ kind: 'shared', host: 'db.exempelkommun.se', port: 5432, database: 'placeringskollen', user: 'anna_provsson', tls: 'verify-full', caFile: '/etc/exempelkommun-ca.pem' });
    expect(saved.view.passwordKept).toBe(true);
    expect(store.text()).not.toContain('Hemligt-lösen-42');
    expect(store.text()).not.toContain([...'Hemligt-lösen-42'].reverse().join(''));
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress())).toBe('Hemligt-lösen-42');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ action: 'update', entity: 'settings', entityId: 'register' }));
    expect(JSON.stringify(log.mock.calls)).not.toContain('Hemligt');
    expect(JSON.stringify(log.mock.calls)).toContain('anna_provsson@db.exempelkommun.se:5432/placeringskollen');
  });

  it('uses the kept password when none is typed, and keeps it', async () => {
    const { choice, store, probe } = service();
    await choice.save({ kind: 'shared', ...shared });
    await choice.testConnection({ ...shared, password: null });
    expect(probe.mock.calls[1]![1]).toBe('Hemligt-lösen-42');
    const saved = await choice.save({ kind: 'shared', ...shared, caFile: '/etc/ny-ca.pem', password: '' });
    expect(probe.mock.calls[2]![1]).toBe('Hemligt-lösen-42');
    expect(saved.view.passwordKept).toBe(true);
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress())).toBe('Hemligt-lösen-42');
  });

  it.each([
    ['another server', { host: 'db.annan-server.se' }],
    ['another port', { port: 6432 }],
    ['another database', { database: 'annat' }],
    ['another user', { user: 'bertil_provsson' }],
  ])('never sends the kept password to %s: it is typed again, and the old one is not kept', async (_what, change) => {
    const { choice, store, probe } = service();
    await choice.save({ kind: 'shared', ...shared });
    await choice.testConnection({ ...shared, ...change, password: null });
    expect(probe.mock.calls[1]![1]).toBeNull();
    const saved = await choice.save({ kind: 'shared', ...shared, ...change, password: null });
    expect(probe.mock.calls[2]![1]).toBeNull();
    expect(saved.view.passwordKept).toBe(false);
    expect(store.get(REGISTER_PASSWORD)).toBeUndefined();
  });

  it('a hand-edited config.json that points the choice at another server does not take the password there', async () => {
    const { choice, store } = service();
    await choice.save({ kind: 'shared', ...shared });
    store.set(REGISTER_CHOICE, { ...(store.get(REGISTER_CHOICE) as object), host: 'db.angripare.example' });
    expect((await choice.get()).passwordKept).toBe(false);
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress({ ...shared, host: 'db.angripare.example' }))).toBeNull();
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress())).toBe('Hemligt-lösen-42');
  });

  it('refuses what does not connect, with the problem at its field, and saves nothing', async () => {
    const { choice, store, log, probe } = service();
    probe.mockRejectedValueOnce(new SharedRegisterError('Inloggningen till det gemensamma registret nekades: fel lösenord för anna_provsson.', { cause: Object.assign(new Error('x'), { code: '28P01' }) }));
    const error = await choice.save({ kind: 'shared', ...shared }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).issues).toEqual([{ path: '/password', message: 'Inloggningen till det gemensamma registret nekades: fel lösenord för anna_provsson.' }]);
    expect(store.get(REGISTER_CHOICE)).toBeUndefined();
    expect(store.get(REGISTER_PASSWORD)).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    [{ host: '' }, '/host', /databasserverns namn/],
    [{ host: 'db.exempelkommun.se/reg' }, '/host', /inget servernamn/],
    [{ database: ' ' }, '/database', /databasens namn/],
    [{ user: '' }, '/user', /egen databasanvändare/],
    [{ tls: 'disable' as const }, '/tls', /måste vara krypterad/],
    [{ caFile: 'kommun-ca.pem' }, '/caFile', /hela sökvägen/],
  ])('says at the field what is wrong with %o, before connecting', async (change, path, message) => {
    const { choice, probe } = service();
    const error = (await choice.save({ kind: 'shared', ...shared, ...change }).catch((e: unknown) => e)) as ServiceError;
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]!.path).toBe(path);
    expect(error.issues[0]!.message).toMatch(message);
    expect(probe).not.toHaveBeenCalled();
  });

  it('refuses a register made by a newer version', async () => {
    const { choice, probe, store } = service();
    probe.mockResolvedValueOnce({ login: 'anna_provsson', state: 'newer', version: 99, latest: 12 });
    await expect(choice.save({ kind: 'shared', ...shared })).rejects.toThrow(/nyare version av Placeringskollen/);
    expect(store.get(REGISTER_CHOICE)).toBeUndefined();
  });

  it('keeps no password where there is no keystore (the browser host), and says where it can be kept', async () => {
    const { choice, store } = service({ keyStore: null, host: 'browser' });
    const saved = await choice.save({ kind: 'shared', ...shared });
    expect(saved.view.passwordKept).toBe(false);
    expect(saved.view.passwordStore).toBe('browser');
    expect(store.get(REGISTER_PASSWORD)).toBeUndefined();
    expect(store.text()).not.toContain('Hemligt');
    expect(saved.restarting).toBe(false);
  });

  it('the browser host saving the same address again leaves the desktop app’s kept password alone', async () => {
    const store = jsonStore();
    await service({}, store).choice.save({ kind: 'shared', ...shared });
    const inBrowser = service({ keyStore: null, host: 'browser' }, store);
    await inBrowser.choice.save({ kind: 'shared', ...shared, password: null });
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress())).toBe('Hemligt-lösen-42');
  });

  it('a desktop app without a keystore says so, and keeps no password', async () => {
    const { choice, store } = service({ keyStore: null });
    const saved = await choice.save({ kind: 'shared', ...shared });
    expect(saved.view).toMatchObject({ passwordKept: false, passwordStore: 'no-keystore' });
    expect(store.get(REGISTER_PASSWORD)).toBeUndefined();
  });
});

describe('Välj fil… for the CA certificate', () => {
  it('is the desktop app’s dialog, cancelled as null, and refused where a browser tab cannot give a path', async () => {
    const chooseFile = vi.fn<() => Promise<string | null>>().mockResolvedValueOnce('/etc/exempelkommun-ca.pem').mockResolvedValueOnce(null);
    const { choice } = service({ chooseFile });
    expect(await choice.chooseCaFile()).toEqual({ path: '/etc/exempelkommun-ca.pem' });
    expect(await choice.chooseCaFile()).toEqual({ path: null });
    const inBrowser = service({ host: 'browser', keyStore: null });
    await expect(inBrowser.choice.chooseCaFile()).rejects.toThrow('Skriv sökvägen till CA-certifikatet.');
  });
});

describe('after saving', () => {
  it('the desktop app starts again on a shared register, and on the local one only when the shared one is open', async () => {
    const restart = vi.fn();
    const { choice } = service({ restart });
    expect((await choice.save({ kind: 'shared', ...shared })).restarting).toBe(true);
    expect(restart).toHaveBeenCalledTimes(1);
    expect((await choice.save({ kind: 'local' })).restarting).toBe(false);
    expect(restart).toHaveBeenCalledTimes(1);
    const onShared = service({ restart, opened: 'shared' });
    expect((await onShared.choice.save({ kind: 'local' })).restarting).toBe(true);
    expect(restart).toHaveBeenCalledTimes(2);
  });

  it('does not start again where IT’s setting decides the register, and says so', async () => {
    const restart = vi.fn();
    const { choice } = service({ restart, decidedByIt: true });
    const saved = await choice.save({ kind: 'shared', ...shared });
    expect(saved).toMatchObject({ restarting: false, view: { decidedByIt: true } });
    expect(restart).not.toHaveBeenCalled();
  });

  it('the local register forgets the shared one’s password', async () => {
    const { choice, store, log } = service();
    await choice.save({ kind: 'shared', ...shared });
    const saved = await choice.save({ kind: 'local' });
    expect(saved.view).toMatchObject({ choice: { kind: 'local' }, passwordKept: false });
    expect(store.get(REGISTER_PASSWORD)).toBeUndefined();
    expect(log).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { register: 'local' } }));
  });

  it('a password sealed by another keystore (another user) counts as none', async () => {
    const store = memoryPreferenceStore();
    store.set(REGISTER_PASSWORD, Buffer.from('något annat').toString('base64'));
    expect(await keptPassword(store, fakeKeyStore(), sharedAddress())).toBeNull();
    expect(await keptPassword(store, null, sharedAddress())).toBeNull();
  });
});
