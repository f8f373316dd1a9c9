/**
 * The register's key sealed by the operating system (Electron's safeStorage, its asynchronous API):
 * DPAPI on Windows, the Keychain on macOS, the Secret Service or KWallet on Linux. Where Linux has
 * none of these, safeStorage falls back to `basic_text`, a key written in Chromium's source: that
 * protects nothing, so it is refused unless an administrator has said in writing that the computer
 * is protected some other way (PLACERINGSKOLLEN_TILLAT_OSKYDDAD_NYCKEL=1, docs/sakerhet.md).
 */
import { safeStorage } from 'electron';
import type { KeyStore } from '../db/key-file';

export const ALLOW_BASIC_TEXT = 'PLACERINGSKOLLEN_TILLAT_OSKYDDAD_NYCKEL';

export class KeystoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreUnavailableError';
  }
}

/** The keystore of this computer and user, or a Swedish refusal that says what is missing. */
export async function operatingSystemKeyStore(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<KeyStore> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw new KeystoreUnavailableError(
      'Datorns nyckelring går inte att använda, så registrets krypteringsnyckel kan inte skyddas. ' +
        'Logga in på datorn som vanligt (inte som en annan användare) och starta programmet igen, eller kontakta IT.',
    );
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'win32' ? 'dpapi' : 'keychain';
  // Only the keystores that protect the key; one Electron does not name ('unknown') does not count.
  const protecting = ['dpapi', 'keychain', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];
  if (!protecting.includes(backend) && !(backend === 'basic_text' && env[ALLOW_BASIC_TEXT] === '1')) {
    throw new KeystoreUnavailableError(
      'Datorn har ingen nyckelring (som GNOME Keyring eller KWallet), så registrets krypteringsnyckel skulle sparas oskyddad. ' +
        `Installera en nyckelring, eller låt en administratör som har skyddat datorn på annat sätt (krypterad disk) sätta ${ALLOW_BASIC_TEXT}=1.`,
    );
  }
  return {
    backend,
    seal: (key) => safeStorage.encryptStringAsync(key),
    async unseal(sealed) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
      return { key: result, reseal: shouldReEncrypt };
    },
  };
}
