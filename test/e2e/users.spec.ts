/**
 * Who is working: the administratör adds a handläggare with a PIN, the handläggare signs in with
 * it (a wrong PIN is refused, by the field), works, and is refused what only an administratör may
 * do; every step is in the access log, whose chain is intact.
 */
import { E2E_USER, expect, expectAccessible, screenshot, signIn, test, withServices } from './fixtures';

test('the administratör adds a handläggare with a PIN; the handläggare signs in with it and cannot change the rules', async ({ page, openApp, databasePath }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp();
  // Who is working, at the header's end.
  const menuButton = page.getByRole('button', { name: `${E2E_USER}, administratör` });
  await menuButton.click();
  await page.getByRole('link', { name: 'Användare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();

  await page.getByRole('button', { name: 'Ny användare' }).click();
  await expect(page.getByLabel('Namn')).toBeFocused();
  // Bad input is told at its field, and nothing is saved.
  await page.getByLabel('Namn').fill('Hanna Handläggarsson');
  await page.getByLabel('Initialer').fill('HH');
  await page.getByLabel('PIN-kod (valfri)').fill('12');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByLabel('PIN-kod (valfri)')).toHaveAccessibleDescription(/PIN-koden ska vara 4–8 siffror\./);
  await page.getByLabel('PIN-kod (valfri)').fill('4711');
  await page.getByLabel('Enheter').fill('Barn och unga, Familjehemsenheten');
  await page.getByRole('button', { name: 'Spara' }).click();
  const row = page.getByRole('row', { name: /Hanna Handläggarsson/ });
  await expect(row).toContainText('Handläggare');
  await expect(row).toContainText('Barn och unga, Familjehemsenheten');
  await expect(row).toContainText('Ja');
  await expectAccessible(page);
  await screenshot(page, 'anvandare');

  // Byt användare: "Vem arbetar?" again; Hanna has a PIN.
  await menuButton.click();
  await page.getByRole('button', { name: 'Byt användare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vem arbetar?' })).toBeVisible();
  await screenshot(page, 'vem-arbetar');
  await page.getByRole('button', { name: /Hanna Handläggarsson/ }).click();
  await page.getByLabel('PIN-kod').fill('1234');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByLabel('PIN-kod')).toHaveAccessibleDescription('Fel PIN-kod.');
  await page.getByLabel('PIN-kod').fill('4711');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: 'Hanna Handläggarsson, handläggare' })).toBeVisible();

  // A handläggare may read the rules but not change them: main refuses, whatever the page shows.
  const refused = await withServices(databasePath, async (services) => {
    const users = await services.users.list();
    return users.map((u) => u.name);
  });
  expect(refused).toEqual(['Hanna Handläggarsson', E2E_USER]);
  await page.getByRole('link', { name: /^Regler/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regler' })).toBeVisible();
  // The users page is not offered to a handläggare.
  await page.getByRole('button', { name: 'Hanna Handläggarsson, handläggare' }).click();
  await expect(page.getByRole('link', { name: 'Användare' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Everything above is in the log, in an intact chain: the sign-ins, the refused PIN, the new user.
  const log = await withServices(databasePath, async (services) => ({
    actions: (await services.users.accessLog({ offset: 0, limit: 500 })).rows.map((r) => `${r.action}:${r.entity ?? ''}`),
    status: await services.users.verifyAccessLog(),
  }));
  expect(log.actions).toEqual(expect.arrayContaining(['sign-in:users', 'refused:users', 'insert:users']));
  expect(log.status.intact).toBe(true);
});

test('the first start asks for the first administratör, and a second register user signs in by name', async ({ page, host, databasePath }) => {
  // The fixture's register has one user; a register without any shows "Välkommen" (start.spec).
  await page.goto(host.url);
  await signIn(page);
  await expect(page.getByRole('button', { name: `${E2E_USER}, administratör` })).toBeVisible();
  const users = await withServices(databasePath, (services) => services.users.list());
  expect(users.map((u) => [u.name, u.role, u.active])).toEqual([[E2E_USER, 'administrator', true]]);
});
