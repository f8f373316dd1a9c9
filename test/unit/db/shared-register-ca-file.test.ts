/**
 * The CA certificate and TLS at the moment of connecting (issue 18): the path comes from a
 * settings page or a hand-edited config.json, so whatever it names is said at the CA field in
 * Swedish, without hanging the main process; and no address, however it was built, connects
 * without TLS to a server off this computer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CA_FILE_MAX_BYTES, openSharedPool, readCaCertificate, SharedRegisterError, type SharedRegisterAddress } from '../../../main/db/pg/connection';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-ca-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pem = '-----BEGIN CERTIFICATE-----\nMIIBprov\n-----END CERTIFICATE-----\n';

function file(name: string, content: string | Buffer): string {
  const at = path.join(dir, name);
  fs.writeFileSync(at, content);
  return at;
}

function refusal(caFile: string): SharedRegisterError {
  try {
    readCaCertificate(caFile);
  } catch (error) {
    expect(error).toBeInstanceOf(SharedRegisterError);
    return error as SharedRegisterError;
  }
  throw new Error(`${caFile} lästes`);
}

describe('the CA certificate file', () => {
  it('reads a PEM certificate', () => {
    expect(readCaCertificate(file('ca.pem', pem))).toBe(pem);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'finns-inte.pem'), /finns inte/],
    ['a folder', () => dir, /ingen vanlig fil/],
    ['a file too large to be a certificate', () => file('stor.pem', Buffer.alloc(CA_FILE_MAX_BYTES + 1, 0x41)), /för stor/],
    ['a certificate in DER form (binary)', () => file('ca.cer', Buffer.from([0x30, 0x82, 0x01, 0xa6, 0x30, 0x82])), /inget certifikat i PEM-form/],
    ['a text file that is no certificate', () => file('anteckning.txt', 'kommunens ca\n'), /inget certifikat i PEM-form/],
  ])('refuses %s at the CA field, in Swedish', (_what, make, message) => {
    const error = refusal(make());
    expect(error.field).toBe('caFile');
    expect(error.message).toMatch(message);
  });

  it.skipIf(process.platform === 'win32')('refuses a pipe at once instead of waiting on it forever', () => {
    const fifo = path.join(dir, 'ror.pem');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo).message).toMatch(/ingen vanlig fil/);
  });
});

describe('TLS when connecting', () => {
  const address = (host: string): SharedRegisterAddress => ({ host, port: 5432, database: 'reg', user: 'u', password: null, tls: { mode: 'disable' } });

  it.each(['db.invalid', 'localhost.invalid', '127.0.0.2', '[::2]'])('refuses an unencrypted connection to %s, however the address was made', async (host) => {
    const error = await openSharedPool(address(host), { connectTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SharedRegisterError);
    expect((error as SharedRegisterError).message).toMatch(/måste vara krypterad/);
    expect((error as SharedRegisterError).field).toBe('tls');
  });
});
