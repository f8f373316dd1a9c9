import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createDemoService } from './demo';
import { createExchangeService } from './exchange';
import { createHomesService } from './homes';

/** Every use case over one database; main/ipc, the browser host and the CLI all start here. */
export function createServices(db: Kysely<Database>) {
  return {
    homes: createHomesService(db),
    demo: createDemoService(db),
    exchange: createExchangeService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
