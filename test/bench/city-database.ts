/**
 * The benchmark's city in a database file, for `npm run bench` and `npm run bench:ui`; and the
 * scale they run at, chosen on the command line or in the environment.
 */
import { openDatabase } from '../../main/db/connection';
import { createServices } from '../../main/services';
import { testClock } from '../clock';
import { cityScale, scaledCity, smallScale, syntheticCity, type CityScale } from './synthetic-register';

/**
 * `--small` (or `BENCH_SCALE=small`) for the city at 1/100, `BENCH_SCALE=0.1` for a tenth;
 * otherwise the large city.
 */
export function benchScale(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): { scale: CityScale; name: string } {
  const asked = argv.includes('--small') ? 'small' : (env.BENCH_SCALE ?? 'city');
  if (asked === 'small') return { scale: smallScale, name: 'the city at 1/100 (smallScale)' };
  const factor = Number(asked);
  if (asked !== 'city' && Number.isFinite(factor) && factor > 0 && factor !== 1) {
    return { scale: scaledCity(factor), name: `the city at ×${factor}` };
  }
  return { scale: cityScale, name: 'the large city (cityScale)' };
}

/** Generates the city and imports it into `databasePath` (created if absent) through the real services. */
export async function importCity(databasePath: string, scale: CityScale): Promise<void> {
  const connection = await openDatabase(databasePath);
  try {
    await createServices(connection.db, { clock: testClock() }).exchange.importFile(syntheticCity(scale));
  } finally {
    await connection.close();
  }
}
