import type { Page } from '@playwright/test';
import { dataRows, E2E_USER, expect, expectAccessible, fillWhoAndWhy, menuItem, screenshot, test, toast, withServices } from './fixtures';

/**
 * One SoL placement in a familjehem since 2026-10-01, its plans not made: on 2026-11-22 the
 * vårdplan, genomförandeplan and hälsoundersökning are overdue, the barnsamtal (3 months) is due
 * 2027-01-01, more than 30 days ahead.
 */
async function seedPlacement(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'familjehem', name: 'Familjen Provberg', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 2, targetGroup: null, agency: null, persons: [],
    });
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
}


async function gotoRules(page: Page) {
  await menuItem(page, 'Regler').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regler och lagrum' })).toBeVisible();
}

const BARNSAMTAL = 'Enskilt samtal med barnet minst var';
const barnsamtalRow = (page: Page) => dataRows(page).filter({ hasText: 'Enskilt samtal med barnet' });

test('a changed parameter changes the deadlines; a bad value is told in Swedish at its field', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await expect(menuItem(page, 'Bevakning')).toHaveAccessibleName('Bevakning 3 försenade');
  await expect(barnsamtalRow(page)).toContainText('Kommande');
  await expect(barnsamtalRow(page)).toContainText('2027-01-01');

  await gotoRules(page);
  const field = page.getByLabel(BARNSAMTAL, { exact: true });
  await expect(field).toHaveValue('3');
  await expect(field).toHaveAccessibleDescription('Standard: 3 månader');
  await expect(page.getByText('Standardvärden enligt lagen och rutinen – inte ändrade')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'regler');

  // Who changes the rules is who is signed in; why is asked with every save; both kept in the history.
  await expect(page.getByRole('group', { name: 'Vem ändrar och varför' })).toContainText(`Ändras av ${E2E_USER}`);
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Reglerna kunde inte sparas' });
  await expect(summary).toContainText('Skäl till ändringen: Skriv varför reglerna ändras: skälet sparas i historiken.');
  await expect(summary).not.toContainText('Ändras av');
  await page.getByLabel('Skäl till ändringen').fill('Nämndens beslut om tätare samtal.');

  // Looser than the law: refused with the law's requirement and reference, at the field.
  const overvagande = page.getByLabel('Övervägande (SoL, LVU 2 §) minst var', { exact: true });
  await expect(overvagande).toHaveAccessibleDescription('Standard: 6 månader · Lagens gräns: högst 6 månader (SoL 22 kap. 13 §; LVU 13 § första st.)');
  await overvagande.fill('12');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(summary).toContainText('Lagen kräver övervägande minst var 6:e månad (SoL 22 kap. 13 §; LVU 13 § första st.): högst 6 månader.');
  await expect(overvagande).toHaveAttribute('aria-invalid', 'true');
  await overvagande.fill('6');

  // Not a number: said at the field, nothing saved.
  await field.fill('tre');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(summary).toContainText(`${BARNSAMTAL}: Ange ett heltal, till exempel 6.`);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Ange ett heltal, till exempel 6\./);
  // Too large for the service: its Swedish message, at the field; the summary's link leads there.
  await field.fill('5000');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(summary).toContainText('För stort.');
  await expect(field).toHaveAccessibleDescription(/För stort\./);
  await summary.getByRole('button', { name: new RegExp(BARNSAMTAL) }).click();
  await expect(field).toBeFocused();
  await expectAccessible(page);

  // Leaving with the edit unsaved asks first.
  await field.fill('1');
  await menuItem(page, 'Bevakning').click();
  const leave = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await expect(leave).toContainText('ändringar i reglerna');
  await leave.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(field).toHaveValue('1');

  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(toast(page)).toContainText('Reglerna är sparade.');
  await expect(summary).toHaveCount(0);
  await expect(page.getByText(/^Version 1 · sparad/)).toBeVisible();
  const history = page.getByRole('region', { name: 'Ändringshistorik' });
  await expect(history.getByRole('listitem').first()).toContainText(E2E_USER);
  await expect(history.getByRole('listitem').first()).toContainText('Nämndens beslut om tätare samtal.');
  await expect(history.getByRole('listitem').first()).toContainText('Enskilt samtal med barnet minst var: 3 månader → 1 månad');
  await expect(page.getByLabel('Skäl till ändringen')).toHaveValue('');
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await history.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await screenshot(page, 'regler-historik');
  // One month after the start: overdue now, in the menu and in the list, with the new words.
  await expect(menuItem(page, 'Bevakning')).toHaveAccessibleName('Bevakning 4 försenade');
  await menuItem(page, 'Bevakning').click();
  await expect(barnsamtalRow(page)).toContainText('Försenad');
  await expect(barnsamtalRow(page)).toContainText('2026-11-01');
  await expect(barnsamtalRow(page)).toContainText('Socialsekreteraren bör samtala enskilt med barnet varje månad.');

  // Back to the default.
  await gotoRules(page);
  await page.getByRole('button', { name: `Återställ standard för ${BARNSAMTAL}` }).click();
  await expect(page.getByLabel(BARNSAMTAL, { exact: true })).toHaveValue('3');
  // The reason is asked anew.
  await page.getByLabel('Skäl till ändringen').fill('Tillbaka till standard.');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(toast(page)).toContainText('Reglerna är sparade.');
  await expect(menuItem(page, 'Bevakning')).toHaveAccessibleName('Bevakning 3 försenade');
});

test('the table of legal references: a row added shows in the deadlines, a wrong period is told, removing asks', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await gotoRules(page);
  await fillWhoAndWhy(page, 'Nya numreringen verifierad.');
  const rows = page.getByRole('group', { name: 'Lagrum' }).getByRole('table').getByRole('row');
  const before = await rows.count();

  // The new SoL's section, once verified: a row of its own from a date.
  await page.getByRole('button', { name: '+ Lägg till rad' }).click();
  await expect(rows).toHaveCount(before + 1);
  const last = before - 1; // 0-based index of the new row among the data rows
  const rule = page.getByRole('combobox', { name: `Regel, rad ${last + 1}` });
  await expect(rule).toBeFocused();
  await rule.selectOption({ label: 'Enskilt samtal med barnet' });
  const where = `Enskilt samtal med barnet, rad ${last + 1}`;
  await page.getByLabel(`Lagrum för ${where}`).fill('SoL (2025:400) prov 1 §');
  await page.getByLabel(`Giltig från för ${where}`).fill('2026-06-01');
  await page.getByLabel(`Giltig till för ${where}`).fill('2026-01-01');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  const validTo = page.getByLabel(`Giltig till för ${where}`);
  await expect(validTo).toHaveAttribute('aria-invalid', 'true');
  await expect(validTo).toHaveAccessibleDescription('Giltig till är före giltig från.');
  await expect(page.getByRole('alert').filter({ hasText: 'Reglerna kunde inte sparas' })).toContainText(
    `Lagrum, rad ${last + 1}, giltig till: Giltig till är före giltig från.`,
  );

  await validTo.fill('');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(toast(page)).toContainText('Reglerna är sparade.');
  await menuItem(page, 'Bevakning').click();
  await expect(barnsamtalRow(page)).toContainText('SoL (2025:400) prov 1 §');

  // Removing a row asks first; "Avbryt" keeps it.
  await gotoRules(page);
  const remove = page.getByRole('button', { name: `Ta bort rad ${last + 1}: Enskilt samtal med barnet` });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort raden?' });
  await expect(dialog).toContainText('SoL (2025:400) prov 1 §');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(rows).toHaveCount(before + 1);
  await remove.click();
  await dialog.getByRole('button', { name: 'Ta bort raden' }).click();
  await expect(rows).toHaveCount(before);
  await expect(page.getByRole('button', { name: '+ Lägg till rad' })).toBeFocused();
  await page.getByLabel('Skäl till ändringen').fill('Raden lades till av misstag.');
  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(toast(page)).toContainText('Reglerna är sparade.');
  await menuItem(page, 'Bevakning').click();
  await expect(barnsamtalRow(page)).toContainText('Socialstyrelsens allmänna råd');
});

test('a save over someone else\'s newer save is refused, and the page shows theirs', async ({ page, openApp, databasePath }) => {
  await openApp();
  await gotoRules(page);
  await page.getByLabel(BARNSAMTAL, { exact: true }).fill('2');
  await fillWhoAndWhy(page);

  // Meanwhile, someone else saves (the same file opened elsewhere).
  await withServices(databasePath, async (services) => {
    const current = await services.settings.get();
    await services.settings.save({ parameters: { barnsamtalMonths: 4 }, references: current.references, version: current.version, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
  });

  await page.getByRole('button', { name: 'Spara reglerna' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Reglerna kunde inte sparas' })).toContainText(
    'Någon annan har sparat reglerna medan du ändrade.',
  );
  await expect(page.getByLabel(BARNSAMTAL, { exact: true })).toHaveValue('4');
  await expect(page.getByText(/^Version 1 · sparad/)).toBeVisible();
  // Nothing unsaved is left: the menu leaves without asking.
  await menuItem(page, 'Bevakning').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inga öppna bevakningar' })).toBeVisible();
});
