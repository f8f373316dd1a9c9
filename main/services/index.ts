import type { Kysely } from 'kysely';
import { appendEntry, setLogClock, withLogContext, type LogContext, type OwnEntry } from '../db/access-log';
import type { Database } from '../db/schema';
import { changeStamp, countedTables } from '../db/placements-repository';
import { createAuditsService } from './audits';
import { createBackupsService, type RegisterHost } from './backups';
import { createChecksService } from './checks';
import type { Clock } from './clock';
import { createDeadlinesService } from './deadlines';
import { createDemoService } from './demo';
import { createExchangeService } from './exchange';
import { createExportsService, type ExportOptions } from './exports';
import { createHomesService } from './homes';
import { createJournalService } from './journal';
import { createNotesService } from './notes';
import { createPlacementViews } from './placement-views';
import { createPlacementsService } from './placements';
import { createQualityService } from './quality';
import { createReportsService } from './reports';
import { createPreferencesService, memoryPreferenceStore, type PreferenceStore } from './preferences';
import { createRegisterChecksService } from './register-checks';
import { createRegisterChoiceService, type RegisterChoiceHost } from './register-choice';
import { createSettingsService } from './settings';
import { createUsersService } from './users';

export interface ServiceOptions {
  /** The only source of "now" in main: the machine's at the process's edge, a fixed day in tests. */
  clock: Clock;
  /** This computer's preferences; in memory when left out (tests, the command line). */
  preferences?: PreferenceStore;
  /** This computer's account name, to offer the user last signed in from it. */
  osAccount?: string | null;
  /** How exports page and pause (tests make them small and slow). */
  exports?: ExportOptions;
  /** The register file and its copies, where a window has it open (the app, the browser host). */
  register?: RegisterHost | null;
  /** Which register this computer opens, and where its password can be kept; the browser host's defaults when left out. */
  registerChoice?: RegisterChoiceHost;
}

/** Every use case over one database; main/ipc, the browser host and the CLI all start here. */
export function createServices(db: Kysely<Database>, { clock, preferences = memoryPreferenceStore(), osAccount = null, exports = {}, register = null, registerChoice }: ServiceOptions) {
  // Writes outside a call (the demo data, a test's direct call) are logged at the services' "now".
  setLogClock(() => clock.now());
  const settings = createSettingsService(db, clock);
  const checks = createChecksService(db, settings);
  const placements = createPlacementsService(db, clock);
  const deadlines = createDeadlinesService(db, settings, checks);
  const users = createUsersService(db, clock, { osAccount });
  const registerChecks = createRegisterChecksService(db, settings, clock);
  const notes = createNotesService(db, clock, users);
  const journal = createJournalService(db, clock, settings, notes, registerChecks);
  const homes = createHomesService(db, clock);
  const placementViews = createPlacementViews(placements, deadlines, checks);
  const quality = createQualityService(db, clock, settings);
  const audits = createAuditsService(db, clock, settings, checks);
  return {
    /** "Now", for the gate in front of the services (main/ipc/gate). */
    clock,
    /** The access log as the gate writes it: a call's context, and the entries a call writes itself. */
    accessLog: {
      within: <T>(context: LogContext, work: () => Promise<T>) => withLogContext(context, work),
      append: (entry: OwnEntry) => appendEntry(db, entry),
    },
    homes,
    /**
     * Whether anything was written since the window last asked (by it, another window, the command
     * line or a colleague on the shared register): an opaque stamp that changes with every write
     * the open lists may show (change counters, migration 8). The window asks every few seconds.
     */
    changeStamp: (): Promise<string> => changeStamp(db, countedTables),
    demo: createDemoService(db, clock),
    exchange: createExchangeService(db, clock),
    settings,
    placements,
    deadlines,
    placementViews,
    checks,
    registerChecks,
    preferences: createPreferencesService(preferences),
    users,
    notes,
    journal,
    quality,
    audits,
    exports: createExportsService({ homes, placementViews, deadlines, checks, journal, audits, quality }, clock, exports),
    reports: createReportsService(db, clock, { journal, settings, quality, audits }),
    backups: createBackupsService(register, clock, preferences, (entry) => appendEntry(db, entry)),
    registerChoice: createRegisterChoiceService(preferences, (entry) => appendEntry(db, entry), registerChoice),
    /**
     * What the window asks first (Bevakning's first page, the navigation's counts) started as the
     * register opens, while the window loads. A failure is not reported here: the window's own
     * request, which shares the work, tries again and says what went wrong.
     */
    async warmUp(): Promise<void> {
      try {
        await deadlines.prepare(clock.today());
      } catch {
        // Said by the window's request.
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
export type { OwnEntry } from '../db/access-log';
export { clockFrom, type Clock } from './clock';
export type { PreferenceStore } from './preferences';
export type { RegisterHost } from './backups';
export type { RegisterChoiceHost } from './register-choice';
