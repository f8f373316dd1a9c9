/**
 * Who is working: the users of the register with their roles, signing in, and the access log an
 * enhetschef reads and verifies. The signed-in user is main's (one per window): every change and
 * every read of a child's file is logged as theirs.
 */
import { z } from 'zod';
import { accessLogActions } from '../../main/domain/access-log-actions';
import { roles, type Role } from '../../main/domain/roles';
import { channel } from './channel';
import { date, empty, id, orNull, pageLimit, pageOffset, plainText, rowVersion, trimmed, versionIfEdit, versionIfEditIssue } from './fields';

export interface User {
  id: string;
  name: string;
  initials: string;
  role: Role;
  /** The units (enheter) the user works in. */
  units: string[];
  active: boolean;
  /** Whether signing in asks for a PIN (for shared workstations). */
  hasPin: boolean;
  /** The version read: a save names it (fields.ts `rowVersion`). */
  rowVersion: number;
}

/** A user to choose at sign-in: active users only. */
export type SignInChoice = Pick<User, 'id' | 'name' | 'initials' | 'role' | 'hasPin'>;

export interface Session {
  /** Who is working; null until someone has signed in. */
  user: User | null;
  /** No user exists yet: the first start asks for the first administratör. */
  firstStart: boolean;
  /** The active users, to choose from at sign-in, in Swedish order. */
  choices: SignInChoice[];
  /** The user who last signed in from this computer account, offered first. */
  suggestedUserId: string | null;
}

const pin = z.string().trim().regex(/^\d{4,8}$/, 'PIN-koden ska vara 4–8 siffror.');
const initials = plainText().trim().min(1, 'Ange initialer.').max(5, 'Högst 5 tecken.');
const units = z.array(trimmed(100)).max(20, 'Högst 20 enheter.');

/**
 * A user as the administratör saves it. `pin`: a new PIN, null to remove it, absent to keep it.
 * The role must be one of the three.
 */
export const userInput = z
  .object({
    id: id.optional(),
    name: trimmed(200),
    initials,
    role: z.enum(roles, 'Välj en roll: handläggare, enhetschef eller administratör.'),
    units: units.default([]),
    active: z.boolean('Ange om användaren är aktiv.').default(true),
    pin: orNull(pin).optional(),
    /** The version the form was read at; absent when the user is added. */
    rowVersion: rowVersion.optional(),
  })
  .strict()
  .refine(versionIfEdit, versionIfEditIssue);
export type UserInput = z.output<typeof userInput>;

/** The first start: the first administratör, who then adds the others. */
export const firstAdministratorInput = z.object({ name: trimmed(200), initials, units: units.default([]), pin: orNull(pin).optional() }).strict();
export type FirstAdministratorInput = z.output<typeof firstAdministratorInput>;

export const signInInput = z.object({ userId: plainText().trim().min(1, 'Välj vem du är.').max(100, 'Välj vem du är.'), pin: pin.optional() }).strict();
export type SignInInput = z.output<typeof signInInput>;

export { accessLogActionLabel, accessLogActionLabels, accessLogActions, type AccessLogAction } from '../../main/domain/access-log-actions';

/** The log for a revisor: by child, user, action and period, newest first, a page at a time. */
export const accessLogQuery = z
  .object({
    childId: id.optional(),
    /** The home: itself, its adults, the stays and checks there. */
    homeId: id.optional(),
    userId: id.optional(),
    action: z.enum(accessLogActions, 'Välj en händelse i listan.').optional(),
    from: date.optional(),
    to: date.optional(),
    offset: pageOffset,
    limit: pageLimit(500),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Från-datumet är efter till-datumet.', path: ['to'] });
export type AccessLogQuery = z.output<typeof accessLogQuery>;

export interface AccessLogRow {
  seq: number;
  at: string;
  userId: string | null;
  /** The user's name as stored now; "Systemet" for what no user did (a migration, the demo data). */
  userName: string;
  action: string;
  channel: string | null;
  entity: string | null;
  entityId: string | null;
  childId: string | null;
  homeId: string | null;
  /** JSON: the row before and after a change, an import's counts, a reveal's reason. */
  detail: string | null;
}

export interface AccessLogPage {
  rows: AccessLogRow[];
  /** Entries the question finds; counted up to 10 000 ("10 000+" beyond). */
  total: number;
  capped: boolean;
}

/** "Verifiera loggen": the chain recomputed. */
export interface AccessLogStatus {
  entries: number;
  intact: boolean;
  /** In Swedish: that it is intact, or the first entry changed, removed or inserted. */
  message: string;
  problemSeq: number | null;
}

export const userChannels = {
  /** Who is working, and who can sign in. Open before anyone has signed in. */
  getSession: channel(empty).returns<Session>(),
  /** Only while no user exists: the first administratör, signed in at once. */
  createFirstAdministrator: channel(firstAdministratorInput).returns<Session>(),
  signIn: channel(signInInput).returns<Session>(),
  signOut: channel(empty).returns<Session>(),
  /** Every user, inactive too (administratör). */
  listUsers: channel(empty).returns<User[]>(),
  saveUser: channel(userInput).returns<User>(),
  /** The access log (enhetschef). */
  listAccessLog: channel(accessLogQuery).returns<AccessLogPage>(),
  verifyAccessLog: channel(empty).returns<AccessLogStatus>(),
};
