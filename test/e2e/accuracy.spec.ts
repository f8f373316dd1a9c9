/**
 * Träffsäkerhet: on the demo register, every ended placement beside its home's index when it
 * began, per grade and one by one; the index's settings on the Regler page, whose changes are
 * previewed as träffsäkerhet before they are saved, with who and why. All homes and children are
 * fictional (the demo's, and "Provgårdens HVB" and "Testbackens HVB" added here).
 */
import type { Locator, Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { closeToasts, E2E_USER, expect, expectAccessible, loadDemo, menuItem, screenshot, signIn, test, toast, TODAY, withServices } from './fixtures';

/** Ended placements and sammanbrott in the register, counted in the database itself, not through the index. */
async function endedPlacements(databasePath: string): Promise<{ ended: number; breakdowns: number }> {
  const connection = await openDatabase(databasePath);
  try {
    const rows = await connection.db.selectFrom('placements').select(['endReason']).where('endedOn', 'is not', null).where('endedOn', '<=', TODAY).execute();
    return { ended: rows.length, breakdowns: rows.filter((r) => r.endReason === 'sammanbrott').length };
  } finally {
    await connection.close();
  }
}

/**
 * Two fictional HVB with years of IVO inspections before their placements: Provgårdens HVB
 * (three without remarks: grade A) with 22 ended placements, one a sammanbrott; Testbackens HVB
 * (criticism and an injunction: grade D or E) with 10, half of them sammanbrott.
 */
async function seedHistory(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    const home = async (name: string) =>
      (await services.homes.save({ kind: 'hvb', name, orgNr: null, operator: 'kommunal', municipality: 'Sundsvall', capacity: 30, targetGroup: null, agency: null, persons: [] })).id;
    const good = await home('Provgårdens HVB');
    const weak = await home('Testbackens HVB');
    const inspections = [
      [good, ['utan-anmarkning', 'utan-anmarkning', 'utan-anmarkning']],
      [weak, ['forelaggande', 'kritik', 'kritik']],
    ] as const;
    for (const [homeId, verdicts] of inspections) {
      for (const [i, verdict] of verdicts.entries()) {
        await services.placements.recordEvent({ homeId, type: 'ivo-tillsyn', date: `2023-0${i + 2}-10`, comment: null, verdict });
      }
    }
    let n = 0;
    const place = async (homeId: string, start: string, end: string, endReason: 'planerad' | 'sammanbrott') => {
      n += 1;
      await services.placements.savePlacement({
        newChild: { name: `Provbarn ${n} Exempelsson`, birthDate: '2010-03-04', personnummer: null, protectedIdentity: false },
        legalBasis: 'SoL', decidedOn: start, startedOn: start, endedOn: end, endReason, caseworker: null, unit: null,
        stays: [{ homeId, from: start, to: end, decidedOn: null, investigationCompletedOn: null }],
      });
    };
    for (let i = 0; i < 22; i++) {
      await place(good, `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, `2025-0${1 + (i % 9)}-15`, i === 3 ? 'sammanbrott' : 'planerad');
    }
    for (let i = 0; i < 10; i++) {
      await place(weak, `2024-${String(1 + i).padStart(2, '0')}-05`, `2025-0${1 + (i % 9)}-20`, i % 2 === 0 ? 'sammanbrott' : 'planerad');
    }
  });
}

async function gotoRules(page: Page) {
  await menuItem(page, 'Regler').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regler och lagrum' })).toBeVisible();
}

async function gotoAccuracy(page: Page) {
  await gotoRules(page);
  await page.getByRole('link', { name: 'Visa träffsäkerhet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Träffsäkerhet' })).toBeVisible();
}

const gradeTable = (page: Page) => page.getByRole('table', { name: 'Placeringar och sammanbrott per betyg när placeringen började' });
const casesTable = (page: Page) => page.getByRole('table', { name: 'Avslutade placeringar med hemmets index när placeringen började' });
/** A row of a table by its header cell (Betyg, or Alla). */
const rowOf = (table: Locator, header: string) => table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
const cells = (row: Locator) => row.getByRole('cell').allTextContents();
/** Waits until the row's cells say `expected` (the page shows its head before its figures). */
const expectCells = (row: Locator, expected: (string | RegExp)[]) => expect(row.getByRole('cell')).toHaveText(expected);
const anything = /./;
/** The data rows of the cases' table (its head row has no cells). */
const caseRows = (page: Page) => casesTable(page).getByRole('row').filter({ has: page.getByRole('cell') });

test('träffsäkerhet on the demo register: every ended placement counted, per grade, too few said, paged, filtered, linked', async ({ page, openApp, databasePath }) => {
  await openApp();
  await loadDemo(page);
  const demo = await endedPlacements(databasePath);
  expect(demo.ended).toBeGreaterThan(0);
  expect(demo.breakdowns).toBeGreaterThan(0);

  await gotoAccuracy(page);
  await expect(page).toHaveTitle('Träffsäkerhet – Placeringskollen');
  await expect(page.getByText('Beräknat med kvalitetsindexets standardinställningar (version 0).')).toBeVisible();
  // Every ended placement of the demo, and its sammanbrott, in the total.
  await expectCells(rowOf(gradeTable(page), 'Alla'), [String(demo.ended), String(demo.breakdowns), anything, anything, 'För få för att säga något']);
  // The demo's homes had too little evidence the day before those placements began: no index, and too few to say anything.
  await expectCells(rowOf(gradeTable(page), 'Inget index'), [String(demo.ended), String(demo.breakdowns), anything, anything, 'För få för att säga något']);
  await expectCells(rowOf(gradeTable(page), 'A'), ['0', '0', '–', '–', 'Inga placeringar']);
  await expect(page.getByRole('img', { name: /^Andel placeringar som slutade i sammanbrott/ })).toHaveAccessibleName(
    new RegExp(`Inget index: ${demo.breakdowns} av ${demo.ended} \\(.*\\), för få för att säga något`),
  );
  await expect(caseRows(page)).toHaveCount(demo.ended);
  await expect(caseRows(page).filter({ hasText: 'Sammanbrott' })).toHaveCount(demo.breakdowns);
  await expectAccessible(page);

  // The municipality's longer history: two more homes, 32 more ended placements.
  await seedHistory(databasePath);
  const all = await endedPlacements(databasePath);
  expect(all.ended).toBe(demo.ended + 32);
  await gotoAccuracy(page);
  const grades = gradeTable(page);
  await expectCells(rowOf(grades, 'Alla'), [String(all.ended), String(all.breakdowns), anything, anything, '']);
  // Provgårdens HVB was an A when its 22 placements began: enough to compare, one sammanbrott of 22 (4,5 %).
  await expectCells(rowOf(grades, 'A'), ['22', '1', '4,5', /^\d+(,\d)?–\d+$/, '']);
  const low = [...(await cells(rowOf(grades, 'D'))), ...(await cells(rowOf(grades, 'E')))];
  expect(Number(low[0]) + Number(low[5])).toBe(10);
  expect(low).toContain('För få för att säga något');
  await expect(rowOf(grades, 'A')).not.toHaveClass(/accuracy-table__few/);

  // Paged, 20 at a time, the latest started first.
  const pager = page.getByRole('navigation', { name: 'Sidor i listan över placeringar' });
  await expect(pager).toContainText(`Visar 1–20 av ${all.ended}`);
  await expect(caseRows(page)).toHaveCount(20);
  const starts = await caseRows(page).locator('td:nth-child(2)').allTextContents();
  expect(starts).toEqual([...starts].sort().reverse());
  await pager.getByRole('button', { name: /^Nästa sida/ }).click();
  await expect(pager).toContainText(`Visar 21–${Math.min(40, all.ended)} av ${all.ended}`);
  await page.getByLabel('Per sida').selectOption('50');
  await expect(caseRows(page)).toHaveCount(all.ended);
  await expect(pager).toHaveCount(0);
  await closeToasts(page);
  await expect(page.getByRole('img', { name: /^Andel placeringar/ }).locator('svg').first()).toBeVisible();
  // Tall enough for the table and its chart.
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.getByRole('heading', { level: 1, name: 'Träffsäkerhet' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'traffsakerhet');
  await page.setViewportSize({ width: 1024, height: 1400 });
  await screenshot(page, 'traffsakerhet-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // By grade: only the A homes' placements.
  await page.getByLabel('Betyg', { exact: true }).selectOption('A');
  await expect(page.getByText('22 placeringar i hem med betyg A, de senast påbörjade först')).toBeVisible();
  await expect(caseRows(page)).toHaveCount(22);
  expect(new Set(await caseRows(page).locator('td:nth-child(6)').allTextContents())).toEqual(new Set(['A']));
  await page.getByLabel('Betyg', { exact: true }).selectOption({ label: 'Inget index' });
  await expect(caseRows(page)).toHaveCount(demo.ended);
  await expectAccessible(page);

  // A home leads to its history; back, the list is as it was.
  await page.getByLabel('Betyg', { exact: true }).selectOption('A');
  await caseRows(page).first().getByRole('link', { name: 'Provgårdens HVB' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdgivarhistorik – Provgårdens HVB' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Betyg', { exact: true })).toHaveValue('A');
  await expect(caseRows(page)).toHaveCount(22);
});

test('Kvalitetsindex on Regler: a changed weight is previewed unsaved, then saved with why as version 1', async ({ page, openApp, databasePath }) => {
  await openApp();
  await loadDemo(page);
  await seedHistory(databasePath);
  await gotoRules(page);
  const section = page.getByRole('region', { name: 'Kvalitetsindex', exact: true });
  await expect(section.getByRole('heading', { level: 2, name: 'Kvalitetsindex' })).toBeVisible();
  await expect(section.getByText('Standardinställningar – inte ändrade')).toBeVisible();
  const preview = section.getByRole('region', { name: 'Förhandsvisa träffsäkerhet' });
  const compare = preview.getByRole('table');
  await expect(compare.getByRole('columnheader')).toHaveText(['Betyg', 'Sparade (standardinställningar)']);
  await expect(rowOf(compare, 'A')).toContainText('1 av 22 · 4,5 %');

  // Without IVO's inspections the homes are scored on the rest of their evidence.
  const ivo = section.getByLabel('Vikt för IVO:s tillsyn', { exact: true });
  await expect(ivo).toHaveValue('20');
  await expect(ivo).toHaveAccessibleDescription('Standard: 20 %');
  await ivo.fill('0');
  await expect(section.getByText('Summa: 80 % – räknas om till 100 %')).toBeVisible();
  await expect(section.getByText('Osparade ändringar')).toBeVisible();
  await expect(preview.getByRole('status')).toHaveText('Förhandsvisningen är räknad med värdena i formuläret, som inte är sparade.');
  await expect(compare.getByRole('columnheader')).toHaveText(['Betyg', 'Sparade (standardinställningar)', 'Förhandsvisning (ej sparad)']);
  // The grades move: the A row beside the saved one is not the saved one's.
  const previewA = rowOf(compare, 'A').getByRole('cell').nth(1);
  await expect(rowOf(compare, 'A').getByRole('cell').first()).toContainText('1 av 22 · 4,5 %');
  await expect(previewA).not.toContainText('1 av 22 · 4,5 %');
  const previewedA = await previewA.textContent();
  await expect(preview.getByRole('img', { name: /^Förhandsvisning, ej sparad\./ }).locator('svg').first()).toBeVisible();
  await closeToasts(page);
  await expectAccessible(page);
  // The whole section, from its heading: the weights, the limits and the preview beside the saved figures.
  await page.setViewportSize({ width: 1280, height: 2200 });
  await section.getByRole('heading', { level: 2, name: 'Kvalitetsindex' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'regler-kvalitetsindex');
  await page.setViewportSize({ width: 1280, height: 800 });

  // An unusable value is said before anything is asked of main.
  const half = section.getByLabel('Halveringstid', { exact: true });
  await half.fill('två');
  await expect(preview.getByRole('status')).toHaveText('Förhandsvisningen väntar på giltiga värden.');
  await expect(preview).toContainText('Halveringstid: Ange ett heltal.');
  await half.fill('24');

  // Leaving with the edit unsaved asks first.
  await menuItem(page, 'Bevakning').click();
  const leave = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await leave.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(ivo).toHaveValue('0');

  // Why is asked with every save; who is the signed-in user.
  const save = section.getByRole('button', { name: 'Spara kvalitetsindexet' });
  await save.click();
  const summary = section.getByRole('alert').filter({ hasText: 'Kvalitetsindexet kunde inte sparas' });
  await expect(summary).toContainText('Varför indexet ändras: Skriv varför indexet ändras: skälet sparas i historiken.');
  await expect(section.getByRole('group', { name: 'Vem ändrar indexet och varför' })).toContainText(`Ändras av ${E2E_USER}`);
  await section.getByLabel('Varför indexet ändras').fill('Prov utan IVO:s tillsyn i indexet.');
  await save.click();
  await expect(toast(page)).toContainText('Kvalitetsindexets inställningar är sparade som version 1.');
  await expect(section.getByText(`Version 1 · sparad ${TODAY} av ${E2E_USER}`)).toBeVisible();
  await expect(section.getByText('Osparade ändringar')).toHaveCount(0);
  const versions = section.getByRole('region', { name: 'Kvalitetsindexets versioner' });
  const first = versions.getByRole('listitem').first();
  await expect(first).toContainText('Version 1');
  await expect(first).toContainText(E2E_USER);
  await expect(first).toContainText('Prov utan IVO:s tillsyn i indexet.');
  await expect(first).toContainText('Vikt för IVO:s tillsyn: 20 → 0');
  // The saved figures are now the new ones; the rules' own history is untouched.
  await expect(compare.getByRole('columnheader')).toHaveText(['Betyg', 'Sparade (version 1)']);
  await expect(rowOf(compare, 'A').getByRole('cell').first()).toHaveText(previewedA ?? '');
  await expect(page.getByRole('region', { name: 'Ändringshistorik' })).toContainText('Reglerna har inte ändrats');

  // Back to the defaults: asked first, then unsaved until saved.
  await section.getByRole('button', { name: 'Återställ standardvärdena' }).click();
  const dialog = page.getByRole('dialog', { name: 'Återställa standardvärdena?' });
  await dialog.getByRole('button', { name: 'Återställ standardvärdena' }).click();
  await expect(ivo).toHaveValue('20');
  await expect(section.getByText('Osparade ändringar')).toBeVisible();

  // Träffsäkerhet names the version its numbers were computed with.
  await section.getByRole('button', { name: 'Ångra ändringarna i indexet' }).click();
  await section.getByRole('link', { name: 'Visa träffsäkerhet' }).click();
  await expect(page.getByText('Beräknat med kvalitetsindexets inställningar, version 1.')).toBeVisible();
  const [placed, broke] = await cells(rowOf(gradeTable(page), 'A'));
  expect(previewedA).toContain(`${broke} av ${placed} · `);
  await expectAccessible(page);
});

test('a handläggare is told plainly that träffsäkerhet is an enhetschef\'s', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await withServices(databasePath, (services) =>
    services.users.insert({ name: 'Hugo Provhandläggare', initials: 'HP', role: 'handlaggare', units: ['Barn och unga'], active: true, pin: null }),
  );
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(host.url);
  await signIn(page, 'Hugo Provhandläggare');
  await gotoRules(page);
  const section = page.getByRole('region', { name: 'Kvalitetsindex', exact: true });
  await expect(section).toContainText('Träffsäkerheten visas för enhetschefer och administratörer.');
  await section.getByRole('link', { name: 'Visa träffsäkerhet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Träffsäkerhet' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Träffsäkerheten kunde inte hämtas. Det här får bara en enhetschef göra. Du är inloggad som handläggare.');
  await expect(page.getByRole('button', { name: 'Försök igen' })).toHaveCount(0);
  await expectAccessible(page);
});
