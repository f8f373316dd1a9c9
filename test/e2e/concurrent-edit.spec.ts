import type { Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { createServices } from '../../main/services';
import { testClock } from '../clock';
import { saveInputOf } from '../home-input';
import { expect, gotoRegister, openHome, screenshot, test, toast } from './fixtures';

/**
 * A colleague saves the home in another program while the user has it open (issue 18): the user's
 * save is refused with who and when, the two versions side by side, and the user chooses.
 */
const NAME = 'Familjen Exempelsson';

async function seedHome(databasePath: string): Promise<void> {
  const connection = await openDatabase(databasePath);
  try {
    await createServices(connection.db, { clock: testClock() }).homes.save({
      kind: 'familjehem',
      name: NAME,
      orgNr: null,
      operator: null,
      municipality: 'Sundsvall',
      capacity: 1,
      targetGroup: null,
      agency: null,
      persons: [{ name: 'Anna Exempelsson', role: 'uppdragstagare', birthYear: 1980 }],
    });
  } finally {
    await connection.close();
  }
}

/** Sara Kollega saves the home from another program, at 10:42 on the tests' day. */
async function colleagueSaves(databasePath: string, change: { capacity: number; agency: string }): Promise<void> {
  const connection = await openDatabase(databasePath);
  try {
    const services = createServices(connection.db, { clock: testClock('2026-11-22T09:42:00.000Z') });
    const sara = await services.users.insert({ name: 'Sara Kollega', initials: 'SK', role: 'handlaggare', units: [], active: true, pin: null });
    const home = (await services.homes.list({})).find((row) => row.name === NAME)!;
    const stored = await services.homes.get(home.id);
    await services.accessLog.within({ userId: sara, channel: 'saveHome', at: '2026-11-22T09:42:00.000Z', rowChanges: true }, () =>
      services.homes.save({ ...saveInputOf(stored), ...change }),
    );
  } finally {
    await connection.close();
  }
}

/** The user opens the home and types 3 places; Sara Kollega saves 2 places and an agency meanwhile; the user saves. */
async function saveAfterColleague(page: Page, openApp: () => Promise<void>, databasePath: string): Promise<void> {
  await seedHome(databasePath);
  await openApp();
  await gotoRegister(page);
  await openHome(page, NAME);
  await page.getByLabel('Antal platser').fill('3');
  await colleagueSaves(databasePath, { capacity: 2, agency: 'Konsulentstöd Exempel AB' });
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
}

test('a save over a colleague’s newer version is refused with both versions, and the user chooses', async ({ page, openApp, databasePath }) => {
  await saveAfterColleague(page, openApp, databasePath);

  const conflict = page.getByRole('region', { name: /^Sara Kollega sparade hemmet/ });
  await expect(page.locator('#conflict-title')).toHaveText(/^Sara Kollega sparade hemmet 22 november 2026 kl\. \d\d:42 medan du redigerade$/);
  await expect(page.locator('#conflict-title')).toBeFocused();
  const row = (label: string) => conflict.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('Antal platser')).toContainText('3');
  await expect(row('Antal platser')).toContainText('2');
  await expect(row('Konsulentverksamhet')).toContainText('(tomt)');
  await expect(row('Konsulentverksamhet')).toContainText('Konsulentstöd Exempel AB');
  await expect(conflict.getByRole('row', { name: /^Namn/ })).toHaveCount(0);
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `samtidig-andring-${width}`);
  }

  // The colleague's version: the form shows it, nothing of the user's is saved.
  await conflict.getByRole('button', { name: 'Använd den sparade versionen' }).click();
  await expect(page.getByLabel('Antal platser')).toHaveValue('2');
  await expect(page.getByLabel('Konsulentverksamhet')).toHaveValue('Konsulentstöd Exempel AB');
  await expect(page.locator('#conflict-title')).toHaveCount(0);

  // From the version now shown, a save goes through.
  await page.getByLabel('Antal platser').fill('4');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(toast(page)).toContainText(`Hemmet ”${NAME}” är sparat.`);
});

test('“Spara min version” saves the user’s version over the colleague’s, once it has been seen', async ({ page, openApp, databasePath }) => {
  await saveAfterColleague(page, openApp, databasePath);
  await page.getByRole('button', { name: 'Spara min version' }).click();
  await expect(toast(page)).toContainText(`Hemmet ”${NAME}” är sparat.`);
  await expect(page.getByLabel('Antal platser')).toHaveValue('3');
  await expect(page.getByLabel('Konsulentverksamhet')).toHaveValue('');
  await expect(page.locator('#conflict-title')).toHaveCount(0);
});

/** A placement in the home, straight into the database; returns its id. */
async function seedPlacement(databasePath: string): Promise<string> {
  const connection = await openDatabase(databasePath);
  try {
    const services = createServices(connection.db, { clock: testClock() });
    const home = (await services.homes.list({})).find((row) => row.name === NAME)!;
    const placement = await services.placements.savePlacement({
      newChild: { name: 'Tolvan T.', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false },
      legalBasis: 'SoL',
      decidedOn: '2026-03-01',
      startedOn: '2026-03-02',
      endedOn: null,
      endReason: null,
      caseworker: 'Ulla Provanvändare',
      unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
    return placement.id;
  } finally {
    await connection.close();
  }
}

test('a placement changed by a colleague meanwhile: both versions, and the saved one taken', async ({ page, openApp, databasePath, host }) => {
  await seedHome(databasePath);
  const id = await seedPlacement(databasePath);
  await openApp();
  await page.goto(`${host.url.split("#")[0]}#/placeringar/${id}`);
  await page.getByRole('button', { name: 'Ändra', exact: true }).click();
  const edit = page.getByRole('region', { name: 'Ändra placeringen' });
  await edit.getByLabel('Handläggare').fill('Nils Handläggarsson');

  const connection = await openDatabase(databasePath);
  try {
    const services = createServices(connection.db, { clock: testClock('2026-11-22T09:42:00.000Z') });
    const sara = await services.users.insert({ name: 'Sara Kollega', initials: 'SK', role: 'handlaggare', units: [], active: true, pin: null });
    const stored = await services.placements.getPlacement(id);
    const stays = stored.stays.map((s) => ({ homeId: s.homeId!, from: s.from, to: s.to, decidedOn: s.decidedOn, investigationCompletedOn: s.investigationCompletedOn }));
    await services.accessLog.within({ userId: sara, channel: 'savePlacement', at: '2026-11-22T09:42:00.000Z', rowChanges: true }, () =>
      services.placements.savePlacement({ ...stored, stays, dailyCost: 1850 }),
    );
  } finally {
    await connection.close();
  }

  await edit.getByRole('button', { name: 'Spara ändringar' }).click();
  const conflict = edit.getByRole('region', { name: /^Sara Kollega sparade placeringen/ });
  await expect(page.locator('#conflict-title')).toHaveText(/^Sara Kollega sparade placeringen 22 november 2026 kl\. \d\d:42 medan du redigerade$/);
  await expect(conflict.getByRole('row', { name: /^Handläggare/ })).toContainText('Nils Handläggarsson');
  await expect(conflict.getByRole('row', { name: /^Dygnskostnad/ })).toContainText('1850');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'samtidig-andring-placering');

  await conflict.getByRole('button', { name: 'Använd den sparade versionen' }).click();
  await expect(edit.getByLabel('Handläggare')).toHaveValue('Ulla Provanvändare');
  await edit.getByLabel('Enhet').fill('Familjehemsenheten');
  await edit.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByText('Familjehemsenheten')).toBeVisible();
});

test('what a colleague records appears in the open bevakningslista and its count, without reloading', async ({ page, openApp, databasePath }) => {
  await seedHome(databasePath);
  await openApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Tolvan T.');

  await seedPlacement(databasePath);
  // Asked every few seconds while the window is shown: no reload, no click.
  await expect(page.getByRole('main').getByText('Tolvan T.').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: /^Bevakning \d+ försenade/ })).toBeVisible();
});
