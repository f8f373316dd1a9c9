import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createChecksService } from './checks';
import { createDeadlinesService } from './deadlines';
import { createDemoService } from './demo';
import { createExchangeService } from './exchange';
import { createHomesService } from './homes';
import { createPlacementViews } from './placement-views';
import { createPlacementsService } from './placements';
import { createRegisterChecksService } from './register-checks';
import { createSettingsService } from './settings';

/** Every use case over one database; main/ipc, the browser host and the CLI all start here. */
export function createServices(db: Kysely<Database>) {
  const settings = createSettingsService(db);
  const checks = createChecksService(db, settings);
  const placements = createPlacementsService(db, settings);
  const deadlines = createDeadlinesService(db, settings, checks);
  return {
    homes: createHomesService(db),
    demo: createDemoService(db),
    exchange: createExchangeService(db),
    settings,
    placements,
    deadlines,
    placementViews: createPlacementViews(placements, deadlines, checks),
    checks,
    registerChecks: createRegisterChecksService(db, settings),
  };
}

export type Services = ReturnType<typeof createServices>;
