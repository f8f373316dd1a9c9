/**
 * Aktgranskning (egenkontroll): a round drawn from the form by keyboard, with its preview and a
 * size refused at its field; the round's files and how to check the draw; a file answered with the
 * register's proposals, an override that needs its reason, and a nej that becomes a deviation; the
 * analysis, an action seen in Bevakning and marked done, and the report as a PDF. A small
 * fictional register: two homes, five children with invented names.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { drawSample, populationHash } from '../../main/domain/sampling';
import type { Services } from '../../main/services';
import { closeToasts, dataRows, E2E_USER, expect, expectAccessible, menuItem, screenshot, signIn, test, toast, TODAY, withServices } from './fixtures';

const SEED = 'lotto-2026-48';

/** Five placements active in the spring of 2026; one ended before it, never in a draw. */
const register = {
  format: 'placeringskollen-exchange',
  version: 1,
  homes: [
    { id: 'F-BJORK', kind: 'familjehem', name: 'Familjen Björkholm', municipality: 'Timrå' },
    { id: 'H-GRAN', kind: 'hvb', name: 'Granbackens HVB', operator: 'kommunal', municipality: 'Sundsvall' },
  ],
  children: [
    { id: 'C-TILDA', birthDate: '2012-01-11', name: 'Tilda Påhittsson' },
    { id: 'C-KALLE', birthDate: '2011-02-12', name: 'Kalle Låtsasson' },
    { id: 'C-MAJA', birthDate: '2013-03-13', name: 'Maja Exempeldotter' },
    { id: 'C-OLLE', birthDate: '2010-04-14', name: 'Olle Fiktivsson' },
    { id: 'C-SIGRID', birthDate: '2014-05-15', name: 'Sigrid Provberg' },
    { id: 'C-NILS', birthDate: '2012-06-16', name: 'Nils Tidigaresson' },
  ],
  placements: [
    { id: 'PL-TILDA', childId: 'C-TILDA', legalBasis: 'SoL', decidedOn: '2025-01-01', startedOn: '2025-01-01', unit: 'Barn och unga', caseworker: 'Saga Handläggarsson', stays: [{ homeId: 'F-BJORK', form: 'familjehem', from: '2025-01-01' }] },
    { id: 'PL-KALLE', childId: 'C-KALLE', legalBasis: 'LVU2', decidedOn: '2025-03-01', startedOn: '2025-03-01', unit: 'Barn och unga', stays: [{ homeId: 'H-GRAN', form: 'hvb', from: '2025-03-01' }] },
    { id: 'PL-MAJA', childId: 'C-MAJA', legalBasis: 'SoL', decidedOn: '2025-06-01', startedOn: '2025-06-01', unit: 'Barn och unga', stays: [{ homeId: 'F-BJORK', form: 'familjehem', from: '2025-06-01' }] },
    { id: 'PL-OLLE', childId: 'C-OLLE', legalBasis: 'LVU3', decidedOn: '2025-09-01', startedOn: '2025-09-01', unit: 'Barn och unga', stays: [{ homeId: 'H-GRAN', form: 'hvb', from: '2025-09-01' }] },
    { id: 'PL-SIGRID', childId: 'C-SIGRID', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-01', unit: 'Barn och unga', stays: [{ homeId: 'F-BJORK', form: 'familjehem', from: '2026-02-01' }] },
    { id: 'PL-NILS', childId: 'C-NILS', legalBasis: 'SoL', decidedOn: '2024-01-01', startedOn: '2024-01-01', endedOn: '2025-06-01', endReason: 'planerad', stays: [{ homeId: 'F-BJORK', form: 'familjehem', from: '2024-01-01', to: '2025-06-01' }] },
  ],
  events: [
    // Tilda's övervägande: due 2025-07-01, made 2025-06-20; the next due 2025-12-20, made late on 2026-02-01.
    { id: 'E-1', placementId: 'PL-TILDA', type: 'overvagande', date: '2025-06-20' },
    { id: 'E-2', placementId: 'PL-TILDA', type: 'overvagande', date: '2026-02-01' },
    { id: 'E-3', placementId: 'PL-TILDA', type: 'barnsamtal', date: '2026-03-10' },
  ],
};

const population = ['PL-TILDA', 'PL-KALLE', 'PL-MAJA', 'PL-OLLE', 'PL-SIGRID'];

const childOf: Record<string, string> = {
  'PL-TILDA': 'Tilda Påhittsson',
  'PL-KALLE': 'Kalle Låtsasson',
  'PL-MAJA': 'Maja Exempeldotter',
  'PL-OLLE': 'Olle Fiktivsson',
  'PL-SIGRID': 'Sigrid Provberg',
};

async function seedRegister(databasePath: string): Promise<void> {
  await withServices(databasePath, (services) => services.exchange.importFile(register));
}

/** The spring's round, drawn straight in the database: every placement of the population, so Tilda's is in it. */
async function seedRound(databasePath: string, also?: (services: Services, roundId: string) => Promise<void>): Promise<{ id: string; tilda: number }> {
  return withServices(databasePath, async (services) => {
    await services.exchange.importFile(register);
    const round = await services.audits.createRound({
      name: 'Våren 2026', from: '2026-01-01', to: '2026-06-30', unit: null, form: null, legalBasis: null, caseworker: null,
      size: { kind: 'count', value: population.length }, exclusionMonths: 12, seed: SEED, recordedBy: 'Elin Enhetschefsson',
    });
    await also?.(services, round.id);
    return { id: round.id, tilda: round.files.find((f) => f.placementId === 'PL-TILDA')!.ordinal };
  });
}

/** Every item of a file answered as the register proposes, else ja; Tilda's late övervägande stays nej. */
async function answerFile(services: Services, roundId: string, ordinal: number): Promise<void> {
  const file = await services.audits.getFile(roundId, ordinal);
  await services.audits.saveFile({
    roundId,
    ordinal,
    answers: file.items.map((i) => ({
      itemId: i.item.id,
      answer: i.proposed?.answer ?? 'ja',
      comment: i.item.id === 'overvagande' ? 'Övervägandet gjordes sex veckor för sent.' : '',
      overrideReason: null,
      alreadyReported: false,
    })),
    recordedBy: 'Hanna Handläggarsson',
  });
}

async function gotoAudits(page: Page): Promise<void> {
  await menuItem(page, 'Aktgranskning').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktgranskning' })).toBeVisible();
}

/** The window as tall as the page at `width`, so a picture shows all of it (only main scrolls). */
async function wholePage(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  const more = await page.locator('#main').evaluate((main) => main.scrollHeight - main.clientHeight);
  await page.setViewportSize({ width, height: 800 + Math.max(0, more) });
}

const preview = (page: Page) => page.locator('.audit-preview [role="status"]');

test('an enhetschef draws a round from the form by keyboard: the preview counts, a size too large is refused at its field', async ({ page, openApp, databasePath }) => {
  await seedRegister(databasePath);
  // The months a recently audited file is left out are the municipality's setting: the form starts with them.
  await withServices(databasePath, async (services) => {
    const current = await services.settings.get();
    await services.settings.save({ parameters: { auditExclusionMonths: 18 }, references: current.references, version: current.version, changedBy: E2E_USER, reason: 'Längre uppehåll mellan granskningar.' });
  });
  await openApp();
  await gotoAudits(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Inga granskningsomgångar ännu' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Ny granskningsomgång' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny granskningsomgång' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Antal månader' })).toHaveValue('18');

  // The spring's half-year is proposed in the autumn; Tab goes through the form in its order.
  const name = page.getByRole('textbox', { name: /^Namn/ });
  await name.focus();
  await page.keyboard.type('Våren 2026');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^Period från/ })).toBeFocused();
  await expect(page.getByRole('textbox', { name: /^Period från/ })).toHaveValue('2026-01-01');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^Period till/ })).toHaveValue('2026-06-30');
  await expect(preview(page)).toHaveText('5 placeringar var aktiva under perioden. Ange urvalets storlek.');

  // A narrower period: Sigrid's placement began in February, Tilda's and the others' before.
  await page.getByRole('textbox', { name: /^Period till/ }).fill('2026-01-31');
  await expect(preview(page)).toHaveText('4 placeringar var aktiva under perioden. Ange urvalets storlek.');
  await page.getByRole('textbox', { name: /^Period till/ }).fill('2026-06-30');
  await page.getByLabel('Boendeform').selectOption({ label: 'HVB' });
  await expect(preview(page)).toHaveText('2 placeringar var aktiva under perioden. Ange urvalets storlek.');
  await page.getByLabel('Boendeform').selectOption({ label: 'Alla boendeformer' });

  // Ten files of five: the preview warns, and the draw is refused at the field.
  const size = page.getByRole('textbox', { name: 'Antal (obligatoriskt)' });
  await size.focus();
  await page.keyboard.type('10');
  await expect(preview(page)).toHaveText('5 placeringar var aktiva under perioden. Urvalet blir 10 akter. Det är fler än de 5 placeringar som finns: minska urvalet.');
  await page.keyboard.press('Enter');
  await expect(size).toBeFocused();
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#audit-new-size-error')).toHaveText('Urvalet (10) är större än populationen: 5 placeringar var aktiva under perioden.');
  await expect(page.getByRole('alert')).toContainText('Urvalet kan inte dras.');
  expect(await withServices(databasePath, (services) => services.audits.listRounds())).toEqual([]);

  // A share instead: 60 % of 5 is 3 files (rounded up).
  await page.getByRole('radio', { name: 'Andel av populationen (%)' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Andel av populationen (%)' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Procent (obligatoriskt)' }).fill('60');
  await expect(preview(page)).toHaveText('5 placeringar var aktiva under perioden. Urvalet blir 3 akter.');

  // The seed: a published lottery number, chosen with the arrow keys.
  await page.getByRole('radio', { name: 'Slumpa ett frö' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Eget frö/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^Eget frö/ })).toBeFocused();
  await page.keyboard.type(SEED);
  await wholePage(page, 1280);
  await expectAccessible(page);
  await screenshot(page, 'aktgranskning-ny');
  await wholePage(page, 1024);
  await screenshot(page, 'aktgranskning-ny-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
  await expect(toast(page)).toContainText('Urvalet är draget: 3 akter i Våren 2026.');

  // The files in the order of the draw, as rules.md ranks them.
  const draw = drawSample(population, SEED, 3);
  const files = page.getByRole('table', { name: 'Akterna i urvalet, i dragningens ordning' });
  await expect(files.getByRole('row')).toHaveCount(4);
  for (const [index, placementId] of draw.sample.entries()) {
    const row = files.getByRole('row').nth(index + 1);
    await expect(row.getByRole('rowheader')).toHaveText(`Akt ${index + 1}`);
    await expect(row).toContainText(childOf[placementId]!);
    await expect(row).toContainText('Ej granskad');
  }
  await expect(page.getByText('Granskade 0 av 3 akter')).toBeVisible();

  // How to check the draw: the seed, the population and its hash, the steps.
  const method = page.getByRole('region', { name: 'Så kontrolleras urvalet' });
  await expect(method).toContainText('Populationen är de placeringar som var aktiva minst en dag under perioden 2026-01-01 – 2026-06-30.');
  await expect(method).toContainText('(60 % av populationen, avrundat uppåt)');
  await expect(method.locator('dd').nth(0)).toHaveText(SEED);
  await expect(method.locator('dd').nth(1)).toHaveText('5 placeringar');
  await expect(method.locator('dd').nth(2)).toHaveText(populationHash(population));
  await expect(method).toContainText(`”${SEED}:” följt av placeringens id`);
  await expect(method).toContainText('docs/aktgranskning.md');
  await expectAccessible(page);

  // The form is done with: Back goes to the list, where the round is.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktgranskning' })).toBeVisible();
  const round = page.getByRole('table', { name: /Granskningsomgångar/ }).getByRole('row', { name: /Våren 2026/ });
  await expect(round).toContainText('2026-01-01 – 2026-06-30');
  await expect(round).toContainText('0 av 3');
  await expect(round).toContainText(E2E_USER);
});

test('a file is answered: the register proposes with its reason, an override needs a reason, a nej becomes a deviation', async ({ page, openApp, databasePath }) => {
  const { id, tilda } = await seedRound(databasePath);
  await openApp();
  await gotoAudits(page);
  await page.getByRole('link', { name: 'Våren 2026' }).click();
  await page.getByRole('link', { name: `Akt ${tilda}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Akt ${tilda} av 5` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tilda Påhittsson' })).toHaveAttribute('href', '#/placeringar/PL-TILDA');

  // Item 13: the register proposes nej, and says why; the answer is preselected.
  const item = (n: number) => page.locator('.audit-item').nth(n - 1);
  await expect(item(13).locator('.audit-proposal')).toContainText('Registret föreslår: Nej');
  await expect(item(13).locator('.audit-proposal')).toContainText('senast 2025-12-20, gjort 2026-02-01 – försenat');
  await expect(item(13).getByRole('radio', { name: 'Nej' })).toBeChecked();
  await expect(item(13).getByText('Annars skapas en avvikelse på placeringen när du sparar.')).toBeVisible();
  // Item 1 is the auditor's alone: no proposal, no answer yet.
  await expect(item(1).locator('.audit-proposal')).toHaveCount(0);
  await expect(item(1).getByRole('radio', { name: 'Ja' })).not.toBeChecked();

  const saveButton = page.getByRole('button', { name: 'Spara granskningen' });
  await expect(saveButton).toBeDisabled();
  await expect(page.locator('#audit-file-missing')).toContainText('Svara på punkterna 1, 2, 9, 10, 12, 16 och 17.');

  // The auditor's own items, by keyboard: Space checks the first radio of each group.
  for (const n of [1, 2, 9, 10, 12, 16, 17]) {
    await item(n).getByRole('radio', { name: 'Ja' }).focus();
    await page.keyboard.press('Space');
    await expect(item(n).getByRole('radio', { name: 'Ja' })).toBeChecked();
  }
  await expect(page.getByText('17 av 17 punkter besvarade')).toBeVisible();
  await expect(saveButton).toBeEnabled();

  // Overriding the register needs a reason: the field appears, and saving waits for it.
  const vardplan = item(6);
  await expect(vardplan.locator('.audit-proposal')).toContainText('Registret föreslår: Nej');
  await vardplan.getByRole('radio', { name: 'Ja' }).check();
  const reason = vardplan.getByRole('textbox', { name: /Varför svarar du annorlunda än registret/ });
  await expect(reason).toBeVisible();
  await expect(saveButton).toBeDisabled();
  await expect(page.locator('#audit-file-missing')).toHaveText('Skriv varför du svarar annorlunda än registret på punkt 6.');
  await reason.fill('Vårdplanen finns i akten, daterad 2025-01-15, men är inte registrerad.');
  await item(13).getByRole('textbox', { name: /^Kommentar/ }).fill('Övervägandet gjordes sex veckor för sent.');
  await expectAccessible(page);
  // The file's head and its first items; at 1 024 px the override with its reason.
  await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
  await screenshot(page, 'aktgranskning-akt');
  await page.setViewportSize({ width: 1024, height: 768 });
  await vardplan.scrollIntoViewIfNeeded();
  await screenshot(page, 'aktgranskning-akt-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Unsaved answers are asked about before leaving.
  await menuItem(page, 'Bevakning').click();
  const leave = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Akt ${tilda} av 5` })).toBeVisible();
  await expect(reason).toHaveValue('Vårdplanen finns i akten, daterad 2025-01-15, men är inte registrerad.');

  await saveButton.click();
  await expect(toast(page)).toContainText(`Granskningen av Akt ${tilda} är sparad.`);
  await expect(page.getByRole('status').filter({ hasText: `Granskningen av Akt ${tilda} är sparad.` }).first()).toBeVisible();
  await expect(item(13).getByText(/Senast besvarad av Ulla Provanvändare 2026-11-22/)).toBeVisible();
  await expect(item(13).getByRole('link', { name: /Öppna avvikelsen/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nästa akt' })).toBeVisible();

  // What was written: the override with its reason, and item 13 a deviation on Tilda's placement.
  const stored = await withServices(databasePath, (services) => services.audits.getFile(id, tilda));
  expect(stored.items[5]!.current).toMatchObject({ answer: 'ja', overrideReason: 'Vårdplanen finns i akten, daterad 2025-01-15, men är inte registrerad.', deviationId: null });
  expect(stored.items[12]!.current).toMatchObject({ answer: 'nej', comment: 'Övervägandet gjordes sex veckor för sent.' });
  expect(stored.items[12]!.current!.deviationId).not.toBeNull();

  // Answered again: the earlier answer is kept under "Tidigare svar", the deviation stays the one it was.
  await item(13).getByRole('textbox', { name: /^Kommentar/ }).fill('Sex veckor sent; rutinen ses över.');
  await expect(saveButton).toBeEnabled();
  await saveButton.click();
  const earlier = item(13).getByText('Tidigare svar (1)');
  await expect(earlier).toBeVisible();
  await earlier.click();
  await expect(item(13).locator('.audit-item__history li')).toHaveText(/Ulla Provanvändare: Nej – Övervägandet gjordes sex veckor för sent\.$/);
  const again = await withServices(databasePath, (services) => services.audits.getFile(id, tilda));
  expect(again.items[12]!.current!.deviationId).toBe(stored.items[12]!.current!.deviationId);

  // The round: the file audited, its nej among the deviations, linked to Avvikelser.
  await page.getByRole('link', { name: 'Tillbaka till omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
  await expect(page.getByText('Granskade 1 av 5 akter')).toBeVisible();
  const fileRow = page.getByRole('table', { name: /Akterna i urvalet/ }).getByRole('row', { name: new RegExp(`^Akt ${tilda}\\b`) });
  await expect(fileRow).toContainText('Granskad');
  await expect(fileRow).toContainText(E2E_USER);
  const deviations = page.getByRole('table', { name: 'Nej-svaren och avvikelserna de blev' });
  const deviation = deviations.getByRole('row').filter({ hasText: '13. Övervägande' });
  await expect(deviation).toContainText('Sex veckor sent; rutinen ses över.');
  await expect(deviation).toContainText('Öppen');
  await deviation.getByRole('link', { name: /Öppna avvikelsen/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/avvikelser/${stored.items[12]!.current!.deviationId}$`));
  await expect(page.getByRole('region', { name: 'Avvikelse 2026-11-22' })).toContainText(`Aktgranskning Våren 2026, Akt ${tilda}, punkt 13 besvarades nej: Övervägande eller omprövning minst var sjätte månad.`);
});

test('the analysis, an action followed in Bevakning and marked done, and the report as a PDF', async ({ page, openApp, databasePath }) => {
  const { id } = await seedRound(databasePath, async (services, roundId) => {
    // Two files answered, Tilda's and Sigrid's: the results and the chart have figures.
    const files = (await services.audits.getRound(roundId)).files;
    const tilda = files.find((f) => f.placementId === 'PL-TILDA')!.ordinal;
    await answerFile(services, roundId, tilda);
    await answerFile(services, roundId, files.find((f) => f.placementId === 'PL-SIGRID')!.ordinal);
  });
  await openApp();
  await gotoAudits(page);
  await expectAccessible(page);
  await screenshot(page, 'aktgranskning');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'aktgranskning-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('link', { name: 'Våren 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
  await expect(page.getByText('Granskade 2 av 5 akter')).toBeVisible();
  const results = page.getByRole('region', { name: 'Resultat per punkt' });
  // Tilda's övervägande was late: item 13 has her nej, and Sigrid's ja (hers was not due until August).
  const overvagande = results.getByRole('table').getByRole('row', { name: /^13 Övervägande/ });
  await expect(overvagande.getByRole('cell')).toHaveText(['13', '1', '1', '0', '3', '50 %']);
  await expect(results.getByRole('table').getByRole('row', { name: /^Alla punkter/ })).toBeVisible();
  await expect(results.getByRole('img', { name: /^Andel ja per punkt i checklistan/ })).toHaveAttribute('aria-label', /Punkt 13 \(Övervägande eller omprövning minst var sjätte månad\): 1 av 2 ja \(50 %\)/);
  // The chart is drawn (SVG, as in the report).
  await expect(results.locator('.compliance-chart svg')).toBeVisible();

  // The analysis, saved with who and when.
  const analysis = page.getByRole('textbox', { name: 'Vad visar granskningen, och varför?' });
  await analysis.fill('Övervägandena görs i regel i tid; ett var sex veckor sent. Rutinen för påminnelser ses över.');
  await page.getByRole('button', { name: 'Spara analysen' }).click();
  await expect(page.getByText(/Skriven av Ulla Provanvändare 2026-11-22/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara analysen' })).toBeDisabled();

  // An action: refused at its fields when empty, then added.
  const actions = page.getByRole('region', { name: 'Åtgärder' });
  await actions.getByRole('button', { name: 'Lägg till åtgärden' }).click();
  await expect(actions.getByRole('textbox', { name: /^Åtgärd/ })).toBeFocused();
  await expect(actions.locator('#audit-action-action-error')).toHaveText('Får inte vara tomt.');
  await actions.getByRole('textbox', { name: /^Åtgärd/ }).fill('Inför påminnelse om övervägande en månad före');
  await actions.getByRole('textbox', { name: /^Ansvarig/ }).fill('Elin Enhetschefsson');
  await actions.getByRole('textbox', { name: /^Klart senast/ }).fill('2026-12-15');
  await actions.getByRole('button', { name: 'Lägg till åtgärden' }).click();
  await expect(toast(page)).toContainText('Åtgärden är tillagd. Den visas i Bevakning tills den är klar.');
  const action = actions.getByRole('row', { name: /Inför påminnelse/ });
  await expect(action).toContainText('Elin Enhetschefsson');
  await expect(action).toContainText('2026-12-15');
  await expect(action).toContainText('Öppen');
  await closeToasts(page);
  await wholePage(page, 1280);
  await expectAccessible(page);
  await screenshot(page, 'aktgranskning-omgang');
  await wholePage(page, 1024);
  await screenshot(page, 'aktgranskning-omgang-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // In Bevakning until done, under its own rule; the row opens the round.
  await menuItem(page, 'Bevakning').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await page.getByLabel('Regel').selectOption({ label: 'Åtgärd efter aktgranskning' });
  await expect(dataRows(page).locator('[col-id="title"]').filter({ hasNotText: 'Inför påminnelse' })).toHaveCount(0);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText('Elin Enhetschefsson');
  await dataRows(page).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();

  // Marked done, on the day asked (today unless told).
  await actions.getByRole('button', { name: /^Markera som klar/ }).click();
  const done = page.getByRole('dialog', { name: 'Markera åtgärden som klar' });
  await expect(done.getByRole('textbox', { name: 'Klar den' })).toHaveValue('2026-11-22');
  await expect(done.getByRole('textbox', { name: 'Klar den' })).toBeFocused();
  await done.getByRole('textbox', { name: 'Klar den' }).fill('2026-11-23');
  await done.getByRole('button', { name: 'Markera som klar' }).click();
  await expect(done.getByText('Ange 2026-11-22 eller tidigare.')).toBeVisible();
  await done.getByRole('textbox', { name: 'Klar den' }).fill('2026-11-22');
  await done.getByRole('button', { name: 'Markera som klar' }).click();
  await expect(done).toHaveCount(0);
  await expect(action).toContainText('Klar 2026-11-22');
  await expect(actions.getByRole('button', { name: /^Markera som klar/ })).toHaveCount(0);
  expect((await withServices(databasePath, (services) => services.audits.openActions())).length).toBe(0);

  // The report for the nämnd: a PDF saved by the browser.
  const report = page.getByRole('region', { name: 'Rapport för nämnden' });
  await report.getByRole('combobox', { name: 'Kommun' }).fill('Atlantis');
  await report.getByRole('button', { name: 'Skapa PDF' }).click();
  await expect(report.getByText('Välj en av Sveriges 290 kommuner.')).toBeVisible();
  await report.getByRole('combobox', { name: 'Kommun' }).fill('sundsvall');
  const downloading = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Skapa PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Egenkontroll Våren 2026.pdf');
  const pdf = await download.path();
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The report names files, never the children in them.
  const words = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(words).toContain('Sundsvall');
  expect(words).toMatch(/Akt \d/);
  for (const name of Object.values(childOf)) expect(words).not.toContain(name.split(' ')[0]!);
  await expect(toast(page)).toContainText('Rapporten är sparad som Egenkontroll Våren 2026.pdf.');
  await expect(report.getByRole('button', { name: 'Skapa PDF' })).toBeEnabled();
  // The same report from the command line names this round.
  await expect(report.locator('code')).toContainText(`report egenkontroll --round ${id}`);
});

test('a handläggare audits the files of a round, and reads what the enhetschef writes, draws and reports', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await seedRound(databasePath, async (services, roundId) => {
    await services.audits.saveAnalysis({ roundId, text: 'Vårdplanerna saknas i registret för de flesta akterna.', recordedBy: 'Elin Enhetschefsson' });
    await services.audits.addAction({ roundId, action: 'Registrera vårdplanerna', responsible: 'Saga Handläggarsson', dueOn: '2026-12-31', recordedBy: 'Elin Enhetschefsson' });
    await services.users.insert({ name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: ['Barn och unga'], active: true, pin: null });
  });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(host.url);
  await signIn(page, 'Hanna Handläggarsson');

  await gotoAudits(page);
  await expect(page.getByRole('link', { name: 'Våren 2026' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ny granskningsomgång' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Våren 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
  const analysis = page.getByRole('region', { name: 'Analys' });
  await expect(analysis).toContainText('Vårdplanerna saknas i registret för de flesta akterna.');
  await expect(analysis).toContainText('Skriven av Elin Enhetschefsson');
  await expect(analysis.getByRole('textbox')).toHaveCount(0);
  const actions = page.getByRole('region', { name: 'Åtgärder' });
  await expect(actions.getByRole('row', { name: /Registrera vårdplanerna/ })).toContainText('Öppen');
  await expect(actions.getByRole('button')).toHaveCount(0);
  await expect(actions.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Rapport för nämnden' })).toHaveCount(0);
  // The files are hers to audit.
  await expect(page.getByRole('link', { name: 'Akt 1', exact: true })).toBeVisible();
  await expectAccessible(page);

  // The form for a new round, reached by its address, says whose it is.
  await page.goto(`${host.url.split('#')[0]}#/aktgranskning/ny`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ny granskningsomgång' })).toBeVisible();
  await expect(page.getByText('Det är en enhetschef som drar urvalet till en granskningsomgång.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dra urvalet' })).toHaveCount(0);
});

for (const [width, height] of [[1280, 800], [1024, 768], [900, 700]] as const) {
  test(`the menu's nine items fit a ${width} px window on the Aktgranskning page`, async ({ page, openApp, databasePath }) => {
    await page.setViewportSize({ width, height });
    await seedRound(databasePath);
    await openApp();
    await gotoAudits(page);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link')).toHaveCount(9);
    expect(await nav.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await expect(menuItem(page, 'Aktgranskning')).toHaveAttribute('aria-current', 'page');
    // Neither the window nor the main area scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await page.getByRole('link', { name: 'Våren 2026' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
    expect(await page.locator('#main').evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  });
}
