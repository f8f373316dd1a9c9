import path from 'node:path';
import pg from 'pg';
import { startHost, type Host } from '../../main/host/server';
import { clockOnDay } from '../clock';
import { CREATE_DATABASE_OPTIONS } from '../pg-database';
import { closeToasts, dataRows, expect, loadDemo, menuItem, screenshot, test, toast, TODAY } from './fixtures';
import { pgAdminUrl } from './pg';

/**
 * The same app on the unit's shared register (issue 18): the browser host opened at a postgres://
 * address, the first administratör made, the demo register loaded, and the pages a case worker
 * uses worked through, with no error in the console. Run only where the suite has a PostgreSQL
 * server (PLACERINGSKOLLEN_TEST_PG, as .ci/run sets it; playwright.config.ts).
 */
const adminUrl = pgAdminUrl();
const rendererDir = path.resolve('out/renderer');

const shared = test.extend<{ sharedHost: Host }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  sharedHost: async ({}, use) => {
    // A fixed name: the footer shows it, and the pictures must come out the same every run.
    const name = 'pk_e2e_gemensamt';
    const admin = new pg.Client({ connectionString: adminUrl.replace(/[?&]sslmode=disable/, '') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} ${CREATE_DATABASE_OPTIONS}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const host = await startHost({ databasePath: url.toString(), port: 0, rendererDir, clock: clockOnDay(TODAY), backups: false });
    try {
      await use(host);
    } finally {
      await host.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (const role of ['handlaggare', 'enhetschef', 'administrator']) await admin.query(`DROP ROLE IF EXISTS ${name}_${role}`);
      await admin.end();
    }
  },
});

shared('the whole day’s work on the shared register: first start, demo data, lists, a home saved, a placement, the log', async ({ page, sharedHost, pageErrors: _pageErrors }) => {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(sharedHost.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible();
  await page.getByLabel('Namn').fill('Ada Administratörsson');
  await page.getByLabel('Initialer').fill('AA');
  await page.getByRole('button', { name: 'Börja som administratör' }).click();
  await expect(page.getByRole('button', { name: /Ada Administratörsson, administratör/ })).toBeVisible();
  await expect(page.locator('.app-footer')).toContainText('Gemensamt register:');
  await expect(page.locator('.app-footer')).toContainText('Okrypterad anslutning');

  await loadDemo(page);
  await expect(menuItem(page, 'Bevakning')).toContainText(/försenade/);
  await page.setViewportSize({ width: 1280, height: 800 });
  await closeToasts(page);
  await screenshot(page, 'gemensamt-register-bevakning');

  await menuItem(page, 'Placeringar').click();
  await expect(dataRows(page).first()).toBeVisible();
  await dataRows(page).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /Bevakningar/ })).toBeVisible();

  await menuItem(page, 'Register').click();
  await page.getByRole('searchbox').fill('östergård');
  await expect(dataRows(page)).toHaveCount(1);
  await dataRows(page).first().click();
  await page.getByLabel('Antal platser').fill('11');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(toast(page)).toContainText('är sparat');

  for (const item of ['Kontroller', 'Avvikelser', 'Aktgranskning', 'Rapporter', 'Regler']) {
    await menuItem(page, item).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await page.getByRole('button', { name: /Ada Administratörsson/ }).click();
  await page.getByRole('link', { name: 'Säkerhet', exact: true }).click();
  await expect(page.getByRole('main')).toContainText('Görs av databasen');
  await closeToasts(page);
  await screenshot(page, 'gemensamt-register-sakerhet');

  await page.getByRole('button', { name: /Ada Administratörsson/ }).click();
  await page.getByRole('link', { name: 'Logg', exact: true }).click();
  await page.getByRole('button', { name: 'Verifiera loggen' }).click();
  await expect(page.getByText(/Loggen är hel: alla \d+ poster stämmer\./)).toBeVisible();
});
