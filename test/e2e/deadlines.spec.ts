import type { Page } from '@playwright/test';
import { dataRows, expect, expectEveryCell, expectAccessible, grid, menuItem, screenshot, test, toast, TODAY, withServices } from './fixtures';

const statusButton = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Visa bevakningar' }).getByRole('button', { name: new RegExp(`^\\d+ ${name}`) });
const rowsWith = (page: Page, text: string) => dataRows(page).filter({ hasText: text });
/** The grid's rows shown, drawn or not (the grid draws only what fits): its aria-rowcount less the header. */
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;

test('the bevakningslista with the demo data: counts match, filters narrow, a row opens its placement', async ({ page, openApp, databasePath }) => {
  await openApp();
  // An empty register: the start screen says so and offers a start, with a home (a placement needs one).
  await expect(page.getByRole('heading', { level: 1, name: 'Inga öppna bevakningar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nytt hem' })).toBeVisible();
  await expect(menuItem(page, 'Bevakning')).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Ladda exempeldata' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await expect(grid(page)).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Bevakning' })).toBeVisible();

  // The same numbers as the service computes for the day, in the menu, on the buttons and as rows.
  const overview = await withServices(databasePath, (services) => services.deadlines.overview(TODAY));
  const { overdue, dueSoon, upcoming } = overview.counts;
  expect(overdue).toBeGreaterThan(0);
  expect(dueSoon).toBeGreaterThan(0);
  await expect(menuItem(page, 'Bevakning')).toHaveAccessibleName(`Bevakning ${overdue} försenade ${dueSoon} snart`);
  await expect(statusButton(page, 'Försenade')).toHaveAccessibleName(`${overdue} Försenade`);
  await expect(statusButton(page, 'Snart')).toHaveAccessibleName(`${dueSoon} Snart (inom 30 dagar)`);
  await expect(statusButton(page, 'Kommande')).toHaveAccessibleName(`${upcoming} Kommande`);
  // The re-checks of foster-home adults are listed too, but counted by Kontroller, not here.
  const rechecks = overview.rows.filter((row) => row.rule === 'registerkontroll-fortlopande');
  const rechecksWith = (status: string) => rechecks.filter((row) => row.status === status).length;
  expect(rechecks.length).toBeGreaterThan(0);
  expect(overview.rows.length).toBe(overdue + dueSoon + upcoming + rechecks.length);
  await expect.poll(() => rowCount(page)).toBe(overview.rows.length);
  // The demo's list fits one page (of 100): no pager under it, the count above says it all.
  expect(overview.rows.length).toBeLessThanOrEqual(100);
  await expect(page.getByRole('navigation', { name: 'Sidor i bevakningslistan' })).toHaveCount(0);
  await expect(
    page.getByText(`${overdue + dueSoon + upcoming} bevakningar visas, och ${rechecks.length} fortlöpande registerkontroller som räknas under Kontroller`),
  ).toBeVisible();

  await statusButton(page, 'Försenade').click();
  await expect(statusButton(page, 'Försenade')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => rowCount(page)).toBe(overdue + rechecksWith('overdue'));
  // Never colour alone: every row says its status in words.
  await expectEveryCell(page, 'status', (status) => status === 'Försenad');
  await statusButton(page, 'Snart').click();
  await expect.poll(() => rowCount(page)).toBe(dueSoon + rechecksWith('due-soon'));
  await statusButton(page, 'Alla').click();

  // What a row tells: the rule, why, the law, what it is counted from, whose and where.
  const barnsamtal = rowsWith(page, 'Bilal Exempelstam').filter({ hasText: 'Enskilt samtal med barnet' });
  await expect(barnsamtal).toHaveCount(1);
  await expect(barnsamtal).toContainText('Försenad');
  await expect(barnsamtal).toContainText(/\d+ dagar sedan/);
  await expect(barnsamtal).toContainText('Socialsekreteraren bör samtala enskilt med barnet minst var 3:e månad.');
  await expect(barnsamtal).toContainText('Socialstyrelsens allmänna råd');
  await expect(barnsamtal).toContainText('Räknat från: senast gjort');
  await expect(barnsamtal).toContainText('Statens exempelhem');
  await expect(barnsamtal).toContainText('Handläggare Exempel B');
  // The jourhem overrun with särskilda skäl says so beside the deadline.
  await expect(rowsWith(page, 'Elin Exempelvik').filter({ hasText: 'Tidsgräns i jourhem' })).toContainText('Särskilda skäl dokumenterade');
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await expectAccessible(page);
  await screenshot(page, 'bevakningslista');

  // Filters: per handläggare, per enhet, per regel, and the quick search; the counts follow.
  const byCaseworker = overview.rows.filter((row) => row.caseworkers.includes('Handläggare Exempel C'));
  await page.getByLabel('Handläggare').selectOption('Handläggare Exempel C');
  await expect.poll(() => rowCount(page)).toBe(byCaseworker.length);
  await expect(statusButton(page, 'Alla')).toHaveAccessibleName(`${byCaseworker.length} Alla`);
  await expectEveryCell(page, 'child', (text) => text.includes('Filip Exempelås'));
  await page.getByLabel('Handläggare').selectOption('');

  await page.getByLabel('Enhet').selectOption('Barn och unga Syd');
  await expect.poll(() => rowCount(page)).toBe(overview.rows.filter((row) => row.units.includes('Barn och unga Syd')).length);
  await page.getByLabel('Regel').selectOption({ label: 'Enskilt samtal med barnet' });
  const syd = overview.rows.filter((row) => row.units.includes('Barn och unga Syd') && row.rule === 'barnsamtal');
  await expect.poll(() => rowCount(page)).toBe(syd.length);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(page.getByLabel('Enhet')).toHaveValue('');
  await expect.poll(() => rowCount(page)).toBe(overview.rows.length);

  // A protected identity is masked in the list: the quick search finds the label, never the name.
  await page.getByLabel('Sök').fill('skyddad');
  await expect(rowsWith(page, 'Skyddad identitet').first()).toBeVisible();
  await page.getByLabel('Sök').fill('G. E.');
  await expect.poll(() => rowCount(page)).toBe(0);
  await expect(page.getByText('Inga bevakningar matchar sökningen eller filtren.')).toBeVisible();

  await page.getByLabel('Sök').fill('bilal');
  await expect.poll(() => rowCount(page)).toBe(overview.rows.filter((row) => row.childLabel === 'Bilal Exempelstam').length);

  // A row opens its placement (the menu marks where it came from); back, the list is as it was.
  await barnsamtal.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilal Exempelstam' })).toBeVisible();
  await expect(menuItem(page, 'Bevakning')).toHaveAttribute('aria-current', 'true');
  await menuItem(page, 'Bevakning').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await expect(page.getByLabel('Sök')).toHaveValue('bilal');
});

test('an empty register: the start page says a home comes first and leads to the new home; with homes, to Placeringar', async ({ page, openApp, databasePath }) => {
  await openApp();
  const empty = page.getByRole('region', { name: 'Inga öppna bevakningar' });
  await expect(empty).toBeVisible();
  // A placement is made in a home: the register's first home comes before any placement.
  await expect(empty).toContainText('En placering görs alltid i ett hem, så börja med att lägga in hemmet i registret.');
  await expect(empty).not.toContainText('Börja med att lägga in en placering');
  await expect(empty.getByRole('button', { name: 'Gå till Placeringar' })).toHaveCount(0);
  await expect(empty.getByRole('button', { name: 'Ladda exempeldata' })).toBeVisible();
  await expectAccessible(page);
  await empty.getByRole('button', { name: 'Nytt hem' }).click();
  await expect(page.locator('#panel-title')).toHaveText('Nytt hem');
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  expect(new URL(page.url()).hash).toBe('#/register/nytt');

  // Once there is a home but nothing to watch yet, the next step is a placement.
  await withServices(databasePath, (services) =>
    services.homes.save({
      kind: 'familjehem', name: 'Familjen Startberg', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 1, targetGroup: null, agency: null, persons: [],
    }),
  );
  await page.keyboard.press('Escape');
  await menuItem(page, 'Bevakning').click();
  await page.reload();
  await expect(empty).toContainText('just nu finns inget att bevaka');
  await expect(empty.getByRole('button', { name: 'Gå till Placeringar' })).toBeVisible();
  await expect(empty.getByRole('button', { name: 'Nytt hem' })).toHaveCount(0);
});

test('keyboard: the menu, the status buttons and the grid are reachable, and Enter on a row opens the placement', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, (services) => services.demo.load(TODAY));
  await openApp();
  await expect(grid(page)).toBeVisible();

  // The menu is links in the tab order.
  await menuItem(page, 'Bevakning').focus();
  await page.keyboard.press('Tab');
  await expect(menuItem(page, 'Placeringar')).toBeFocused();
  await page.keyboard.press('Shift+Tab');

  // The status buttons are toggles: Space shows only the overdue, and says so.
  await statusButton(page, 'Försenade').focus();
  await page.keyboard.press('Space');
  await expect(statusButton(page, 'Försenade')).toHaveAttribute('aria-pressed', 'true');
  await expect(statusButton(page, 'Alla')).toHaveAttribute('aria-pressed', 'false');

  // A placement's deadline: a register re-check (also overdue in the demo) opens its home instead.
  await page.getByLabel('Regel').selectOption({ label: 'Enskilt samtal med barnet' });
  // The filtered answer comes from main: wait until the grid shows only that rule.
  await expect(dataRows(page).locator('[col-id="title"]').filter({ hasNotText: 'Enskilt samtal med barnet' })).toHaveCount(0);
  await expect(dataRows(page).first()).toBeVisible();
  // The toolbar's last control, Exportera, comes just before the grid.
  await page.getByRole('button', { name: 'Rensa filter' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Exportera/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const theGrid = page.getByRole('grid', { name: 'Bevakning' });
  await expect(theGrid.getByRole('columnheader', { name: /Status/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  // The grid is sorted by date, the earliest first: that row's child is the one opened.
  const child = (await dataRows(page).first().locator('[col-id="child"] .cell-stack__line').first().textContent()) ?? '';
  expect(child).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: child })).toBeVisible();
  await expect(page.locator('#placement-title')).toBeVisible();
});

test('a deadline of a home opens the home in the register, and the IVO-anmälan recorded there ends it', async ({ page, openApp, databasePath }) => {
  // Four children in one familjehem from the same day: more than three must be reported to IVO.
  await withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'familjehem', name: 'Familjen Provberg', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 4, targetGroup: null, agency: null, persons: [],
    });
    for (const [index, name] of ['Tova Provsdotter', 'Ville Provsson', 'Wilma Provsdotter', 'Xander Provsson'].entries()) {
      const child = await services.placements.saveChild({ name, birthDate: `201${index}-03-04`, personnummer: null, protectedIdentity: false });
      await services.placements.savePlacement({
        childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
        caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
        stays: [{ homeId: home.id, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
      });
    }
  });
  await openApp();
  const ivo = rowsWith(page, 'Anmälan till IVO: fler än tre barn i hemmet');
  await expect(ivo).toHaveCount(1);
  await expect(ivo).toContainText('Gäller hemmet');
  await expect(ivo).toContainText('Familjen Provberg');
  await expect(ivo).toContainText('SoF 16 kap. 2 §');
  await ivo.click();

  // The register, with the home's panel open.
  await expect(menuItem(page, 'Register')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#panel-title')).toHaveText('Familjen Provberg');
  const events = page.getByRole('group', { name: 'Anmälningar och tillsyn' });
  await expect(events).toContainText('Inget registrerat för hemmet.');
  await events.getByRole('button', { name: 'Registrera IVO-anmälan (fler än tre barn)' }).click();
  await expect(events.getByLabel('Datum')).toHaveValue(TODAY);
  await expect(events.getByLabel('Datum')).toBeFocused();
  await expectAccessible(page);
  await events.getByRole('button', { name: 'Spara' }).click();
  await expect(toast(page)).toContainText(`IVO-anmälan: fler än tre barn ${TODAY} är registrerad.`);
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(events.getByRole('listitem')).toContainText('IVO-anmälan: fler än tre barn');
  await screenshot(page, 'hem-ivo-anmalan');

  // Removed by mistake: Ångra brings it back.
  await events.getByRole('button', { name: `Ta bort IVO-anmälan: fler än tre barn ${TODAY}` }).click();
  await expect(events).toContainText('Inget registrerat för hemmet.');
  await toast(page).getByRole('button', { name: 'Ångra' }).click();
  await expect(toast(page)).toContainText('är registrerad igen.');
  await expect(events.getByRole('listitem')).toHaveCount(1);

  // Enter in the event's date saves the event, never the home's form around it.
  await events.getByRole('button', { name: 'Registrera IVO-tillsyn' }).click();
  await events.getByLabel('Datum').fill('2026-13-01');
  await events.getByLabel('Datum').press('Enter');
  await expect(events.getByLabel('Datum')).toHaveAttribute('aria-invalid', 'true');
  await expect(events.getByLabel('Datum')).toHaveAccessibleDescription('Det datumet finns inte i kalendern.');
  await events.getByLabel('Datum').fill('2026-11-20');
  await events.getByLabel('Datum').press('Enter');
  await expect(events.getByRole('listitem')).toHaveCount(2);
  await expect(events.getByRole('listitem').first()).toContainText('2026-11-22');

  // The deadline is met: gone from the list and from the menu's counts.
  await menuItem(page, 'Bevakning').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bevakning' })).toBeVisible();
  await expect(rowsWith(page, 'Anmälan till IVO')).toHaveCount(0);
});
