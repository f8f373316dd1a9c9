/**
 * Avvikelser: a lex Sarah report on a home, from the report through utredning, bedömning (serious:
 * an anmälan till IVO is due, and late), the anmälan, åtgärdad and avslutad; the menu's counts and
 * the page's cards follow every step. A report without a description is refused at its field and
 * nothing is written.
 */
import type { Locator, Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { closeToasts, E2E_USER, expect, expectAccessible, menuItem, screenshot, test, TODAY, withServices } from './fixtures';

/** The deviations and their steps in the test's database, as rows: what was written, whatever the page shows. */
async function storedDeviations(databasePath: string) {
  const connection = await openDatabase(databasePath);
  try {
    const deviations = await connection.db.selectFrom('deviations').select(['id', 'kind', 'status', 'description']).execute();
    const steps = await connection.db.selectFrom('deviationSteps').select(['step', 'serious']).orderBy('ordinal').execute();
    return { deviations, steps };
  } finally {
    await connection.close();
  }
}

/** The fictional homes: the one the report is about, and another the search leaves out. */
async function seedHomes(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    const home = (kind: 'hvb' | 'familjehem', name: string) =>
      services.homes.save({ kind, name, orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 6, targetGroup: null, agency: null, persons: [] });
    await home('hvb', 'Solbackens HVB');
    await home('familjehem', 'Familjen Provgren');
  });
}

/** Avvikelser's badges in the main menu, in order ("1 öppen", "1 till IVO"). */
const navCounts = (page: Page) => menuItem(page, 'Avvikelser').locator('.nav-count');

/** The cards above the list, by their words: the count each shows. */
const card = (page: Page, label: string) => page.locator('.deviation-counts .status-filter__button').filter({ hasText: label }).locator('.status-filter__count');

async function recordStep(form: Locator, step: string, date: string, text: string): Promise<void> {
  await form.getByRole('radio', { name: step, exact: true }).check();
  await form.getByLabel('Datum').fill(date);
  await form.getByLabel('Vad gjordes (frivilligt)').fill(text);
  await form.getByRole('button', { name: 'Spara steget' }).click();
}

test('a lex Sarah on a home goes through utredning, bedömning, anmälan till IVO, åtgärdad and avslutad; the counts follow', async ({ page, openApp, databasePath }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seedHomes(databasePath);
  await openApp();

  await menuItem(page, 'Avvikelser').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avvikelser' })).toBeVisible();
  await expect(page.getByText('Inga avvikelser är registrerade.')).toBeVisible();
  await expect(navCounts(page)).toHaveCount(0);

  // Ny avvikelse: the home first, with the register's search.
  await page.getByRole('button', { name: 'Ny avvikelse' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny avvikelse' });
  await expect(dialog.getByLabel('Sök hem')).toBeFocused();
  await dialog.getByLabel('Sök hem').fill('solback');
  await expect(dialog.getByRole('button', { name: /Familjen Provgren/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: /Solbackens HVB/ }).click();
  await expect(dialog.getByText('Solbackens HVB (HVB, Sundsvall)')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Avvikelse', exact: true })).toBeFocused();

  // Without a description the report is refused at that field, and nothing is written.
  await dialog.getByRole('radio', { name: 'Lex Sarah' }).check();
  await dialog.getByLabel('Rapporterad den').fill('2026-09-28');
  await dialog.getByLabel('Kategori').selectOption({ label: 'Bemötande' });
  await dialog.getByRole('radio', { name: 'Allvarlig' }).check();
  await expect(dialog.getByText(`Registreras av ${E2E_USER}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Spara avvikelsen' }).click();
  const description = dialog.getByLabel('Beskrivning');
  await expect(description).toHaveAccessibleDescription(/^Får inte vara tomt\./);
  await expect(description).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'Lex Sarah' })).toBeChecked();
  expect((await storedDeviations(databasePath)).deviations).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, 'avvikelse-ny');

  await description.fill('Personal höll fast en ungdom i samband med ett bråk i matsalen.');
  await dialog.getByRole('button', { name: 'Spara avvikelsen' }).click();
  await expect(dialog).toHaveCount(0);

  // The new report opens beside the list, at its own address.
  const panel = page.getByRole('region', { name: 'Lex Sarah 2026-09-28' });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/#\/avvikelser\/[^/]+$/);
  await expect(panel.getByText('Personal höll fast en ungdom i samband med ett bråk i matsalen.')).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: 'Solbackens HVB' })).toBeVisible();
  await expect(navCounts(page)).toHaveText(['1 öppen']);
  await expect(card(page, 'Öppna')).toHaveText('1');
  const row = page.getByRole('row').filter({ hasText: 'Solbackens HVB' });
  await expect(row).toContainText('Lex Sarah');
  await expect(row).toContainText('Bemötande');
  await expect(row).toContainText('Allvarlig');
  await expect(row).toContainText('Öppen');

  const stepForm = panel.getByRole('form', { name: 'Registrera nästa steg' });
  await recordStep(stepForm, 'Utredning påbörjad', '2026-09-29', 'Utredare utsedd.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Utredning påbörjad' })).toContainText('2026-09-29');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Utredning påbörjad' })).toContainText(`Registrerat av ${E2E_USER}`);
  await expect(row).toContainText('Under utredning');
  await expect(card(page, 'Under utredning')).toHaveText('1');

  // A bedömning asks whether it is serious: unanswered, main records nothing and says so at the question.
  await stepForm.getByRole('radio', { name: 'Bedömning', exact: true }).check();
  await stepForm.getByLabel('Datum').fill('2026-10-01');
  await stepForm.getByRole('button', { name: 'Spara steget' }).click();
  const serious = stepForm.getByRole('group', { name: /allvarligt missförhållande/ });
  await expect(serious.getByRole('radio', { name: 'Ja' })).toHaveAccessibleDescription('Svara ja eller nej.');
  await expect(serious.getByRole('radio', { name: 'Ja' })).toBeFocused();
  expect((await storedDeviations(databasePath)).steps.map((s) => s.step)).toEqual(['under-utredning']);

  // Serious: the anmälan till IVO is due 14 days (the default routine) after the bedömning, and on TODAY it is late.
  await serious.getByRole('radio', { name: 'Ja' }).check();
  await stepForm.getByLabel('Vad gjordes (frivilligt)').fill('Påtaglig risk för ett allvarligt missförhållande.');
  await stepForm.getByRole('button', { name: 'Spara steget' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Bedömning' })).toContainText('Allvarligt missförhållande eller påtaglig risk: ja');
  expect((await storedDeviations(databasePath)).steps.map((s) => [s.step, s.serious])).toEqual([['under-utredning', null], ['bedomning', 1]]);
  const deadline = panel.getByRole('note', { name: 'Anmälan till IVO' });
  await expect(deadline).toContainText('Försenad');
  await expect(deadline).toContainText('Senast 2026-10-15');
  await expect(deadline).toContainText('Räknat från bedömningen 2026-10-01');
  await expect(deadline).toContainText('SoL 27 kap. 6 §');
  await expect(row).toContainText('Senast 2026-10-15');
  await expect(row).toContainText('SoL 27 kap. 6 §');
  await expect(row).toContainText('Försenad');
  await expect(navCounts(page)).toHaveText(['1 öppen', '1 till IVO']);
  await expect(navCounts(page).nth(1)).toHaveClass(/nav-count--overdue/);
  await expect(card(page, 'Väntar på anmälan till IVO')).toHaveText('1');
  await expect(card(page, 'Försenad anmälan')).toHaveText('1');
  await closeToasts(page);
  await expectAccessible(page);
  await screenshot(page, 'avvikelser');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'avvikelser-1024');

  // The list behind the panel: closed, focus goes back to the row's link; a click on the row opens it again.
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/#\/avvikelser$/);
  await expect(row.getByRole('link', { name: '2026-09-28' })).toBeFocused();
  await row.getByRole('link', { name: '2026-09-28' }).blur();
  await screenshot(page, 'avvikelser-lista-1024');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page);
  await screenshot(page, 'avvikelser-lista');
  await row.getByRole('cell', { name: 'Bemötande' }).click();
  await expect(panel).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Lex Sarah 2026-09-28' })).toBeFocused();

  // Anmäld till IVO: the deadline goes, from the panel, the row and the menu.
  await recordStep(stepForm, 'Anmäld till IVO', TODAY, 'Anmälan skickad via IVO:s e-tjänst.');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Anmäld till IVO' })).toContainText(TODAY);
  await expect(deadline).toHaveCount(0);
  await expect(row).not.toContainText('Försenad');
  await expect(navCounts(page)).toHaveText(['1 öppen']);
  await expect(card(page, 'Väntar på anmälan till IVO')).toHaveText('0');

  await recordStep(stepForm, 'Åtgärdad', TODAY, 'Rutinen för konflikthantering är uppdaterad.');
  await expect(row).toContainText('Åtgärdad');
  await recordStep(stepForm, 'Avslutad', TODAY, '');
  await expect(panel.getByText('Avvikelsen är avslutad. Inget mer att registrera.')).toBeVisible();
  await expect(stepForm).toHaveCount(0);
  await expect(panel.getByRole('listitem')).toHaveText([/Utredning påbörjad/, /Bedömning/, /Anmäld till IVO/, /Åtgärdad/, /Avslutad/]);
  await expect(navCounts(page)).toHaveCount(0);

  // Closed, it leaves the list of those not avslutade; "Alla" shows it.
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/#\/avvikelser$/);
  await expect(page.getByText('Alla avvikelser är avslutade.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Alla' });
  await expect(page.getByRole('row').filter({ hasText: 'Solbackens HVB' })).toContainText('Avslutad');
  const stored = await storedDeviations(databasePath);
  expect(stored.deviations.map((d) => [d.kind, d.status])).toEqual([['lex-sarah', 'avslutad']]);
  expect(stored.steps.map((s) => s.step)).toEqual(['under-utredning', 'bedomning', 'anmald-ivo', 'atgardad', 'avslutad']);
});
