/**
 * Säkerhet (issue 17): an encrypted register's copies as the administratör sees them. A copy made
 * now, a home added after it, the copy restored after a confirmation: the program starts again on
 * the register as it was, with a safety copy of how it was before. The setting refuses what is out
 * of range at its field.
 */
import path from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { startHost } from '../../main/host/server';
import { createServices } from '../../main/services';
import { clockOnDay, testClock } from '../clock';
import { closeToasts, E2E_USER, expect, expectAccessible, panel, screenshot, signIn, test, TODAY, toast } from './fixtures';

const KEY = '5a'.repeat(32);

test('an administratör makes a copy, restores it after a confirmation, and the register is as it was', async ({ page, databasePath, pageErrors: _errors }) => {
  const connection = await openDatabase(databasePath, { key: KEY });
  try {
    const services = createServices(connection.db, { clock: testClock() });
    await services.users.insert({ name: E2E_USER, initials: 'UP', role: 'administrator', units: ['Barn och unga'], active: true, pin: null });
    connection.raw.prepare("INSERT INTO homes (id, kind, name) VALUES ('E2E-H1', 'hvb', 'Före kopian HVB')").run();
  } finally {
    await connection.close();
  }
  const host = await startHost({ databasePath, port: 0, rendererDir: path.resolve('out/renderer'), clock: clockOnDay(TODAY), key: KEY, backups: false });
  try {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto(host.url);
    await signIn(page);
    await expect(page.locator('.app-footer')).toContainText('Krypterad');

    await page.getByRole('button', { name: `${E2E_USER}, administratör` }).click();
    await page.getByRole('link', { name: 'Säkerhet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Säkerhet och säkerhetskopior' })).toBeVisible();
    await expect(page.getByText('Krypterat.')).toBeVisible();
    await expect(page.getByText('Det finns inga säkerhetskopior ännu.')).toBeVisible();

    await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
    await expect(toast(page)).toContainText('Säkerhetskopian är gjord och kontrollerad');
    const copies = page.getByRole('table', { name: 'Säkerhetskopior, den senaste först' });
    await expect(copies.getByRole('row')).toHaveCount(2);
    await expect(copies).toContainText('Gjord för hand');

    // How many daily copies are kept: out of range is said at the field.
    const keep = page.getByLabel('Antal automatiska kopior som sparas');
    await keep.fill('0');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(keep).toHaveAccessibleDescription(/Minst 1\./);
    await keep.fill('30');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(toast(page)).toContainText('De 30 senaste automatiska kopiorna sparas.');
    await expect(page.getByText(/de 30 senaste sparas/)).toBeVisible();

    await closeToasts(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page);
    await screenshot(page, 'sakerhet');
    await page.setViewportSize({ width: 1024, height: 860 });
    // Nothing wider than the window at 1 024 px (a long path wraps).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await screenshot(page, 'sakerhet-1024');
    await page.setViewportSize({ width: 1280, height: 860 });

    // Work done after the copy, which the restore will take away.
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await page.getByRole('button', { name: 'Nytt hem' }).first().click();
    const form = panel(page);
    await form.getByLabel('Typ av hem').selectOption({ label: 'HVB' });
    await form.getByLabel('Namn').fill('Efter kopian HVB');
    await form.getByLabel('Kommun').fill('Timrå');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('grid')).toContainText('Efter kopian HVB');

    await page.getByRole('button', { name: `${E2E_USER}, administratör` }).click();
    await page.getByRole('link', { name: 'Säkerhet' }).click();
    await copies.getByRole('button', { name: /^Återställ kopian från/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Återställa säkerhetskopian?' });
    await expect(dialog).toContainText('Först görs en säkerhetskopia av registret som det är nu');
    // Avbryt leaves everything as it is.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toHaveCount(0);
    await copies.getByRole('button', { name: /^Återställ kopian från/ }).click();
    await dialog.getByRole('button', { name: 'Återställ och starta om' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registret är återställt' })).toBeVisible();

    // The page loads again over the restored register: everyone signs in again.
    await signIn(page);
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await expect(page.getByRole('grid')).toContainText('Före kopian HVB');
    await expect(page.getByRole('grid')).not.toContainText('Efter kopian HVB');
    await page.getByRole('button', { name: `${E2E_USER}, administratör` }).click();
    await page.getByRole('link', { name: 'Säkerhet' }).click();
    await expect(copies).toContainText('Före återställning');
  } finally {
    await host.close();
  }
});
