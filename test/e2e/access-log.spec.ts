/**
 * Logg: the enhetschef's (here the administratör's) view of the access log. Opening a placement
 * leaves a read entry that the page finds by Händelse; the chain is verified intact, then found
 * broken at the entry someone rewrote in the database file; the filtered entries export as CSV.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../main/db/connection';
import { CSV_HEADER } from '../../renderer/src/log/logText';
import { dataRows, E2E_USER, expect, expectAccessible, loadDemo, menuItem, screenshot, test, withServices } from './fixtures';

test('the log shows who read a placement, verifies its chain, names a rewritten entry and exports CSV', async ({ page, openApp, databasePath }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp();
  await loadDemo(page);

  // Opening a child's placement is a read of the child's file: logged.
  await menuItem(page, 'Placeringar').click();
  await dataRows(page).filter({ hasText: 'Alva Exempelbäck' }).first().click();
  await expect(page).toHaveURL(/#\/placeringar\/EXEMPEL-PL01$/);

  // Logg is in the user menu, not the main menu.
  await expect(menuItem(page, 'Logg')).toHaveCount(0);
  await page.getByRole('button', { name: `${E2E_USER}, administratör` }).click();
  await page.getByRole('link', { name: 'Logg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
  await expect(page).toHaveURL(/#\/logg$/);

  const table = page.getByRole('table', { name: /Loggposter/ });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/^Visar 1–\d+ av \d/)).toBeVisible();
  await expect(page.getByText(/^\d+ poster$/)).toBeVisible();

  // Händelse = Läst: only reads, the placement's among them, with its child.
  await page.getByLabel('Händelse').selectOption({ label: 'Läst' });
  await expect.poll(async () => (await rows.locator('td:nth-child(3)').allTextContents()).every((text) => text === 'Läst')).toBe(true);
  const read = rows.filter({ hasText: 'Placering EXEMPEL-PL01' }).first();
  await expect(read).toContainText(E2E_USER);
  await expect(read).toContainText('EXEMPEL-C01');
  // Where in the program, in Swedish: never a channel's name.
  await expect(read).toContainText('Placeringens sida');
  await expect(table).not.toContainText('getPlacement');
  await expect(read.locator('time')).toHaveText(/^2026-11-22 \d\d:\d\d$/);

  // A row's child narrows the log to that child.
  await read.getByRole('button', { name: 'Visa bara barn EXEMPEL-C01' }).click();
  await expect(page.getByLabel('Barn', { exact: true })).toHaveValue('EXEMPEL-C01');
  await expect.poll(async () => (await rows.locator('td:nth-child(5)').allTextContents()).every((text) => text === 'EXEMPEL-C01')).toBe(true);
  // A child no entry is about: the empty state.
  await page.getByLabel('Barn', { exact: true }).fill('FINNS-INTE');
  await expect(page.getByText('Inga poster matchar filtren.')).toBeVisible();
  await page.getByLabel('Barn', { exact: true }).fill('');
  await expect(read).toBeVisible();

  // A home: every entry about it (itself, its adults, the stays there), and a row's Hem narrows to it.
  const home = await withServices(databasePath, async (services) => (await services.homes.list()).find((h) => h.kind === 'familjehem')!.id);
  await page.getByLabel('Händelse').selectOption({ label: 'Lagt till' });
  await page.getByLabel('Hem', { exact: true }).fill(home);
  await expect.poll(async () => {
    const homes = await rows.locator('td:nth-child(6)').allTextContents();
    return homes.length > 1 && homes.every((text) => text === home);
  }).toBe(true);
  await expect(rows.filter({ hasText: `Hem ${home}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Person ' })).not.toHaveCount(0);
  await page.getByLabel('Hem', { exact: true }).fill('');
  await page.getByLabel('Händelse').selectOption({ label: 'Läst' });
  await read.getByRole('button', { name: 'Visa bara barn EXEMPEL-C01' }).waitFor();
  await page.getByLabel('Barn', { exact: true }).fill('');
  await expect(read).toBeVisible();

  // The chain, as it is: intact, said in a status for screen readers.
  await page.getByRole('button', { name: 'Verifiera loggen' }).click();
  const status = page.getByRole('status').filter({ hasText: /Loggen/ });
  await expect(status).toContainText(/Loggen är hel: alla \d+ poster stämmer\./);
  await expectAccessible(page);
  await screenshot(page, 'logg');

  // Someone with the file and the sqlite3 shell: the guards dropped, entry 1 rewritten.
  const connection = await openDatabase(databasePath);
  try {
    connection.raw.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
    connection.raw.prepare(`UPDATE access_log SET channel = 'gui:import' WHERE seq = 1`).run();
  } finally {
    await connection.close();
  }
  await page.getByRole('button', { name: 'Verifiera loggen' }).click();
  await expect(status).toContainText('Loggen är inte hel. Post 1 har ändrats');

  // The filtered entries as CSV: UTF-8 with a BOM, the Swedish header first, then the reads.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('logg-2026-11-22.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe(CSV_HEADER.join(';'));
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.slice(1, -1).every((line) => line.split(';')[4] === 'Läst')).toBe(true);
  await expect(page.getByText(/(post|poster) har exporterats till logg-2026-11-22\.csv/)).toBeVisible();
});
