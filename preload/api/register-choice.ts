/**
 * Which register this computer opens (issue 18, Inställningar → Register): the local file, or the
 * unit's shared register on PostgreSQL by server, port, database and login, over verified TLS.
 * The password never travels back to the window: only whether one is kept.
 */
import { z } from 'zod';
import { channel } from './channel';
import { empty, plainText } from './fields';

/** verify-full: encrypted, the server's certificate checked; disable: only to a server on this computer. */
export const registerTlsModes = ['verify-full', 'disable'] as const;
export type RegisterTlsMode = (typeof registerTlsModes)[number];

/** The shared register's address as the settings keep it: never a password. */
export interface SharedRegisterSetting {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: RegisterTlsMode;
  /** The municipality's CA certificate (a PEM file on this computer); null: the certificates Node trusts. */
  caFile: string | null;
}

export type RegisterChoice = { kind: 'local' } | ({ kind: 'shared' } & SharedRegisterSetting);

export interface RegisterChoiceView {
  choice: RegisterChoice;
  /** A password for the shared register is kept, sealed by the computer's keystore. */
  passwordKept: boolean;
  /**
   * Where a password can be kept: the desktop app's keystore, nowhere because the computer has no
   * usable keystore, or nowhere because the browser host has none.
   */
  passwordStore: 'keystore' | 'no-keystore' | 'browser';
  /** IT's setting on this computer (PLACERINGSKOLLEN_DB) decides which register opens, whatever is saved here. */
  decidedByIt: boolean;
  /** The saved choice could not be read (the file edited by hand): what was wrong; the local register is used. */
  problem: string | null;
}

/** What "Testa anslutningen" found. */
export interface RegisterConnectionTest {
  /** The login the database says one is. */
  login: string;
  state: 'empty' | 'current' | 'older' | 'newer';
  /** The result in Swedish, for the page. */
  message: string;
}

/** What "Spara" did: the choice as saved, and whether the program starts again to open it. */
export interface RegisterChoiceSaved {
  view: RegisterChoiceView;
  restarting: boolean;
}

// Emptiness and the TLS rule are checked by the service (main/db/pg/connection's one check of an
// address), so each field gets its own Swedish message; the contract keeps only the shape and size.
const field = (max: number) => plainText().trim().max(max, `Högst ${max} tecken.`);

export const sharedRegisterInput = z
  .object({
    host: field(253),
    port: z.int('Porten ska vara ett heltal 1–65535.').min(1, 'Porten ska vara ett heltal 1–65535.').max(65535, 'Porten ska vara ett heltal 1–65535.'),
    database: field(63),
    user: field(63),
    tls: z.enum(registerTlsModes, 'Välj hur anslutningen krypteras.'),
    caFile: field(1000).nullable(),
    /** Typed on the page; null or empty: the one kept, if any. Never stored in plain text. */
    password: z.string().max(1000, 'Lösenordet är för långt.').nullable(),
  })
  .strict();
export type SharedRegisterInput = z.output<typeof sharedRegisterInput>;

export const registerChoiceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }).strict(),
  sharedRegisterInput.extend({ kind: z.literal('shared') }).strict(),
]);
export type RegisterChoiceInput = z.output<typeof registerChoiceInput>;

export const registerChoiceChannels = {
  getRegisterChoice: channel(empty).returns<RegisterChoiceView>(),
  /** Connects once with the given address and password (or the kept one), changing nothing. */
  testRegisterConnection: channel(sharedRegisterInput).returns<RegisterConnectionTest>(),
  /** Tests the connection first and refuses to save one that does not work. */
  saveRegisterChoice: channel(registerChoiceInput).returns<RegisterChoiceSaved>(),
  /** The desktop app's file dialog for the CA certificate: its path, or null when the person cancels. */
  chooseRegisterCaFile: channel(empty).returns<{ path: string | null }>(),
};
