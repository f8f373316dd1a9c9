/**
 * Issue 10: the kommun is chosen from Sweden's 290 municipalities; handläggare and enhet are
 * suggested from what is already written, and a placement without a handläggare can be filtered
 * for in the bevakningslista. Fictional homes, children and names.
 */
import type { Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { closeButton, dataRows, expect, expectEveryCell, expectAccessible, gotoRegister, mainMenu, openHome, panel, shownNames, test, toast, TODAY, withServices } from './fixtures';

const home = (name: string, municipality: string) => ({
  kind: 'familjehem' as const,
  name,
  orgNr: null,
  operator: null,
  municipality,
  capacity: 2,
  targetGroup: null,
  agency: null,
  persons: [],
});

/** The names of a select's options, as shown. */
const optionTexts = (page: Page, id: string) => page.locator(`#${id} option`).allTextContents();

test('the kommun is chosen from the 290: "örebro" becomes Örebro, a name that is none is refused at the field', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    await services.homes.save(home('Familjen Ek', 'Örebro'));
  });
  // A home saved before the kommun was a choice, with a name that is no municipality (migration 6 leaves it).
  const connection = await openDatabase(databasePath);
  await connection.raw.prepare("INSERT INTO homes (id, kind, name, municipality) VALUES ('GAMMAL-1', 'familjehem', 'Familjen Ask', 'Exempelstad')").run();
  await connection.close();

  await openApp();
  await gotoRegister(page);
  await page.getByRole('button', { name: 'Nytt hem' }).click();
  const form = panel(page);
  await form.getByLabel('Typ av hem').selectOption({ label: 'Familjehem' });
  await form.getByLabel(/^Namn/).fill('Familjen Testberg');
  const kommun = form.getByLabel('Kommun');
  // Suggested as the user types: the 290 municipalities, by their official names.
  await expect(kommun).toHaveAttribute('list', 'home-municipality-list');
  await expect(page.locator('#home-municipality-list option')).toHaveCount(290);
  await expect(page.locator('#home-municipality-list option[value="Örebro"]')).toHaveCount(1);
  await kommun.fill('örebro');
  await page.keyboard.press('Tab');
  await expect(kommun).toHaveValue('Örebro');
  await form.getByRole('button', { name: 'Spara hemmet' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Familjen Testberg” är sparat.');
  await closeButton(page).click();

  // One Örebro in the register's kommun filter, not an "örebro" of its own.
  expect(await optionTexts(page, 'filter-municipality')).toEqual(['Alla kommuner', 'Exempelstad', 'Örebro']);
  await page.getByLabel('Kommun').selectOption('Örebro');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Ek', 'Familjen Testberg']);
  await page.getByRole('button', { name: 'Rensa filter' }).click();

  // The old home's kommun is asked for when it is next saved, at the field.
  await openHome(page, 'Familjen Ask');
  await expect(form.getByLabel('Kommun')).toHaveValue('Exempelstad');
  await form.getByRole('button', { name: 'Spara ändringar' }).click();
  const why = 'Ingen av Sveriges 290 kommuner heter "Exempelstad". Välj kommunen i listan.';
  await expect(form.getByLabel('Kommun')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Kommun')).toHaveAccessibleDescription(new RegExp(why.replace(/[.]/g, '\\.')));
  await expect(page.getByRole('alert').filter({ hasText: 'Hemmet kunde inte sparas' })).toContainText('Kommun');
  await expectAccessible(page);

  await form.getByLabel('Kommun').fill('UPPLANDS bro');
  await form.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Familjen Ask” är sparat.');
  await expect(form.getByLabel('Kommun')).toHaveValue('Upplands-Bro');
  await expect(dataRows(page).filter({ hasText: 'Familjen Ask' })).toContainText('Upplands-Bro');
});

/** Two placements in Familjen Ek: Tova's with handläggare and enhet, Vilgot's with neither. */
async function seedPlacements(databasePath: string) {
  return withServices(databasePath, async (services) => {
    const ek = await services.homes.save(home('Familjen Ek', 'Sundsvall'));
    const save = async (name: string, caseworker: string | null, unit: string | null) => {
      const child = await services.placements.saveChild({ name, birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
      return services.placements.savePlacement({
        childId: child.id,
        legalBasis: 'SoL',
        decidedOn: '2026-05-02',
        startedOn: '2026-05-04',
        endedOn: null,
        endReason: null,
        caseworker,
        unit,
        stays: [{ homeId: ek.id, from: '2026-05-04', to: null, decidedOn: null, investigationCompletedOn: null }],
      });
    };
    await save('Tova Provsdotter', 'Saga Handläggarsson', 'Barn och unga');
    return { withoutCaseworker: await save('Vilgot Testsson', null, null) };
  });
}

test('a placement without handläggare or enhet is "Ingen angiven" in the bevakningslista\'s filters', async ({ page, openApp, databasePath }) => {
  const { withoutCaseworker } = await seedPlacements(databasePath);
  const overview = await withServices(databasePath, (services) => services.deadlines.overview(TODAY));
  const ofVilgot = overview.rows.filter((row) => row.placementId === withoutCaseworker.id);
  expect(ofVilgot.length).toBeGreaterThan(0);

  await openApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  expect(await optionTexts(page, 'deadlines-caseworker')).toEqual(['Alla', 'Saga Handläggarsson', 'Ingen angiven']);
  await page.getByLabel('Handläggare').selectOption({ label: 'Ingen angiven' });
  await expect(page.getByText(`${ofVilgot.length} bevakningar visas`)).toBeVisible();
  // The grid takes the new page a moment after the count above it: wait for its rows, each Vilgot's.
  await expectEveryCell(page, 'child', (text) => text.includes('Vilgot Testsson'));
  await page.getByLabel('Handläggare').selectOption({ label: 'Alla' });
  expect(await optionTexts(page, 'deadlines-unit')).toEqual(['Alla', 'Barn och unga', 'Ingen angiven']);
  await page.getByLabel('Enhet').selectOption({ label: 'Ingen angiven' });
  await expect(page.getByText(`${ofVilgot.length} bevakningar visas`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(page.getByLabel('Enhet')).toHaveValue('');
});

test('handläggare and enhet written before are suggested, and a name in another case takes their spelling', async ({ page, openApp, databasePath }) => {
  await seedPlacements(databasePath);
  await openApp();
  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  const caseworker = form.getByLabel('Handläggare');
  const unit = form.getByLabel('Enhet');
  await expect(page.locator('#placement-caseworker-suggestions option[value="Saga Handläggarsson"]')).toHaveCount(1);
  await expect(caseworker).toHaveAttribute('list', 'placement-caseworker-suggestions');
  await expect(unit).toHaveAttribute('list', 'placement-unit-suggestions');
  expect(await page.locator('#placement-unit-suggestions option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'Barn och unga',
  ]);
  await caseworker.fill('saga handläggarsson ');
  await unit.fill('BARN OCH UNGA');
  await page.keyboard.press('Tab');
  await expect(caseworker).toHaveValue('Saga Handläggarsson');
  await expect(unit).toHaveValue('Barn och unga');
  // A new name is taken as typed.
  await caseworker.fill('Maja Exempelsson');
  await page.keyboard.press('Tab');
  await expect(caseworker).toHaveValue('Maja Exempelsson');
  await expectAccessible(page);
});
