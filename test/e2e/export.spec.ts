/**
 * Exportera: the bevakningslista and the register to Excel from the window, as the user does it
 * (the menu button by keyboard and by mouse), the file read back; and the export's dialog with its
 * progress and Avbryt, pictured at 1 024 px. Demo data only (fictional).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoRegister, loadDemo, screenshot, test, TODAY, withServices } from './fixtures';

const exportButton = (page: Page) => page.getByRole('button', { name: /^Exportera/ });

async function readXlsx(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const texts = (ws: ExcelJS.Worksheet) => {
  const cells: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells;
};

test('the bevakningslista and the register to Excel, read back: every row of the filter, Swedish headers, real dates', async ({ page, openApp, databasePath }) => {
  await openApp();
  await loadDemo(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();

  // By keyboard: ↓ opens the menu on its first item, Enter chooses it.
  await exportButton(page).focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Exportera listan' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Excel (.xlsx)', 'CSV (.csv)']);
  await expect(menu.getByRole('menuitem', { name: 'Excel (.xlsx)' })).toBeFocused();
  // Esc closes it and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportButton(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Excel (.xlsx)' })).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Bevakningslista ${TODAY}.xlsx`);

  const expected = await withServices(databasePath, (services) => services.deadlines.page({ date: TODAY, offset: 0, limit: 500, sort: { column: 'dueOn', direction: 'asc' } }));
  const ws = await readXlsx(await download.path());
  expect(ws.name).toBe('Bevakningslista');
  expect(ws.rowCount).toBe(expected.total + 1);
  expect(ws.getRow(1).getCell(1).value).toBe('Status');
  expect(ws.getRow(1).getCell(2).value).toBe('Förfaller');
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBe(`A1:M${expected.total + 1}`);
  // The list's order and its first row's date, as a date.
  expect((ws.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe(expected.rows[0]!.dueOn);
  const cells = texts(ws);
  // A protected child is named as the list names it, never by its name.
  expect(cells.some((text) => text.startsWith('Skyddad identitet'))).toBe(true);
  expect(cells).not.toContain('G. E.');

  // The register, filtered as on screen (Aktiva, the default), by mouse.
  await gotoRegister(page);
  const active = await withServices(databasePath, (services) => services.homes.search({ status: 'active' }));
  await exportButton(page).click();
  const registerDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
  const file = await registerDownload;
  expect(file.suggestedFilename()).toBe(`Register ${TODAY}.xlsx`);
  const register = await readXlsx(await file.path());
  expect(register.rowCount).toBe(active.total + 1);
  expect(register.getRow(1).values).toEqual([undefined, 'Namn', 'Typ', 'Kommun', 'Huvudman', 'Org.nr', 'Platser', 'Konsulentverksamhet', 'Vuxna i hemmet', 'Status']);
  const names = texts(register);
  for (const home of active.rows) expect(names).toContain(home.name);
  // Swedish words, never the codes.
  expect(names).not.toContain('familjehem');
  expect(names.filter((text) => text === 'Aktiv')).toHaveLength(active.total);
});

test('a long export shows its progress in a dialog, and Avbryt stops it without a file', async ({ page, openApp }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp();
  await loadDemo(page);
  // The demo's list is done in a moment: main's answers are held "under way" to see the dialog.
  await page.route('**/api/exportProgress', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { done: 3400, total: 10000, state: 'running' } }) }),
  );
  let downloads = 0;
  page.on('download', () => downloads++);
  await exportButton(page).click();
  await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporterar listan' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Exporterar 3\s400 av 10\s000 rader …/);
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '3400');
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expect(exportButton(page)).toBeDisabled();
  await expectAccessible(page);
  await screenshot(page, 'exportera-1024');

  // Avbryt reaches main (the job is stopped, or its file dropped); main's next answer closes the dialog.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toContainText('Avbryter …');
  await page.unroute('**/api/exportProgress');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Exporten avbröts.' })).toHaveCount(1);
  await expect(exportButton(page)).toBeEnabled();
  expect(downloads).toBe(0);
});
