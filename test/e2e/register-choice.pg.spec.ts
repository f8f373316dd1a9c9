import pg from 'pg';
import { CREATE_DATABASE_OPTIONS } from '../pg-database';
import { closeToasts, E2E_USER, expect, expectAccessible, openRegisterChoice, screenshot, test, toast } from './fixtures';
import { pgAdminUrl } from './pg';

/**
 * Registerval against a real PostgreSQL server (issue 18): the connection tested, a wrong password
 * said at its field, the choice saved and logged without the password. Run only where the suite
 * has a server (PLACERINGSKOLLEN_TEST_PG, as .ci/run sets it; playwright.config.ts).
 */
const adminUrl = pgAdminUrl();

test.describe('with a PostgreSQL server', () => {
  // A name of this spec's own: other specs run against the same server at the same time.
  const name = 'pk_e2e_regval';
  let admin: pg.Client;

  test.beforeEach(async () => {
    admin = new pg.Client({ connectionString: adminUrl.replace(/[?&]sslmode=disable/, '') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`);
  });

  test.afterEach(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test('the connection is tested, a wrong password is said at its field, and the choice is saved', async ({ page, openApp }) => {
    const url = new URL(adminUrl);
    await openApp();
    await openRegisterChoice(page);
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
