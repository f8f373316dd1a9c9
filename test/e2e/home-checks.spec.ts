import type { Page } from '@playwright/test';
import { E2E_USER, expect, expectAccessible, gotoRegister, loadDemo, openHome, panel, screenshot, test, toast, TODAY, withServices } from './fixtures';

/** The home panel's "Kontroller" section, and its "Anmälningar och tillsyn". */
const checksOf = (page: Page) => panel(page).getByRole('group', { name: 'Kontroller', exact: true });
const eventsOf = (page: Page) => panel(page).getByRole('group', { name: 'Anmälningar och tillsyn' });

/** Scrolls the panel so that `section` starts at its top: the pictures show the section, not the form above it. */
async function scrollToTop(page: Page, section: ReturnType<typeof checksOf>): Promise<void> {
  // Only the panel's body scrolls: the window keeps the app's header in the picture.
  await section.evaluate((element) => {
    const body = element.closest('.panel__body');
    if (body) body.scrollTop += element.getBoundingClientRect().top - body.getBoundingClientRect().top;
  });
}

/** A foster home with one uppdragstagare and no checks or placements, straight into the test's database. */
async function seedFosterHome(databasePath: string): Promise<void> {
  await withServices(databasePath, (services) =>
    services.homes.save({
      kind: 'familjehem', name: 'Familjen Kontrollsson', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 1, targetGroup: null, agency: null,
      persons: [{ name: 'Anna Kontrollsson', role: 'uppdragstagare', birthYear: 1980 }],
    }),
  );
}

test('a check of an adult is recorded, corrected with a reason and removed, and the history keeps every earlier version', async ({ page, openApp, databasePath }) => {
  await seedFosterHome(databasePath);
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Familjen Kontrollsson');
  const checks = checksOf(page);
  const anna = checks.getByRole('group', { name: /^Anna Kontrollsson/ });
  await expect(anna).toContainText('Inga kontroller är registrerade för Anna Kontrollsson.');
  await expect(anna.getByRole('row', { name: /Belastningsregistret/ })).toContainText('Saknas');

  // The form: the extract's contents are never stored; focus on its first field; Esc leaves it, not the panel.
  await anna.getByRole('button', { name: 'Registrera kontroll för Anna Kontrollsson' }).click();
  const form = anna.getByRole('group', { name: 'Registrera kontroll för Anna Kontrollsson' });
  await expect(form).toContainText('Spara aldrig innehållet i ett registerutdrag – bara datum, utfall och diarienummer.');
  await expect(form.getByLabel('Register')).toBeFocused();
  await expect(form.getByLabel('Register')).toHaveValue('belastningsregistret');
  await expect(form.getByLabel('Kontrollerat den')).toHaveValue(TODAY);
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(anna.getByRole('button', { name: 'Registrera kontroll för Anna Kontrollsson' })).toBeFocused();
  await expect(page.locator('#panel-title')).toHaveText('Familjen Kontrollsson');

  // Who records it is who is signed in: said, not asked.
  await anna.getByRole('button', { name: 'Registrera kontroll för Anna Kontrollsson' }).click();
  await expect(form).toContainText(`Registreras av ${E2E_USER}`);
  await expect(form.getByLabel('Registrerad av')).toHaveCount(0);
  await form.getByLabel('Utan anmärkning').check();
  await form.getByLabel('Diarienummer eller referens').fill('SN 2026/1234');
  const recordedBy = form.getByLabel('Diarienummer eller referens');
  await expectAccessible(page);

  // A check cannot have been made in the future: the service's issue is at the date.
  await form.getByLabel('Kontrollerat den').fill('2026-11-23');
  await recordedBy.press('Enter');
  await expect(form.getByLabel('Kontrollerat den')).toHaveAccessibleDescription('En kontroll kan inte vara gjord i framtiden.');
  await expect(form.getByLabel('Kontrollerat den')).toBeFocused();
  await expect(recordedBy).not.toHaveAttribute('aria-invalid', 'true');

  // Enter saves the check, never the home's form around it.
  await form.getByLabel('Kontrollerat den').fill(TODAY);
  await recordedBy.press('Enter');
  await expect(toast(page)).toContainText(`Kontrollen är registrerad: Belastningsregistret ${TODAY} för Anna Kontrollsson.`);
  await expect(page.locator('.panel__dirty')).toHaveCount(0);
  const item = anna.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Utan anmärkning');
  await expect(item).toContainText('Diarienummer: SN 2026/1234');
  await expect(item).toContainText(new RegExp(`registrerad av ${E2E_USER}, \\d{4}-\\d{2}-\\d{2}`));
  await expect(anna.getByRole('row', { name: /Belastningsregistret/ })).toContainText(TODAY);
  await expect(anna.getByRole('row', { name: /Belastningsregistret/ })).not.toContainText('Saknas');

  // Corrected: the reason is required; who corrects it is who is signed in.
  await anna.getByRole('button', { name: `Rätta Belastningsregistret ${TODAY} för Anna Kontrollsson` }).click();
  const fix = anna.getByRole('group', { name: `Rätta kontroll: Belastningsregistret ${TODAY}` });
  await expect(fix.getByLabel('Register')).toBeFocused();
  await expect(fix).toContainText(`Rättas av ${E2E_USER}`);
  await expect(fix.getByLabel('Diarienummer eller referens')).toHaveValue('SN 2026/1234');
  await fix.getByLabel('Kontrollerat den').fill('2026-11-20');
  await fix.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(fix.getByLabel('Varför rättas kontrollen?')).toHaveAttribute('aria-invalid', 'true');
  await fix.getByLabel('Varför rättas kontrollen?').fill('Fel datum angivet');
  await fix.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(toast(page)).toContainText('Rättelsen är sparad: Belastningsregistret 2026-11-20 för Anna Kontrollsson.');
  await expect(item).toContainText('2026-11-20');
  await expect(item).toContainText(`rättad av ${E2E_USER}`);

  const history = checks.locator('details');
  await expect(history.locator('summary')).toHaveText('Historik: 1 ändring');
  await expect(history.getByText('Fel datum angivet')).toBeHidden(); // collapsed until asked for
  await history.locator('summary').click();
  await expect(history).toContainText(new RegExp(`Rättad av ${E2E_USER}, \\d{4}-\\d{2}-\\d{2}: Fel datum angivet`));
  await expect(history).toContainText(`Innan: Anna Kontrollsson – Belastningsregistret ${TODAY}, utan anmärkning, referens SN 2026/1234`);

  // Removed: a reason in a confirm step; the check stays in the history.
  await anna.getByRole('button', { name: 'Ta bort Belastningsregistret 2026-11-20 för Anna Kontrollsson' }).click();
  const removal = anna.getByRole('group', { name: /^Ta bort Belastningsregistret 2026-11-20/ });
  await expect(removal).toContainText('finns kvar i historiken');
  await expect(removal.getByLabel('Varför tas kontrollen bort?')).toBeFocused();
  await removal.getByLabel('Varför tas kontrollen bort?').fill('Registrerad på fel person');
  await removal.getByRole('button', { name: 'Ta bort kontrollen' }).click();
  await expect(toast(page)).toContainText('Kontrollen är borttagen: Belastningsregistret 2026-11-20 för Anna Kontrollsson. Den finns kvar i historiken.');
  await expect(anna).toContainText('Inga kontroller är registrerade för Anna Kontrollsson.');
  await expect(history.locator('summary')).toHaveText('Historik: 2 ändringar');
  await expect(history).toContainText(`Borttagen av ${E2E_USER}`);
  await expect(history).toContainText('Registrerad på fel person');
});

test('Ångra right after recording removes the check again, with the reason in the history', async ({ page, openApp, databasePath }) => {
  await seedFosterHome(databasePath);
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Familjen Kontrollsson');
  const anna = checksOf(page).getByRole('group', { name: /^Anna Kontrollsson/ });
  await anna.getByRole('button', { name: 'Registrera kontroll för Anna Kontrollsson' }).click();
  const form = anna.getByRole('group', { name: 'Registrera kontroll för Anna Kontrollsson' });
  await form.getByLabel('Register').selectOption({ label: 'Misstankeregistret' });
  await form.getByLabel('Kontrollerat den').fill('2026-11-18');
  await form.getByLabel('Med anmärkning').check();
  await form.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(anna.getByRole('listitem')).toContainText('Med anmärkning');

  await toast(page).getByRole('button', { name: 'Ångra' }).click();
  await expect(toast(page)).toContainText('Registreringen är ångrad: Misstankeregistret 2026-11-18 för Anna Kontrollsson.');
  await expect(anna.getByRole('listitem')).toHaveCount(0);
  await expect(anna).toContainText('Inga kontroller är registrerade för Anna Kontrollsson.');
  const history = checksOf(page).locator('details');
  await history.locator('summary').click();
  await expect(history).toContainText(`Borttagen av ${E2E_USER}`);
  await expect(history).toContainText('Ångrad direkt efter registrering');
});

test('an enskild HVB: the permit is verified with its scope, and an IVO tillsyn is recorded with its verdict', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, (services) =>
    services.homes.save({
      kind: 'hvb', name: 'Kontrollgårdens HVB', orgNr: '556000-0050', operator: 'enskild', municipality: 'Timrå',
      capacity: 6, targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk'] }, agency: null, persons: [],
    }),
  );
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Kontrollgårdens HVB');
  const permits = checksOf(page).getByRole('group', { name: 'IVO-tillstånd', exact: true });
  await expect(permits).toContainText('Inget giltigt IVO-tillstånd.');
  await expect(permits).toContainText('Ingen kontroll av IVO-tillstånd är registrerad.');

  await permits.getByRole('button', { name: 'Registrera kontroll av IVO-tillstånd' }).click();
  const form = permits.getByRole('group', { name: 'Registrera kontroll av IVO-tillstånd' });
  await expect(form.getByLabel('Kontrollerat den')).toBeFocused();
  await expect(form.getByRole('checkbox', { name: 'HVB' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Stödboende' })).not.toBeChecked();
  await expect(form.getByLabel('Tillståndshavarens organisationsnummer')).toHaveValue('556000-0050');
  await form.getByLabel('Giltigt', { exact: true }).check();
  await form.getByLabel('Ålder från').fill('13');
  await form.getByLabel('Ålder till').fill('12');
  await form.getByLabel('Antal platser').fill('6');
  await form.getByLabel('Målgrupp').fill('Ungdomar med missbruk');
  await form.getByLabel('Diarienummer eller referens').fill('IVO 8.1-1234/2026');
  await form.getByRole('button', { name: 'Spara kontrollen' }).click();
  // The contract's issue at /permit/maxAge lands at "Ålder till".
  await expect(form.getByLabel('Ålder till')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Ålder till')).toHaveAccessibleDescription('Lägsta ålder får inte vara högre än högsta ålder.');
  await form.getByLabel('Ålder till').fill('17');
  await form.getByRole('button', { name: 'Spara kontrollen' }).click();
  await expect(toast(page)).toContainText(`Kontrollen är registrerad: IVO-tillstånd ${TODAY}.`);
  const permit = permits.getByRole('listitem');
  await expect(permit).toContainText('Giltigt');
  await expect(permit).toContainText('Omfattar: HVB · 13–17 år · 6 platser');
  await expect(permit).toContainText('Målgrupp: Ungdomar med missbruk');
  await expect(permit).toContainText('Tillståndshavare: org.nr 556000-0050');
  await expect(permit).toContainText('Referens: IVO 8.1-1234/2026');
  await expect(permit).toContainText(`registrerad av ${E2E_USER}`);
  await expect(permits).not.toContainText('Inget giltigt IVO-tillstånd.');
  await expect(permits).toContainText(`Senast kontrollerat ${TODAY} (i dag): giltigt.`);
  // The rules' default: a verification serves decisions for 90 days.
  await expect(permits).toContainText('Kontrollen räcker för beslut om placering till och med 2027-02-20.');

  // IVO's inspection with its verdict, listed once (with the home's events).
  const events = eventsOf(page);
  await events.getByRole('button', { name: 'Registrera IVO-tillsyn' }).click();
  await events.getByLabel('Datum').fill('2026-10-15');
  await expect(events.getByLabel('IVO:s bedömning')).toHaveValue('');
  await events.getByLabel('IVO:s bedömning').selectOption({ label: 'Kritik' });
  await events.getByLabel('Kommentar (frivillig)').fill('Brister i dokumentationen');
  await events.getByRole('button', { name: 'Spara' }).click();
  await expect(events.getByRole('listitem')).toContainText('IVO:s bedömning: Kritik');
  await expect(checksOf(page)).not.toContainText('Kritik');
  await expectAccessible(page);
  // The confirmation goes away by itself after a while: closed here, so the picture does not depend on the machine's speed.
  await expect(toast(page)).toContainText('IVO-tillsyn 2026-10-15 är registrerad.');
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();
  await scrollToTop(page, checksOf(page));
  await screenshot(page, 'hem-ivo-tillstand');
});

test('an enskild HVB: a valid permit verified too long ago, or dated in the future, is not called valid', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, async (services, clock) => {
    const hvb = (name: string, orgNr: string) =>
      services.homes.save({
        kind: 'hvb', name, orgNr, operator: 'enskild', municipality: 'Timrå', capacity: 6, targetGroup: null, agency: null, persons: [],
      });
    const permit = { register: 'ivo-tillstand' as const, outcome: 'giltigt' as const, reference: null, permit: null, recordedBy: 'Saga Handläggarsson' };
    const old = await hvb('Gamlegårdens HVB', '556000-0050');
    clock.set('2026-07-01T09:00:00.000Z');
    await services.registerChecks.record({ ...permit, homeId: old.id, checkedOn: '2026-07-01' });
    // As imported data may have it: recorded "on" its own (future) date, which the service cannot refuse.
    const future = await hvb('Framtidsgårdens HVB', '556000-0027');
    clock.set('2026-12-01T09:00:00.000Z');
    await services.registerChecks.record({ ...permit, homeId: future.id, checkedOn: '2026-12-01' });
  });
  await openApp();
  await gotoRegister(page);
  const permits = () => checksOf(page).getByRole('group', { name: 'IVO-tillstånd', exact: true });

  // 2026-07-01 is 144 days before 2026-11-22, more than the rules' 90.
  await openHome(page, 'Gamlegårdens HVB');
  await expect(permits()).toContainText('Kontrollen av IVO-tillståndet är för gammal.');
  await expect(permits()).toContainText('Tillståndet kontrollerades 2026-07-01 (för 144 dagar sedan) och var då giltigt');
  await expect(permits()).toContainText('högst 90 dagar gammal vid beslutet. Kontrollera tillståndet igen före nästa beslut om placering.');
  await expect(permits()).not.toContainText(': giltigt.');
  await expectAccessible(page);

  await openHome(page, 'Framtidsgårdens HVB');
  await expect(permits()).toContainText(`Kontrollen är daterad i framtiden. Den senaste kontrollen av IVO-tillståndet är daterad 2026-12-01, efter dagens datum (${TODAY}).`);
  await expect(permits()).not.toContainText(': giltigt.');
});

test('the demo: a foster home shows its adults with checks and re-check dates; a kommunal stödboende needs no permit check', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  // The demo's toast hides itself after a few seconds: close it, so the picture is the same on a busy machine.
  await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).click();

  // No child lives there yet: no re-check dates, and it says why.
  await openHome(page, 'Familjen Exempelsson');
  await expect(checksOf(page)).toContainText('Inget barn bor i hemmet i dag, så ingen fortlöpande kontroll är aktuell.');
  await expect(checksOf(page).getByRole('group', { name: /^Anna Exempelsson/ }).getByRole('listitem')).toHaveCount(3);
  // Children of the household are not checked.
  await expect(checksOf(page).getByRole('group', { name: /^Cecilia Exempelsson/ })).toHaveCount(0);

  // A child lives there: an overdue re-check and one due soon stand out in words.
  await openHome(page, 'Mormor Exempelgrens nätverkshem');
  const checks = checksOf(page);
  const gun = checks.getByRole('group', { name: /^Gun Exempelgren/ });
  await expect(gun.getByRole('columnheader', { name: 'Nästa kontroll senast' })).toBeVisible();
  await expect(gun.getByRole('row', { name: /Belastningsregistret/ })).toContainText('Försenad');
  await expect(gun.getByRole('row', { name: /Misstankeregistret/ })).toContainText('Snart');
  await expect(gun.getByRole('heading')).toContainText('1 kontroll saknas eller är försenad');
  await expect(checks.getByRole('group', { name: /^Olle Exempelgren/ })).toContainText(/registrerad av /);
  await expectAccessible(page);
  await scrollToTop(page, checks);
  await screenshot(page, 'hem-kontroller');

  await openHome(page, 'Åkerbackens stödboende');
  await expect(checksOf(page)).toContainText('en kontroll av IVO-tillstånd krävs inte före placering, men den kan registreras');

  // A SiS home has neither: no section at all.
  await openHome(page, 'Statens exempelhem');
  await expect(checksOf(page)).toHaveCount(0);
});

test('a foster home without adults says that the checks are made per adult', async ({ page, openApp, databasePath }) => {
  await withServices(databasePath, (services) =>
    services.homes.save({
      kind: 'jourhem', name: 'Jourhemmet Tomhus', orgNr: null, operator: null, municipality: 'Ånge',
      capacity: 1, targetGroup: null, agency: null, persons: [],
    }),
  );
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Jourhemmet Tomhus');
  await expect(checksOf(page)).toContainText('Hushållet har inga registrerade vuxna. Registerkontrollerna görs per vuxen');

  // A person added and the home saved: the section shows her at once.
  await panel(page).getByRole('button', { name: '+ Lägg till person' }).click();
  await panel(page).getByLabel('Namn').last().fill('Greta Tomhus');
  await panel(page).getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(checksOf(page).getByRole('group', { name: /^Greta Tomhus/ })).toContainText('Inga kontroller är registrerade för Greta Tomhus.');
});

test('who records checks is the signed-in user: the form says so, also after a reload, and the page stores nothing', async ({ page, openApp, databasePath }) => {
  await seedFosterHome(databasePath);
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Familjen Kontrollsson');
  const anna = checksOf(page).getByRole('group', { name: /^Anna Kontrollsson/ });
  const open = () => anna.getByRole('button', { name: 'Registrera kontroll för Anna Kontrollsson' }).click();
  const form = anna.getByRole('group', { name: 'Registrera kontroll för Anna Kontrollsson' });

  await open();
  await expect(form).toContainText(`Registreras av ${E2E_USER}`);
  await form.getByLabel('Utan anmärkning').check();
  await form.getByLabel('Diarienummer eller referens').press('Enter');
  await expect(form).toHaveCount(0);
  await expect(anna.getByRole('listitem')).toContainText(`registrerad av ${E2E_USER}`);

  // Main keeps who is signed in: a reload asks no one again, and the form offers the same name.
  await page.reload();
  await gotoRegister(page);
  await openHome(page, 'Familjen Kontrollsson');
  await open();
  await expect(form).toContainText(`Registreras av ${E2E_USER}`);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});
