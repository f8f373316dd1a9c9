import type { Page } from '@playwright/test';
import type { Services } from '../../main/services';
import { dataRows, expect, expectAccessible, fillWhoAndWhy, grid, loadDemo, menuItem, screenshot, test, toast, TODAY, withServices } from './fixtures';

/**
 * Fictional homes on 2026-11-22 (TODAY):
 * - Familjen Kontrollberg (familjehem): Anna's belastningsregistret checked 2026-10-05, nothing
 *   else; Bo never checked.
 * - Familjen Klarström (familjehem): Cecilia checked in both registers 2026-10-01.
 * - Provgårdens HVB (enskild): a valid permit verified 2026-11-01, for HVB, ages 13–17.
 * - Kommunens stödboende (kommunal): nothing to check.
 */
async function seedHomes(services: Services) {
  const home = (kind: 'familjehem' | 'hvb' | 'stodboende', name: string, extra: object = {}) =>
    services.homes.save({
      kind, name, orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 2, targetGroup: null, agency: null, persons: [],
      ...extra,
    });
  const kontrollberg = await home('familjehem', 'Familjen Kontrollberg', {
    persons: [
      { name: 'Anna Kontrollberg', role: 'uppdragstagare', birthYear: 1980 },
      { name: 'Bo Kontrollberg', role: 'uppdragstagare', birthYear: 1978 },
    ],
  });
  const klarstrom = await home('familjehem', 'Familjen Klarström', {
    persons: [{ name: 'Cecilia Klarström', role: 'uppdragstagare', birthYear: 1975 }],
  });
  const hvb = await home('hvb', 'Provgårdens HVB', { orgNr: '556000-0019', operator: 'enskild', capacity: 8 });
  await home('stodboende', 'Kommunens stödboende', { operator: 'kommunal' });

  const personId = (saved: typeof kontrollberg, name: string) => saved.persons.find((p) => p.name === name)?.id ?? '';
  const record = (input: Parameters<Services['registerChecks']['record']>[0]) =>
    services.registerChecks.record(input);
  const person = { outcome: 'utan-anmarkning' as const, reference: null, permit: null, recordedBy: 'Saga Handläggarsson' };
  await record({ ...person, personId: personId(kontrollberg, 'Anna Kontrollberg'), register: 'belastningsregistret', checkedOn: '2026-10-05' });
  for (const register of ['belastningsregistret', 'misstankeregistret'] as const) {
    await record({ ...person, personId: personId(klarstrom, 'Cecilia Klarström'), register, checkedOn: '2026-10-01' });
  }
  await record({
    homeId: hvb.id, register: 'ivo-tillstand', checkedOn: '2026-11-01', outcome: 'giltigt', reference: 'IVO 3.5.1-0001/2026',
    permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: null, holderOrgNr: '556000-0019' },
    recordedBy: 'Saga Handläggarsson',
  });
  return { kontrollberg: kontrollberg.id, klarstrom: klarstrom.id };
}

/** The homes, and Tova placed in Familjen Kontrollberg: decided 2026-09-28, from 2026-10-01. */
async function seedPlacement(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    const homes = await seedHomes(services);
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: homes.kontrollberg, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
}

const readiness = (page: Page) => page.getByRole('group', { name: 'Redo för beslut?' });
const showCards = (page: Page) => page.getByRole('group', { name: 'Visa kontroller' });
const toActCard = (page: Page) => showCards(page).getByRole('button', { name: /^\d+ Att åtgärda/ });
const allCard = (page: Page) => showCards(page).getByRole('button', { name: /^\d+ Alla/ });
/** The numbers of the nav badge ("4 problem", "3 försenade") added up: what "Att åtgärda" must say. */
async function navBadgeSum(page: Page): Promise<number> {
  const badges = await menuItem(page, 'Kontroller').locator('.nav-count').allTextContents();
  return badges.reduce((sum, text) => sum + Number(/^\d+/.exec(text)?.[0] ?? Number.NaN), 0);
}
const firstCardCount = async (page: Page) => Number(await showCards(page).getByRole('button').first().locator('.status-filter__count').textContent());
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const READY = 'Redo för beslut: alla kontroller är gjorda före beslutet och är aktuella.';

test('"Redo för beslut?" names each missing check, is green when all are made, and refuses what the permit does not cover', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    await seedHomes(services);
    // A foster home with nobody registered in the household: nothing can be checked, so never green.
    await services.homes.save({
      kind: 'jourhem', name: 'Jourhemmet Tomhus', orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 1, targetGroup: null, agency: null, persons: [],
    });
  });
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  await form.getByLabel('Namn eller initialer').fill('Vera Provsdotter');
  await form.getByLabel('Födelsedatum').fill('2012-05-06');
  await form.getByLabel('Lagrum').selectOption({ label: 'SoL' });
  await form.getByLabel('Beslutsdatum').fill(TODAY);
  await form.getByLabel('Startdatum (verkställd)').fill(TODAY);
  // No panel until a home is chosen.
  await expect(readiness(page)).toHaveCount(0);
  const homeSelect = form.getByRole('combobox', { name: /^Hem\b/ });

  // Anna's belastningsregistret is made; her misstankeregistret and both of Bo's are not.
  await homeSelect.selectOption({ label: 'Familjen Kontrollberg (Familjehem, Sundsvall)' });
  await expect(readiness(page)).toContainText('Inte redo för beslut. 3 kontroller saknas eller brister.');
  const items = readiness(page).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: 'Kontroll i misstankeregistret för Anna Kontrollberg saknas' })).toContainText('Saknas');
  await expect(items.filter({ hasText: 'Kontroll i belastningsregistret för Bo Kontrollberg saknas' })).toContainText('Saknas');
  await expect(items.filter({ hasText: 'Kontroll i misstankeregistret för Bo Kontrollberg saknas' })).toContainText('Saknas');
  await expect(items.filter({ hasText: 'belastningsregistret för Anna Kontrollberg' })).toHaveCount(0);
  await expect(readiness(page).getByRole('status')).toContainText('Inte redo för beslut.');
  await expect(readiness(page).getByRole('button', { name: 'Öppna hemmet' })).toBeVisible();
  await readiness(page).scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, 'redo-for-beslut');

  // Every check made before the decision and fresh: green, and says so in words.
  await homeSelect.selectOption({ label: 'Familjen Klarström (Familjehem, Sundsvall)' });
  await expect(readiness(page).getByRole('status')).toContainText(READY);
  await expect(readiness(page).getByRole('listitem')).toHaveCount(0);
  // A decision before the checks: they were made after it.
  await form.getByLabel('Beslutsdatum').fill('2026-09-01');
  await expect(readiness(page)).toContainText('Inte redo för beslut. 2 kontroller saknas eller brister.');
  await expect(readiness(page).getByRole('listitem').filter({ hasText: 'Efter beslut' })).toHaveCount(2);
  await form.getByLabel('Beslutsdatum').fill(TODAY);
  await expect(readiness(page).getByRole('status')).toContainText(READY);

  // No uppdragstagare: the household is named once, not a check "för" nobody, and it is not green.
  await homeSelect.selectOption({ label: 'Jourhemmet Tomhus (Jourhem, Sundsvall)' });
  await expect(readiness(page).getByRole('status')).toHaveText('✕Inte redo för beslut. Hemmet har ingen registrerad uppdragstagare att kontrollera.');
  await expect(readiness(page)).toHaveClass(/readiness--problem/);
  const household = readiness(page).getByRole('listitem');
  await expect(household).toHaveCount(1);
  await expect(household).toContainText('Ingen uppdragstagare');
  await expect(household).toContainText('Hemmet har ingen registrerad uppdragstagare');
  await expect(household).toContainText('Krävs före beslut: Belastningsregistret och Misstankeregistret.');
  await expect(readiness(page)).not.toContainText('null');
  await expect(readiness(page)).not.toContainText('Täcks inte av tillståndet');
  await expect(readiness(page).getByRole('button', { name: 'Öppna hemmet' })).toBeVisible();
  await expectAccessible(page);

  // A kommunal stödboende needs no check.
  await homeSelect.selectOption({ label: 'Kommunens stödboende (Stödboende, Sundsvall)' });
  await expect(readiness(page).getByRole('status')).toHaveText('Inga register- eller tillståndskontroller krävs för det här hemmet.');

  // The HVB's permit covers ages 13–17: a child of 14 is fine, a child of 8 is not, and the save is refused.
  await homeSelect.selectOption({ label: 'Provgårdens HVB (HVB, Sundsvall)' });
  await expect(readiness(page).getByRole('status')).toContainText(READY);
  await form.getByLabel('Födelsedatum').fill('2018-05-06');
  await expect(readiness(page)).toContainText('Hemmets tillstånd täcker inte placeringen.');
  await expect(readiness(page).getByRole('listitem').filter({ hasText: 'Täcks inte av tillståndet' })).toHaveCount(1);
  await form.getByRole('button', { name: 'Spara placeringen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Placeringen kunde inte sparas' })).toBeVisible();
  await expect(homeSelect).toHaveAttribute('aria-invalid', 'true');

  // The missing checks are recorded on the home: "Öppna hemmet" goes there, and the half-filled
  // form is kept: nothing to ask, nothing lost; back in Placeringar it opens again as it was.
  await homeSelect.selectOption({ label: 'Familjen Kontrollberg (Familjehem, Sundsvall)' });
  await expect(readiness(page)).toContainText('Formuläret sparas som utkast och öppnas igen när du går tillbaka till Placeringar.');
  await readiness(page).getByRole('button', { name: 'Öppna hemmet' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#panel-title')).toHaveText('Familjen Kontrollberg');
  await page.goBack();
  const back = page.getByRole('region', { name: 'Ny placering' });
  await expect(back.getByRole('status').filter({ hasText: 'Formuläret är som du lämnade det' })).toBeVisible();
  await expect(back.getByLabel('Namn eller initialer')).toHaveValue('Vera Provsdotter');
  await expect(back.getByLabel('Födelsedatum')).toHaveValue('2018-05-06');
  await expect(back.getByRole('combobox', { name: /^Hem\b/ }).locator('option:checked')).toHaveText('Familjen Kontrollberg (Familjehem, Sundsvall)');
  await expect(readiness(page)).toContainText('Inte redo för beslut.');
  // Closing it now asks as any unsaved form does.
  await back.getByRole('button', { name: 'Stäng' }).last().click();
  await expect(page.getByRole('dialog', { name: 'Lämna utan att spara?' })).toBeVisible();
});

test('the placement shows its checks before the decision, the problems first; the omplacering asks too', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await page.getByRole('link', { name: 'Tova Provsdotter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeVisible();

  const checks = page.getByRole('region', { name: /Kontroller före beslut/ });
  await expect(checks.getByRole('heading', { level: 2 })).toHaveText('Kontroller före beslut (4 brister)');
  const items = checks.getByRole('listitem');
  await expect(items).toHaveCount(4);
  // Anna's check was made 2026-10-05, after the decision of 2026-09-28.
  const anna = items.filter({ hasText: 'Belastningsregistret, Anna Kontrollberg' });
  await expect(anna).toContainText('Efter beslut');
  await expect(anna).toContainText('Kontrollerad 2026-10-05');
  await expect(anna).toContainText('Beslut 2026-09-28');
  const bo = items.filter({ hasText: 'Misstankeregistret, Bo Kontrollberg' });
  await expect(bo).toContainText('Saknas');
  await expect(bo).toContainText('Ingen kontroll registrerad');
  // The gravest first: the three missing checks, then the one made too late.
  await expect(items.last()).toContainText('Efter beslut');
  await checks.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, 'placering-kontroller');

  // An omplacering to a home whose checks are all made today is ready.
  await page.getByRole('button', { name: 'Omplacera' }).click();
  const move = page.getByRole('form', { name: 'Omplacera' });
  await move.getByLabel('Nytt hem').selectOption({ label: 'Familjen Klarström (Familjehem, Sundsvall)' });
  await expect(readiness(page).getByRole('status')).toContainText(READY);
  await move.getByLabel('Beslut om vistelsen').fill('2026-09-15');
  await expect(readiness(page)).toContainText('Inte redo för beslut. 2 kontroller saknas eller brister.');
  await expectAccessible(page);

  // The home opens from the checks, to record them.
  await move.getByRole('button', { name: 'Avbryt' }).click();
  await anna.getByRole('link', { name: 'Familjen Kontrollberg' }).click();
  await expect(page.locator('#panel-title')).toHaveText('Familjen Kontrollberg');
});

test('a placement in a foster home without uppdragstagare shows each required check as missing, without a person', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'jourhem', name: 'Jourhemmet Tomhus', orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 1, targetGroup: null, agency: null, persons: [],
    });
    const child = await services.placements.saveChild({ name: 'Tuva Provsdotter', birthDate: '2013-04-05', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-11-02', startedOn: '2026-11-02', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-11-02', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await page.getByRole('link', { name: 'Tuva Provsdotter' }).click();
  const checks = page.getByRole('region', { name: /Kontroller före beslut/ });
  await expect(checks.getByRole('heading', { level: 2 })).toHaveText('Kontroller före beslut (2 brister)');
  const items = checks.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(checks.getByRole('heading', { level: 3 })).toHaveText([
    'Belastningsregistret, ingen uppdragstagare registrerad',
    'Misstankeregistret, ingen uppdragstagare registrerad',
  ]);
  await expect(items.first()).toContainText('Hemmet har ingen registrerad uppdragstagare');
  await expect(items.first()).toContainText('Ingen kontroll registrerad');
  await expect(checks).not.toContainText('null');
  await expectAccessible(page);
});

test('the Kontroller page lists the problems first, filters, and opens the home or the placement', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  const overview = await withServices(databasePath, (services) => services.checks.overview(TODAY));
  // 4 decision checks with problems; Anna's misstankeregistret and Bo's two re-checks are overdue.
  expect(overview.counts).toEqual({ problems: 4, overdue: 3, dueSoon: 0 });
  await openApp();
  await expect(menuItem(page, 'Kontroller')).toHaveAccessibleName('Kontroller 4 problem 3 försenade');
  await menuItem(page, 'Kontroller').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontroller' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Kontroller' })).toBeVisible();

  const show = showCards(page);
  // What to act on is the nav badge's two numbers added: 4 problems + 3 overdue re-checks.
  await expect(toActCard(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(toActCard(page)).toHaveAccessibleName(/^7 Att åtgärda/);
  expect(await navBadgeSum(page)).toBe(7);
  expect(await firstCardCount(page)).toBe(7);
  await expect.poll(() => rowCount(page)).toBe(7);
  // Anna's belastningsregistret is due 2027-10-05: nothing due soon.
  await expect(show.getByRole('button', { name: /^\d+ Snart/ })).toHaveAccessibleName('0 Snart (inom 30 dagar)');
  await allCard(page).click();
  await expect.poll(() => rowCount(page)).toBe(overview.rows.length);

  await page.getByLabel('Kontroll', { exact: true }).selectOption({ label: 'Registerkontroll före placering' });
  await expect.poll(() => rowCount(page)).toBe(4);
  await page.getByLabel('Status').selectOption({ label: 'Saknas' });
  await expect.poll(() => rowCount(page)).toBe(3);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await toActCard(page).click();
  await expect.poll(() => rowCount(page)).toBe(7);
  // The filters work inside the card too: Bo's two overdue re-checks and the one of Anna's.
  await page.getByLabel('Status').selectOption({ label: 'Försenad' });
  await expect.poll(() => rowCount(page)).toBe(3);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  // The status in words (and a mark), never colour alone; the problems sort first.
  await expect(dataRows(page).first().locator('[col-id="status"]')).toHaveText(/Saknas|Försenad/);
  await expectAccessible(page);
  await screenshot(page, 'kontroller');

  // A re-check opens the home where it is recorded.
  const recheck = dataRows(page).filter({ hasText: 'Fortlöpande' }).filter({ hasText: 'Bo Kontrollberg' }).first();
  await expect(recheck).toContainText('Familjen Kontrollberg');
  await expect(recheck).toContainText('Försenad');
  await recheck.click();
  await expect(page.locator('#panel-title')).toHaveText('Familjen Kontrollberg');

  // A decision check opens its placement; Enter does it from the keyboard.
  await menuItem(page, 'Kontroller').click();
  await page.getByLabel('Kontroll', { exact: true }).selectOption({ label: 'Registerkontroll före placering' });
  // From the last control before the grid (Exportera, after Rensa filter), Tab reaches the grid's header.
  await page.getByRole('button', { name: 'Rensa filter' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Exportera/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeVisible();
  await expect(menuItem(page, 'Kontroller')).toHaveAttribute('aria-current', 'true');
});

test("an ended placement's problems are history: only under Alla, never counted with the nav badge", async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  // Ville lived with Familjen Klarström 2026-08-01–2026-09-15, decided 2026-08-01: Cecilia's
  // checks of 2026-10-01 came after the decision (2 problems), but the placement has ended, and
  // with no child there now Klarström has no re-checks either.
  await withServices(databasePath, async (services) => {
    const klarstrom = (await services.homes.list()).find((home) => home.name === 'Familjen Klarström');
    const child = await services.placements.saveChild({ name: 'Ville Provsson', birthDate: '2013-06-07', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-08-01', startedOn: '2026-08-01', endedOn: '2026-09-15', endReason: 'hemflytt',
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: klarstrom?.id ?? '', from: '2026-08-01', to: '2026-09-15', decidedOn: null, investigationCompletedOn: null }],
    });
  });
  const overview = await withServices(databasePath, (services) => services.checks.overview(TODAY));
  expect(overview.counts).toEqual({ problems: 4, overdue: 3, dueSoon: 0 });
  const ended = overview.rows.filter((row) => row.homeName === 'Familjen Klarström');
  expect(ended.map((row) => [row.status, row.current])).toEqual([['after-decision', false], ['after-decision', false]]);

  await openApp();
  await expect(menuItem(page, 'Kontroller')).toHaveAccessibleName('Kontroller 4 problem 3 försenade');
  await menuItem(page, 'Kontroller').click();
  await expect(toActCard(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(toActCard(page)).toHaveAccessibleName(/^7 Att åtgärda/);
  expect(await firstCardCount(page)).toBe(await navBadgeSum(page));
  await expect(allCard(page)).toHaveAccessibleName(new RegExp(`^${overview.rows.length} Alla`));

  await page.getByRole('search').getByLabel('Sök', { exact: true }).fill('Klarström');
  await expect(toActCard(page)).toHaveAccessibleName(/^0 Att åtgärda/);
  await expect.poll(() => rowCount(page)).toBe(0);
  await allCard(page).click();
  await expect.poll(() => rowCount(page)).toBe(2);
  // Said why it is not to be acted on: the placement is over.
  for (const row of await dataRows(page).all()) {
    await expect(row).toContainText('Efter beslut');
    await expect(row).toContainText('Ville Provsson (avslutad)');
  }
  await expectAccessible(page);
});

test('with the demo data, "Att åtgärda" is what the nav badge says', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await menuItem(page, 'Kontroller').click();
  await expect(toActCard(page)).toHaveAttribute('aria-pressed', 'true');
  const sum = await navBadgeSum(page);
  expect(sum).toBeGreaterThan(0);
  expect(await firstCardCount(page)).toBe(sum);
  await expect.poll(() => rowCount(page)).toBe(sum);
});

test('a foster-home adult due for a re-check is in the bevakningslista; its row opens the home', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await page.getByLabel('Regel').selectOption({ label: 'Fortlöpande registerkontroller' });
  // Anna's misstankeregistret and Bo's two are overdue, Anna's belastningsregistret comes later.
  await expect.poll(() => rowCount(page)).toBe(4);
  const bo = dataRows(page).filter({ hasText: 'Registerkontroll: Misstankeregistret för Bo Kontrollberg' });
  await expect(bo).toHaveCount(1);
  await expect(bo).toContainText('Försenad');
  await expect(bo).toContainText('Familjen Kontrollberg');
  // Whose it is: the handläggare and enhet of the child living in the home (Tova's), so her list has it.
  await expect(bo.locator('[col-id="caseworker"]')).toHaveText('Saga HandläggarssonBarn och unga');
  await page.getByLabel('Handläggare').selectOption('Saga Handläggarsson');
  await page.getByLabel('Enhet').selectOption('Barn och unga');
  await expect.poll(() => rowCount(page)).toBe(4);
  await expect(dataRows(page).filter({ hasText: 'Registerkontroll: Belastningsregistret för Anna Kontrollberg' })).toContainText('2027-10-05');
  await expectAccessible(page);
  await bo.click();
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#panel-title')).toHaveText('Familjen Kontrollberg');
});

test('an overdue re-check is counted once, by Kontroller: the bevakningslista lists it but does not count it', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  const { deadlines, checks } = await withServices(databasePath, async (services) => ({
    deadlines: await services.deadlines.overview(TODAY),
    checks: await services.checks.overview(TODAY),
  }));
  const rechecks = deadlines.rows.filter((row) => row.rule === 'registerkontroll-fortlopande');
  const own = deadlines.rows.filter((row) => row.rule !== 'registerkontroll-fortlopande');
  const overdue = own.filter((row) => row.status === 'overdue').length;
  // Tova's vårdplan, genomförandeplan and hälsoundersökning; Anna's misstankeregistret and Bo's two re-checks.
  expect(overdue).toBe(3);
  expect(rechecks.filter((row) => row.status === 'overdue')).toHaveLength(3);
  expect(deadlines.counts).toEqual({ overdue, dueSoon: 0, upcoming: own.length - overdue });
  expect(checks.counts).toEqual({ problems: 4, overdue: 3, dueSoon: 0 });

  await openApp();
  // Each overdue thing is in one badge: the deadlines by Bevakning, the re-checks by Kontroller.
  await expect(menuItem(page, 'Bevakning')).toHaveAccessibleName('Bevakning 3 försenade');
  await expect(menuItem(page, 'Kontroller')).toHaveAccessibleName('Kontroller 4 problem 3 försenade');
  // The cards say what the badge says; the list shows the re-checks too, and says they are counted elsewhere.
  const cards = page.getByRole('group', { name: 'Visa bevakningar' });
  await expect(cards.getByRole('button', { name: /^\d+ Försenade/ })).toHaveAccessibleName('3 Försenade');
  await expect(cards.getByRole('button', { name: /^\d+ Alla/ })).toHaveAccessibleName(`${own.length} Alla`);
  await expect.poll(() => rowCount(page)).toBe(deadlines.rows.length);
  await expect(page.getByText(`${own.length} bevakningar visas, och 4 fortlöpande registerkontroller som räknas under Kontroller`)).toBeVisible();
  await cards.getByRole('button', { name: /^\d+ Försenade/ }).click();
  await expect.poll(() => rowCount(page)).toBe(6);
  await expect(page.getByText('3 bevakningar visas, och 3 fortlöpande registerkontroller som räknas under Kontroller')).toBeVisible();
  await cards.getByRole('button', { name: /^\d+ Alla/ }).click();

  // On Kontroller, "Att åtgärda" is the badge's two numbers: the re-checks are counted there.
  await menuItem(page, 'Kontroller').click();
  await expect(toActCard(page)).toHaveAccessibleName(/^7 Att åtgärda/);
  expect(await navBadgeSum(page)).toBe(7);
});

test('the register catalogue is edited on the Regler page and saved with the rules; errors at the field', async ({ page, openApp }) => {
  await openApp();
  await menuItem(page, 'Regler').click();
  const section = page.getByRole('group', { name: 'Registerkontroller' });
  await expect(section).toBeVisible();
  const maxAge = section.getByLabel('Högsta ålder vid beslut (månader): Belastningsregistret');
  const recheck = section.getByLabel('Kontrolleras om var (månader): Misstankeregistret');
  const required = section.getByLabel('Krävs före beslut: Socialregistret');
  await expect(maxAge).toHaveValue('12');
  await expect(section.getByLabel('Krävs före beslut: Belastningsregistret')).toBeChecked();
  // The law fixes these two for uppdragstagare (SoF 3 kap. 3 §): not to be unticked.
  await expect(section.getByLabel('Krävs före beslut: Belastningsregistret')).toBeDisabled();
  await expect(section.getByLabel('Krävs före beslut: Misstankeregistret')).toBeDisabled();
  await expect(section.getByRole('group', { name: /Misstankeregistret$/ }).getByLabel('Uppdragstagare')).toBeDisabled();
  await expect(required).not.toBeChecked();
  await expect(required).toBeEnabled();
  await expectAccessible(page);
  await fillWhoAndWhy(page);

  // Not a number: told at the field, nothing sent.
  await maxAge.fill('sex');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Reglerna kunde inte sparas' });
  await expect(summary).toContainText('Belastningsregistret, högsta ålder vid beslut (månader): Ange ett heltal');
  await expect(maxAge).toHaveAttribute('aria-invalid', 'true');
  // Out of range: the service's message, at the field (/catalogue/0/maxAgeMonths).
  await maxAge.fill('500');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(summary).toContainText('Högst 120 månader.');
  await expect(maxAge).toHaveAccessibleDescription(/Högst 120 månader\./);

  await maxAge.fill('6');
  await recheck.fill('');
  await required.check();
  await section.getByRole('group', { name: 'Vems kontroller: Socialregistret' }).getByLabel('Uppdragstagare').check();
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(toast(page)).toContainText('Reglerna är sparade.');

  // Read again from the database.
  await menuItem(page, 'Bevakning').click();
  await menuItem(page, 'Regler').click();
  await expect(maxAge).toHaveValue('6');
  await expect(recheck).toHaveValue('');
  await expect(required).toBeChecked();
});

test('"Redo för beslut?" warns, with the numbers, when the home is full, and names the report to IVO for a fourth child', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    await services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F-FULL', kind: 'familjehem', name: 'Familjen Fullsson', municipality: 'Sundsvall', capacity: 2 }],
      persons: [{ id: 'P-FULL', homeId: 'F-FULL', name: 'Frida Fullsson', role: 'uppdragstagare' }],
      registerChecks: ['belastningsregistret', 'misstankeregistret'].map((register, i) => ({
        id: `R-FULL-${i}`, personId: 'P-FULL', register, checkedOn: '2026-10-01', outcome: 'utan-anmarkning',
      })),
      children: [1, 2, 3].map((i) => ({ id: `C-FULL-${i}`, name: `Barn Fullsson ${i}`, birthDate: '2013-04-04' })),
      placements: [1, 2, 3].map((i) => ({
        id: `PL-FULL-${i}`, childId: `C-FULL-${i}`, legalBasis: 'SoL', decidedOn: '2026-09-01', startedOn: '2026-09-02',
        stays: [{ homeId: 'F-FULL', form: 'familjehem', from: '2026-09-02' }],
      })),
    });
  });
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  await form.getByLabel('Nytt barn').check();
  await form.getByLabel('Namn eller initialer').fill('Vera Provsdotter');
  await form.getByLabel('Födelsedatum').fill('2012-05-06');
  await form.getByLabel('Lagrum').selectOption({ label: 'SoL' });
  await form.getByLabel('Beslutsdatum').fill(TODAY);
  await form.getByLabel('Startdatum (verkställd)').fill(TODAY);
  await form.getByRole('combobox', { name: /^Hem\b/ }).selectOption({ label: 'Familjen Fullsson (Familjehem, Sundsvall)' });

  // The checks are made, but the home is full and a fourth child is to be reported: not plain green.
  await expect(readiness(page).getByRole('status')).toContainText('Se upp före beslut. Kontrollerna är gjorda före beslutet och är aktuella, men 2 saker ska bedömas:');
  const items = readiness(page).getByRole('listitem');
  await expect(items.filter({ hasText: 'Hemmet har 2 platser och 3 placerade barn 2026-11-22: med det här barnet blir det 4 barn på 2 platser.' })).toContainText('Varning');
  await expect(items.filter({ hasText: 'fler än 3: beslutet ska anmälas till IVO (SoF 16 kap. 2 §).' })).toContainText('Varning');
  await readiness(page).scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await screenshot(page, 'redo-for-beslut-varning');
});
