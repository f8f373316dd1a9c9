/**
 * The register's key sealed by the operating system (issue 17): Electron's asynchronous safeStorage,
 * and on Linux no `basic_text` (a key written in Chromium's source) unless an administrator opts in.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${text}`)),
  decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, ''), shouldReEncrypt: false })),
  // The deprecated synchronous API must not be used: it blocks main and is gone in Electron 46.
  encryptString: vi.fn(() => {
    throw new Error('the synchronous API');
  }),
  decryptString: vi.fn(() => {
    throw new Error('the synchronous API');
  }),
};
vi.mock('electron', () => ({ safeStorage }));
const { ALLOW_BASIC_TEXT, KeystoreUnavailableError, operatingSystemKeyStore } = await import('../../../main/app/keystore');

beforeEach(() => {
  safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('the keystore', () => {
  it('seals and unseals with the asynchronous API, and passes on a request to seal again', async () => {
    const store = await operatingSystemKeyStore({}, 'linux');
    expect(store.backend).toBe('gnome_libsecret');
    const sealed = await store.seal('a'.repeat(64));
    expect(sealed.toString()).toBe(`sealed:${'a'.repeat(64)}`);
    expect(await store.unseal(sealed)).toEqual({ key: 'a'.repeat(64), reseal: false });
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'b'.repeat(64), shouldReEncrypt: true });
    expect(await store.unseal(sealed)).toEqual({ key: 'b'.repeat(64), reseal: true });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it('names DPAPI on Windows and the Keychain on macOS', async () => {
    expect((await operatingSystemKeyStore({}, 'win32')).backend).toBe('dpapi');
    expect((await operatingSystemKeyStore({}, 'darwin')).backend).toBe('keychain');
  });

  it('refuses Linux without a keyring (basic_text), in Swedish, saying what to do', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    await expect(operatingSystemKeyStore({}, 'linux')).rejects.toBeInstanceOf(KeystoreUnavailableError);
    await expect(operatingSystemKeyStore({}, 'linux')).rejects.toThrow(/ingen nyckelring.*oskyddad.*administratör/s);
    await expect(operatingSystemKeyStore({ [ALLOW_BASIC_TEXT]: 'ja' }, 'linux')).rejects.toBeInstanceOf(KeystoreUnavailableError);
  });

  it('refuses a keystore Electron cannot name, even with the opt-in for basic_text', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('unknown');
    await expect(operatingSystemKeyStore({ [ALLOW_BASIC_TEXT]: '1' }, 'linux')).rejects.toBeInstanceOf(KeystoreUnavailableError);
  });

  it('takes basic_text when an administrator has opted in', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect((await operatingSystemKeyStore({ [ALLOW_BASIC_TEXT]: '1' }, 'linux')).backend).toBe('basic_text');
  });

  it('refuses when encryption is not available at all', async () => {
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    await expect(operatingSystemKeyStore({}, 'win32')).rejects.toThrow(/nyckelring går inte att använda/);
  });
});
