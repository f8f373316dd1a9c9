import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, gotoRegister, loadDemo, menuItem, screenshot, test } from './fixtures';

/**
 * Hitta placering on the demo register (TODAY 2026-11-22). What the demo gives a 15-year-old girl
 * with missbruk who needs an HVB near Sundsvall, from 2026-12-01:
 * - Östergårdens HVB (Timrå, 13–17 år, missbruk and kriminalitet, 8 places, one child there, one
 *   sammanbrott in May) fits best: 90 of 100, index 69 (C). Its permit was verified 2026-07-28,
 *   longer ago than the rule's 90 days, so that reason counts against it.
 * - Björkhagens HVB (Sundsvall, flickor 13–17 år, not missbruk) comes second: 60 of 100, index 44 (D).
 * - Ten homes cannot take her: Norrvikens HVB is inactive, Solbackens stödboende's permit was found
 *   not valid, Statens exempelhem takes only boys, the foster homes are of another form (and full).
 */

const title = (page: Page) => page.getByRole('heading', { level: 1, name: 'Hitta placering' });
const results = (page: Page) => page.getByRole('region', { name: /^Hem som kan ta emot barnet/ });
const matches = (page: Page) => results(page).locator('.match-list > li');
const excludedRegion = (page: Page) => page.getByRole('region', { name: 'Kan inte ta emot barnet' });
const excludedHome = (page: Page, name: string) => excludedRegion(page).locator('.excluded__item').filter({ has: page.getByRole('heading', { level: 3, name }) });
/** A reason of a home, found by the words a screen reader hears before it ("Talar för:", "Talar emot:", "Att veta:", "Hinder:"). */
const reason = (home: Locator, heard: string, text: string) => home.getByRole('listitem').filter({ hasText: `${heard} ${text}` });

async function gotoMatching(page: Page): Promise<void> {
  await gotoRegister(page);
  await loadDemo(page);
  await menuItem(page, 'Hitta placering').click();
  await expect(title(page)).toBeVisible();
}

/** The need of the page's example: a 15-year-old girl with missbruk, HVB near Sundsvall, from 2026-12-01. */
async function fillGirlWithMissbruk(page: Page): Promise<void> {
  await page.getByLabel('Ålder').fill('15');
  await page.getByLabel('Kön').selectOption({ label: 'Flicka' });
  await page.getByRole('group', { name: 'Behov' }).getByRole('checkbox', { name: 'Missbruk' }).check();
  await page.getByLabel('Lagrum').selectOption({ label: 'SoL' });
  // Typed in small letters: written the official way when the field is left.
  await page.getByLabel('Önskad kommun').fill('sundsvall');
  await page.getByLabel('Önskad kommun').press('Tab');
  await expect(page.getByLabel('Önskad kommun')).toHaveValue('Sundsvall');
  await page.getByLabel('Boendeform').selectOption({ label: 'HVB' });
  await page.getByLabel('Startdatum').fill('2026-12-01');
}

async function expectFormFilled(page: Page): Promise<void> {
  await expect(page.getByLabel('Ålder')).toHaveValue('15');
  await expect(page.getByLabel('Kön')).toHaveValue('flicka');
  await expect(page.getByRole('checkbox', { name: 'Missbruk' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Kriminalitet' })).not.toBeChecked();
  await expect(page.getByLabel('Lagrum')).toHaveValue('SoL');
  await expect(page.getByLabel('Önskad kommun')).toHaveValue('Sundsvall');
  await expect(page.getByLabel('Boendeform')).toHaveValue('hvb');
  await expect(page.getByLabel('Startdatum')).toHaveValue('2026-12-01');
}

test('a girl\'s need gives the homes that can take her, ranked with their reasons, and those that cannot, with the hard reason; one click opens a home\'s history and Back returns to the answer', async ({ page, openApp }) => {
  await openApp();
  await gotoMatching(page);
  // Before a search: what the page does, and that the child is not named.
  await expect(page.getByRole('heading', { level: 2, name: 'Så fungerar det' })).toBeVisible();
  await expect(page.getByText('Barnets namn och personnummer behövs inte och frågas inte efter')).toBeVisible();
  await expect(results(page)).toHaveCount(0);

  await fillGirlWithMissbruk(page);
  await page.getByRole('button', { name: 'Sök hem' }).click();

  // Ranked: best fit first, each with the reasons for its place.
  await expect(matches(page)).toHaveCount(2);
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText('Hem som kan ta emot barnet 2 hem');
  await expect(results(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(results(page)).toContainText('Sökt: 15 år · flicka · missbruk · SoL · HVB · nära Sundsvall · från 2026-12-01');
  await expect(results(page)).toContainText('Ordnade efter hur väl hemmet passar behovet, sedan efter kvalitetsindex.');
  await expect(results(page)).toContainText('Beräknat med kvalitetsindexets standardinställningar.');
  await expect(matches(page).getByRole('heading', { level: 3 })).toHaveText(['Östergårdens HVB', 'Björkhagens HVB']);

  const first = matches(page).nth(0);
  await expect(first).toContainText('HVB · Timrå');
  await expect(first).toContainText('Passar 90 av 100');
  await expect(first.locator('.match__index')).toHaveText('Index 69 · C säkerhet medel');
  await expect(reason(first, 'Talar för:', 'Målgrupp 13–17 år täcker 15 år')).toHaveCount(1);
  await expect(reason(first, 'Talar för:', 'Målgruppen omfattar missbruk')).toHaveCount(1);
  await expect(reason(first, 'Talar för:', 'I Timrå, samma län (Västernorrlands län)')).toHaveCount(1);
  await expect(reason(first, 'Talar för:', '7 platser lediga')).toHaveCount(1);
  await expect(reason(first, 'Talar emot:', 'IVO-tillståndet verifierades 2026-07-28: kontrollera det igen före beslut')).toHaveCount(1);
  const breakdown = reason(first, 'Talar emot:', '1 sammanbrott senaste 24 månaderna');
  await expect(breakdown).toHaveCount(1);
  // The sign is there to see, not only the colour.
  await expect(breakdown.locator('.reason__mark')).toHaveText('−');
  await expect(reason(first, 'Talar för:', 'Målgruppen omfattar missbruk').locator('.reason__mark')).toHaveText('+');

  const second = matches(page).nth(1);
  await expect(second).toContainText('HVB · Sundsvall');
  await expect(second).toContainText('Passar 60 av 100');
  await expect(second.locator('.match__index')).toHaveText('Index 44 · D säkerhet låg');
  await expect(reason(second, 'Talar emot:', 'Målgruppen nämner inte missbruk')).toHaveCount(1);
  await expect(reason(second, 'Talar för:', 'I Sundsvall')).toHaveCount(1);

  // The homes that cannot take her: folded away, with their count.
  const summary = excludedRegion(page).getByText('10 hem kan inte ta emot barnet');
  await expect(summary).toBeVisible();
  await expect(excludedHome(page, 'Norrvikens HVB')).toBeHidden();
  await expectAccessible(page);
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 1320 });
  await screenshot(page, 'hitta-placering');
  await page.setViewportSize({ width: 1024, height: 1400 });
  await screenshot(page, 'hitta-placering-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  await summary.click();
  await expect(reason(excludedHome(page, 'Norrvikens HVB'), 'Hinder:', 'Hemmet är inaktivt och tar inte emot placeringar.')).toHaveCount(1);
  await expect(reason(excludedHome(page, 'Solbackens stödboende'), 'Hinder:', 'IVO-tillståndet var ogiltigt vid senaste kontrollen.')).toHaveCount(1);
  await expect(reason(excludedHome(page, 'Statens exempelhem'), 'Hinder:', 'Hemmet tar bara emot pojkar.')).toHaveCount(1);
  await expect(reason(excludedHome(page, 'Älvängens jourhem'), 'Hinder:', 'Fullt: 2 barn på 2 platser 2026-12-01.')).toHaveCount(1);
  await expect(excludedRegion(page).locator('.excluded__item')).toHaveCount(10);
  await expectAccessible(page);

  // The address holds the search: Back from a home's history comes to it.
  await expect(page).toHaveURL(/#\/hitta-placering\?alder=15&kon=flicka&behov=missbruk&lagrum=SoL&kommun=Sundsvall&form=hvb&start=2026-12-01/);

  // One click from a result to the home's history; Back returns to the answer, the form filled.
  await first.getByRole('button', { name: 'Vårdgivarhistorik – Östergårdens HVB' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdgivarhistorik – Östergårdens HVB' })).toBeVisible();
  await page.goBack();
  await expect(title(page)).toBeVisible();
  await expectFormFilled(page);
  await expect(matches(page).getByRole('heading', { level: 3 })).toHaveText(['Östergårdens HVB', 'Björkhagens HVB']);
  // The excluded homes are as they were left: unfolded.
  await expect(excludedHome(page, 'Norrvikens HVB')).toBeVisible();

  // From an excluded home too, and the history's Tillbaka leads back the same way.
  await excludedHome(page, 'Solbackens stödboende').getByRole('button', { name: 'Vårdgivarhistorik – Solbackens stödboende' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdgivarhistorik – Solbackens stödboende' })).toBeVisible();
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await expectFormFilled(page);
  await expect(excludedHome(page, 'Solbackens stödboende')).toBeVisible();

  // The menu item starts afresh.
  await menuItem(page, 'Hitta placering').click();
  await expect(page.getByLabel('Ålder')).toHaveValue('');
  await expect(page.getByRole('heading', { level: 2, name: 'Så fungerar det' })).toBeVisible();
});

test('a permit that does not cover the child\'s age excludes the home, and when no home can take the child the page says so and shows why', async ({ page, openApp }) => {
  await openApp();
  await gotoMatching(page);

  // 16 years: Björkhagens HVB's permit covers 12–15 år, whatever its target group says.
  await page.getByLabel('Ålder').fill('16');
  await page.getByLabel('Kön').selectOption({ label: 'Flicka' });
  await page.getByRole('checkbox', { name: 'Självskadebeteende' }).check();
  await page.getByLabel('Boendeform').selectOption({ label: 'HVB' });
  await page.getByRole('button', { name: 'Sök hem' }).click();
  await expect(matches(page).getByRole('heading', { level: 3 })).toHaveText(['Östergårdens HVB']);
  await expect(reason(matches(page).first(), 'Talar emot:', 'Målgruppen nämner inte självskadebeteende')).toHaveCount(1);
  await excludedRegion(page).getByText('11 hem kan inte ta emot barnet').click();
  await expect(reason(excludedHome(page, 'Björkhagens HVB'), 'Hinder:', 'IVO-tillståndet gäller 12–15 år; barnet är 16 år.')).toHaveCount(1);

  // Five years in an HVB: no home can. Said so, and the reasons are unfolded at once.
  await page.getByLabel('Ålder').fill('5');
  await page.getByLabel('Kön').selectOption({ label: 'Ej angivet' });
  await page.getByRole('checkbox', { name: 'Självskadebeteende' }).uncheck();
  await page.getByRole('button', { name: 'Sök hem' }).click();
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText('Hem som kan ta emot barnet 0 hem');
  await expect(results(page)).toContainText('Inget hem i registret kan ta emot barnet med de här uppgifterna. Under "Kan inte ta emot barnet" står skälen för varje hem.');
  await expect(matches(page)).toHaveCount(0);
  await expect(reason(excludedHome(page, 'Östergårdens HVB'), 'Hinder:', 'IVO-tillståndet gäller 13–17 år; barnet är 5 år.')).toBeVisible();
  await expect(excludedRegion(page).locator('.excluded__item')).toHaveCount(12);

  // Back: the earlier search, its answer and its form.
  await page.goBack();
  await expect(page.getByLabel('Ålder')).toHaveValue('16');
  await expect(page.getByRole('checkbox', { name: 'Självskadebeteende' })).toBeChecked();
  await expect(matches(page).getByRole('heading', { level: 3 })).toHaveText(['Östergårdens HVB']);
  await expectAccessible(page);
});

test('the form is sent from the keyboard alone, and what is wrong is told at its field', async ({ page, openApp }) => {
  await openApp();
  await gotoMatching(page);
  const age = page.getByLabel('Ålder');

  // Age 25, Enter in the field: told at the field, focus there, nothing searched.
  await age.focus();
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(age).toHaveAccessibleDescription(/Placeringar gäller barn och unga under 21 år\./);
  await expect(age).toHaveAttribute('aria-invalid', 'true');
  await expect(age).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'Rätta det som är markerat och sök igen.' })).toBeVisible();
  await expect(results(page)).toHaveCount(0);
  await expectAccessible(page);

  // Nothing at all: the age is asked for.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(age).toHaveAccessibleDescription(/Ange barnets ålder i hela år\./);

  // A kommun that is none of Sweden's is told at its field before anything is asked.
  await page.keyboard.type('14');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kön')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Missbruk' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Missbruk' })).toBeChecked();
  await page.getByLabel('Önskad kommun').focus();
  await page.keyboard.type('Sundsvalll');
  await page.keyboard.press('Enter');
  const municipality = page.getByLabel('Önskad kommun');
  await expect(municipality).toHaveAccessibleDescription(/Ingen av Sveriges kommuner heter "Sundsvalll"\. Välj en kommun i listan\./);
  await expect(municipality).toBeFocused();
  await expect(age).not.toHaveAttribute('aria-invalid', 'true');

  // Mended, Enter again: the answer, and reading starts at its heading.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(matches(page).first().getByRole('heading', { level: 3 })).toHaveText('Östergårdens HVB');
  await expect(results(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(municipality).not.toHaveAttribute('aria-invalid', 'true');
  await expect(results(page)).toContainText('Sökt: 14 år · missbruk · alla boendeformer · nära Sundsvall · från 2026-11-22');

  // Tab from the heading reaches Exportera, then the first home's history, and Enter opens it.
  await page.keyboard.press('Tab');
  await expect(results(page).getByRole('button', { name: /^Exportera/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(matches(page).first().getByRole('button', { name: 'Vårdgivarhistorik – Östergårdens HVB' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdgivarhistorik – Östergårdens HVB' })).toBeVisible();
});
