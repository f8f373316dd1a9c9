/**
 * The register's key, sealed by the operating system's keystore (Electron's safeStorage: DPAPI on
 * Windows, the Keychain on macOS, the Secret Service or KWallet on Linux) in a small file beside the
 * register. The file alone opens nothing: only this user on this computer can unseal it.
 *
 * It holds the key in use and, while a key is being changed, the next one, so a crash between
 * rewriting the register and saving the new key never locks anyone out: whichever opens the file
 * is the right one. After a change it keeps the retired key until every copy has the new one.
 */
import fs from 'node:fs';
import { KEY_PATTERN } from './key';

/** The operating system's keystore, as the register needs it (main/app implements it with safeStorage). */
export interface KeyStore {
  /** Which keystore seals the key (safeStorage's backend name on Linux), for the security page. */
  readonly backend: string;
  seal(key: string): Promise<Buffer>;
  /** `reseal`: the keystore rotated its own key and wants the value sealed again. */
  unseal(sealed: Buffer): Promise<{ key: string; reseal: boolean }>;
}

export interface RegisterKeys {
  /** The key the register is encrypted with; absent while a plain register is being encrypted. */
  current?: string;
  /** The key being changed to. */
  next?: string;
  /** The key before a change, kept until every copy has been given the new one. */
  retired?: string;
}

export class KeyFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KeyFileError';
  }
}

interface Sealed {
  format: 1;
  current?: string;
  next?: string;
  retired?: string;
}

/** Where the sealed key of the register at `databasePath` is kept. */
export function keyFileFor(databasePath: string): string {
  return `${databasePath}.nyckel`;
}

/** The register's keys, or null when it has none yet. */
export async function readKeys(file: string, store: KeyStore): Promise<RegisterKeys | null> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeyFileError(`Nyckelfilen ${file} kan inte läsas.`, { cause: error });
  }
  let sealed: Sealed;
  try {
    sealed = JSON.parse(text) as Sealed;
    if (sealed.format !== 1) throw new Error('format');
  } catch (error) {
    throw new KeyFileError(`Nyckelfilen ${file} är skadad.`, { cause: error });
  }
  const keys: RegisterKeys = {};
  let reseal = false;
  for (const which of ['current', 'next', 'retired'] as const) {
    const value = sealed[which];
    if (typeof value !== 'string') continue;
    let unsealed: { key: string; reseal: boolean };
    try {
      unsealed = await store.unseal(Buffer.from(value, 'base64'));
    } catch (error) {
      throw new KeyFileError(
        `Nyckeln i ${file} kan inte låsas upp. Den är låst till den Windows-användare (eller det nyckelknippe) som skapade registret och kan inte användas av någon annan.`,
        { cause: error },
      );
    }
    if (!KEY_PATTERN.test(unsealed.key)) throw new KeyFileError(`Nyckelfilen ${file} är skadad.`);
    keys[which] = unsealed.key;
    reseal ||= unsealed.reseal;
  }
  if (reseal) await writeKeys(file, store, keys);
  return keys;
}

/** Writes the keys sealed, readable by this user only, replacing the file in one step. */
export async function writeKeys(file: string, store: KeyStore, keys: RegisterKeys): Promise<void> {
  const sealed: Sealed = { format: 1 };
  if (keys.current) sealed.current = (await store.seal(keys.current)).toString('base64');
  if (keys.next) sealed.next = (await store.seal(keys.next)).toString('base64');
  if (keys.retired) sealed.retired = (await store.seal(keys.retired)).toString('base64');
  const incoming = `${file}.ny`;
  fs.writeFileSync(incoming, JSON.stringify(sealed), { mode: 0o600 });
  const handle = fs.openSync(incoming, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(incoming, file);
}
