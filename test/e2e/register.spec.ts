import { closeButton, dataRows, expect, expectAccessible, gotoRegister, loadDemo, openHome, panel, screenshot, shownNames, test, toast, withServices } from './fixtures';

const svSort = (names: string[]) => [...names].sort(new Intl.Collator('sv').compare);


test('an empty register offers the fictional demo data, and the grid then lists the homes', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await screenshot(page, 'register');
});

test('demo data are announced while present and can be removed after confirmation', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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
  await gotoRegister(page);
  expect(page.url()).not.toContain('token');
  await page.reload();
  await gotoRegister(page);
  await expect(page.getByRole('heading', { name: 'Registret är tomt' })).toBeVisible();
});

test('quick search is Swedish-aware: "ö" finds Östergården and not homes with only "o"', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  await page.getByLabel('Sök').fill('ö');
  await expect(page.getByRole('gridcell', { name: 'Mormor Exempelgrens nätverkshem' })).toHaveCount(0);
  await expect(page.getByRole('gridcell', { name: 'Östergårdens HVB' })).toBeVisible();
  // Exactly the active homes with an ö somewhere: in the name, kommun (Härnösand, Örnsköldsvik),
  // konsulentverksamhet (Konsulentstöd) or an adult's name; not Mormor Exempelgrens nätverkshem
  // in Ånge (only o, å and ä).
  await expect.poll(() => shownNames(page)).toEqual([
    'Björkhagens HVB',
    'Familjen Exempelhed',
    'Familjen Exempelsson',
    'Familjen Provström-Exempel',
    'Statens exempelhem',
    'Åkerbackens stödboende',
    'Älvängens jourhem',
    'Östergårdens HVB',
  ]);

  await page.getByLabel('Sök').fill('östergården');
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
});

test('names sort in Swedish order, Å Ä Ö after Z, both ways', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const ascending = await shownNames(page);
  expect(ascending).toEqual(svSort(ascending));
  expect(ascending.slice(-3).map((name) => name[0])).toEqual(['Å', 'Ä', 'Ö']);

  await page.getByRole('columnheader', { name: /Namn/ }).click();
  await expect.poll(() => shownNames(page)).toEqual([...ascending].reverse());
});

test('filters by kind, municipality and status', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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

test('a large register: the list shows 200 homes and says how many there are; filters and search reach the rest', async ({ page, openApp, databasePath }) => {
  const names = Array.from({ length: 1234 }, (_, i) => `Familjen Exempel ${String(i).padStart(4, '0')}`);
  await withServices(databasePath, (services) =>
    services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [
        ...names.map((name, i) => ({ id: `H${i}`, kind: 'familjehem', name, municipality: i % 2 === 0 ? 'Sundsvall' : 'Timrå' })),
        // Ö sorts after Z: far beyond the first 200 of the whole register.
        { id: 'Ö1', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Ånge' },
      ],
    }),
  );
  await openApp();
  await gotoRegister(page);
  await expect(page.getByText(/^Visar 200 av 1\s235 hem, de första i bokstavsordning\. Sök eller välj filter för att hitta de andra\.$/)).toBeVisible();
  // The kommun filter offers every kommun the search found, beyond the cut too.
  await expect(page.getByLabel('Kommun').getByRole('option')).toHaveText(['Alla kommuner', 'Sundsvall', 'Timrå', 'Ånge']);

  // Filtered in main before the cut: the one HVB is found.
  await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'HVB' });
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
  await expect(page.getByText('1 hem visas')).toBeVisible();
  await page.getByRole('button', { name: 'Rensa filter' }).click();

  const withOne = names.filter((name) => name.includes('1')).length;
  await page.getByLabel('Sök').fill('exempel 1');
  await expect(page.getByText(new RegExp(`^Visar 200 av ${withOne} hem: de som bäst stämmer med sökningen\\.`))).toBeVisible();
  await page.getByLabel('Sök').fill('exempel 123');
  const with123 = names.filter((name) => name.includes('123'));
  expect(with123).toHaveLength(6);
  await expect.poll(() => shownNames(page)).toEqual(with123);
  await expect(page.getByText('6 hem visas')).toBeVisible();
});

test('a new HVB with a wrong org.nr shows the error by the field, and saves once corrected', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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

  // The heading says it once; the service's message, the same words, is not repeated under it.
  await expect(page.getByText(/kunde inte sparas/)).toHaveCount(1);

  await orgNr.fill('556000-0050');
  await page.getByRole('button', { name: 'Spara hemmet' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Testgårdens HVB” är sparat.');
  await expect(orgNr).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('gridcell', { name: 'Testgårdens HVB' })).toBeVisible();
  await expect(dataRows(page).filter({ hasText: 'Testgårdens HVB' })).toContainText('556000-0050');
});

test('a new familjehem with two uppdragstagare is saved with its household', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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
  await expect(toast(page)).toContainText('Hemmet ”Familjen Testberg” är sparat.');
  await closeButton(page).click();

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
  await gotoRegister(page);
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
  await expect(toast(page)).toContainText('Hemmet ”Östergårdens HVB” är sparat.');
  await expect(dataRows(page).filter({ hasText: 'Östergårdens HVB' }).locator('[col-id="capacity"]')).toHaveText('9');
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);
});

test('closing the page with unsaved changes asks first', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
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
  await gotoRegister(page);
  await loadDemo(page);
  await openHome(page, 'Björkhagens HVB');
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inaktivera Björkhagens HVB?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Inaktivera' }).click();

  await expect(toast(page)).toContainText('Hemmet ”Björkhagens HVB” är inaktiverat.');
  await expect(page.locator('#panel-title')).toContainText('Inaktiv');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toHaveCount(0);

  await toast(page).getByRole('button', { name: 'Ångra' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Björkhagens HVB” är aktivt igen.');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inaktivera' })).toBeVisible();

  // An inactive home can be reactivated from its panel.
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inaktivera' }).click();
  await page.getByRole('button', { name: 'Återaktivera' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Björkhagens HVB” är aktivt igen.');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toBeVisible();
});

test('keyboard: "/" focuses the search, Tab reaches the grid, arrows and Enter open a row, Esc closes it', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(page.getByLabel('Sök')).toBeFocused();
  await page.keyboard.type('Björk');
  await expect.poll(() => shownNames(page)).toEqual(['Björkhagens HVB']);

  // Tab on past the filters to the grid, named by the page title; in it, the arrows.
  const grid = page.getByRole('grid', { name: 'Register över hem' });
  const inGrid = () => grid.evaluate((element) => element.contains(document.activeElement));
  for (let i = 0; i < 10 && !(await inGrid()); i++) await page.keyboard.press('Tab');
  await expect(grid.getByRole('columnheader', { name: /Namn/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('gridcell', { name: 'Björkhagens HVB' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#panel-title')).toHaveText('Björkhagens HVB');
  await expect(page.locator('#panel-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);

  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Sök')).toBeFocused();
});

test('the grid is one Tab stop: Tab and Shift+Tab leave it from any cell', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const grid = page.getByRole('grid', { name: 'Register över hem' });
  // The toolbar's last control (Exportera) comes just before the grid.
  const lastBefore = page.getByRole('button', { name: /^Exportera/ });
  await page.getByLabel('Status').focus();
  await page.keyboard.press('Tab');
  await expect(lastBefore).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(grid.getByRole('columnheader', { name: /Namn/ })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await grid.evaluate((element) => element.contains(document.activeElement))).toBe(false);

  await lastBefore.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('[role="gridcell"][col-id="kind"]').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(lastBefore).toBeFocused();
});

test('Esc in the search empties it first, then closes the panel', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  await openHome(page, 'Östergårdens HVB');
  const search = page.getByLabel('Sök');
  await search.fill('Björk');
  await expect.poll(() => shownNames(page)).toEqual(['Björkhagens HVB']);
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.locator('#panel-title')).toHaveText('Östergårdens HVB');
  await expect(dataRows(page)).toHaveCount(9);
  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);
});

test('the search takes at most 200 characters, and a list that fails is reported under a toolbar still in use', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const search = page.getByLabel('Sök');
  await search.fill('ö'.repeat(250));
  await expect(search).toHaveValue('ö'.repeat(200));
  await expect(page.getByText('0 hem visas')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The next list fails: the error sits under the toolbar, and the search can be changed.
  await page.route('**/api/searchHomes', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: 'Något gick fel. Försök igen.' } } }),
  );
  await search.fill('Björk');
  const error = page.getByRole('alert').filter({ hasText: 'Registret kunde inte hämtas.' });
  await expect(error).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Register över hem' })).toBeVisible();
  await expect(search).toBeEditable();
  await page.unroute('**/api/searchHomes');
  await error.getByRole('button', { name: 'Försök igen' }).click();
  await expect.poll(() => shownNames(page)).toEqual(['Björkhagens HVB']);
  await expect(error).toHaveCount(0);
});

test('searching keeps the rows without a loading overlay, and a late answer to an older search is dropped', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  // Hold the answer to "ö" until "öst" has been answered.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  await page.route('**/api/searchHomes', async (route) => {
    if ((route.request().postDataJSON() as { query?: string }).query === 'ö') {
      held();
      await gate;
    }
    await route.continue();
  });
  const search = page.getByLabel('Sök');
  await search.fill('ö');
  await isHeld;
  // While the list is fetched the rows stay, with no overlay over them.
  await expect(page.getByText('Hämtar registret…')).toHaveCount(0);
  await expect(dataRows(page)).toHaveCount(9);

  await search.fill('öst');
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
  const late = page.waitForResponse((response) => response.url().endsWith('/api/searchHomes'));
  release();
  await late;
  // Two frames: the late answer has been handled and anything it changed drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await shownNames(page)).toEqual(['Östergårdens HVB']);
  await expect(page.getByText('1 hem visas')).toBeVisible();
});

test('the register and the detail form have no serious accessibility violations', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await expectAccessible(page);
  await loadDemo(page);
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await expectAccessible(page);

  await openHome(page, 'Östergårdens HVB');
  await expect(panel(page)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'home-detail');

  await closeButton(page).click();
  await openHome(page, 'Familjen Exempelsson');
  await expectAccessible(page);
});

test('the page runs under the strict CSP: AG Grid gets the nonce, no violations', async ({ page, openApp, host }) => {
  const response = await page.request.get(host.origin + '/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  await openApp();
  await gotoRegister(page);
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

test('the same home twice: a new home with an existing org.nr names the one there, opens it, or is saved anyway', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const newHvb = async () => {
    await page.getByRole('button', { name: 'Nytt hem' }).click();
    await panel(page).getByLabel('Typ av hem').selectOption({ label: 'HVB' });
    await panel(page).getByLabel('Namn').fill('Östergården Två');
    await panel(page).getByLabel('Organisationsnummer').fill('5560000019');
    await panel(page).getByLabel('Huvudman').selectOption({ label: 'Enskild' });
    await panel(page).getByRole('button', { name: 'Spara hemmet' }).click();
  };
  await newHvb();
  const similar = panel(page).getByRole('alert').filter({ hasText: 'Hemmet kan redan finnas i registret' });
  await expect(similar).toContainText('Östergårdens HVB (HVB, Timrå, org.nr 556000-0019) – samma org.nr');
  await expect(page.getByRole('heading', { name: 'Hemmet kan redan finnas i registret' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'hem-dubblett');

  // Open the one there: the new home's form asks before it is left.
  await similar.getByRole('button', { name: 'Öppna Östergårdens HVB' }).click();
  await page.getByRole('dialog', { name: 'Lämna utan att spara?' }).getByRole('button', { name: 'Lämna utan att spara' }).click();
  await expect(page.locator('#panel-title')).toHaveText('Östergårdens HVB');

  // Or it is another home after all: saved when the user says so.
  await gotoRegister(page);
  await newHvb();
  await similar.getByRole('button', { name: 'Spara ändå' }).click();
  await expect(toast(page)).toContainText('Hemmet ”Östergården Två” är sparat.');
});
