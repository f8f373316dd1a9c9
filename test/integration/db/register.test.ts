/**
 * The register file (issue 17, hardening): encrypted by default with a key sealed by the keystore,
 * a plain register encrypted after a backup, the key changed, checked copies, restore, and a
 * damaged register replaced by its newest good copy. The keystore is a fake that seals by
 * reversing and marking the bytes: what matters here is what the register does with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { backupDirFor, BackupError, putInPlace, rekeyByCopy } from '../../../main/db/backups';
import { DatabaseDamagedError, DatabaseOpenError, openDatabase } from '../../../main/db/connection';
import { keyFileFor, KeyFileError, readKeys, writeKeys, type KeyStore } from '../../../main/db/key-file';
import { newKey } from '../../../main/db/key';
import { openRegister, RekeyError, type KeySource } from '../../../main/db/register';
import { useTempDir } from '../services/harness';

const tmp = useTempDir('pk-register-');
const SECRET = 'Hemliga gårdens HVB';
let tick = Date.parse('2026-12-06T03:00:00.000Z');
const now = () => new Date((tick += 60_000));

function fakeStore(): KeyStore & { sealed: number } {
  const store = {
    backend: 'test',
    sealed: 0,
    seal: async (key: string) => {
      store.sealed += 1;
      return Buffer.concat([Buffer.from('SEALED'), Buffer.from(key).reverse()]);
    },
    unseal: async (sealed: Buffer) => {
      if (sealed.subarray(0, 6).toString() !== 'SEALED') throw new Error('not ours');
      return { key: Buffer.from(sealed.subarray(6)).reverse().toString(), reseal: false };
    },
  };
  return store;
}

const keystore = (store = fakeStore()): KeySource => ({ kind: 'keystore', store });
const file = () => path.join(tmp.dir, 'placeringskollen.sqlite');

async function addHome(db: BetterSqlite3.Database, name = SECRET): Promise<void> {
  db.prepare("INSERT INTO homes (id, kind, name) VALUES (?, 'hvb', ?)").run(`H-${name.length}-${Math.random()}`, name);
}

function filesWithPlaintext(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (needles.some((needle) => fs.readFileSync(full).includes(needle))) found.push(full);
    }
  };
  walk(dir);
  return found;
}

describe('encryption by default', () => {
  it('a new register gets a random key sealed by the keystore, and no plaintext reaches the file, its WAL or a backup', async () => {
    const store = fakeStore();
    const register = await openRegister(file(), { keys: keystore(store), now });
    await addHome(register.connection.raw);
    register.backup('manuell');
    register.backup('automatisk');
    // The WAL holds the write until a checkpoint: look while it is there.
    expect(fs.statSync(`${file()}-wal`).size).toBeGreaterThan(0);
    expect(filesWithPlaintext(tmp.dir, SECRET)).toEqual([]);
    expect(register.connection.encrypted).toBe(true);
    expect(register.keySource).toBe('keystore');
    await register.close();

    expect(fs.readFileSync(keyFileFor(file()), 'utf8')).not.toMatch(/[0-9a-f]{64}/);
    const keys = await readKeys(keyFileFor(file()), store);
    expect(keys?.current).toMatch(/^[0-9a-f]{64}$/);
    expect(() => new BetterSqlite3(file()).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    expect(filesWithPlaintext(tmp.dir, SECRET)).toEqual([]);
  });

  it('the key file is readable by its owner only, and opens again on the next start', async () => {
    await (await openRegister(file(), { keys: keystore(), now })).close();
    expect(fs.statSync(keyFileFor(file())).mode & 0o777).toBe(0o600);
    const again = await openRegister(file(), { keys: keystore(), now });
    expect(again.connection.encrypted).toBe(true);
    await again.close();
  });

  it('a plain register is encrypted on start, after a backup, and its old copies are encrypted too', async () => {
    const plain = await openDatabase(file(), { now });
    await addHome(plain.raw);
    await plain.close();
    // A copy from before (a plain one, as earlier versions made them before a migration).
    const before = await openRegister(file(), { keys: { kind: 'none' }, now });
    before.backup('manuell');
    await before.close();
    expect(filesWithPlaintext(tmp.dir, SECRET).length).toBeGreaterThan(0);

    const register = await openRegister(file(), { keys: keystore(), now });
    expect(register.connection.encrypted).toBe(true);
    expect(register.connection.raw.prepare('SELECT name FROM homes').pluck().all()).toEqual([SECRET]);
    expect(register.list().map((b) => b.kind)).toEqual(['fore-kryptering', 'manuell']);
    await register.close();
    expect(filesWithPlaintext(tmp.dir, SECRET)).toEqual([]);
  });

  it('an encryption a crash interrupted (the key saved as next, the file still plain) is done on the next start', async () => {
    const plain = await openDatabase(file(), { now });
    await addHome(plain.raw);
    await plain.close();
    const store = fakeStore();
    const key = newKey();
    await writeKeys(keyFileFor(file()), store, { next: key });

    const register = await openRegister(file(), { keys: keystore(store), now });
    expect(register.connection.raw.prepare('SELECT count(*) FROM homes').pluck().get()).toBe(1);
    await register.close();
    expect(await readKeys(keyFileFor(file()), store)).toEqual({ current: key });
    expect(filesWithPlaintext(tmp.dir, SECRET)).toEqual([]);
  });

  it('a register encrypted with another key than the keystore holds is refused, not overwritten', async () => {
    await (await openDatabase(file(), { key: newKey() })).close();
    const bytes = fs.readFileSync(file());
    await writeKeys(keyFileFor(file()), fakeStore(), { current: newKey() });
    await expect(openRegister(file(), { keys: keystore(), now })).rejects.toBeInstanceOf(DatabaseOpenError);
    expect(fs.readFileSync(file()).equals(bytes)).toBe(true);
  });

  it('a key the keystore cannot unseal (another user, another computer) is said in Swedish', async () => {
    await (await openRegister(file(), { keys: keystore(), now })).close();
    const other: KeyStore = { ...fakeStore(), unseal: () => Promise.reject(new Error('DPAPI')) };
    await expect(openRegister(file(), { keys: { kind: 'keystore', store: other }, now })).rejects.toThrow(KeyFileError);
    await expect(openRegister(file(), { keys: { kind: 'keystore', store: other }, now })).rejects.toThrow(/kan inte låsas upp/);
  });
});

describe('changing the key', () => {
  it('gives the register and every copy a new key; the old key opens nothing afterwards', async () => {
    const store = fakeStore();
    const register = await openRegister(file(), { keys: keystore(store), now });
    await addHome(register.connection.raw);
    register.backup('automatisk');
    const old = (await readKeys(keyFileFor(file()), store))!.current!;

    expect(await register.closeAndRekey()).toEqual({ backupsLeft: 0 });
    expect(register.connection.raw.open).toBe(false);
    const reopened = await openRegister(file(), { keys: keystore(store), now });
    await addHome(reopened.connection.raw, 'Efter bytet');
    expect(reopened.list().map((b) => b.kind)).toEqual(['fore-nyckelbyte', 'automatisk']);
    const copies = reopened.list().map((b) => b.file);
    await reopened.close();

    const next = (await readKeys(keyFileFor(file()), store))!;
    expect(next).toEqual({ current: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(next.current).not.toBe(old);
    for (const target of [file(), ...copies]) {
      await expect(openDatabase(target, { key: old })).rejects.toBeInstanceOf(DatabaseOpenError);
      const opened = await openDatabase(target, { key: next.current! });
      expect(opened.raw.prepare('SELECT count(*) FROM homes').pluck().get()).toBeGreaterThanOrEqual(1);
      await opened.close();
    }
    expect(filesWithPlaintext(tmp.dir, SECRET)).toEqual([]);
  });

  it('a change a crash interrupted after the file was rewritten opens with the new key, and gives the copies it too', async () => {
    const store = fakeStore();
    const old = newKey();
    const next = newKey();
    const before = await openRegister(file(), { keys: { kind: 'env', key: old }, now });
    await addHome(before.connection.raw);
    const copy = before.backup('automatisk');
    await before.close();
    rekeyByCopy(file(), old, next);
    await writeKeys(keyFileFor(file()), store, { current: old, next });

    const register = await openRegister(file(), { keys: keystore(store), now });
    await register.close();
    expect(await readKeys(keyFileFor(file()), store)).toEqual({ current: next });
    await expect(openDatabase(copy.file, { key: next })).resolves.toBeDefined();
  });

  it('a change a crash interrupted before the file was rewritten leaves it on its old key, and the work copy goes', async () => {
    const store = fakeStore();
    const old = newKey();
    await (await openDatabase(file(), { key: old })).close();
    await writeKeys(keyFileFor(file()), store, { current: old, next: newKey() });
    // What a kill during the rekey of the working copy leaves: a half-written file beside the register.
    fs.writeFileSync(`${file()}.pagar`, Buffer.alloc(4096, 9));
    const register = await openRegister(file(), { keys: keystore(store), now });
    await register.close();
    expect(await readKeys(keyFileFor(file()), store)).toEqual({ current: old });
    expect(fs.existsSync(`${file()}.pagar`)).toBe(false);
  });

  it('a copy that cannot be given the new key at once keeps the retired key until the next start gives it', async () => {
    const store = fakeStore();
    const register = await openRegister(file(), { keys: keystore(store), now });
    await addHome(register.connection.raw);
    const copy = register.backup('automatisk');
    const old = (await readKeys(keyFileFor(file()), store))!.current!;
    // Something in the way of the copy's working file (on Windows, a scanner holding the copy open).
    fs.mkdirSync(`${copy.file}.pagar`);
    const { backupsLeft } = await register.closeAndRekey();
    expect(backupsLeft).toBe(1);
    const keys = (await readKeys(keyFileFor(file()), store))!;
    expect(keys.retired).toBe(old);
    await expect(openDatabase(copy.file, { key: old })).resolves.toBeDefined();

    // While a copy still needs the retired key, another change would lose it: refused.
    const meanwhile = await openRegister(file(), { keys: keystore(store), now });
    await expect(meanwhile.closeAndRekey()).rejects.toThrow(/ännu inte fått den förra nyckeln/);
    expect(meanwhile.connection.raw.open).toBe(true);
    await meanwhile.close();

    fs.rmdirSync(`${copy.file}.pagar`);
    const later = await openRegister(file(), { keys: keystore(store), now });
    await later.close();
    expect(await readKeys(keyFileFor(file()), store)).toEqual({ current: keys.current });
    await expect(openDatabase(copy.file, { key: keys.current! })).resolves.toBeDefined();
  });

  it('is refused in Swedish for a key from the environment and for a plain register, with the register left open', async () => {
    const fromEnv = await openRegister(file(), { keys: { kind: 'env', key: newKey() }, now });
    await expect(fromEnv.closeAndRekey()).rejects.toThrow(RekeyError);
    await expect(fromEnv.closeAndRekey()).rejects.toThrow(/PLACERINGSKOLLEN_DB_KEY/);
    expect(fromEnv.connection.raw.open).toBe(true);
    await fromEnv.close();
    const plain = await openRegister(path.join(tmp.dir, 'plain.sqlite'), { keys: { kind: 'none' }, now });
    await expect(plain.closeAndRekey()).rejects.toThrow(/inte krypterat/);
    await plain.close();
  });
});

describe('backups', () => {
  it('are checked copies named by when and why, listed newest first, readable by the owner only', async () => {
    const register = await openRegister(file(), { keys: keystore(), now });
    await addHome(register.connection.raw);
    const first = register.backup('automatisk');
    const second = register.backup('manuell');
    expect(register.list().map((b) => b.name)).toEqual([second.name, first.name]);
    expect(second.name).toMatch(/^placeringskollen\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.manuell\.sqlite$/);
    expect(path.dirname(second.file)).toBe(backupDirFor(file()));
    expect(fs.statSync(second.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(backupDirFor(file())).mode & 0o777).toBe(0o700);
    expect(register.check(second.name).name).toBe(second.name);
    await register.close();
  });

  it('keep the last N automatic copies and the newest safety copies; copies made by hand stay', async () => {
    const register = await openRegister(file(), { keys: keystore(), now });
    const made = [1, 2, 3, 4].map(() => register.backup('automatisk'));
    register.backup('manuell');
    register.backup('fore-aterstallning');
    register.backup('fore-aterstallning');
    register.backup('fore-aterstallning');
    const removed = register.prune({ automatic: 2, safety: 1 });
    expect(removed.map((b) => b.kind).sort()).toEqual(['automatisk', 'automatisk', 'fore-aterstallning', 'fore-aterstallning']);
    const left = register.list();
    expect(left.filter((b) => b.kind === 'automatisk').map((b) => b.name)).toEqual([made[3]!.name, made[2]!.name]);
    expect(left.filter((b) => b.kind === 'manuell')).toHaveLength(1);
    expect(left.filter((b) => b.kind === 'fore-aterstallning')).toHaveLength(1);
    await register.close();
  });

  it('a copy a crash left half-written is never listed, and goes at the next start', async () => {
    const register = await openRegister(file(), { keys: keystore(), now });
    fs.mkdirSync(backupDirFor(file()), { recursive: true });
    const half = path.join(backupDirFor(file()), 'placeringskollen.2026-12-06T03-00-00-000Z.automatisk.sqlite.pagar');
    fs.writeFileSync(half, Buffer.alloc(4096, 2));
    expect(register.list()).toEqual([]);
    await register.close();
    await (await openRegister(file(), { keys: keystore(), now })).close();
    expect(fs.existsSync(half)).toBe(false);
  });

  it('keeps temporary tables and sorts in memory: SQLite3MultipleCiphers would write them to disk unencrypted', async () => {
    const register = await openRegister(file(), { keys: keystore(), now });
    expect(register.connection.raw.pragma('temp_store', { simple: true })).toBe(2);
    await register.close();
  });

  it('a copy that does not pass its check is said and not kept', async () => {
    const register = await openRegister(file(), { keys: keystore(), now });
    const copy = register.backup('manuell');
    fs.writeFileSync(copy.file, Buffer.alloc(8192, 7));
    expect(() => register.check(copy.name)).toThrow(BackupError);
    expect(() => register.check('finns-inte.sqlite')).toThrow(/finns inte längre/);
    // VACUUM INTO cannot run inside a transaction: the write fails after its file was made.
    register.connection.raw.exec('BEGIN');
    expect(() => register.backup('manuell')).toThrow(BackupError);
    register.connection.raw.exec('ROLLBACK');
    expect(register.list()).toHaveLength(1);
    await register.close();
  });

  it('a restore puts the copy in the register’s place, drops the old WAL, and the register opens as it was then', async () => {
    const keys = keystore();
    const register = await openRegister(file(), { keys, now });
    await addHome(register.connection.raw, 'Före kopian');
    const copy = register.backup('manuell');
    await addHome(register.connection.raw, 'Efter kopian');
    await register.closeAndRestore(copy.name, { backup: copy.name, userId: 'u-1', at: '2026-12-06T05:00:00.000Z' });
    expect(fs.existsSync(`${file()}-wal`)).toBe(false);

    const reopened = await openRegister(file(), { keys, now });
    expect(reopened.connection.raw.prepare('SELECT name FROM homes').pluck().all()).toEqual(['Före kopian']);
    // Said once, to the register brought back, so its log can tell who restored it.
    expect(reopened.takeRestoreNote()).toEqual({ backup: copy.name, userId: 'u-1', at: '2026-12-06T05:00:00.000Z' });
    expect(reopened.takeRestoreNote()).toBeNull();
    await reopened.close();
  });
});

describe('nobody else may have the register open while it is rewritten', () => {
  it('a plain register another program has open is not encrypted, and no key is saved', async () => {
    const plain = await openDatabase(file(), { now });
    await addHome(plain.raw);
    await plain.close();
    const other = new BetterSqlite3(file());
    other.prepare('SELECT count(*) FROM homes').get();
    try {
      await expect(openRegister(file(), { keys: keystore(), now })).rejects.toThrow(/används av ett annat program/);
    } finally {
      other.close();
    }
    expect(fs.existsSync(keyFileFor(file()))).toBe(false);
    expect(filesWithPlaintext(tmp.dir, SECRET).length).toBeGreaterThan(0);
    // Once it is closed, the next start encrypts it with every row.
    const register = await openRegister(file(), { keys: keystore(), now });
    expect(register.connection.raw.prepare('SELECT count(*) FROM homes').pluck().get()).toBe(1);
    await register.close();
  });

  it('rekeyByCopy refuses a file another connection holds, and leaves it as it was', async () => {
    const key = newKey();
    const register = await openRegister(file(), { keys: { kind: 'env', key }, now });
    await addHome(register.connection.raw);
    expect(() => rekeyByCopy(file(), key, newKey())).toThrow(/används av ett annat program/);
    expect(register.connection.raw.prepare('SELECT count(*) FROM homes').pluck().get()).toBe(1);
    await register.close();
    await expect(openDatabase(file(), { key })).resolves.toBeDefined();
  });
});

describe('working files and putting a file in place', () => {
  it('only this register’s own working files go at start, never another file', async () => {
    fs.writeFileSync(`${file()}.pagar`, 'x');
    fs.mkdirSync(path.join(tmp.dir, 'Utredningar.pagar'));
    fs.writeFileSync(path.join(tmp.dir, 'Utredningar.pagar', 'anteckning.txt'), 'behålls');
    fs.writeFileSync(path.join(tmp.dir, 'annat.sqlite.pagar'), 'behålls');
    await (await openRegister(file(), { keys: { kind: 'none' }, now })).close();
    expect(fs.existsSync(`${file()}.pagar`)).toBe(false);
    expect(fs.readFileSync(path.join(tmp.dir, 'Utredningar.pagar', 'anteckning.txt'), 'utf8')).toBe('behålls');
    expect(fs.existsSync(path.join(tmp.dir, 'annat.sqlite.pagar'))).toBe(true);
  });

  it('a stale WAL beside the register is removed before a file is put in its place', async () => {
    const register = await openRegister(file(), { keys: { kind: 'none' }, now });
    await addHome(register.connection.raw, 'Kopian');
    const copy = register.backup('manuell');
    await register.close();
    fs.writeFileSync(`${file()}-wal`, Buffer.alloc(4096, 0x41));
    const staged = `${file()}.pagar`;
    fs.copyFileSync(copy.file, staged);
    putInPlace(file(), staged);
    expect(fs.existsSync(`${file()}-wal`)).toBe(false);
    expect(fs.existsSync(staged)).toBe(false);
    const reopened = await openDatabase(file());
    expect(reopened.raw.prepare('SELECT name FROM homes').pluck().all()).toEqual(['Kopian']);
    await reopened.close();
  });

  it('a copy made by a newer version is not restored', async () => {
    const key = newKey();
    const register = await openRegister(file(), { keys: { kind: 'env', key }, now });
    const copy = register.backup('manuell');
    const newer = new BetterSqlite3(copy.file);
    newer.pragma(`key = '${key}'`);
    newer.pragma('user_version = 999');
    newer.close();
    await expect(register.closeAndRestore(copy.name, { backup: copy.name, userId: null, at: '2026-12-06T05:00:00.000Z' })).rejects.toThrow(/nyare version/);
    expect(register.connection.raw.open).toBe(true);
    await register.close();
  });
});

describe('a restore while another program has the register open', () => {
  it('is refused in Swedish and the register stays open and as it was', async () => {
    const register = await openRegister(file(), { keys: { kind: 'none' }, now });
    await addHome(register.connection.raw, 'Kvar');
    const copy = register.backup('manuell');
    const other = new BetterSqlite3(file());
    other.prepare('SELECT count(*) FROM homes').get();
    try {
      await expect(register.closeAndRestore(copy.name, { backup: copy.name, userId: null, at: '2026-12-06T05:00:00.000Z' })).rejects.toThrow(/används av ett annat program/);
      expect(register.connection.raw.prepare('SELECT name FROM homes').pluck().all()).toEqual(['Kvar']);
      expect(register.connection.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
    await register.close();
  });
});

/** A user who says yes to the copy offered for a damaged register; `offered` is what was offered. */
function sayYes() {
  const offered: (string | null)[] = [];
  return {
    offered,
    restoreWhenDamaged: async (_error: DatabaseDamagedError, latest: { name: string } | null) => {
      offered.push(latest?.name ?? null);
      return true;
    },
  };
}

describe('a damaged register', () => {
  async function damaged(): Promise<{ copyName: string }> {
    const register = await openRegister(file(), { keys: { kind: 'none' }, now });
    const insert = register.connection.raw.prepare("INSERT INTO homes (id, kind, name) VALUES (?, 'hvb', ?)");
    for (let i = 0; i < 400; i += 1) insert.run(`H${i}`, `Hem nummer ${i} ${'x'.repeat(200)}`);
    const copy = register.backup('automatisk');
    await register.close();
    // Overwrite pages in the middle of the file, as a failing disk would.
    const handle = fs.openSync(file(), 'r+');
    const size = fs.statSync(file()).size;
    fs.writeSync(handle, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(handle);
    return { copyName: copy.name };
  }

  it('is found at start by quick_check and said in Swedish', async () => {
    await damaged();
    await expect(openRegister(file(), { keys: { kind: 'none' }, now })).rejects.toBeInstanceOf(DatabaseDamagedError);
    await expect(openDatabase(file())).rejects.toThrow(/är skadat/);
  });

  it('is replaced by the newest good copy when the user says so, and kept aside, not deleted', async () => {
    const { copyName } = await damaged();
    const { offered, restoreWhenDamaged } = sayYes();
    const register = await openRegister(file(), {
      keys: { kind: 'none' },
      now,
      restoreWhenDamaged,
    });
    expect(offered).toEqual([copyName]);
    expect(register.connection.raw.prepare('SELECT count(*) FROM homes').pluck().get()).toBe(400);
    await register.close();
    expect(fs.readdirSync(backupDirFor(file())).some((name) => name.endsWith('.skadad'))).toBe(true);
  });

  it('is offered the newest copy that passes its check, not a newer damaged one', async () => {
    const { copyName } = await damaged();
    const later = path.join(backupDirFor(file()), 'placeringskollen.2030-01-01T00-00-00-000Z.manuell.sqlite');
    fs.writeFileSync(later, Buffer.alloc(8192, 1));
    const { offered, restoreWhenDamaged } = sayYes();
    const register = await openRegister(file(), {
      keys: { kind: 'none' },
      now,
      restoreWhenDamaged,
    });
    expect(offered).toEqual([copyName]);
    await register.close();
  });

  it('a register whose file is gone, though it had a key and copies, is offered its newest copy instead of starting empty', async () => {
    const store = fakeStore();
    const register = await openRegister(file(), { keys: keystore(store), now });
    await addHome(register.connection.raw);
    const copy = register.backup('automatisk');
    await register.close();
    fs.rmSync(file());
    await expect(openRegister(file(), { keys: keystore(store), now })).rejects.toThrow(/finns inte längre, men det har säkerhetskopior/);
    const { offered, restoreWhenDamaged } = sayYes();
    const restored = await openRegister(file(), {
      keys: keystore(store),
      now,
      restoreWhenDamaged,
    });
    expect(offered).toEqual([copy.name]);
    expect(restored.connection.raw.prepare('SELECT name FROM homes').pluck().all()).toEqual([SECRET]);
    await restored.close();
  });

  it('stays as it is when the user says no', async () => {
    await damaged();
    const bytes = fs.readFileSync(file());
    await expect(openRegister(file(), { keys: { kind: 'none' }, now, restoreWhenDamaged: async () => false })).rejects.toBeInstanceOf(DatabaseDamagedError);
    expect(fs.readFileSync(file()).equals(bytes)).toBe(true);
  });
});
