import net from 'node:net';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { closeToasts, E2E_USER, expect, expectAccessible, screenshot, signIn, test, toast, TODAY, withServices } from './fixtures';

/**
 * Registerval (issue 18): an administratör chooses which register this computer opens, tests the
 * connection to the shared register before saving, and is told at the field what is wrong. In the
 * browser host the choice is saved for the desktop app; the host keeps the register it was started
 * with, and says so.
 */
const adminUrl = process.env.PLACERINGSKOLLEN_TEST_PG ?? null;

async function gotoRegisterChoice(page: Page) {
  await page.getByRole('button', { name: new RegExp(E2E_USER) }).click();
  await page.getByRole('link', { name: 'Registerval', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registerval' })).toBeVisible();
}

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
  await gotoRegisterChoice(page);
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

test.describe('with a PostgreSQL server', () => {
  test.skip(adminUrl === null, 'PostgreSQL-delen körs bara med PLACERINGSKOLLEN_TEST_PG (som .ci/run sätter).');
  // A name of this spec's own: other specs run against the same server at the same time.
  const name = 'pk_e2e_regval';
  let admin: pg.Client;

  test.beforeEach(async () => {
    admin = new pg.Client({ connectionString: adminUrl!.replace(/[?&]sslmode=disable/, '') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  });

  test.afterEach(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test('the connection is tested, a wrong password is said at its field, and the choice is saved', async ({ page, openApp }) => {
    const url = new URL(adminUrl!);
    await openApp();
    await gotoRegisterChoice(page);
    await page.getByRole('radio', { name: 'Gemensamt register (PostgreSQL)' }).check();
    await page.getByLabel('Server', { exact: true }).fill(url.hostname);
    await page.getByLabel('Port', { exact: true }).fill(url.port || '5432');
    await page.getByLabel('Databas', { exact: true }).fill(name);
    await page.getByLabel('Användare', { exact: true }).fill(decodeURIComponent(url.username));
    await page.getByRole('checkbox', { name: /Okrypterad anslutning/ }).check();

    await page.getByLabel('Lösenord', { exact: true }).fill('fel-lösenord');
    await page.getByRole('button', { name: 'Testa anslutningen' }).click();
    await expect(page.getByLabel('Lösenord', { exact: true })).toHaveAccessibleDescription(/Inloggningen till det gemensamma registret nekades/);

    await page.getByLabel('Lösenord', { exact: true }).fill(decodeURIComponent(url.password));
    await page.getByRole('button', { name: 'Testa anslutningen' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Anslutningen fungerar.' });
    await expect(result).toContainText(`Databasen känner dig som ${decodeURIComponent(url.username)}.`);
    await expect(result).toContainText(`Databasen ${name} är tom`);
    await expect(page.getByLabel('Lösenord', { exact: true })).not.toHaveAttribute('aria-invalid');
    await expectAccessible(page);
    // Tall enough for the whole page, from its title to the result and the buttons.
    for (const width of [1024, 1280]) {
      await page.setViewportSize({ width, height: 1240 });
      await page.getByLabel('Lösenord', { exact: true }).blur();
      await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `registerval-${width}`);
    }

    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(toast(page)).toContainText('Valet är sparat. Skrivbordsappen på den här datorn öppnar det gemensamma registret nästa gång den startar.');
    await closeToasts(page);
    // Read back: the fields as saved, never the password; the host still has its own register open.
    await expect(page.getByRole('radio', { name: 'Gemensamt register (PostgreSQL)' })).toBeChecked();
    await expect(page.getByLabel('Databas', { exact: true })).toHaveValue(name);
    await expect(page.getByLabel('Lösenord', { exact: true })).toHaveValue('');
    await expect(page.getByText('Lokalt register:')).toBeVisible();

    // The change is in the access log, without the password.
    await page.getByRole('button', { name: new RegExp(E2E_USER) }).click();
    await page.getByRole('link', { name: 'Logg', exact: true }).click();
    await expect(page.getByRole('main')).toContainText('Spara vilket register datorn öppnar');
  });
});
