import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createChecksService } from './checks';
import type { Clock } from './clock';
import { createDeadlinesService } from './deadlines';
import { createDemoService } from './demo';
import { createExchangeService } from './exchange';
import { createHomesService } from './homes';
import { createPlacementViews } from './placement-views';
import { createPlacementsService } from './placements';
import { createRegisterChecksService } from './register-checks';
import { createSettingsService } from './settings';

export interface ServiceOptions {
  /** The only source of "now" in main: the machine's at the process's edge, a fixed day in tests. */
  clock: Clock;
}

/** Every use case over one database; main/ipc, the browser host and the CLI all start here. */
export function createServices(db: Kysely<Database>, { clock }: ServiceOptions) {
  const settings = createSettingsService(db, clock);
  const checks = createChecksService(db, settings);
  const placements = createPlacementsService(db, settings);
  const deadlines = createDeadlinesService(db, settings, checks);
  return {
    homes: createHomesService(db),
    demo: createDemoService(db, clock),
    exchange: createExchangeService(db, clock),
    settings,
    placements,
    deadlines,
    placementViews: createPlacementViews(placements, deadlines, checks),
    checks,
    registerChecks: createRegisterChecksService(db, settings, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
export { clockFrom, type Clock } from './clock';
