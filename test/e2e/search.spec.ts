/**
 * Issue 13: the searches a case worker tried in the first hour. The register finds "exempelsson
 * anna" (words in any order); Placeringar finds a child by personnummer in any of its forms, but
 * never a protected child by its name, birth date or personnummer; the personnummer field takes
 * 10 and 12 digits without a hyphen. Fictional homes and children, test personnummer.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoRegister, loadDemo, mainMenu, shownNames, test, toast, withServices } from './fixtures';

async function gotoPlacements(page: Page) {
  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Placeringar|Inga placeringar ännu/ })).toBeVisible();
}

/** The children of the rows the list of placements shows. */
const shownChildren = (page: Page) => page.getByRole('grid', { name: 'Placeringar' }).locator('[role="gridcell"][col-id="child"]').allTextContents();

test('the register search takes words in any order: "exempelsson anna" finds Anna Exempelsson’s home', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const search = page.getByLabel('Sök');
  await search.fill('exempelsson anna');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelsson']);
  await search.fill('Anna  EXEMPELSSON');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelsson']);
  // A word in the kommun and one in the name.
  await search.fill('timrå östergårdens');
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
  await search.fill('exempelsson stockholm');
  await expect(page.getByText('0 hem visas')).toBeVisible();
});

test('Placeringar finds a child by personnummer with or without hyphen, 10 or 12 digits; never a protected one', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services) => {
    const ek = await services.homes.save({
      kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 2, targetGroup: null, agency: null, persons: [],
    });
    const child = await services.placements.saveChild({ name: 'Greta Hemligsson', birthDate: '2008-02-29', personnummer: '20080229-2383', protectedIdentity: true });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'LVU2', decidedOn: '2026-05-02', startedOn: '2026-05-04', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: null,
      stays: [{ homeId: ek.id, from: '2026-05-04', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  await gotoPlacements(page);

  // A new child with its personnummer typed as 12 digits without a hyphen: taken, and stored as ÅÅÅÅMMDD-NNNN.
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const form = page.getByRole('region', { name: 'Ny placering' });
  await form.getByRole('radio', { name: 'Nytt barn' }).check();
  await form.getByLabel('Namn eller initialer').fill('Tova Provsdotter');
  await form.getByLabel('Födelsedatum').fill('2012-03-04');
  await expect(form.getByLabel('Personnummer')).toHaveAccessibleDescription('Frivilligt. Med eller utan bindestreck.');
  await form.getByLabel('Personnummer').fill('201203042385');
  await form.getByLabel('Lagrum').selectOption({ label: 'SoL' });
  await form.getByLabel('Beslutsdatum').fill('2026-09-28');
  await form.getByLabel('Startdatum (verkställd)').fill('2026-10-01');
  await form.getByLabel('Handläggare').fill('Saga Handläggarsson');
  await form.getByRole('combobox', { name: /^Hem\b/ }).selectOption({ label: 'Familjen Ek (Familjehem, Sundsvall)' });
  await form.getByRole('button', { name: 'Spara placeringen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tova Provsdotter' })).toBeVisible();
  await expect(toast(page)).toContainText('Placeringen för Tova Provsdotter är sparad.');
  await expect(page.locator('.facts')).toContainText('20120304-2385');

  await gotoPlacements(page);
  const search = page.getByLabel('Sök');
  await expect.poll(async () => (await shownChildren(page)).sort()).toEqual(['Skyddad identitet (f. 2008)', 'Tova Provsdotter']);
  for (const query of ['20120304-2385', '201203042385', '120304-2385', '1203042385', 'provsdotter tova']) {
    await search.fill(query);
    await expect.poll(() => shownChildren(page), query).toEqual(['Tova Provsdotter']);
  }

  // The protected child: not by its name, birth date or personnummer in any form, only by what the list shows.
  for (const query of ['Greta', '20080229-2383', '200802292383', '080229-2383', '0802292383', '2008-02-29']) {
    await search.fill(query);
    await expect(page.getByText('Inga placeringar matchar sökningen.'), query).toBeVisible();
  }
  await search.fill('skyddad handläggarsson');
  await expect.poll(() => shownChildren(page)).toEqual(['Skyddad identitet (f. 2008)']);
  await expectAccessible(page);
});
