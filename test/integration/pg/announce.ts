/**
 * Vitest's and Playwright's global setup: says once, at the start of a run, when the PostgreSQL half of the tests
 * does not run (PLACERINGSKOLLEN_TEST_PG unset), so a green run without it is not mistaken for both.
 */
export default function announce(): void {
  if (!process.env.PLACERINGSKOLLEN_TEST_PG) {
    console.warn('Placeringskollen: PostgreSQL-delen av testerna körs inte, eftersom PLACERINGSKOLLEN_TEST_PG inte är satt (.ci/run sätter den). SQLite-delen körs.');
  }
}
