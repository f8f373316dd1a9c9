/**
 * The key of an encrypted register: 64 hexadecimal characters, 256 random bits. Anything else
 * (an empty string that would silently give a plaintext file, a word someone can guess) is refused.
 */
import { randomBytes } from 'node:crypto';

export const KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

export class DatabaseKeyError extends Error {
  constructor() {
    super('Nyckeln (PLACERINGSKOLLEN_DB_KEY) ska vara 64 hexadecimala tecken, 256 slumpade bitar, till exempel från "openssl rand -hex 32".');
    this.name = 'DatabaseKeyError';
  }
}

/** A new key from the operating system's random source. */
export function newKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The pragma that sets (`key`) or changes (`rekey`) the key: SQLite3MultipleCiphers' default cipher
 * with the key as its passphrase. Only a whole key reaches the SQL, so it needs no quoting.
 */
export function keyPragma(name: 'key' | 'rekey', key: string): string {
  if (!KEY_PATTERN.test(key)) throw new DatabaseKeyError();
  return `${name} = '${key}'`;
}
