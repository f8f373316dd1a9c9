import net from 'node:net';
import { E2E_USER, expect, openRegisterChoice, signIn, test, TODAY, withServices } from './fixtures';

/**
 * Registerval (issue 18): an administratör chooses which register this computer opens, tests the
 * connection to the shared register before saving, and is told at the field what is wrong. In the
 * browser host the choice is saved for the desktop app; the host keeps the register it was started
 * with, and says so. The test against a real server is register-choice.pg.spec.ts.
 */
/** A port on this computer where nothing listens: it was free a moment ago. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('the fields say what is wrong, next to the field, before anything is saved', async ({ page, openApp }) => {
  await openApp();
  await openRegisterChoice(page);
  await expect(page.getByText('Lokalt register:')).toBeVisible();
  await expect(page.getByText(/Webbläsarläget öppnar det register som anges när det startas/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Lokalt register på den här datorn' })).toBeChecked();

  // Keyboard only: to the second choice with the arrow key, as radio buttons go.
  await page.getByRole('radio', { name: 'Lokalt register på den här datorn' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Gemensamt register (PostgreSQL)' })).toBeChecked();
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('5432');
  await expect(page.getByLabel('Lösenord', { exact: true })).toHaveAccessibleDescription(/sparas bara i skrivbordsappen.*PGPASSWORD/);

  await page.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(page.getByLabel('Server', { exact: true })).toHaveAccessibleDescription(/Ange databasserverns namn\./);
  await expect(page.getByLabel('Server', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Server', { exact: true }).fill('db.exempelkommun.se/placeringskollen');
  await page.getByLabel('Port', { exact: true }).fill('femtiofyra');
  await page.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(page.getByLabel('Port', { exact: true })).toHaveAccessibleDescription(/Porten ska vara ett heltal 1–65535/);
  await page.getByLabel('Port', { exact: true }).fill('5432');
  await page.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(page.getByLabel('Server', { exact: true })).toHaveAccessibleDescription(/inget servernamn/);

  // Nothing listens on this port of this computer: said at Server, in Swedish.
  const port = await closedPort();
  await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByLabel('Databas', { exact: true }).fill('placeringskollen');
  await page.getByLabel('Användare', { exact: true }).fill('anna_provsson');
  await expect(page.getByRole('checkbox', { name: /Okrypterad anslutning/ })).toBeVisible();
  await page.getByRole('checkbox', { name: /Okrypterad anslutning/ }).check();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByLabel('Server', { exact: true })).toHaveAccessibleDescription(new RegExp(`Databasservern 127\\.0\\.0\\.1:${port} tar inte emot anslutningar`));

  // Unencrypted is offered only for this computer: a server on the network gets no such box.
  await page.getByLabel('Server', { exact: true }).fill('db.exempelkommun.se');
  await expect(page.getByRole('checkbox', { name: /Okrypterad anslutning/ })).toHaveCount(0);
  await expect(page.getByText('Lokalt register:')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/undefined|null|ECONNREFUSED|Error/);

  // Nothing is saved yet: leaving asks first, and names this page's form.
  await page.getByRole('button', { name: new RegExp(E2E_USER) }).click();
  await page.getByRole('link', { name: 'Logg', exact: true }).click();
  const leave = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await expect(leave).toContainText('Du har ändringar i registervalet som inte är sparade.');
  await leave.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(page.getByLabel('Server', { exact: true })).toHaveValue('db.exempelkommun.se');
});

test('a handläggare is told the choice is an administratör’s', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await withServices(databasePath, (services) =>
    services.users.insert({ name: 'Saga Handläggarsson', initials: 'SH', role: 'handlaggare', units: ['Barn och unga'], active: true, pin: null }),
  );
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(host.url);
  await signIn(page, 'Saga Handläggarsson');
  await page.getByRole('button', { name: /Saga Handläggarsson/ }).click();
  await expect(page.getByRole('button', { name: 'Byt användare' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Registerval' })).toHaveCount(0);
  // The address alone leads to a refusal, not to the form (and main refuses the channels too).
  await page.evaluate(() => (window.location.hash = '#/registerval'));
  await expect(page.getByRole('heading', { level: 1, name: 'Registerval' })).toBeVisible();
  await expect(page.getByText('Vilket register datorn öppnar väljs av en administratör.')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
});
