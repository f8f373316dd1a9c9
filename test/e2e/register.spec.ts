import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dataRows, expect, loadDemo, screenshot, shownNames, test } from './fixtures';

const svSort = (names: string[]) => [...names].sort(new Intl.Collator('sv').compare);

/** Accessibility per WCAG 2.1 A and AA: nothing serious or critical. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(grave).toEqual([]);
}

/** The detail panel: a region named by its title. */
const panel = (page: Page) => page.getByRole('region').filter({ has: page.locator('#panel-title') });

async function openHome(page: Page, name: string) {
  await dataRows(page).filter({ hasText: name }).first().click();
  await expect(page.locator('#panel-title')).toHaveText(name);
}

test('an empty register offers the fictional demo data, and the grid then lists the homes', async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByRole('heading', { name: 'Registret är tomt' })).toBeVisible();
  await expect(page.getByText(/påhittade hem och personer/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nytt hem' })).toBeVisible();
  await screenshot(page, 'empty');

  await loadDemo(page);
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: 'Östergårdens HVB' })).toBeVisible();
  // Active homes by default: the demo's inactive Norrvikens HVB is not listed.
  await expect(dataRows(page)).toHaveCount(9);
  await expect(page.getByRole('gridcell', { name: 'Norrvikens HVB' })).toHaveCount(0);
  // Never offered again once the register has data.
  await expect(page.getByRole('button', { name: 'Ladda exempeldata' })).toHaveCount(0);
  await expect(page.getByText('Webbläsarläge')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Stäng meddelandet' }).click();
  await screenshot(page, 'register');
});

test('demo data are announced while present and can be removed after confirmation', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  const banner = page.getByRole('region', { name: 'Registret innehåller exempeldata.' });
  await expect(banner).toBeVisible();

  await banner.getByRole('button', { name: 'Ta bort exempeldata' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ta bort exempeldata?' });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dataRows(page)).toHaveCount(9);

  await banner.getByRole('button', { name: 'Ta bort exempeldata' }).click();
  await dialog.getByRole('button', { name: 'Ta bort exempeldata' }).click();
  await expect(page.getByRole('heading', { name: 'Registret är tomt' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('the token leaves the address bar and stays in the tab', async ({ page, openApp }) => {
  await openApp();
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Registret är tomt' })).toBeVisible();
});

test('quick search is Swedish-aware: "ö" finds Östergården and not homes with only "o"', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await page.getByLabel('Sök').fill('ö');
  await expect(page.getByRole('gridcell', { name: 'Mormor Exempelgrens nätverkshem' })).toHaveCount(0);
  await expect(page.getByRole('gridcell', { name: 'Östergårdens HVB' })).toBeVisible();
  for (const name of await shownNames(page)) expect(name).toBeTruthy();

  await page.getByLabel('Sök').fill('östergården');
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
});

test('names sort in Swedish order, Å Ä Ö after Z, both ways', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  const ascending = await shownNames(page);
  expect(ascending).toEqual(svSort(ascending));
  expect(ascending.slice(-3).map((name) => name[0])).toEqual(['Å', 'Ä', 'Ö']);

  await page.getByRole('columnheader', { name: /Namn/ }).click();
  await expect.poll(() => shownNames(page)).toEqual([...ascending].reverse());
});

test('filters by kind, municipality and status', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Familjehem' });
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelhed', 'Familjen Exempelsson', 'Familjen Provström-Exempel']);

  await page.getByLabel('Kommun').selectOption('Sundsvall');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelsson']);

  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Inaktiva' });
  await expect.poll(() => shownNames(page)).toEqual(['Norrvikens HVB', 'Solbackens stödboende', 'Ödmårdens jourhem']);
  await expect(dataRows(page).first().getByText('Inaktiv')).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Alla' });
  await expect(dataRows(page)).toHaveCount(12);
});

test('a new HVB with a wrong org.nr shows the error by the field, and saves once corrected', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await page.getByRole('button', { name: 'Nytt hem' }).click();
  await expect(page.locator('#panel-title')).toHaveText('Nytt hem');
  const form = panel(page);
  await form.getByLabel('Typ av hem').selectOption({ label: 'HVB' });
  await form.getByLabel('Namn').fill('Testgårdens HVB');
  await form.getByLabel('Kommun').fill('Timrå');
  await form.getByLabel('Antal platser').fill('6');
  await form.getByLabel('Organisationsnummer').fill('556000-0018');
  await form.getByLabel('Huvudman').selectOption({ label: 'Enskild' });
  await form.getByLabel('Ålder från').fill('12');
  await form.getByLabel('Ålder till').fill('17');
  await form.getByLabel('Missbruk').check();
  await form.getByRole('button', { name: 'Spara hemmet' }).click();

  const orgNr = form.getByLabel('Organisationsnummer');
  await expect(orgNr).toHaveAttribute('aria-invalid', 'true');
  await expect(orgNr).toHaveAccessibleDescription(/kontrollsiffra stämmer inte/);
  await expect(page.getByRole('alert').filter({ hasText: 'Hemmet kunde inte sparas' })).toContainText('Organisationsnummer');

  await orgNr.fill('556000-0050');
  await page.getByRole('button', { name: 'Spara hemmet' }).click();
  await expect(page.getByRole('status')).toContainText('Testgårdens HVB är sparat.');
  await expect(orgNr).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('gridcell', { name: 'Testgårdens HVB' })).toBeVisible();
  await expect(dataRows(page).filter({ hasText: 'Testgårdens HVB' })).toContainText('556000-0050');
});

test('a new familjehem with two uppdragstagare is saved with its household', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'Nytt hem' }).click();
  const form = panel(page);
  await form.getByLabel('Typ av hem').selectOption({ label: 'Familjehem' });
  await expect(form.getByLabel('Organisationsnummer')).toHaveCount(0);
  await form.getByLabel(/^Namn/).fill('Familjen Testberg');
  await form.getByLabel('Kommun').fill('Ånge');
  for (const [index, name] of ['Lena Testberg', 'Per Testberg'].entries()) {
    await form.getByRole('button', { name: 'Lägg till person' }).click();
    await expect(page.locator(`#home-persons-${index}-name`)).toBeFocused();
    await page.keyboard.type(name);
    await page.locator(`#home-persons-${index}-birthYear`).fill(String(1970 + index));
  }
  await form.getByLabel('Konsulentverksamhet', { exact: true }).fill('Konsulentstöd Test AB');

  // An issue about one member of the household lands by that member's field.
  const secondName = page.locator('#home-persons-1-name');
  await secondName.fill('');
  await page.getByRole('button', { name: 'Spara hemmet' }).click();
  await expect(secondName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Hemmet kunde inte sparas' })).toContainText('Person 2, namn');
  await secondName.fill('Per Testberg');
  await page.getByRole('button', { name: 'Spara hemmet' }).click();
  await expect(page.getByRole('status')).toContainText('Familjen Testberg är sparat.');
  await page.getByRole('button', { name: 'Stäng', exact: true }).click();

  // The adults' names are searchable.
  await page.getByLabel('Sök').fill('per testberg');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Testberg']);
  await openHome(page, 'Familjen Testberg');
  await expect(page.locator('#home-persons-0-name')).toHaveValue('Lena Testberg');
  await expect(page.locator('#home-persons-1-name')).toHaveValue('Per Testberg');
  await expect(page.locator('#home-persons-1-role')).toHaveValue('uppdragstagare');
  await expect(page.locator('#home-persons-1-birthYear')).toHaveValue('1971');
});

test('editing a home saves the change and the list shows it; unsaved changes are not lost silently', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await openHome(page, 'Östergårdens HVB');
  await expect(page.getByLabel('Organisationsnummer')).toHaveValue('556000-0019');
  await page.getByLabel('Antal platser').fill('9');

  // Esc with unsaved changes asks first; staying keeps the edit.
  await page.keyboard.press('Escape');
  const dialog = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(page.getByLabel('Antal platser')).toHaveValue('9');

  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('status')).toContainText('Östergårdens HVB är sparat.');
  await expect(dataRows(page).filter({ hasText: 'Östergårdens HVB' }).locator('[col-id="capacity"]')).toHaveText('9');
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);
});

test('closing the page with unsaved changes asks first', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await openHome(page, 'Östergårdens HVB');
  await page.getByLabel('Antal platser').fill('11');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
});

test('deactivating asks for confirmation and can be undone', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await openHome(page, 'Björkhagens HVB');
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inaktivera Björkhagens HVB?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Inaktivera' }).click();

  await expect(page.getByRole('status')).toContainText('Björkhagens HVB är inaktiverat.');
  await expect(page.locator('#panel-title')).toContainText('Inaktiv');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toHaveCount(0);

  await page.getByRole('status').getByRole('button', { name: 'Ångra' }).click();
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inaktivera' })).toBeVisible();

  // An inactive home can be reactivated from its panel.
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('button', { name: 'Återaktivera' }).click();
  await expect(page.getByRole('status')).toContainText('Björkhagens HVB är aktivt igen.');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toBeVisible();
});

test('keyboard: "/" focuses the search, Enter on a row opens it, Esc closes it', async ({ page, openApp }) => {
  await openApp();
  await loadDemo(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(page.getByLabel('Sök')).toBeFocused();
  await page.keyboard.type('Björk');
  await expect.poll(() => shownNames(page)).toEqual(['Björkhagens HVB']);

  await page.getByRole('gridcell', { name: 'Björkhagens HVB' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#panel-title')).toHaveText('Björkhagens HVB');
  await expect(page.locator('#panel-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);

  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Sök')).toBeFocused();
});

test('the register and the detail form have no serious accessibility violations', async ({ page, openApp }) => {
  await openApp();
  await expectAccessible(page);
  await loadDemo(page);
  await page.getByRole('status').getByRole('button', { name: 'Stäng meddelandet' }).click();
  await expectAccessible(page);

  await openHome(page, 'Östergårdens HVB');
  await expect(panel(page)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'home-detail');

  await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  await openHome(page, 'Familjen Exempelsson');
  await expectAccessible(page);
});

test('the page runs under the strict CSP: AG Grid gets the nonce, no violations', async ({ page, openApp, host }) => {
  const response = await page.request.get(host.origin + '/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  await openApp();
  await loadDemo(page);
  await openHome(page, 'Östergårdens HVB');
  // The grid's theme is applied: its injected styles were allowed.
  const styled = await page.evaluate(() => {
    const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
    const styles = [...document.querySelectorAll('style')];
    return {
      nonceReplaced: nonce !== '' && nonce !== '__CSP_NONCE__',
      styles: styles.length,
      allWithNonce: styles.every((style) => style.nonce === nonce),
    };
  });
  expect(styled.nonceReplaced).toBe(true);
  expect(styled.styles).toBeGreaterThan(0);
  expect(styled.allWithNonce).toBe(true);
  await expect(page.locator('.ag-root-wrapper')).toHaveCSS('border-top-style', 'solid');
  // The fixture `pageErrors` fails the test on any console error or securitypolicyviolation event.
});
