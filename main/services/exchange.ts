/**
 * Import and export of the exchange format (docs/data-format.md). An import is checked as a
 * whole against itself and the database, then merged by id in one transaction: a file with a
 * single problem writes nothing.
 */
import type { Kysely } from 'kysely';
import { readAll, readKnown, upsertAll, type ImportCounts } from '../db/exchange-repository';
import type { Database } from '../db/schema';
import { mentionedIds, validateExchangeFile, type ExchangeFile } from '../domain/exchange';
import { ServiceError } from './errors';

/** Per array of the file: how many records were new and how many replaced stored ones. */
export type ImportSummary = ImportCounts;

export interface ExchangeService {
  /** `json` is the parsed file; throws `ServiceError('VALIDATION')` with every problem. */
  importFile(json: unknown): Promise<ImportSummary>;
  /** The whole register, deterministic: export → import into an empty database → export is the same. */
  exportAll(): Promise<Required<ExchangeFile>>;
}

export const invalidFileMessage = 'Filen innehåller fel och har inte lästs in.';

export function createExchangeService(db: Kysely<Database>): ExchangeService {
  return {
    importFile: (json) =>
      // Checks and writes in one transaction, so they see the same database; a throw rolls back.
      db.transaction().execute(async (trx) => {
        const known = await readKnown(trx, mentionedIds(json));
        const result = validateExchangeFile(json, known);
        if (!result.ok) throw new ServiceError('VALIDATION', invalidFileMessage, result.problems);
        return upsertAll(trx, result.file);
      }),
    exportAll: () => readAll(db),
  };
}
