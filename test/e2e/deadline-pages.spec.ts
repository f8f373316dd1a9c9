/**
 * A bevakningslista longer than one page: the window shows 100 rows at a time, asks main for the
 * next, and a header sorts the whole list in main, from its first page.
 */
import type { Page } from '@playwright/test';
import { listDeadlinePageInput, type DeadlineRow, type ListDeadlinePageInput } from '../../preload/api/deadlines';
import { dataRows, expect, expectAccessible, grid, test, TODAY, withServices } from './fixtures';

const PAGE = 100;
/** The grid's rows (the page's): its aria-rowcount less the header. */
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const pager = (page: Page) => page.getByRole('navigation', { name: 'Sidor i bevakningslistan' });
const pagerButton = (page: Page, name: string) => pager(page).getByRole('button', { name: new RegExp(`^${name}`) });

/** The first row shown: its due date and the child (or home) it is about. */
async function firstRow(page: Page): Promise<{ dueOn: string; child: string }> {
  const row = dataRows(page).first();
  return {
    dueOn: (await row.locator('[col-id="dueOn"] .cell-stack__line').first().textContent()) ?? '',
    child: (await row.locator('[col-id="child"] .cell-stack__line').first().textContent()) ?? '',
  };
}
const shownAs = (row: DeadlineRow) => ({ dueOn: row.dueOn, child: row.childLabel ?? row.homeName ?? '' });

test('a list longer than one page: 100 rows at a time, Nästa asks for the next, a sort asks main from page 1', async ({ page, openApp, databasePath }) => {
  // 60 children in 20 familjehem, placed a few days apart: some hundred deadlines, on many dates.
  const { total, ask } = await withServices(databasePath, async (services) => {
    for (let h = 0; h < 20; h++) {
      const home = await services.homes.save({
        kind: 'familjehem', name: `Familjen Sidberg ${h + 1}`, orgNr: null, operator: null, municipality: 'Sundsvall',
        capacity: 3, targetGroup: null, agency: null, persons: [],
      });
      for (let c = 0; c < 3; c++) {
        const n = h * 3 + c;
        const started = new Date(Date.UTC(2025, 10, 1 + n * 6)).toISOString().slice(0, 10);
        const child = await services.placements.saveChild({ name: `Barn Sidberg ${n + 1}`, birthDate: `201${c + 2}-0${(h % 9) + 1}-1${c}`, personnummer: null, protectedIdentity: false });
        await services.placements.savePlacement({
          childId: child.id, legalBasis: 'SoL', decidedOn: started, startedOn: started, endedOn: null, endReason: null,
          caseworker: `Handläggare Sid ${(n % 4) + 1}`, unit: 'Barn och unga',
          stays: [{ homeId: home.id, from: started, to: null, decidedOn: null, investigationCompletedOn: null }],
        });
      }
    }
    const ask = async (input: Partial<ListDeadlinePageInput>) =>
      (await services.deadlines.page(listDeadlinePageInput.parse({ date: TODAY, limit: PAGE, ...input }))).rows.map(shownAs);
    const byDate = { column: 'dueOn', direction: 'asc' } as const;
    return {
      total: (await services.deadlines.overview(TODAY)).rows.length,
      ask: {
        first: await ask({ sort: byDate }),
        second: await ask({ sort: byDate, offset: PAGE }),
        latest: await ask({ sort: { column: 'dueOn', direction: 'desc' } }),
      },
    };
  });
  expect(total).toBeGreaterThan(2 * PAGE);
  const lastStart = Math.floor((total - 1) / PAGE) * PAGE;

  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  // The first page, the earliest due first; the pager says where it is and leads on only.
  await expect(pager(page)).toContainText(`Visar 1–100 av ${total}`);
  await expect.poll(() => rowCount(page)).toBe(PAGE);
  expect(await firstRow(page)).toEqual(ask.first[0]);
  await expect(pagerButton(page, 'Första')).toBeDisabled();
  await expect(pagerButton(page, 'Föregående')).toBeDisabled();
  await expect(pagerButton(page, 'Nästa')).toHaveAccessibleName('Nästa sida, visa 101–200');
  await expect(pagerButton(page, 'Sista')).toBeEnabled();
  await expectAccessible(page);

  // Nästa: the next hundred, as main sorts them; the grid shows them from their top.
  await pagerButton(page, 'Nästa').click();
  await expect(pager(page)).toContainText(`Visar 101–200 av ${total}`);
  await expect.poll(() => firstRow(page)).toEqual(ask.second[0]);
  await expect(pagerButton(page, 'Föregående')).toBeEnabled();
  await expect(pagerButton(page, 'Första')).toBeEnabled();

  // By keyboard to the end: Nästa is then disabled, and focus goes to Föregående, not lost.
  await pagerButton(page, 'Nästa').focus();
  while (Number(/Visar (\d+)/.exec((await pager(page).locator('.pager__status').textContent()) ?? '')?.[1]) - 1 < lastStart) {
    const before = await pager(page).locator('.pager__status').textContent();
    await page.keyboard.press('Enter');
    await expect(pager(page).locator('.pager__status')).not.toHaveText(before ?? '');
  }
  await expect(pager(page)).toContainText(`Visar ${lastStart + 1}–${total} av ${total}`);
  await expect(pagerButton(page, 'Nästa')).toBeDisabled();
  await expect(pagerButton(page, 'Sista')).toBeDisabled();
  await expect(pagerButton(page, 'Föregående')).toBeFocused();
  await expect.poll(() => rowCount(page)).toBe(total - lastStart);

  // A header sorts the whole list in main, from its first page: the latest due of all comes first.
  await grid(page).getByRole('columnheader', { name: /Förfaller/ }).click();
  await expect(grid(page).getByRole('columnheader', { name: /Förfaller/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(pager(page)).toContainText(`Visar 1–100 av ${total}`);
  await expect.poll(() => firstRow(page)).toEqual(ask.latest[0]);
  // The page is in main's order, not re-sorted by the grid: the dates shown go down.
  const dates = await dataRows(page).locator('[col-id="dueOn"] .cell-stack__line:first-child').allTextContents();
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort().reverse());

  // A filter makes another list: back to its first page.
  await pagerButton(page, 'Nästa').click();
  await expect(pager(page)).toContainText(`Visar 101–200 av ${total}`);
  await page.getByLabel('Handläggare').selectOption('Handläggare Sid 1');
  await expect(dataRows(page).first()).toContainText('Handläggare Sid 1');
  const mine = await withServices(databasePath, (services) => services.deadlines.page(listDeadlinePageInput.parse({ date: TODAY, caseworker: 'Handläggare Sid 1' })));
  if (mine.total > PAGE) await expect(pager(page)).toContainText(`Visar 1–100 av ${mine.total}`);
  else await expect(pager(page)).toHaveCount(0);
  await expect.poll(() => rowCount(page)).toBe(Math.min(PAGE, mine.total));
});
