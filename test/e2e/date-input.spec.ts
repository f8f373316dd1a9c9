import type { Page } from '@playwright/test';
import { expect, expectAccessible, mainMenu, test, toast, TODAY, withServices } from './fixtures';

// The browser's locale decides how an <input type="date"> looks (mm/dd/yyyy in American English)
// and what it takes; the app's date fields must look and work the same in any browser.
test.use({ locale: 'en-US' });

const deadline = (page: Page, title: string) =>
  page.getByRole('region', { name: /Bevakningar/ }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test('under an English browser a date field shows and takes ÅÅÅÅ-MM-DD, and refuses a day that does not exist, in Swedish', async ({
  page,
  openApp,
  databasePath,
}) => {
  await withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'familjehem',
      name: 'Familjen Provberg',
      orgNr: null,
      operator: null,
      municipality: 'Sundsvall',
      capacity: 2,
      targetGroup: null,
      agency: null,
      persons: [],
    });
    const child = await services.placements.saveChild({ name: 'Tova Provsdotter', birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id,
      legalBasis: 'SoL',
      decidedOn: '2026-09-28',
      startedOn: '2026-10-01',
      endedOn: null,
      endReason: null,
      caseworker: 'Saga Handläggarsson',
      unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
  await openApp();
  // The locale is in force: the browser itself writes this day the American way.
  expect(await page.evaluate(() => [navigator.language, new Date(2026, 10, 22).toLocaleDateString()])).toEqual(['en-US', '11/22/2026']);

  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await page.getByRole('link', { name: 'Tova Provsdotter' }).click();
  await deadline(page, 'Vårdplan').getByRole('button', { name: 'Registrera vårdplan' }).click();
  const form = page.getByRole('form', { name: 'Registrera vårdplan' });
  const date = form.getByLabel('Datum');

  // Shown as ÅÅÅÅ-MM-DD, in a plain text field that tells its format.
  await expect(date).toHaveAttribute('type', 'text');
  await expect(date).toHaveValue(TODAY);
  await expect(date).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  await expect(date).toHaveAccessibleDescription('Skriv år-månad-dag med siffror, till exempel 2026-11-22.');

  // Typed key by key: 30 February is refused at the field as soon as the field is left.
  await date.selectText();
  await date.pressSequentially('2026-02-30');
  await expect(date).toHaveValue('2026-02-30');
  await date.press('Tab');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('Det datumet finns inte i kalendern.');
  await expect(form.getByText('Det datumet finns inte i kalendern.')).toBeVisible();
  await expectAccessible(page);

  // Put right, the message goes at once; a date in another shape is asked for as ÅÅÅÅ-MM-DD.
  await date.fill('2026-02-28');
  await expect(date).not.toHaveAttribute('aria-invalid');
  await expect(form.getByText('Det datumet finns inte i kalendern.')).toHaveCount(0);
  await date.fill('11/20/2026');
  await date.press('Tab');
  await expect(date).toHaveAccessibleDescription('Ange datumet som ÅÅÅÅ-MM-DD.');

  // Saved with Enter, never leaving the field: the service refuses it in the same words, at the field.
  await date.fill('2026-02-30');
  await date.press('Enter');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('Det datumet finns inte i kalendern.');
  await expect(form.getByText('Det datumet finns inte i kalendern.')).toHaveCount(1);
  await expect(deadline(page, 'Vårdplan')).toHaveCount(1);

  await date.fill('2026-11-20');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(toast(page)).toContainText('Registrerat: Vårdplan 2026-11-20.');
  await expect(deadline(page, 'Vårdplan')).toHaveCount(0);

  // No field of the app is a browser date field: the new placement's dates are text fields too.
  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  const newPlacement = page.getByRole('region', { name: 'Ny placering' });
  await newPlacement.getByRole('radio', { name: 'Nytt barn' }).check();
  for (const label of ['Födelsedatum', 'Beslutsdatum', 'Startdatum (verkställd)']) {
    await expect(newPlacement.getByLabel(label), label).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  }
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
});
