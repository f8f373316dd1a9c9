import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createChecksService } from './checks';
import { createDeadlinesService } from './deadlines';
import { createDemoService } from './demo';
import { createExchangeService } from './exchange';
import { createHomesService } from './homes';
import { createPlacementViews } from './placement-views';
import { createPlacementsService } from './placements';
import { createSettingsService } from './settings';

/** Every use case over one database; main/ipc, the browser host and the CLI all start here. */
export function createServices(db: Kysely<Database>) {
  const settings = createSettingsService(db);
  const placements = createPlacementsService(db);
  const deadlines = createDeadlinesService(db, settings);
  return {
    homes: createHomesService(db),
    demo: createDemoService(db),
    exchange: createExchangeService(db),
    settings,
    placements,
    deadlines,
    placementViews: createPlacementViews(placements, deadlines),
    checks: createChecksService(db, settings),
  };
}

export type Services = ReturnType<typeof createServices>;
