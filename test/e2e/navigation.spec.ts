import type { Page } from '@playwright/test';
import { closeButton, dataRows, expect, mainMenu, menuItem, openHome, panel, test, withServices } from './fixtures';

/** One fictional familjehem with one ongoing placement; their ids for the addresses. */
async function seed(databasePath: string): Promise<{ homeId: string; placementId: string }> {
  return withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'familjehem', name: 'Familjen Provberg', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 2, targetGroup: null, agency: null, persons: [],
    });
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    const placement = await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
    return { homeId: home.id, placementId: placement.id };
  });
}

const title = (page: Page) => page.getByRole('heading', { level: 1 });
/** The page's address: the part after `#`. */
const address = (page: Page) => new URL(page.url()).hash;
const placementTitle = (page: Page) => page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' });
const back = (page: Page) => page.getByRole('button', { name: 'Tillbaka' });
const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Lämna utan att spara?' });

test('Alt+← and Alt+→ step back and forward one page at a time, and reading starts on the page shown', async ({ page, openApp, databasePath }) => {
  const { placementId } = await seed(databasePath);
  await openApp();
  expect(address(page)).toBe('#/bevakning');

  await menuItem(page, 'Placeringar').click();
  await expect(title(page)).toHaveText('Placeringar');
  await page.getByRole('link', { name: 'Tova Provsdotter' }).click();
  await expect(placementTitle(page)).toBeFocused();
  expect(address(page)).toBe(`#/placeringar/${placementId}`);

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Placeringar');
  expect(address(page)).toBe('#/placeringar');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(menuItem(page, 'Placeringar')).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Bevakning');
  expect(address(page)).toBe('#/bevakning');

  await page.keyboard.press('Alt+ArrowRight');
  await expect(title(page)).toHaveText('Placeringar');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(placementTitle(page)).toBeFocused();
  expect(address(page)).toBe(`#/placeringar/${placementId}`);
  // Nothing ahead: Alt+→ stays.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(placementTitle(page)).toBeVisible();
  expect(address(page)).toBe(`#/placeringar/${placementId}`);
});

// Chromium steps on these buttons by itself; Electron does not, so the app steps and cancels
// Chromium's own step. Here (the browser host) that proves each press is one step, never two.
test("the mouse's back and forward buttons step back and forward once", async ({ page, openApp }) => {
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await expect(title(page)).toHaveText(/Placeringar|Inga placeringar ännu/);
  await menuItem(page, 'Kontroller').click();
  await expect(title(page)).toHaveText('Kontroller');

  // Buttons 3 and 4 as the mouse sends them (Playwright's mouse has only three buttons).
  const cdp = await page.context().newCDPSession(page);
  async function press(button: 'back' | 'forward') {
    const buttons = button === 'back' ? 8 : 16;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: 640, y: 400, button, buttons, clickCount: 1 });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: 640, y: 400, button, buttons: 0, clickCount: 1 });
  }

  await press('back');
  await expect(title(page)).toHaveText(/Placeringar|Inga placeringar ännu/);
  expect(address(page)).toBe('#/placeringar');
  await press('forward');
  await expect(title(page)).toHaveText('Kontroller');
  expect(address(page)).toBe('#/kontroller');
});

test('"Tillbaka" leads to the page a placement or a home was opened from', async ({ page, openApp, databasePath }) => {
  const { homeId, placementId } = await seed(databasePath);
  await openApp();
  await menuItem(page, 'Placeringar').click();
  await page.getByRole('link', { name: 'Tova Provsdotter' }).click();
  await expect(placementTitle(page)).toBeVisible();

  // From the placement to its home: the register with the home's panel, which leads back.
  await page.locator('.facts').getByRole('link', { name: 'Familjen Provberg', exact: true }).click();
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
  expect(address(page)).toBe(`#/register/hem/${homeId}`);
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  await panel(page).getByRole('button', { name: 'Tillbaka' }).click();
  await expect(placementTitle(page)).toBeVisible();
  expect(address(page)).toBe(`#/placeringar/${placementId}`);

  await back(page).click();
  await expect(title(page)).toHaveText('Placeringar');
  expect(address(page)).toBe('#/placeringar');
  // "Tillbaka" was a step back: the placement is still ahead.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(placementTitle(page)).toBeVisible();
});

test('a placement and a home open straight from their addresses, and a reload keeps them', async ({ page, openApp, host, databasePath }) => {
  const { homeId, placementId } = await seed(databasePath);
  await openApp();
  const origin = new URL(host.url).origin;

  // An address typed (or a link from elsewhere): no page of the app opened it, so no "Tillbaka".
  await page.goto(`${origin}/#/placeringar/${placementId}`);
  await expect(placementTitle(page)).toBeVisible();
  await expect(back(page)).toHaveCount(0);
  await expect(menuItem(page, 'Placeringar')).toHaveAttribute('aria-current', 'true');
  await page.reload();
  await expect(placementTitle(page)).toBeVisible();
  expect(address(page)).toBe(`#/placeringar/${placementId}`);

  await page.goto(`${origin}/#/register/hem/${homeId}`);
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
  expect(page.url()).not.toContain('token');

  // Closing a panel opened by its address leaves the register in its place: Back leads on to the placement.
  await closeButton(page).click();
  await expect(page.locator('#panel-title')).toHaveCount(0);
  expect(address(page)).toBe('#/register');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(placementTitle(page)).toBeVisible();

  await page.goto(`${origin}/#/finns-inte`);
  await expect(title(page)).toHaveText('Sidan finns inte');
});

test('a reload keeps the page and its place in the history', async ({ page, openApp }) => {
  await openApp();
  await menuItem(page, 'Kontroller').click();
  await expect(title(page)).toHaveText('Kontroller');
  await menuItem(page, 'Regler').click();
  await expect(title(page)).toHaveText('Regler och lagrum');

  await page.reload();
  await expect(title(page)).toHaveText('Regler och lagrum');
  expect(address(page)).toBe('#/regler');
  await expect(menuItem(page, 'Regler')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Kontroller');
});

test('the skip link moves to the content and leaves the address as it is', async ({ page, openApp }) => {
  await openApp();
  await menuItem(page, 'Kontroller').click();
  await expect(title(page)).toHaveText('Kontroller');
  await page.getByRole('link', { name: 'Hoppa till innehållet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(address(page)).toBe('#/kontroller');
  await expect(title(page)).toHaveText('Kontroller');
});

test("a home's panel opened from the list is one step: Stäng steps back, and Back does not open it again", async ({ page, openApp, databasePath }) => {
  const { homeId } = await seed(databasePath);
  await openApp();
  await mainMenu(page).getByRole('link', { name: 'Register', exact: true }).click();
  await openHome(page, 'Familjen Provberg');
  expect(address(page)).toBe(`#/register/hem/${homeId}`);
  // Opened from the register itself: "Stäng" it is, no "Tillbaka".
  await expect(panel(page).getByRole('button', { name: 'Tillbaka' })).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.locator('#panel-title')).toHaveCount(0);
  expect(address(page)).toBe('#/register');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title(page)).toHaveText('Bevakning');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(title(page)).toHaveText('Register över hem');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
});

test('unsaved changes: Back, Alt+← and a typed address ask first, and staying keeps the edits', async ({ page, openApp, host, databasePath }) => {
  const { homeId } = await seed(databasePath);
  await openApp();
  await mainMenu(page).getByRole('link', { name: 'Register', exact: true }).click();
  await openHome(page, 'Familjen Provberg');
  const capacity = page.getByLabel('Antal platser');
  await capacity.fill('5');
  const homeAddress = `#/register/hem/${homeId}`;

  // The browser's Back.
  await page.goBack();
  await expect(leaveDialog(page)).toContainText('Du har ändringar i hemmet som inte är sparade.');
  await leaveDialog(page).getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(leaveDialog(page)).toHaveCount(0);
  await expect(capacity).toHaveValue('5');
  expect(address(page)).toBe(homeAddress);

  // Alt+← from the field itself.
  await capacity.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(leaveDialog(page)).toBeVisible();
  await leaveDialog(page).getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(capacity).toHaveValue('5');
  expect(address(page)).toBe(homeAddress);

  // Another address typed in the browser host's address bar.
  await page.goto(`${new URL(host.url).origin}/#/regler`);
  await expect(leaveDialog(page)).toBeVisible();
  await leaveDialog(page).getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(capacity).toHaveValue('5');
  await expect.poll(() => address(page)).toBe(homeAddress);

  // Leaving after all: one step back, to the register's list, and the edit is gone.
  await page.keyboard.press('Alt+ArrowLeft');
  await leaveDialog(page).getByRole('button', { name: 'Lämna utan att spara' }).click();
  await expect(page.locator('#panel-title')).toHaveCount(0);
  await expect(title(page)).toHaveText('Register över hem');
  expect(address(page)).toBe('#/register');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
  await expect(capacity).toHaveValue('2');
});
