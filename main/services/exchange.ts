/**
 * Import and export of the exchange format (docs/data-format.md). An import is checked as a
 * whole against itself and the database, then merged by id in one transaction: a file with a
 * single problem writes nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import { appendEntry, currentLogContext, withLogContext } from '../db/access-log';
import { keptRecordProblems, readAll, readKnown, upsertAll, type ImportCounts } from '../db/exchange-repository';
import { homeIdentities } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { mentionedIds, validateExchangeFile, type ExchangeFile } from '../domain/exchange';
import { possibleDuplicates } from '../domain/homes';
import type { Clock } from './clock';
import { ServiceError } from './errors';

/**
 * Per array of the file: how many records were new and how many replaced stored ones; and what
 * the import let in but a person should look at (homes that may be the same home twice).
 */
export type ImportSummary = ImportCounts & { warnings: string[] };

export interface ExchangeService {
  /** `json` is the parsed file; throws `ServiceError('VALIDATION')` with every problem. */
  importFile(json: unknown): Promise<ImportSummary>;
  /** Checks `json` as `importFile` does, against the same database, and writes nothing. */
  checkFile(json: unknown): Promise<void>;
  /** The whole register, deterministic: export → import into an empty database → export is the same. */
  exportAll(): Promise<Required<ExchangeFile>>;
}

export const invalidFileMessage = 'Filen innehåller fel och har inte lästs in.';

/** `clock`: its now is written on the history of the checks an import replaces. */
export function createExchangeService(db: Kysely<Database>, clock: Clock): ExchangeService {
  return {
    importFile: (json) =>
      // Checks and writes in one transaction, so they see the same database; a throw rolls back.
      // The access log gets one entry for the file, with its counts, not one per row.
      withLogContext({ ...currentLogContext(), rowChanges: false }, () =>
        db.transaction().execute(async (trx) => {
          const file = await validFile(trx, json);
          const counts = await upsertAll(trx, file, clock.now());
          await appendEntry(trx, { action: 'import', entity: null, entityId: null, childId: null, detail: { counts } });
          return { ...counts, warnings: await duplicateWarnings(trx, (file.homes ?? []).map((home) => home.id)) };
        }),
      ),
    checkFile: (json) =>
      // A transaction only for a consistent view of the database across the reads.
      db.transaction().execute(async (trx) => {
        await validFile(trx, json);
      }),
    exportAll: () => readAll(db),
  };
}

/** The homes of the file that may be the same home as another (the same org.nr, or name and kommun), in Swedish. */
async function duplicateWarnings(trx: Transaction<Database>, homeIds: string[]): Promise<string[]> {
  if (homeIds.length === 0) return [];
  return possibleDuplicates(await homeIdentities(trx), new Set(homeIds)).map(
    ({ a, b, sameOrgNr }) =>
      `Hemmen ${a.id} (${a.name}) och ${b.id} (${b.name}) har ${sameOrgNr ? `samma org.nr ${a.orgNr}` : 'samma namn och kommun'}: kan det vara samma hem två gånger?`,
  );
}

async function validFile(trx: Transaction<Database>, json: unknown): Promise<ExchangeFile> {
  const result = validateExchangeFile(json, await readKnown(trx, mentionedIds(json)));
  if (!result.ok) throw new ServiceError('VALIDATION', invalidFileMessage, result.problems);
  const kept = await keptRecordProblems(trx, result.file);
  if (kept.length > 0) throw new ServiceError('VALIDATION', invalidFileMessage, kept);
  return result.file;
}
