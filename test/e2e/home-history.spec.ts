import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { closeToasts, expect, expectAccessible, gotoRegister, loadDemo, openHome, panel, screenshot, test, toast, withServices } from './fixtures';

/**
 * Vårdgivarhistorik on the demo register (TODAY 2026-11-22). Östergårdens HVB has had three
 * placements: one that broke down (2026-01-22 – 2026-05-22), one ended as planned, and one going
 * on since 2026-08-10 with a barnsamtal on 2026-10-20.
 */
const HOME = 'Östergårdens HVB';

const historyTitle = (page: Page, home: string) => page.getByRole('heading', { level: 1, name: `Vårdgivarhistorik – ${home}` });
const placementsTable = (page: Page) => page.getByRole('table', { name: 'Placeringar i hemmet, nyast först' });
const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const count = (page: Page, label: string) => page.locator('.history-counts__item').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

async function openHistoryFromPanel(page: Page, home: string): Promise<void> {
  await gotoRegister(page);
  await loadDemo(page);
  await openHome(page, home);
  await panel(page).getByRole('link', { name: 'Vårdgivarhistorik' }).click();
  await expect(historyTitle(page, home)).toBeVisible();
}

test('a home\'s history shows its placements with the sammanbrott marked, an assessment made from a barnsamtal in its chart, a note and a deviation', async ({ page, openApp }) => {
  await openApp();
  await openHistoryFromPanel(page, HOME);
  // Opened from the register: reading starts at the title, and Tillbaka leads back there.
  await expect(historyTitle(page, HOME)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Tillbaka' })).toBeVisible();

  await expect(count(page, 'Placeringar')).toHaveText('3');
  await expect(count(page, 'Sammanbrott')).toHaveText('1');
  await expect(count(page, 'Pågående')).toHaveText('1');
  const rows = placementsTable(page).getByRole('row');
  await expect(rows).toHaveCount(4); // the header and three placements
  const breakdown = rows.filter({ hasText: 'Sammanbrott' });
  await expect(breakdown).toHaveCount(1);
  await expect(breakdown).toContainText('2026-01-22 – 2026-05-22');
  await expect(breakdown).toContainText('4 månader');
  await expect(breakdown).toHaveClass(/history-table__breakdown/);
  await expect(rows.filter({ hasText: 'Planerad' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '2026-08-10 – pågår' })).toContainText('3 månader 12 dagar');
  await expect(section(page, 'IVO:s tillsyn')).toContainText('Utan anmärkning');
  await expect(section(page, 'Bedömningar över tid')).toContainText('Inga bedömningar ännu.');

  // The placement going on: its barnsamtal is assessed in two clicks (and the answers between them).
  await placementsTable(page).getByRole('link', { name: 'Öppna placeringen från 2026-08-10' }).click();
  await page.getByRole('button', { name: 'Bedöm barnsamtal (enskilt samtal) 2026-10-20' }).click();
  const form = page.getByRole('form', { name: 'Bedömning efter barnsamtal (enskilt samtal) 2026-10-20' });
  await expect(form.getByLabel('Datum')).toHaveValue('2026-10-20');
  await form.getByRole('group', { name: 'Trygghet' }).getByRole('radio', { name: '2' }).check();
  await form.getByRole('group', { name: 'Skola' }).getByRole('radio', { name: '4' }).check();
  await form.getByRole('group', { name: 'Vad barnet sa' }).getByRole('radio', { name: 'Trivs', exact: true }).check();
  await form.getByRole('button', { name: 'Spara bedömning' }).click();
  await expect(toast(page)).toContainText('Bedömningen från 2026-10-20 är sparad.');
  const assessments = section(page, /^Bedömningar/).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(assessments).toHaveCount(1);
  await expect(assessments.first()).toContainText('Trygghet 2');
  await expect(assessments.first()).toContainText('Barnet: trivs');

  // An assessment never changes: Ersätt makes a new one, and the old one says it was replaced.
  await page.getByRole('button', { name: 'Ersätt bedömningen från 2026-10-20' }).click();
  const replacing = page.getByRole('form', { name: 'Ersätt bedömningen från 2026-10-20' });
  await expect(replacing.getByRole('group', { name: 'Trygghet' }).getByRole('radio', { name: '2' })).toBeChecked();
  await replacing.getByRole('group', { name: 'Trygghet' }).getByRole('radio', { name: '3' }).check();
  await replacing.getByRole('button', { name: 'Spara bedömning' }).click();
  await expect(toast(page)).toContainText('ersätter den tidigare');
  await expect(assessments).toHaveCount(2);
  await expect(assessments.filter({ hasText: 'Ersatt' })).toContainText('Trygghet 2');
  await expect(assessments.filter({ hasText: 'Ersätter bedömningen från 2026-10-20' })).toContainText('Trygghet 3');

  // Nothing filled in: nothing is saved, and the form says what is missing where it can be mended.
  await page.getByRole('button', { name: 'Ny bedömning' }).click();
  const empty = page.getByRole('form', { name: 'Ny bedömning' });
  await empty.getByRole('button', { name: 'Spara bedömning' }).click();
  await expect(empty).toContainText('Ange minst ett betyg, vad barnet sa eller en kommentar.');
  await expect(empty.getByRole('group', { name: 'Trygghet' }).getByRole('radio', { name: 'Ej bedömd' })).toBeFocused();
  await empty.getByRole('button', { name: 'Avbryt' }).click();
  await expect(assessments).toHaveCount(2);

  // Back in the history: the replacing assessment is in the charts' text, the replaced one is not.
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(historyTitle(page, HOME)).toBeVisible();
  const charts = section(page, 'Bedömningar över tid');
  await expect(charts.getByRole('img', { name: 'Trygghet, 1 bedömning på skalan 1 till 5: 2026-10-20 betyg 3.' })).toBeVisible();
  await expect(charts.getByRole('img', { name: 'Skola, 1 bedömning på skalan 1 till 5: 2026-10-20 betyg 4.' })).toBeVisible();
  await expect(charts.getByRole('img', { name: 'Hälsa: inte bedömd.' })).toBeVisible();
  await expect(section(page, 'Barnens röster')).toContainText('Trivs: 1');

  // A note on the home, signed.
  const notes = section(page, /^Anteckningar om hemmet/);
  await notes.getByRole('button', { name: 'Ny anteckning' }).click();
  await notes.getByLabel('Kategori').selectOption({ label: 'Erfarenhet' });
  await notes.getByLabel('Anteckning', { exact: true }).fill('Personalen svarar snabbt och håller vad de lovar.');
  await notes.getByRole('button', { name: 'Signera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Signera' }).click();
  await expect(notes.getByRole('article')).toContainText('Personalen svarar snabbt och håller vad de lovar.');

  // A deviation on the home: listed with its status, counted, and linked to its page.
  const deviations = section(page, 'Avvikelser och lex Sarah');
  await expect(deviations).toContainText('Inga avvikelser registrerade.');
  await deviations.getByRole('button', { name: 'Ny avvikelse' }).click();
  const deviationForm = page.getByRole('form', { name: 'Ny avvikelse' });
  await deviationForm.getByRole('group', { name: /^Slag/ }).getByRole('radio', { name: 'Avvikelse' }).check();
  await deviationForm.getByRole('group', { name: /^Allvarlighet/ }).getByRole('radio', { name: 'Medel' }).check();
  await deviationForm.getByLabel(/^Beskrivning/).fill('Ingen personal mötte barnet vid ankomsten.');
  await deviationForm.getByRole('button', { name: 'Spara avvikelsen' }).click();
  await expect(toast(page)).toContainText('Avvikelsen från 2026-11-22 är registrerad.');
  const listed = deviations.getByRole('listitem').filter({ hasText: 'Ingen personal mötte barnet vid ankomsten.' });
  await expect(listed).toContainText('2026-11-22');
  await expect(listed).toContainText('Öppen');
  await expect(count(page, 'Öppna avvikelser')).toHaveText('1');

  await closeToasts(page);
  await expectAccessible(page);
  // The pictures show the page from its top, as it opens.
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await page.setViewportSize({ width: 1280, height: 1400 });
  await screenshot(page, 'vardgivarhistorik');
  await page.setViewportSize({ width: 1024, height: 1500 });
  await screenshot(page, 'vardgivarhistorik-1024');

  await listed.getByRole('link', { name: 'Avvikelse' }).click();
  await expect(page).toHaveURL(/#\/avvikelser\/[^/]+$/);
});

test('the history of a home where a protected child lives leads to none of its placements\' children', async ({ page, openApp }) => {
  await openApp();
  await openHistoryFromPanel(page, 'Familjen Provström-Exempel');
  const rows = placementsTable(page).getByRole('row');
  await expect(rows).toHaveCount(4);
  // The protected child's stay (since 2025-09-22) is there, but as an age and dates only.
  const protectedRow = rows.filter({ hasText: '2025-09-22 – pågår' });
  await expect(protectedRow).toContainText('LVU 2 §');
  await expect(protectedRow.getByRole('link')).toHaveCount(0);
  await expect(placementsTable(page).getByRole('link')).toHaveCount(2);
  // No child is named on the page.
  for (const name of ['G. E.', 'Ida Exempeldal', 'J. E.']) await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('Skyddad');
});

test('a placement names its home with a link to the home\'s history', async ({ page, openApp }) => {
  await openApp();
  await openHistoryFromPanel(page, HOME);
  await placementsTable(page).getByRole('link', { name: 'Öppna placeringen från 2026-08-10' }).click();
  // In the facts and at the stay in the timeline.
  const links = page.getByRole('link', { name: `Vårdgivarhistorik för ${HOME}` });
  await expect(links).toHaveCount(2);
  await links.first().click();
  await expect(historyTitle(page, HOME)).toBeVisible();
});

test('a home without placements says so in each section, and a home that is not there says it could not be shown', async ({ page, openApp }) => {
  await openApp();
  await openHistoryFromPanel(page, 'Familjen Exempelsson');
  await expect(count(page, 'Placeringar')).toHaveText('0');
  await expect(section(page, 'Kommunens placeringar i hemmet')).toContainText('Inga placeringar här ännu.');
  await expect(placementsTable(page)).toHaveCount(0);
  await expect(section(page, 'Bedömningar över tid')).toContainText('Inga bedömningar ännu.');
  await expect(section(page, 'IVO:s tillsyn')).toContainText('Ingen tillsyn av IVO registrerad.');
  // A foster home: its adults' register checks as they stand today, and its agency instead of an org.nr.
  await expect(section(page, /^Tillstånd och kontroller i dag/)).toContainText('Registerkontroll, Anna Exempelsson');
  await expect(page.getByRole('term').filter({ hasText: 'Konsulentverksamhet' })).toBeVisible();

  await page.evaluate(() => (location.hash = '#/register/historik/FINNS-INTE'));
  await expect(page.getByRole('alert')).toContainText('Vårdgivarhistoriken kunde inte hämtas.');
  await expect(page.getByRole('button', { name: 'Försök igen' })).toBeVisible();
});

test('the history is saved as a PDF to print or attach: the home and its placements, and no child by name', async ({ page, openApp, databasePath }) => {
  await openApp();
  await openHistoryFromPanel(page, HOME);
  const children = await withServices(databasePath, async (services) => (await services.placements.listChildren({ date: '2026-11-22' })).map((c) => c.name).filter((name): name is string => name !== null));
  expect(children.length).toBeGreaterThan(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Vårdgivarhistorik ${HOME} 2026-11-22.pdf`);
  const words = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
  expect(words).toContain(`Vårdgivarhistorik: ${HOME}`);
  expect(words).toContain('3 placeringar, varav 1 pågår och 1 slutade i sammanbrott.');
  for (const name of children) expect(words).not.toContain(name);
  await expect(toast(page)).toContainText(`Vårdgivarhistoriken är sparad som Vårdgivarhistorik ${HOME} 2026-11-22.pdf.`);
});
