/**
 * Kontroller longer than one page: the window shows 100 rows at a time, asks main for the next,
 * and a header or a search asks main for another list, from its first page.
 */
import type { Page } from '@playwright/test';
import { listCheckPageInput, type ListCheckPageInput } from '../../preload/api/checks';
import { dataRows, expect, expectAccessible, grid, menuItem, test, TODAY, withServices } from './fixtures';

const PAGE = 100;
/** The grid's rows (the page's): its aria-rowcount less the header. */
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const pager = (page: Page) => page.getByRole('navigation', { name: 'Sidor i kontrollistan' });
const pagerButton = (page: Page, name: string) => pager(page).getByRole('button', { name: new RegExp(`^${name}`) });
const firstHome = async (page: Page) => (await dataRows(page).first().locator('[col-id="home"]').textContent()) ?? '';

test('Kontroller longer than one page: 100 rows at a time, Nästa asks for the next, a sort and a search ask main anew', async ({ page, openApp, databasePath }) => {
  // 45 familjehem whose two uppdragstagare were never checked, a child in each: every check is missing.
  const { toAct, byHomeDown, found } = await withServices(databasePath, async (services) => {
    for (let h = 0; h < 45; h++) {
      const home = await services.homes.save({
        kind: 'familjehem', name: `Familjen Sidkontroll ${h + 1}`, orgNr: null, operator: null, municipality: 'Sundsvall',
        capacity: 3, targetGroup: null, agency: null,
        persons: [
          { name: `Anna Sidkontroll ${h + 1}`, role: 'uppdragstagare', birthYear: 1975 },
          { name: `Bo Sidkontroll ${h + 1}`, role: 'uppdragstagare', birthYear: 1974 },
        ],
      });
      const started = new Date(Date.UTC(2026, 0, 5 + h * 3)).toISOString().slice(0, 10);
      const child = await services.placements.saveChild({ name: `Barn Sidkontroll ${h + 1}`, birthDate: '2014-03-04', personnummer: null, protectedIdentity: false });
      await services.placements.savePlacement({
        childId: child.id, legalBasis: 'SoL', decidedOn: started, startedOn: started, endedOn: null, endReason: null,
        caseworker: 'Handläggare Sid', unit: 'Barn och unga',
        stays: [{ homeId: home.id, from: started, to: null, decidedOn: null, investigationCompletedOn: null }],
      });
    }
    const ask = (input: Partial<ListCheckPageInput>) => services.checks.page(listCheckPageInput.parse({ date: TODAY, limit: PAGE, ...input }));
    return {
      toAct: await ask({}),
      byHomeDown: await ask({ sort: { column: 'home', direction: 'desc' } }),
      found: await ask({ query: 'sidkontroll 7' }),
    };
  });
  const total = toAct.total;
  expect(total).toBeGreaterThan(2 * PAGE);

  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp();
  await menuItem(page, 'Kontroller').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontroller' })).toBeVisible();
  await expect(page.getByText(`${total.toLocaleString('sv-SE')} kontroller visas`)).toBeVisible();
  await expect(pager(page)).toContainText(`Visar 1–100 av ${total}`);
  await expect.poll(() => rowCount(page)).toBe(PAGE);
  await expectAccessible(page);

  await pagerButton(page, 'Nästa').click();
  await expect(pager(page)).toContainText(`Visar 101–200 av ${total}`);
  await expect.poll(() => rowCount(page)).toBe(PAGE);

  // A header sorts the whole list in main, from its first page.
  await grid(page).getByRole('columnheader', { name: /^Hem/ }).click();
  await grid(page).getByRole('columnheader', { name: /^Hem/ }).click();
  await expect(grid(page).getByRole('columnheader', { name: /^Hem/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(pager(page)).toContainText(`Visar 1–100 av ${total}`);
  await expect.poll(() => firstHome(page)).toBe(byHomeDown.rows[0]!.homeName);
  // In Swedish order going down: 9 before 45 (numbers as numbers), the page not re-sorted by the grid.
  expect(byHomeDown.rows[0]!.homeName).toBe('Familjen Sidkontroll 45');

  // A search is another list: its first page, counted on the cards too.
  await page.getByRole('search').getByLabel('Sök', { exact: true }).fill('Sidkontroll 7');
  await expect(page.getByText(`${found.total} kontroller visas`)).toBeVisible();
  expect(found.total).toBeGreaterThan(0);
  expect(found.total).toBeLessThan(PAGE);
  await expect(pager(page)).toHaveCount(0);
  await expect.poll(() => rowCount(page)).toBe(found.total);
  for (const home of await dataRows(page).locator('[col-id="home"]').allTextContents()) expect(home).toMatch(/^Familjen Sidkontroll 7\d?$/);
});
