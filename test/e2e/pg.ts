/**
 * The PostgreSQL server of the specs named `*.pg.spec.ts`, which playwright.config.ts runs only
 * when PLACERINGSKOLLEN_TEST_PG names one (as .ci/run sets it).
 */
export function pgAdminUrl(): string {
  const url = process.env.PLACERINGSKOLLEN_TEST_PG;
  if (!url) throw new Error('A *.pg.spec.ts needs PLACERINGSKOLLEN_TEST_PG: playwright.config.ts leaves it out without one.');
  return url;
}
