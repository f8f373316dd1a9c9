import type { Page, Request } from '@playwright/test';
import type { Services } from '../../main/services';
import { closeToasts, E2E_USER, expect, expectAccessible, mainMenu, screenshot, test, toast, TODAY, withServices } from './fixtures';

const home = (kind: 'familjehem' | 'hvb' | 'jourhem', name: string, municipality: string) => ({
  kind,
  name,
  orgNr: null,
  operator: null,
  municipality,
  capacity: 2,
  targetGroup: null,
  agency: null,
  persons: [],
});

/** Two fictional homes: a familjehem and an HVB. */
async function seedHomes(services: Services): Promise<{ familjehem: string; hvb: string }> {
  const familjehem = await services.homes.save(home('familjehem', 'Familjen Provberg', 'Sundsvall'));
  const hvb = await services.homes.save(home('hvb', 'Testgårdens HVB', 'Timrå'));
  return { familjehem: familjehem.id, hvb: hvb.id };
}

async function gotoPlacements(page: Page) {
  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Placeringar|Inga placeringar ännu/ })).toBeVisible();
}

const deadlines = (page: Page) => page.getByRole('region', { name: /Bevakningar/ });
const deadline = (page: Page, title: string) => deadlines(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const timeline = (page: Page) => page.getByRole('region', { name: 'Tidslinje' });
const facts = (page: Page) => page.locator('.facts');
const dailyCostFact = (page: Page) => facts(page).locator('.facts__item').filter({ hasText: 'Dygnskostnad' }).locator('dd');

test('a new child and placement are made in the form; a wrong personnummer is told at the field', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    await seedHomes(services);
  });
  await openApp();
  await gotoPlacements(page);
  await expect(page.getByRole('heading', { name: 'Inga placeringar ännu' })).toBeVisible();
  await page.getByRole('button', { name: 'Ny placering' }).click();

  const form = page.getByRole('region', { name: 'Ny placering' });
  await expect(form.getByRole('heading', { name: 'Ny placering' })).toBeFocused();
  // No children in the register yet: a new one it is.
  await expect(form.getByRole('radio', { name: 'Nytt barn' })).toBeChecked();
  await form.getByLabel('Namn eller initialer').fill('Tova Provsdotter');
  await form.getByLabel('Födelsedatum').fill('2012-03-04');
  const personnummer = form.getByLabel('Personnummer');
  await personnummer.fill('20120304-1238');
  await form.getByLabel('Lagrum').selectOption({ label: 'SoL' });
  await form.getByLabel('Beslutsdatum').fill('2026-09-28');
  await form.getByLabel('Startdatum (verkställd)').fill('2026-10-01');
  await form.getByLabel('Handläggare').fill('Saga Handläggarsson');
  await form.getByLabel('Enhet').fill('Barn och unga');
  await form.getByRole('combobox', { name: /^Hem\b/ }).selectOption({ label: 'Familjen Provberg (Familjehem, Sundsvall)' });
  await expect(form.getByText('Vistelseform: Familjehem')).toBeVisible();
  await form.getByRole('button', { name: 'Spara placeringen' }).click();

  // The check digit is wrong (…1238, should be …1239): said in Swedish, at the field.
  const why = 'Personnumrets kontrollsiffra stämmer inte.';
  await expect(page.getByRole('alert').filter({ hasText: 'Barnet kunde inte sparas' })).toContainText(why);
  await expect(personnummer).toHaveAttribute('aria-invalid', 'true');
  await expect(personnummer).toHaveAccessibleDescription(new RegExp(why));
  await expectAccessible(page);

  await personnummer.fill('20120304-1239');
  // The daily cost is whole kronor: öre are told at the field, before anything is saved.
  const dailyCost = form.getByLabel('Dygnskostnad (kr)');
  await dailyCost.fill('1850,50');
  await form.getByRole('button', { name: 'Spara placeringen' }).click();
  const kronor = 'Ange hela kronor, 0–1 000 000.';
  await expect(page.getByRole('alert').filter({ hasText: 'Placeringen kunde inte sparas' })).toContainText(`Dygnskostnad: ${kronor}`);
  await expect(dailyCost).toHaveAttribute('aria-invalid', 'true');
  await expect(dailyCost).toHaveAccessibleDescription(new RegExp(kronor));
  await dailyCost.fill('1 850');
  await form.getByRole('button', { name: 'Spara placeringen' }).click();

  // Saved: the placement's own page, with the deadlines as of 2026-11-22.
  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeVisible();
  await expect(toast(page)).toContainText('Placeringen för Tova Provsdotter är sparad.');
  await expect(facts(page)).toContainText('Saga Handläggarsson');
  // Swedish thousands separator, non-breaking (toHaveText would take any space): the figure never wraps.
  await expect(dailyCostFact(page)).toHaveText(/kr\/dygn/);
  expect(await dailyCostFact(page).textContent()).toBe('1\u00a0850\u00a0kr/dygn');
  await expect(facts(page)).toContainText('20120304-1239');
  await expect(deadline(page, 'Vårdplan')).toContainText('Försenad');
  await expect(deadline(page, 'Vårdplan')).toContainText('Skulle vara gjort senast 2026-10-01 (52 dagar sedan)');
  await expect(deadline(page, 'Vårdplan')).toContainText('Räknat från 2026-10-01');
  await expect(deadline(page, 'Genomförandeplan')).toContainText('2026-10-31');
  await expect(deadline(page, 'Övervägande (SoL)')).toContainText('Senast 2027-04-01');
  await expect(deadline(page, 'Enskilt samtal med barnet')).toContainText('Senast 2027-01-01');

  // The list has it, with its overdue count.
  await gotoPlacements(page);
  const row = page.getByRole('row').filter({ hasText: 'Tova Provsdotter' });
  await expect(row).toContainText('Familjen Provberg');
  await expect(row).toContainText('Familjehem');
  await expect(row.locator('[col-id="overdue"]')).toHaveText('3');
});

test('a deadline is met in two clicks, Ångra brings it back; omplacering and avslut', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id,
      legalBasis: 'SoL',
      decidedOn: '2026-09-28',
      startedOn: '2026-10-01',
      endedOn: null,
      endReason: null,
      caseworker: 'Saga Handläggarsson',
      unit: 'Barn och unga',
      stays: [{ homeId: homes.familjehem, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await gotoPlacements(page);
  await page.getByRole('link', { name: 'Tova Provsdotter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeFocused();

  // Two clicks: the button, then Spara (focus is already on it, the date is today).
  await deadline(page, 'Vårdplan').getByRole('button', { name: 'Registrera vårdplan' }).click();
  const recordForm = page.getByRole('form', { name: 'Registrera vårdplan' });
  await expect(recordForm.getByLabel('Datum')).toHaveValue(TODAY);
  await expect(recordForm.getByRole('button', { name: 'Spara' })).toBeFocused();
  await recordForm.getByRole('button', { name: 'Spara' }).click();
  await expect(deadline(page, 'Vårdplan')).toHaveCount(0);
  await expect(toast(page)).toContainText(`Registrerat: Vårdplan ${TODAY}.`);
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Vårdplan' })).toContainText(TODAY);

  await toast(page).getByRole('button', { name: 'Ångra' }).click();
  await expect(deadline(page, 'Vårdplan')).toHaveCount(1);
  await expect(timeline(page)).not.toContainText('Vårdplan');

  // By keyboard: Enter on the button, Enter on Spara. Esc closes the form without saving.
  const genomforandeplan = deadline(page, 'Genomförandeplan');
  await genomforandeplan.getByRole('button', { name: 'Registrera genomförandeplan' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Registrera genomförandeplan' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Registrera genomförandeplan' })).toHaveCount(0);
  await expect(genomforandeplan.getByRole('button', { name: 'Registrera genomförandeplan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Registrera genomförandeplan' }).getByRole('button', { name: 'Spara' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(genomforandeplan).toHaveCount(0);
  await expect(deadlines(page).getByRole('heading', { level: 2 })).toBeFocused();

  // Anything else done: from the menu, with a comment.
  await page.getByRole('button', { name: 'Registrera händelse' }).click();
  const eventForm = page.getByRole('form', { name: 'Registrera händelse' });
  await eventForm.getByLabel('Vad har gjorts').selectOption({ label: 'Uppföljningsbesök' });
  await eventForm.getByLabel('Datum').fill('2026-11-15');
  await eventForm.getByLabel('Kommentar (frivillig)').fill('Besök i familjehemmet.');
  await eventForm.getByRole('button', { name: 'Spara' }).click();
  await expect(timeline(page)).toContainText('Besök i familjehemmet.');

  await expectAccessible(page);
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await screenshot(page, 'placering');

  // Removing an event asks first.
  await timeline(page).getByRole('button', { name: 'Ta bort Uppföljningsbesök 2026-11-15' }).click();
  await page.getByRole('dialog', { name: 'Ta bort händelsen?' }).getByRole('button', { name: 'Ta bort' }).click();
  await expect(timeline(page)).not.toContainText('Uppföljningsbesök');

  // Omplacering to the HVB on 2026-11-01: the familjehem rule no longer applies.
  await expect(deadline(page, 'Övervägande om vårdnadsöverflyttning')).toHaveCount(1);
  await page.getByRole('button', { name: 'Omplacera' }).click();
  const move = page.getByRole('form', { name: 'Omplacera' });
  await expect(move.getByLabel('Flyttdatum')).toBeFocused();
  await expectAccessible(page);
  await move.getByLabel('Flyttdatum').fill('2026-11-01');
  await move.getByLabel('Nytt hem').selectOption({ label: 'Testgårdens HVB (HVB, Timrå)' });
  await move.getByRole('button', { name: 'Omplacera' }).click();
  await expect(move).toHaveCount(0);
  await expect(toast(page)).toContainText('Omplacerad till Testgårdens HVB från 2026-11-01.');
  await expect(facts(page)).toContainText('Testgårdens HVB');
  await expect(timeline(page)).toContainText('Omplacering');
  await expect(timeline(page)).toContainText('2026-10-01 – 2026-11-01');
  await expect(deadline(page, 'Övervägande om vårdnadsöverflyttning')).toHaveCount(0);

  // Avslut asks first; a cancelled question changes nothing.
  await page.getByRole('button', { name: 'Avsluta placering' }).click();
  const end = page.getByRole('form', { name: 'Avsluta placeringen' });
  await expect(end.getByLabel('Slutdatum')).toHaveValue(TODAY);
  // Dates that cannot be true are told at the field before any question is asked.
  await end.getByLabel('Slutdatum').fill('2027-03-01');
  await end.getByLabel('Orsak').selectOption({ label: 'Planerad' });
  await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await expect(page.getByRole('dialog', { name: 'Avsluta placeringen?' })).toHaveCount(0);
  await expect(end.getByLabel('Slutdatum')).toHaveAccessibleDescription(/Placeringen kan inte avslutas efter i dag \(2026-11-22\)/);
  await end.getByLabel('Slutdatum').fill('2026-10-15');
  await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await expect(page.getByRole('dialog', { name: 'Avsluta placeringen?' })).toHaveCount(0);
  await expect(end.getByLabel('Slutdatum')).toHaveAccessibleDescription(/Slutdatumet måste vara efter att den sista vistelsen började \(2026-11-01\)/);
  await end.getByLabel('Slutdatum').fill(TODAY);
  await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await page.getByRole('dialog', { name: 'Avsluta placeringen?' }).getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.locator('.placement-head__eyebrow')).toContainText('Pågående');
  await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await page.getByRole('dialog', { name: 'Avsluta placeringen?' }).getByRole('button', { name: 'Avsluta placeringen' }).click();
  await expect(page.locator('.placement-head__eyebrow')).toContainText('Avslutad');
  await expect(facts(page)).toContainText(`${TODAY} (planerad)`);
  await expect(deadlines(page)).toContainText('Inga öppna bevakningar. Placeringen är avslutad.');
  await expect(page.getByRole('button', { name: 'Omplacera' })).toHaveCount(0);

  // Ändra: unsaved edits are guarded (Esc asks), then saved; the stays keep tiling the placement.
  await page.getByRole('button', { name: 'Ändra', exact: true }).click();
  const edit = page.getByRole('region', { name: 'Ändra placeringen' });
  await expect(edit.getByRole('group', { name: 'Vistelse 2' })).toContainText('Testgårdens HVB');
  await edit.getByLabel('Handläggare').fill('Nils Handläggarsson');
  // No daily cost yet: given here, it is shown on the page once saved.
  await expect(dailyCostFact(page)).toHaveText('Ej angiven');
  await expect(edit.getByLabel('Dygnskostnad (kr)')).toHaveValue('');
  await edit.getByLabel('Dygnskostnad (kr)').fill('4500');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Lämna utan att spara?' }).getByRole('button', { name: 'Fortsätt redigera' }).click();
  await edit.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(edit).toHaveCount(0);
  await expect(facts(page)).toContainText('Nils Handläggarsson');
  await expect(dailyCostFact(page)).toHaveText(/kr\/dygn/);
  expect(await dailyCostFact(page).textContent()).toBe('4\u00a0500\u00a0kr/dygn');
  await expect(timeline(page)).toContainText('2026-11-01 – 2026-11-22');
  await expect(page.getByRole('button', { name: 'Ändra', exact: true })).toBeFocused();

  // Ended: hidden from the list by default, there with "Bara pågående" off.
  await gotoPlacements(page);
  await expect(page.getByText('Inga pågående placeringar.')).toBeVisible();
  await page.getByLabel('Bara pågående').uncheck();
  await expect(page.getByRole('row').filter({ hasText: 'Tova Provsdotter' })).toContainText(TODAY);
});

test('a protected identity is masked everywhere and shown on the placement page only after confirming', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({
      name: 'Greta Hemligsson',
      birthDate: '2012-03-04',
      personnummer: '20120304-2385',
      protectedIdentity: true,
    });
    await services.placements.savePlacement({
      childId: child.id,
      legalBasis: 'LVU2',
      decidedOn: '2026-05-02',
      startedOn: '2026-05-04',
      endedOn: null,
      endReason: null,
      caseworker: null,
      unit: null,
      stays: [{ homeId: homes.familjehem, from: '2026-05-04', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  // Where the child lives is as secret as its name: not in the bevakningslista, not in the list.
  await expect(page.getByRole('main')).toContainText('Skyddat boende');
  await expect(page.getByRole('main')).not.toContainText('Familjen Provberg');
  await gotoPlacements(page);
  await expect(page.getByRole('main')).not.toContainText('Greta');
  await expect(page.getByRole('row').filter({ hasText: 'Skyddad identitet (f. 2012)' })).toContainText('Skyddat boende');
  await expect(page.getByRole('main')).not.toContainText('Familjen Provberg');
  await page.getByRole('link', { name: 'Skyddad identitet (f. 2012)' }).click();

  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('Skyddad identitet (f. 2012)');
  await expect(page.getByRole('main')).not.toContainText('Greta');
  await expect(facts(page)).toContainText('Skyddat boende');
  await expect(page.getByRole('main')).not.toContainText('Familjen Provberg');
  await expect(page.getByRole('main')).not.toContainText('20120304-2385');
  // Only the year of birth: a full date (with a municipality) could point out the child.
  await expect(page.getByRole('main')).not.toContainText('2012-03-04');
  await expect(facts(page)).toContainText('Född');
  await expect(facts(page)).toContainText('f. 2012');
  await expect(deadline(page, 'Övervägande (LVU 2 §)')).toContainText('Skulle vara gjort senast 2026-11-04');

  await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Visa skyddade uppgifter?' });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(title).toHaveText('Skyddad identitet (f. 2012)');

  // Why is asked, and kept in the access log with the reveal.
  await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
  const why = dialog.getByLabel('Varför behöver du se uppgifterna?');
  await expect(why).toBeFocused();
  await dialog.getByRole('button', { name: 'Visa uppgifterna' }).click();
  await expect(why).toHaveAccessibleDescription('Skriv varför: det sparas i loggen.');
  await why.fill('Samtal med familjehemmet om skolbyte.');
  await dialog.getByRole('button', { name: 'Visa uppgifterna' }).click();
  await expect(title).toHaveText('Greta Hemligsson');
  const reveals = await withServices(databasePath, async (services) =>
    (await services.users.accessLog({ action: 'reveal', offset: 0, limit: 10 })).rows.map((row) => row.detail),
  );
  expect(reveals).toEqual([JSON.stringify({ reason: 'Samtal med familjehemmet om skolbyte.' })]);
  await expect(facts(page)).toContainText('Familjen Provberg');
  await expect(facts(page)).toContainText('20120304-2385');
  await expect(facts(page)).toContainText('2012-03-04');
  await expect(page.getByRole('button', { name: 'Dölj skyddade uppgifter' })).toBeFocused();
  await expectAccessible(page);

  // Only on this page: back in the list (and on coming back) the identity is masked again.
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(page.getByRole('main')).not.toContainText('Greta');
  await page.getByRole('link', { name: 'Skyddad identitet (f. 2012)' }).click();
  await expect(title).toHaveText('Skyddad identitet (f. 2012)');
});

test('the list of placements: quick search, only ongoing by default, sorting in main, arrows and Enter open', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Ladda exempeldata' }).click();
  await expect(toast(page)).toContainText('Exempeldata har laddats');
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await gotoPlacements(page);

  const grid = page.getByRole('grid', { name: 'Placeringar' });
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  // The count is main's: all the search finds, whatever the grid has drawn.
  const shown = async () => Number(/^(\d+) placering(?:ar)? visas/.exec((await page.locator('.result-count').textContent()) ?? '')?.[1] ?? -1);
  await expect(rows.first()).toBeVisible();
  const ongoing = await shown();
  expect(ongoing).toBeGreaterThan(3);
  await expect(page.locator('.result-count')).toContainText('avslutade dolda');
  await expect(page.getByRole('main')).not.toContainText('G. E.');
  await expectAccessible(page);
  await screenshot(page, 'placeringar');

  await page.getByLabel('Bara pågående').uncheck();
  await expect.poll(shown).toBeGreaterThan(ongoing);
  await expect(page.locator('.result-count')).not.toContainText('dolda');
  await expect(grid.locator('.row--inactive').first()).toBeVisible();
  await page.getByLabel('Bara pågående').check();
  await expect.poll(shown).toBe(ongoing);

  // A click on a header has main sort the list: children in Swedish order, then turned around.
  const children = async () =>
    (await rows.evaluateAll((elements) =>
      elements
        .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), child: row.querySelector('[col-id="child"]')?.textContent?.trim() ?? '' }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.child),
    )).filter((child) => child !== '');
  const ascending = await children();
  expect(ascending).toEqual([...ascending].sort(new Intl.Collator('sv').compare));
  await grid.getByRole('columnheader', { name: 'Barn' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Barn' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(children).toEqual([...ascending].reverse());
  await grid.getByRole('columnheader', { name: 'Barn' }).click();
  await expect.poll(children).toEqual(ascending);

  // A home's name finds the placements in it, and only those.
  const homeName = (await rows.first().locator('[col-id="home"] .cell-stack__line').first().textContent()) ?? '';
  await page.getByLabel('Sök').fill(homeName);
  // While main searches the count says "Söker…" (shown() is -1, which is less than any count too).
  await expect.poll(async () => { const n = await shown(); return n >= 0 && n < ongoing; }).toBe(true);
  await expect(rows).toHaveCount(await shown());
  for (const row of await rows.all()) await expect(row).toContainText(homeName);

  // By keyboard: Tab from "Bara pågående" into the grid, the arrows to the first row, Enter opens it.
  const name = (await rows.first().locator('[col-id="child"]').textContent()) ?? '';
  await page.getByLabel('Bara pågående').focus();
  // Exportera ends the toolbar, just before the grid.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Exportera/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(rows.first().locator('[col-id="child"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('an answer to an older search is dropped: the list shows what the search field says', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    for (const name of ['Tova Provsdotter', 'Vera Provsdotter']) {
      const child = await services.placements.saveChild({ name, birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
      await services.placements.savePlacement({
        childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
        caseworker: null, unit: null, stays: [{ homeId: homes.familjehem, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
      });
    }
  });
  await openApp();
  await gotoPlacements(page);
  const grid = page.getByRole('grid', { name: 'Placeringar' });
  const children = () => grid.locator('[role="gridcell"][col-id="child"]').allTextContents();
  await expect.poll(children).toEqual(['Tova Provsdotter', 'Vera Provsdotter']);

  // Main answers the search for "tova" late, after the one for "vera" that replaced it.
  const asked = (query: string) => (request: Request) =>
    request.url().endsWith('/api/listPlacementPage') && (JSON.parse(request.postData() ?? '{}') as { query?: string }).query === query;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listPlacementPage', async (route) => {
    if (asked('tova')(route.request())) await held;
    await route.continue();
  });
  const slow = page.waitForRequest(asked('tova'));
  await page.getByLabel('Sök').fill('tova');
  await slow;
  await page.getByLabel('Sök').fill('vera');
  await expect.poll(children).toEqual(['Vera Provsdotter']);
  await expect(page.locator('.result-count')).toHaveText('1 placering visas');

  const late = page.waitForResponse((response) => asked('tova')(response.request()));
  release();
  await late;
  // Two frames for the window to take the late answer, if it would.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await children()).toEqual(['Vera Provsdotter']);
  await expect(page.locator('.result-count')).toHaveText('1 placering visas');
  await expect(page.getByLabel('Sök')).toHaveValue('vera');
});

test("a new placement for a child already in the register; the child's placements link to each other", async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id,
      legalBasis: 'SoL',
      decidedOn: '2025-01-10',
      startedOn: '2025-01-15',
      endedOn: '2026-02-01',
      endReason: 'hemflytt',
      caseworker: null,
      unit: null,
      stays: [{ homeId: homes.familjehem, from: '2025-01-15', to: '2026-02-01', decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await gotoPlacements(page);
  await expect(page.getByText('Inga pågående placeringar.')).toBeVisible();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  await expect(form.getByRole('radio', { name: 'Barn som redan finns i registret' })).toBeChecked();
  await form.getByRole('combobox', { name: /^Barn\b/ }).selectOption({ label: 'Tova Provsdotter (f. 2012-03-04)' });
  await form.getByLabel('Lagrum').selectOption({ label: 'LVU 3 §' });
  await form.getByLabel('Beslutsdatum').fill('2026-11-20');
  await form.getByLabel('Startdatum (verkställd)').fill('2026-11-20');
  await form.getByRole('combobox', { name: /^Hem\b/ }).selectOption({ label: 'Testgårdens HVB (HVB, Timrå)' });
  await form.getByRole('button', { name: 'Spara placeringen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeVisible();
  await expect(page.locator('.placement-head__eyebrow')).toContainText('Placering enligt LVU 3 §');
  await expect(deadline(page, 'Omprövning (LVU 3 §)')).toContainText('Senast 2027-05-20');
  const others = page.getByRole('region', { name: 'Barnets andra placeringar' });
  await others.getByRole('link', { name: 'SoL i Familjen Provberg' }).click();
  await expect(page.locator('.placement-head__eyebrow')).toContainText('Avslutad');
  await expect(facts(page)).toContainText('2026-02-01 (hemflytt)');
  await page.getByRole('region', { name: 'Barnets andra placeringar' }).getByRole('link', { name: 'LVU 3 § i Testgårdens HVB' }).click();
  await expect(page.locator('.placement-head__eyebrow')).toContainText('Pågående');
});

test('an empty Ny placering is told once per field, in plain Swedish; a message goes when its field is changed', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({ name: 'Tidigare Barnsson', birthDate: '2013-01-01', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2025-01-01', startedOn: '2025-01-02', endedOn: '2025-06-01', endReason: 'planerad',
      caseworker: null, unit: null, stays: [{ homeId: homes.hvb, from: '2025-01-02', to: '2025-06-01', decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await gotoPlacements(page);
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  await form.getByRole('button', { name: 'Spara placeringen' }).click();

  const summary = form.getByRole('alert').filter({ hasText: 'Placeringen kunde inte sparas' });
  const items = summary.getByRole('listitem');
  await expect(items.first()).toBeVisible();
  const texts = await items.allTextContents();
  // One message per field: no field twice, no date with two messages, nothing of ids.
  const fields = texts.map((text) => text.split(':')[0]);
  expect(new Set(fields).size, texts.join(' | ')).toBe(fields.length);
  expect(texts.join(' | ')).not.toMatch(/\bId\b/);
  expect(texts).toContain('Barn: Välj ett barn.');
  expect(texts.filter((text) => text.startsWith('Startdatum'))).toEqual(['Startdatum: Ange ett datum.']);
  expect(texts.some((text) => /^Hem\b.*Välj ett hem\./.test(text))).toBe(true);

  // Choosing "Nytt barn" takes the stale "Välj ett barn" away.
  await form.getByLabel('Nytt barn').check();
  await expect(summary).not.toContainText('Välj ett barn.');
});

test('the form says the age on the first day: 18–20 is to be looked at, 21 or older is refused', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    await seedHomes(services);
  });
  await openApp();
  await gotoPlacements(page);
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  const start = form.getByLabel('Startdatum (verkställd)');
  await start.fill('2026-10-01');
  await expect(start).toHaveAccessibleDescription(/Dagen barnet flyttade\./);
  await form.getByLabel('Födelsedatum').fill('2007-05-05');
  await expect(start).toHaveAccessibleDescription(/Den unge är 19 år när placeringen börjar\. Kontrollera att lagrummet medger vård efter 18 års ålder\./);
  await form.getByLabel('Födelsedatum').fill('1990-05-05');
  await expect(start).toHaveAccessibleDescription(/Barnet är 36 år när placeringen börjar: placeringar gäller barn och unga under 21 år\./);
});

test('records entered by mistake: an omplacering is undone, a child corrected, a stay corrected from the timeline, a placement removed with a reason', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({ name: 'Fel Stavadsson', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null, caseworker: null, unit: null,
      stays: [{ homeId: homes.familjehem, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await gotoPlacements(page);
  await page.getByRole('link', { name: 'Fel Stavadsson' }).click();

  // Omplacering, then Ångra in the message: the child is back in the first home.
  await page.getByRole('button', { name: 'Omplacera' }).click();
  const move = page.getByRole('form', { name: 'Omplacera' });
  await move.getByLabel('Flyttdatum').fill('2026-11-01');
  await move.getByLabel('Nytt hem').selectOption({ label: 'Testgårdens HVB (HVB, Timrå)' });
  await move.getByRole('button', { name: 'Omplacera' }).click();
  await expect(timeline(page)).toContainText('Omplacering');
  await toast(page).getByRole('button', { name: 'Ångra' }).click();
  await expect(toast(page)).toContainText('Omplaceringen är ångrad.');
  await expect(timeline(page)).not.toContainText('Omplacering');
  await expect(facts(page)).toContainText('Familjen Provberg');

  // The child's details are corrected.
  await page.getByRole('button', { name: 'Ändra barnets uppgifter' }).click();
  const childForm = page.getByRole('form', { name: 'Ändra barnets uppgifter' });
  await expect(childForm.getByLabel('Namn eller initialer')).toBeFocused();
  await childForm.getByLabel('Namn eller initialer').fill('Rätt Stavadsson');
  await screenshot(page, 'barnets-uppgifter');
  await childForm.getByRole('button', { name: 'Spara barnets uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rätt Stavadsson');

  // A stay is corrected from the timeline: the placement's form opens.
  await timeline(page).getByRole('button', { name: 'Rätta vistelsen från 2026-10-01' }).click();
  await expect(page.getByRole('region', { name: 'Ändra placeringen' })).toBeVisible();
  await page.getByRole('region', { name: 'Ändra placeringen' }).getByRole('button', { name: 'Stäng' }).last().click();

  // Removing asks why (who is who is signed in), then asks once more; the placement and the child go, kept in the history.
  await page.getByRole('button', { name: 'Ta bort placeringen' }).click();
  const remove = page.getByRole('form', { name: 'Ta bort placeringen' });
  await expect(remove).toContainText(`Tas bort av ${E2E_USER}`);
  await remove.getByRole('button', { name: 'Ta bort placeringen' }).click();
  await expect(remove.getByLabel('Skäl')).toHaveAccessibleDescription(/Skriv varför placeringen tas bort/);
  await expect(page.getByRole('dialog', { name: 'Ta bort placeringen?' })).toHaveCount(0);
  await remove.getByLabel('Skäl').fill('Registrerad två gånger.');
  await remove.getByLabel('Ta bort även barnets uppgifter (barnet har inga andra placeringar)').check();
  await expectAccessible(page);
  await closeToasts(page);
  await screenshot(page, 'placering-ta-bort');
  await remove.getByRole('button', { name: 'Ta bort placeringen' }).click();
  await page.getByRole('dialog', { name: 'Ta bort placeringen?' }).getByRole('button', { name: 'Ta bort placeringen' }).click();
  await expect(toast(page)).toContainText('Placeringen och barnets uppgifter är borttagna och sparade i historiken.');
  await expect(page.getByRole('heading', { level: 1, name: /Placeringar|Inga placeringar ännu/ })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Stavadsson');
  await withServices(databasePath, async (services) => {
    expect((await services.placements.listChildren({ date: TODAY })).map((c) => c.label)).toEqual([]);
  });
});
