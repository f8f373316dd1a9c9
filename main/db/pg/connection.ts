/**
 * The shared register on PostgreSQL (issue: a shared register for a whole unit): its address, a
 * TLS connection that verifies the server against the municipality's CA certificate, and what is
 * wrong said in Swedish when it cannot be reached. The database itself (its backups, point-in-time
 * recovery) is the municipality's IT's to run; the app checks that it can connect.
 */
import fs from 'node:fs';
import pg from 'pg';

/** A part of the address, for a form that says what is wrong next to the field. */
export type AddressField = 'host' | 'port' | 'database' | 'user' | 'tls' | 'caFile';

export class SharedRegisterError extends Error {
  /** The part of the address that is wrong, where one is. */
  readonly field: AddressField | null;
  constructor(message: string, options?: ErrorOptions & { field?: AddressField }) {
    super(message, options);
    this.name = 'SharedRegisterError';
    this.field = options?.field ?? null;
  }
}

export interface SharedRegisterAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  /** verify-full: encrypted, and the server's certificate checked against `caFile` and its name; disable only on this computer. */
  tls: { mode: 'verify-full'; caFile: string | null } | { mode: 'disable' };
}

/** The address in parts, as a form or a URL gives them, before they are checked. */
export interface SharedRegisterParts {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  sslmode: string;
  caFile: string | null;
}

const loopback = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** A server on this computer: the only one a connection without TLS may go to. */
export function isLoopbackHost(host: string): boolean {
  return loopback.has(host.trim().toLowerCase());
}

/** True for the text that names a shared register rather than a file: `postgres://` or `postgresql://`. */
export function isSharedRegisterUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/**
 * The one check of an address, whether it came as a URL or from the settings page: each part
 * present and sane, and TLS with a verified certificate (verify-full) unless the server is on this
 * computer (development and tests), where nothing crosses a network.
 */
export function sharedRegisterAddress(parts: SharedRegisterParts): SharedRegisterAddress {
  const host = parts.host.trim();
  const database = parts.database.trim();
  const user = parts.user.trim();
  if (host === '') throw new SharedRegisterError('Ange databasserverns namn.', { field: 'host' });
  // A host name or an IP address: no spaces, slashes or @, which would make another address of it.
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s/@?#[\]]+)$/.test(host)) {
    throw new SharedRegisterError(`${host} är inget servernamn. Ange bara namnet, till exempel db.kommun.se.`, { field: 'host' });
  }
  if (!Number.isInteger(parts.port) || parts.port < 1 || parts.port > 65535) {
    throw new SharedRegisterError('Porten ska vara ett heltal 1–65535; PostgreSQL använder oftast 5432.', { field: 'port' });
  }
  if (database === '' || database.includes('/')) throw new SharedRegisterError('Ange databasens namn.', { field: 'database' });
  // PostgreSQL's own limit on a name (NAMEDATALEN - 1 bytes).
  if (Buffer.byteLength(database) > 63) throw new SharedRegisterError('Databasens namn är för långt (högst 63 tecken).', { field: 'database' });
  if (user === '') throw new SharedRegisterError('Ange användaren: var och en loggar in med sin egen databasanvändare.', { field: 'user' });
  if (Buffer.byteLength(user) > 63) throw new SharedRegisterError('Användarnamnet är för långt (högst 63 tecken).', { field: 'user' });
  const caFile = parts.caFile === null || parts.caFile.trim() === '' ? null : parts.caFile.trim();
  let tls: SharedRegisterAddress['tls'];
  if (parts.sslmode === 'verify-full') {
    tls = { mode: 'verify-full', caFile };
  } else if (parts.sslmode === 'disable' && isLoopbackHost(host)) {
    tls = { mode: 'disable' };
  } else if (parts.sslmode === 'disable') {
    throw new SharedRegisterError('Anslutningen till en databasserver på nätverket måste vara krypterad: använd sslmode=verify-full med kommunens CA-certifikat.', { field: 'tls' });
  } else {
    throw new SharedRegisterError(`sslmode=${parts.sslmode} kontrollerar inte serverns certifikat fullt ut: använd sslmode=verify-full med kommunens CA-certifikat.`, { field: 'tls' });
  }
  return { host, port: parts.port, database, user, password: parts.password, tls };
}

/**
 * `postgres://user[:password]@host[:port]/database[?sslmode=verify-full&sslrootcert=<ca.pem>]`,
 * checked by `sharedRegisterAddress` after what only a URL can get wrong.
 */
export function parseSharedRegisterUrl(text: string): SharedRegisterAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SharedRegisterError('Adressen till det gemensamma registret ska se ut som postgres://användare@server:5432/databas.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new SharedRegisterError('Adressen till det gemensamma registret ska börja med postgres://.');
  }
  const decode = (part: string, what: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new SharedRegisterError(`Adressens ${what} innehåller ett %-tecken som inte är kodat; skriv %25 för %.`);
    }
  };
  const host = decode(url.hostname, 'servernamn');
  const database = decode(url.pathname.replace(/^\//, ''), 'databasnamn');
  const user = decode(url.username, 'användare');
  // What is missing said as the address is written; the rest is the same check as the settings page's.
  if (host === '') throw new SharedRegisterError('Adressen saknar databasserverns namn (postgres://användare@server/databas).');
  if (database === '' || database.includes('/')) throw new SharedRegisterError('Adressen saknar databasens namn (postgres://användare@server/databas).');
  if (user === '') throw new SharedRegisterError('Adressen saknar användaren: var och en loggar in med sin egen databasanvändare (postgres://användare@server/databas).');
  const known = new Set(['sslmode', 'sslrootcert']);
  for (const name of url.searchParams.keys()) {
    if (!known.has(name)) throw new SharedRegisterError(`Adressen har en okänd inställning: ${name}. Tillåtna är sslmode och sslrootcert.`);
  }
  return sharedRegisterAddress({
    host,
    port: url.port === '' ? 5432 : Number(url.port),
    database,
    user,
    password: url.password === '' ? null : decode(url.password, 'lösenord'),
    sslmode: url.searchParams.get('sslmode') ?? 'verify-full',
    caFile: url.searchParams.get('sslrootcert'),
  });
}

/** The address as the footer and messages show it: never the password. */
export function describeAddress(address: SharedRegisterAddress): string {
  return `${address.user}@${address.host}:${address.port}/${address.database}`;
}

export interface SharedRegisterOptions {
  /** The password when the address has none: from the keystore in the app, PGPASSWORD elsewhere. */
  password?: string | null;
  /** How long to wait for the server before saying it does not answer. */
  connectTimeoutMs?: number;
  maxConnections?: number;
  /** How long one query may wait for the server's answer; none by default (the register's own work). */
  queryTimeoutMs?: number;
}

/** Far more than a CA certificate, or a chain of them, ever is. */
export const CA_FILE_MAX_BYTES = 1024 * 1024;

/**
 * The municipality's CA certificate, read with care: the path is typed on a settings page or in
 * config.json, so it may be missing, a folder, a device or pipe that never ends (which would hang
 * the main process), far too large, or not a certificate in PEM form at all, which Node would
 * silently ignore and then trust nothing, so that every connection failed as "not issued by the
 * municipality's CA".
 */
export function readCaCertificate(caFile: string): string {
  const unreadable = (why: string, cause?: unknown) =>
    new SharedRegisterError(`CA-certifikatet ${caFile} ${why}`, { field: 'caFile', ...(cause === undefined ? {} : { cause }) });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(caFile);
  } catch (error) {
    throw unreadable((error as { code?: string }).code === 'ENOENT' ? 'finns inte. Kontrollera sökvägen.' : 'kan inte läsas.', error);
  }
  if (!stat.isFile()) throw unreadable('är ingen vanlig fil. Ange sökvägen till certifikatfilen (.pem).');
  if (stat.size > CA_FILE_MAX_BYTES) throw unreadable('är för stor för att vara ett CA-certifikat (högst 1 MB).');
  let text: string;
  try {
    text = fs.readFileSync(caFile, 'utf8');
  } catch (error) {
    throw unreadable('kan inte läsas.', error);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw unreadable('är inget certifikat i PEM-form (text som börjar med -----BEGIN CERTIFICATE-----). Be IT om kommunens CA-certifikat som .pem.');
  }
  return text;
}

/** A pool of connections to the shared register, tried once so that what is wrong is said at once. */
export async function openSharedPool(address: SharedRegisterAddress, options: SharedRegisterOptions = {}): Promise<pg.Pool> {
  // Checked again here, whoever built the address: no connection without TLS leaves this computer.
  if (address.tls.mode === 'disable' && !isLoopbackHost(address.host)) {
    throw new SharedRegisterError('Anslutningen till en databasserver på nätverket måste vara krypterad: använd sslmode=verify-full med kommunens CA-certifikat.', { field: 'tls' });
  }
  const password = address.password ?? options.password ?? undefined;
  let ssl: pg.PoolConfig['ssl'] = false;
  if (address.tls.mode === 'verify-full') {
    const ca = address.tls.caFile === null ? undefined : readCaCertificate(address.tls.caFile);
    // Node checks the chain and that the certificate names the host (verify-full).
    ssl = { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  }
  const pool = new pg.Pool({
    host: address.host.replace(/^\[|\]$/g, ''),
    port: address.port,
    database: address.database,
    user: address.user,
    ...(password === undefined || password === null ? {} : { password }),
    ssl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    max: options.maxConnections ?? 10,
    application_name: 'Placeringskollen',
    ...(options.queryTimeoutMs === undefined ? {} : { query_timeout: options.queryTimeoutMs }),
  });
  // An idle connection the server drops must not take the process with it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new SharedRegisterError(connectionProblem(error, address, options.connectTimeoutMs ?? 10_000), { cause: error });
  }
  return pool;
}

/** What went wrong when connecting, in Swedish, for the user and for IT. */
export function connectionProblem(error: unknown, address: SharedRegisterAddress, timeoutMs = 10_000): string {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = (error as { message?: string } | null)?.message ?? '';
  const server = `${address.host}:${address.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `Databasservern ${server} tar inte emot anslutningar. Kontrollera adressen och porten, eller att servern är igång.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Det finns ingen databasserver som heter ${address.host}. Kontrollera adressen.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Databasservern ${server} går inte att nå från den här datorn.`;
    case '28P01':
      return `Inloggningen till det gemensamma registret nekades: fel lösenord för ${address.user}.`;
    case '28000':
      return `${address.user} får inte logga in i databasen ${address.database} från den här datorn. Be IT lägga till en rad för användaren i serverns pg_hba.conf.`;
    case '3D000':
      return `Databasen ${address.database} finns inte på ${server}. Be IT skapa den.`;
    case '53300':
      return `Databasservern ${server} tar inte emot fler anslutningar just nu. Försök igen om en stund.`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
      return `Databasserverns certifikat är inte utfärdat av kommunens CA. Ange kommunens CA-certifikat (sslrootcert i en adress), eller be IT kontrollera serverns certifikat.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `Databasserverns certifikat gäller inte för namnet ${address.host}. Använd namnet i certifikatet, eller be IT kontrollera det.`;
    case 'CERT_HAS_EXPIRED':
      return 'Databasserverns certifikat har gått ut. Be IT förnya det.';
    default:
      if (/does not support SSL|The server does not support SSL/i.test(message)) {
        return `Databasservern ${server} tar inte emot krypterade anslutningar (TLS). Be IT slå på TLS på servern.`;
      }
      if (/timeout/i.test(message)) return `Databasservern ${server} svarade inte inom ${Math.round(timeoutMs / 1000)} sekunder.`;
      if (/password authentication|no password supplied|client password must be a string/i.test(message)) {
        return `Inloggningen till det gemensamma registret nekades: lösenordet för ${address.user} saknas eller är fel.`;
      }
      return `Det gemensamma registret på ${server} kunde inte öppnas.`;
  }
}

/**
 * Which part of the address a connection problem is about (connectionProblem's codes), so a form
 * can say it next to that field; null where it is the server's or IT's to fix.
 */
export function problemField(error: unknown): AddressField | 'password' | null {
  if (error instanceof SharedRegisterError && error.field !== null) return error.field;
  const cause = error instanceof SharedRegisterError ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code ?? '';
  const message = (cause as { message?: string } | null)?.message ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) return 'host';
  if (code === '28P01' || /password authentication|no password supplied|client password must be a string/i.test(message)) return 'password';
  if (code === '28000') return 'user';
  if (code === '3D000') return 'database';
  if (['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED'].includes(code)) return 'caFile';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'host';
  return null;
}
