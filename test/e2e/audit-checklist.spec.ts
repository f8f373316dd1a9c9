/**
 * The audit checklist on the Regler page: the municipality's own copy of rules.md's template,
 * edited (a text changed, an item added and moved, one removed after a question) and saved as
 * version 2 with who and why; a round drawn after it is audited with that version.
 */
import { closeToasts, E2E_USER, expect, expectAccessible, menuItem, screenshot, test, toast, withServices } from './fixtures';

test('the checklist is edited and saved as a new version; a round drawn after it uses that version', async ({ page, openApp, databasePath }) => {
  await openApp();
  await menuItem(page, 'Regler').click();
  const section = page.getByRole('region', { name: 'Checklista för aktgranskning' });
  await expect(section.getByText('Version 1 · mallen, inte ändrad')).toBeVisible();
  await expect(section.getByRole('textbox', { name: /^Punkt \d+$/ })).toHaveCount(17);
  await expect(section.getByText('Registret föreslår svaret utifrån vårdplanen.')).toBeVisible();

  // A text changed, an item added and moved up one step, the last template item removed.
  await section.getByRole('textbox', { name: 'Punkt 1', exact: true }).fill('Beslut om vård finns, i rätt hem, och är delgivet.');
  await section.getByRole('button', { name: 'Lägg till punkt' }).click();
  const added = section.getByRole('textbox', { name: 'Punkt 18', exact: true });
  await expect(added).toBeFocused();
  await added.fill('Umgänget med vårdnadshavarna följs upp.');
  await section.getByRole('button', { name: 'Flytta punkt 18 uppåt' }).click();
  await expect(section.getByRole('textbox', { name: 'Punkt 17', exact: true })).toHaveValue('Umgänget med vårdnadshavarna följs upp.');
  await expect(section.getByRole('textbox', { name: 'Punkt 17', exact: true })).toBeFocused();
  await section.getByRole('button', { name: 'Ta bort punkt 18' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort punkten' }).click();
  await expect(section.getByRole('textbox', { name: /^Punkt \d+$/ })).toHaveCount(17);
  await expect(section.getByText('Osparade ändringar')).toBeVisible();

  // An empty item and a missing reason are told, and nothing is saved.
  await section.getByRole('button', { name: 'Lägg till punkt' }).click();
  await section.getByRole('button', { name: 'Spara checklistan' }).click();
  await expect(section.getByRole('alert')).toContainText('Skriv varför checklistan ändras.');
  await section.getByLabel('Varför checklistan ändras').fill('Umgänge granskas enligt nämndens beslut.');
  await section.getByRole('button', { name: 'Spara checklistan' }).click();
  await expect(section.getByRole('alert')).toContainText('Punkt 18: Skriv vad som granskas.');
  await section.getByRole('button', { name: 'Ta bort punkt 18' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort punkten' }).click();

  await expectAccessible(page);
  await section.getByRole('button', { name: 'Spara checklistan' }).click();
  await expect(toast(page)).toContainText('Checklistan är sparad som version 2.');
  await closeToasts(page);
  await expect(section.getByText(new RegExp(`Version 2 · sparad .* av ${E2E_USER}`))).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'regler-checklista');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Checklista för aktgranskning' }).getByRole('textbox', { name: 'Punkt 17', exact: true })).toHaveValue('Umgänget med vårdnadshavarna följs upp.');

  const round = await withServices(databasePath, async (services) => {
    await services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Provlund', municipality: 'Timrå' }],
      children: [{ id: 'C1', birthDate: '2013-04-04', name: 'Lisa Checklistsson' }],
      placements: [{ id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-10', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-01-10' }] }],
    });
    const created = await services.audits.createRound({ name: 'Våren 2026', from: '2026-01-01', to: '2026-06-30', unit: null, form: null, legalBasis: null, caseworker: null, size: { kind: 'count', value: 1 }, exclusionMonths: 12, seed: 'e2e', recordedBy: E2E_USER });
    return created;
  });
  expect(round.checklistVersion).toBe(2);
  expect(round.checklist[16]!.text).toBe('Umgänget med vårdnadshavarna följs upp.');
  expect(round.checklist[0]!.text).toBe('Beslut om vård finns, i rätt hem, och är delgivet.');
});
