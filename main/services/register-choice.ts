/**
 * Which register this computer opens (issue 18, Inställningar → Register): the local file, or the
 * unit's shared register on PostgreSQL. The choice is kept among this computer's preferences
 * (config.json) under `register`, never with a password; a password is kept beside it only sealed
 * by the operating system's keystore (the same `KeyStore` as the local register's key), so the
 * file alone gives nobody the login. Where there is no keystore (the browser host, tests, a
 * computer without one) no password is kept at all.
 *
 * config.json may be edited by hand: a choice that does not hold up is read as the local register,
 * with what was wrong, so a start never fails on it.
 */
import path from 'node:path';
import type { KeyStore } from '../db/key-file';
import type { OwnEntry } from '../db/access-log';
import { describeAddress, problemField, sharedRegisterAddress, SharedRegisterError, type SharedRegisterAddress } from '../db/pg/connection';
import { probeSharedRegister, type SharedRegisterProbe } from '../db/pg/register';
import type {
  RegisterChoice,
  RegisterChoiceInput,
  RegisterChoiceSaved,
  RegisterChoiceView,
  RegisterConnectionTest,
  SharedRegisterInput,
  SharedRegisterSetting,
} from '../../preload/api/register-choice';
import { ServiceError } from './errors';
import type { PreferenceStore } from './preferences';

/** The preference keys: the choice, and the password sealed by the keystore (base64). */
export const REGISTER_CHOICE = 'register';
export const REGISTER_PASSWORD = 'registerPassword';

const LOCAL: RegisterChoice = { kind: 'local' };

/** The saved choice, checked: anything that does not hold up is the local register, with why. */
export function readRegisterChoice(store: PreferenceStore): { choice: RegisterChoice; problem: string | null } {
  const raw = store.get(REGISTER_CHOICE);
  if (raw === undefined || raw === null) return { choice: LOCAL, problem: null };
  const unreadable = (why: string) => ({
    choice: LOCAL,
    problem: `Den sparade inställningen för registret kunde inte läsas (${why}), så det lokala registret öppnas. Välj register igen och spara.`,
  });
  if (typeof raw !== 'object' || Array.isArray(raw)) return unreadable('den har fel form');
  const value = raw as Record<string, unknown>;
  if (value.kind === 'local') return { choice: LOCAL, problem: null };
  if (value.kind !== 'shared') return unreadable('okänt slag av register');
  const { host, port, database, user, tls, caFile } = value;
  if (typeof host !== 'string' || typeof database !== 'string' || typeof user !== 'string' || typeof port !== 'number') {
    return unreadable('server, port, databas eller användare saknas');
  }
  if (tls !== 'verify-full' && tls !== 'disable') return unreadable('okänd kryptering');
  if (caFile !== null && caFile !== undefined && typeof caFile !== 'string') return unreadable('CA-certifikatet är inte en sökväg');
  try {
    // The same check as every address's: a hand-edited file cannot turn TLS off for a server on the network.
    const address = sharedRegisterAddress({ host, port, database, user, password: null, sslmode: tls, caFile: caFile ?? null });
    return { choice: { kind: 'shared', ...settingOf(address) }, problem: null };
  } catch (error) {
    if (error instanceof SharedRegisterError) return unreadable(error.message.replace(/\.$/, ''));
    throw error;
  }
}

function settingOf(address: SharedRegisterAddress): SharedRegisterSetting {
  return {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    tls: address.tls.mode,
    caFile: address.tls.mode === 'verify-full' ? address.tls.caFile : null,
  };
}

/** The saved shared register as an address to open (the password given separately). */
export function addressOfSetting(setting: SharedRegisterSetting, password: string | null = null): SharedRegisterAddress {
  return sharedRegisterAddress({ ...setting, sslmode: setting.tls, password });
}

/**
 * The password sealed together with the address it was typed for (user@host:port/database), so
 * that it only ever goes to that server: a changed address in the form, or a hand-edited
 * config.json, must not send the old password to a new server.
 */
export async function sealPassword(keyStore: KeyStore, address: SharedRegisterAddress, password: string): Promise<string> {
  return (await keyStore.seal(JSON.stringify({ for: describeAddress(address), password }))).toString('base64');
}

/**
 * The kept password for `address`, unsealed; null when none is kept, this keystore cannot open it
 * (another user's), or it was typed for another address.
 */
export async function keptPassword(store: PreferenceStore, keyStore: KeyStore | null, address: SharedRegisterAddress): Promise<string | null> {
  const sealed = store.get(REGISTER_PASSWORD);
  if (keyStore === null || typeof sealed !== 'string' || sealed === '') return null;
  let text: string;
  try {
    text = (await keyStore.unseal(Buffer.from(sealed, 'base64'))).key;
  } catch {
    return null;
  }
  let kept: unknown;
  try {
    kept = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof kept !== 'object' || kept === null) return null;
  const { for: boundTo, password } = kept as { for?: unknown; password?: unknown };
  return boundTo === describeAddress(address) && typeof password === 'string' ? password : null;
}

export interface RegisterChoiceHost {
  /** The computer's keystore (the desktop app); null where there is none. */
  keyStore: KeyStore | null;
  host: 'electron' | 'browser';
  /** Which register is open now. */
  opened: 'local' | 'shared';
  /** PLACERINGSKOLLEN_DB is set: IT's deployment decides which register opens. */
  decidedByIt: boolean;
  /** The desktop app starts again on the saved choice; absent in the browser host. */
  restart?: (() => void) | null;
  /** The desktop app's file dialog for the CA certificate (null: cancelled); absent in the browser host. */
  chooseFile?: (() => Promise<string | null>) | null;
  /** Connects and looks; a test may give its own. */
  probe?: (address: SharedRegisterAddress, password: string | null) => Promise<SharedRegisterProbe>;
}

const defaultHost: RegisterChoiceHost = { keyStore: null, host: 'browser', opened: 'local', decidedByIt: false };

/** "Testa anslutningen"'s answer in Swedish. */
export function probeMessage(probe: SharedRegisterProbe, address: SharedRegisterAddress): string {
  const who = `Anslutningen fungerar. Databasen känner dig som ${probe.login}.`;
  switch (probe.state) {
    case 'empty':
      return `${who} Databasen ${address.database} är tom: registret upprättas där första gången programmet öppnar den med en inloggning som får göra det (registrets ägare hos IT).`;
    case 'current':
      return `${who} Databasen ${address.database} är ett register från Placeringskollen och är uppdaterat för den här versionen.`;
    case 'older':
      return `${who} Databasen ${address.database} är ett register från Placeringskollen. Det uppdateras för den här versionen när programmet öppnar det.`;
    case 'newer':
      return `Registret i ${address.database} är gjort av en nyare version av Placeringskollen och kan inte öppnas av den här. Uppdatera programmet först.`;
  }
}

export function createRegisterChoiceService(store: PreferenceStore, log: (entry: OwnEntry) => Promise<void>, host: RegisterChoiceHost = defaultHost) {
  const probe = host.probe ?? ((address, password) => probeSharedRegister(address, { password, connectTimeoutMs: 8_000 }));

  async function view(): Promise<RegisterChoiceView> {
    const { choice, problem } = readRegisterChoice(store);
    return {
      choice,
      // Kept for this address and openable here: the page says "leave it empty to keep it" only then.
      passwordKept: choice.kind === 'shared' && (await keptPassword(store, host.keyStore, addressOfSetting(choice))) !== null,
      passwordStore: host.host === 'browser' ? 'browser' : host.keyStore === null ? 'no-keystore' : 'keystore',
      decidedByIt: host.decidedByIt,
      problem,
    };
  }

  /** The fields checked by the one check of an address; what is wrong said at its field. */
  function checked(input: SharedRegisterInput): SharedRegisterAddress {
    // A relative path would be read from wherever the program happens to start: never the same file.
    if (input.caFile !== null && input.caFile.trim() !== '' && !path.isAbsolute(input.caFile.trim())) {
      const message = 'Ange hela sökvägen till CA-certifikatet, med enhet och mappar, inte bara filens namn.';
      throw new ServiceError('VALIDATION', message, [{ path: '/caFile', message }]);
    }
    try {
      return sharedRegisterAddress({ ...input, sslmode: input.tls, password: null });
    } catch (error) {
      if (!(error instanceof SharedRegisterError)) throw error;
      throw new ServiceError('VALIDATION', error.message, [{ path: `/${error.field ?? ''}`, message: error.message }]);
    }
  }

  /** The password typed, or else the one kept for this very address. */
  async function passwordFor(input: SharedRegisterInput, address: SharedRegisterAddress): Promise<string | null> {
    if (input.password !== null && input.password !== '') return input.password;
    return keptPassword(store, host.keyStore, address);
  }

  async function test(input: SharedRegisterInput): Promise<{ address: SharedRegisterAddress; result: RegisterConnectionTest }> {
    const address = checked(input);
    const password = await passwordFor(input, address);
    let found: SharedRegisterProbe;
    try {
      found = await probe(address, password);
    } catch (error) {
      if (!(error instanceof SharedRegisterError)) throw error;
      const field = problemField(error);
      throw new ServiceError('VALIDATION', error.message, [{ path: field === null ? '' : `/${field}`, message: error.message }]);
    }
    return { address, result: { login: found.login, state: found.state, message: probeMessage(found, address) } };
  }

  return {
    get: (): Promise<RegisterChoiceView> => view(),

    /** "Välj fil…": the desktop app's dialog; a browser tab cannot give a file's path, so there it is typed. */
    async chooseCaFile(): Promise<{ path: string | null }> {
      if (!host.chooseFile) throw new ServiceError('VALIDATION', 'Här går det inte att välja en fil. Skriv sökvägen till CA-certifikatet.');
      return { path: await host.chooseFile() };
    },

    /** Connects once and says what it found; changes nothing. */
    testConnection: async (input: SharedRegisterInput): Promise<RegisterConnectionTest> => (await test(input)).result,

    /**
     * Saves the choice after testing it: an address the next start could not open is never saved.
     * Logged in the access log without the password. The desktop app then starts again on it.
     */
    async save(input: RegisterChoiceInput): Promise<RegisterChoiceSaved> {
      if (input.kind === 'local') {
        store.set(REGISTER_CHOICE, LOCAL);
        store.delete(REGISTER_PASSWORD);
        await log({ action: 'update', entity: 'settings', entityId: REGISTER_CHOICE, childId: null, detail: { register: 'local' } });
      } else {
        const { address, result } = await test(input);
        if (result.state === 'newer') {
          throw new ServiceError('VALIDATION', `Inställningen sparades inte. ${result.message}`, [{ path: '/database', message: result.message }]);
        }
        const setting = settingOf(address);
        const typed = input.password !== null && input.password !== '' ? input.password : null;
        if (typed !== null && host.keyStore !== null) {
          store.set(REGISTER_PASSWORD, await sealPassword(host.keyStore, address, typed));
        } else if (typed !== null) {
          // Nowhere to keep it sealed (the page has said so): none kept.
          store.delete(REGISTER_PASSWORD);
        } else if (host.keyStore !== null && (await keptPassword(store, host.keyStore, address)) === null) {
          // The kept one is another address's (or unreadable here): dropped. Without a keystore (the
          // browser host) it cannot be told, and stays: it is only ever used for its own address.
          store.delete(REGISTER_PASSWORD);
        }
        store.set(REGISTER_CHOICE, { kind: 'shared', ...setting });
        await log({
          action: 'update',
          entity: 'settings',
          entityId: REGISTER_CHOICE,
          childId: null,
          detail: { register: 'shared', address: describeAddress(address), tls: setting.tls, caFile: setting.caFile },
        });
      }
      const saved = await view();
      const restarting = host.host === 'electron' && !host.decidedByIt && host.restart != null && (saved.choice.kind === 'shared' || host.opened === 'shared');
      if (restarting) host.restart!();
      return { view: saved, restarting };
    },
  };
}

export type RegisterChoiceService = ReturnType<typeof createRegisterChoiceService>;
