/**
 * Journal notes: a draft on a placement is kept while it is typed (a reload loses nothing), signed
 * after a question, then only corrected; the search across every signed note finds a word in its
 * forms and marks it. Both screens pass axe and are photographed at 1024 and 1280 px.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { closeToasts, dataRows, E2E_USER, expect, expectAccessible, gotoRegister, mainMenu, openHome, panel, test, toast, withServices } from './fixtures';

const CHILD = 'Tova Provsdotter';

/** A familjehem and Tova placed there since 2026-10-01 (fictional). */
async function seedPlacement(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    const home = await services.homes.save({
      kind: 'familjehem', name: 'Familjen Provberg', orgNr: null, operator: null, municipality: 'Sundsvall',
      capacity: 2, targetGroup: null, agency: null, persons: [],
    });
    const child = await services.placements.saveChild({ name: CHILD, birthDate: '2012-03-04', personnummer: null, protectedIdentity: false });
    await services.placements.savePlacement({
      childId: child.id, legalBasis: 'SoL', decidedOn: '2026-09-28', startedOn: '2026-10-01', endedOn: null, endReason: null,
      caseworker: 'Saga Handläggarsson', unit: 'Barn och unga',
      stays: [{ homeId: home.id, from: '2026-10-01', to: null, decidedOn: null, investigationCompletedOn: null }],
    });
  });
}

async function openPlacement(page: Page): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'Placeringar', exact: true }).click();
  await dataRows(page).filter({ hasText: CHILD }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: CHILD })).toBeVisible();
}

const notesSection = (page: Page) => page.getByRole('region', { name: /^Anteckningar/ });
const editor = (page: Page) => notesSection(page).getByRole('form');
const signedNotes = (page: Page) => notesSection(page).getByRole('list', { name: 'Anteckningar, de senaste först' }).getByRole('article');

/**
 * Pictures at two widths, for looking at (not for the docs): the smallest window the app is made
 * for and a common one. The window as the user sees it with `part` scrolled into view (the page
 * scrolls inside main, so a full-page picture would show no more), and `part` whole.
 */
async function photograph(page: Page, name: string, part: Locator): Promise<void> {
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.mouse.move(0, 0);
    await part.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const file = (what: string) => path.join('test-results', 'notes', `${name}-${what}-${width}.png`);
    await page.screenshot({ path: file('fonster'), animations: 'disabled', caret: 'hide' });
    await part.screenshot({ path: file('del'), animations: 'disabled', caret: 'hide' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Writes a note on the placement page shown and signs it, as a user would. */
async function writeNote(page: Page, category: string, text: string): Promise<void> {
  await notesSection(page).getByRole('button', { name: 'Ny anteckning' }).click();
  await editor(page).getByLabel('Kategori').selectOption({ label: category });
  await editor(page).getByLabel('Anteckning').fill(text);
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await page.getByRole('dialog', { name: 'Signera anteckningen' }).getByRole('button', { name: 'Signera' }).click();
  await expect(editor(page)).toHaveCount(0);
  await expect(signedNotes(page).filter({ hasText: text })).toHaveCount(1);
}

test('a draft on a placement survives a reload, is signed after a question, cannot be changed, and is corrected', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await openPlacement(page);

  const section = notesSection(page);
  await expect(section).toContainText('Inga anteckningar ännu. Skriv ner det kollegor behöver veta om hemmet eller placeringen.');

  // A draft: nothing is kept until it has a category, then it is saved while typed.
  await section.getByRole('button', { name: 'Ny anteckning' }).click();
  await expect(editor(page).getByLabel('Kategori')).toBeFocused();
  await expect(editor(page).getByLabel('Datum')).toHaveValue('2026-11-22');
  await editor(page).getByLabel('Anteckning').fill('Tova har bytt klass.');
  await expect(editor(page).getByRole('status')).toHaveText('Välj kategori så sparas utkastet.');
  await editor(page).getByLabel('Kategori').selectOption({ label: 'Uppföljningsbesök' });
  // The hour is the host's 10:00 on TODAY as the page's time zone has it: it depends on the machine's zone.
  await expect(editor(page).getByRole('status')).toHaveText(/^Utkast sparat \d\d:\d\d$/);
  // Typed on after the first save: the same draft is saved again (not a second one), the last words too.
  const lastWordsSaved = page.waitForResponse((response) => response.url().endsWith('/api/saveNoteDraft') && (response.request().postData() ?? '').includes('vänner'));
  await editor(page).getByLabel('Anteckning').press('End');
  await editor(page).getByLabel('Anteckning').pressSequentially('\nHon trivs i skolan och har fått två nya vänner.');
  await lastWordsSaved;
  await expect(editor(page).getByRole('status')).toHaveText(/^Utkast sparat \d\d:\d\d$/);
  await expectAccessible(page);
  await photograph(page, 'placering-utkast', notesSection(page));

  // Nothing lost: after a reload the draft is there, the user's own, and goes on where it was.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: CHILD })).toBeVisible();
  const drafts = section.getByRole('list').filter({ has: page.getByRole('button', { name: /^Fortsätt utkastet/ }) });
  await expect(drafts.getByRole('listitem')).toHaveCount(1);
  await expect(drafts).toContainText('Uppföljningsbesök');
  await expect(drafts).toContainText('Tova har bytt klass. Hon trivs i skolan');
  await expect(section).toContainText('Inga anteckningar ännu.');
  await photograph(page, 'placering-sparat-utkast', section);
  await section.getByRole('button', { name: 'Fortsätt utkastet från 2026-11-22' }).click();
  const text = editor(page).getByLabel('Anteckning');
  await expect(text).toBeFocused();
  await expect(text).toHaveValue('Tova har bytt klass.\nHon trivs i skolan och har fått två nya vänner.');
  await expect(editor(page).getByLabel('Kategori')).toHaveValue('uppfoljningsbesok');

  // Signing asks first; "Avbryt" signs nothing.
  await text.press('Control+Enter');
  const question = page.getByRole('dialog', { name: 'Signera anteckningen' });
  await expect(question).toContainText('En signerad anteckning kan inte ändras eller tas bort, bara rättas. Signera?');
  await question.getByRole('button', { name: 'Avbryt' }).click();
  await expect(signedNotes(page)).toHaveCount(0);
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await question.getByRole('button', { name: 'Signera' }).click();

  await expect(toast(page)).toContainText('Anteckningen är signerad.');
  await expect(editor(page)).toHaveCount(0);
  await expect(signedNotes(page)).toHaveCount(1);
  const note = signedNotes(page).first();
  await expect(note.getByRole('heading', { name: 'Uppföljningsbesök 2026-11-22' })).toBeVisible();
  await expect(note).toContainText(E2E_USER);
  await expect(note).toBeFocused();
  // Its line breaks are kept: the two lines are two lines on screen too.
  const lines = await note.locator('.note-item__text').evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
  expect(lines).toBe(2);
  // The draft is gone with the signing, and nothing in the signed note can be typed in.
  await expect(section.getByRole('button', { name: /^Fortsätt utkastet/ })).toHaveCount(0);
  await expect(note.getByRole('textbox')).toHaveCount(0);
  await expect(note.getByRole('button')).toHaveText(['Rätta']);

  // A correction is a note of its own, shown with the one it corrects.
  await note.getByRole('button', { name: 'Rätta anteckningen uppföljningsbesök 2026-11-22' }).click();
  await expect(editor(page).getByRole('heading', { name: 'Rätta anteckning' })).toBeVisible();
  await expect(editor(page)).toContainText('Hon trivs i skolan och har fått två nya vänner.');
  await expect(editor(page).getByLabel('Kategori')).toHaveValue('uppfoljningsbesok');
  await editor(page).getByLabel('Rättelse').fill('Det var en ny vän, inte två.');
  await expect(editor(page).getByRole('status')).toHaveText(/^Utkast sparat/);
  await expectAccessible(page);
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await question.getByRole('button', { name: 'Signera' }).click();
  await expect(toast(page)).toContainText('Anteckningen är signerad.');

  // Still one note, the correction under it; the original text unchanged.
  await expect(signedNotes(page)).toHaveCount(1);
  await expect(note.locator('.note-item__text').first()).toHaveText('Tova har bytt klass.\nHon trivs i skolan och har fått två nya vänner.');
  await expect(note.getByRole('list', { name: 'Rättelser' })).toHaveText(`Rättad 2026-11-22 av ${E2E_USER}: Det var en ny vän, inte två.`);
  await closeToasts(page);
  await expectAccessible(page);
  await photograph(page, 'placering-anteckningar', notesSection(page));

  // What cannot be signed is told at its field: an empty text before any question, a date main refuses after it.
  await section.getByRole('button', { name: 'Ny anteckning' }).click();
  await editor(page).getByLabel('Kategori').selectOption({ label: 'Kontakt' });
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await expect(editor(page).getByLabel('Anteckning')).toHaveAccessibleDescription('Får inte vara tomt.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await editor(page).getByLabel('Anteckning').fill('Ringde familjehemmet.');
  await expect(editor(page).getByLabel('Anteckning')).not.toHaveAttribute('aria-invalid');
  await editor(page).getByLabel('Datum').fill('2026-12-24');
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await question.getByRole('button', { name: 'Signera' }).click();
  await expect(editor(page).getByLabel('Datum')).toHaveAccessibleDescription('Datumet kan inte vara i framtiden.');
  await expect(editor(page).getByLabel('Datum')).toBeFocused();
  await expect(editor(page).getByRole('status')).toHaveText('Anteckningen kunde inte signeras. Datumet är i framtiden.');
  await expect(signedNotes(page)).toHaveCount(1);
  await expectAccessible(page);
  await photograph(page, 'placering-fel-vid-falt', editor(page));

  // Thrown away after a question: a draft is gone, the signed note stays.
  await editor(page).getByRole('button', { name: 'Släng utkast' }).click();
  await page.getByRole('dialog', { name: 'Släng utkastet?' }).getByRole('button', { name: 'Släng utkast' }).click();
  await expect(toast(page)).toContainText('Utkastet är slängt.');
  await expect(editor(page)).toHaveCount(0);
  await expect(section.getByRole('button', { name: /^Fortsätt utkastet/ })).toHaveCount(0);
  await expect(signedNotes(page)).toHaveCount(1);
  await page.reload();
  await expect(signedNotes(page)).toHaveCount(1);
  await expect(section.getByRole('button', { name: /^Fortsätt utkastet/ })).toHaveCount(0);
});

test('the search finds a word in its forms, marks it, narrows by category, and says when nothing is found', async ({ page, openApp, databasePath }) => {
  await seedPlacement(databasePath);
  await openApp();
  await openPlacement(page);
  await writeNote(page, 'Barnsamtal', 'Tova berättade att hon trivs i skolan.\nHon vill fortsätta spela fotboll.');
  await writeNote(page, 'Kontakt', 'Skolans rektor ringde om frånvaron i oktober.');
  await writeNote(page, 'Kontakt', 'Familjehemmet vill ha handledning en gång i månaden.');
  // The rektor's call is corrected: the hit says so.
  const call = signedNotes(page).filter({ hasText: 'Skolans rektor' });
  await call.getByRole('button', { name: /^Rätta/ }).click();
  await editor(page).getByLabel('Rättelse').fill('Det var biträdande rektor som ringde.');
  await editor(page).getByRole('button', { name: 'Signera' }).click();
  await page.getByRole('dialog', { name: 'Signera anteckningen' }).getByRole('button', { name: 'Signera' }).click();
  await expect(call.getByRole('list', { name: 'Rättelser' })).toContainText('Det var biträdande rektor som ringde.');

  // The search is reached from every list of notes (the main menu has no room for it).
  await notesSection(page).getByRole('link', { name: 'Sök i alla anteckningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök i anteckningar' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Sök' });
  await expect(search).toBeFocused();
  const hits = page.getByRole('list', { name: 'Träffar' }).getByRole('article');
  await expect(page.getByText('Skriv ett ord för att söka i alla signerade anteckningar. Ord hittas i sina former: skola hittar skolan och skolans.')).toBeVisible();
  await expect(hits).toHaveCount(0);
  await closeToasts(page);
  await expectAccessible(page);
  await photograph(page, 'sok-tom', page.locator('.notes-search'));

  // "skola" finds "skolan" and "Skolans", each marked; the note about handledning is not a hit.
  await search.fill('skola');
  await expect(page.getByText('2 träffar', { exact: true })).toBeVisible();
  await expect(hits).toHaveCount(2);
  await expect(hits.filter({ hasText: 'rektor' }).locator('mark')).toHaveText('Skolans');
  const talk = hits.filter({ hasText: 'trivs i skolan' });
  await expect(talk.locator('mark')).toHaveText('skolan');
  await expect(talk).toContainText('Barnsamtal');
  await expect(talk).toContainText(E2E_USER);
  await expect(talk).toContainText(CHILD);
  await expect(talk.getByRole('link', { name: 'Familjen Provberg' })).toHaveAttribute('href', /#\/register\/historik\//);
  await expect(talk.getByText('Rättad', { exact: true })).toHaveCount(0);
  await expect(hits.filter({ hasText: 'rektor' }).getByText('Rättad', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Författare' }).getByRole('option')).toHaveText(['Alla', E2E_USER]);
  await expectAccessible(page);
  await photograph(page, 'sok-traffar', page.locator('.notes-search'));

  // Narrowed to a category, then a word in no note.
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Barnsamtal' });
  await expect(page.getByText('1 träff', { exact: true })).toBeVisible();
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText('trivs i skolan');
  await search.fill('simhall');
  await expect(page.getByText('Inga signerade anteckningar innehåller ordet ”simhall” med de här filtren.')).toBeVisible();
  await expect(hits).toHaveCount(0);
  await page.getByRole('button', { name: 'Rensa filter' }).first().click();
  await expect(page.getByText('Inga signerade anteckningar innehåller ordet ”simhall”.')).toBeVisible();
  await expectAccessible(page);

  // A hit's home leads to its history, where the notes on its placements are the home's too, naming no child.
  await search.fill('skola');
  await hits.filter({ hasText: 'trivs i skolan' }).getByRole('link', { name: 'Familjen Provberg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vårdgivarhistorik – Familjen Provberg' })).toBeVisible();
  const homeNotes = page.getByRole('region', { name: /^Anteckningar om hemmet/ });
  await expect(homeNotes.getByRole('article')).toHaveCount(3);
  await expect(homeNotes.getByRole('link', { name: 'Placeringen' })).toHaveCount(3);
  await expect(homeNotes).not.toContainText(CHILD);
  await expect(homeNotes.getByRole('list', { name: 'Rättelser' })).toHaveText(`Rättad 2026-11-22 av ${E2E_USER}: Det var biträdande rektor som ringde.`);
  await expectAccessible(page);
  await photograph(page, 'historik-anteckningar', homeNotes);
});

test('many notes: a home shows its notes a page at a time with "Visa fler", and the search pages its hits 50 at a time', async ({ page, openApp, databasePath }) => {
  // 60 notes on a home, one a day up to 2026-11-21, by two authors: more than a page of hits and of notes.
  const day = (n: number) => new Date(Date.UTC(2026, 10, 21) - (60 - n) * 86_400_000).toISOString().slice(0, 10);
  const notes = Array.from({ length: 60 }, (_, i) => ({
    id: `N${i + 1}`,
    homeId: 'F1',
    author: i % 3 === 0 ? 'Saga Handläggarsson' : E2E_USER,
    writtenOn: day(i + 1),
    category: 'uppfoljningsbesok',
    text: `Anteckning ${i + 1}: samtal med skolan om läxhjälp.`,
  }));
  await withServices(databasePath, (services) =>
    services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Sidberg', municipality: 'Sundsvall' }],
      notes,
    }),
  );
  await openApp();
  await gotoRegister(page);
  await openHome(page, 'Familjen Sidberg');
  await panel(page).getByRole('link', { name: 'Vårdgivarhistorik' }).click();

  // The home's history: its newest notes, then the rest a page at a time.
  const homeNotes = page.getByRole('region', { name: /^Anteckningar om hemmet/ });
  await expect(homeNotes.getByRole('heading', { level: 2 })).toHaveText('Anteckningar om hemmet 60 anteckningar');
  const shown = homeNotes.getByRole('article');
  const first = await shown.count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(60);
  await expect(shown.first()).toContainText('Anteckning 60:');
  while ((await shown.count()) < 60) {
    const before = await shown.count();
    await homeNotes.getByRole('button', { name: 'Visa fler' }).click();
    await expect(shown).not.toHaveCount(before);
    // Reading goes on at the first note fetched.
    await expect(shown.nth(before)).toBeFocused();
  }
  await expect(shown.last()).toContainText('Anteckning 1:');
  await expect(homeNotes.getByRole('button', { name: 'Visa fler' })).toHaveCount(0);

  // The search pages its hits, newest first.
  await homeNotes.getByRole('link', { name: 'Sök i alla anteckningar' }).click();
  await page.getByRole('searchbox', { name: 'Sök' }).fill('skola');
  const hits = page.getByRole('list', { name: 'Träffar' }).getByRole('article');
  await expect(page.getByText('60 träffar', { exact: true })).toBeVisible();
  await expect(hits).toHaveCount(50);
  await expect(hits.first()).toContainText('Anteckning 60:');
  const pager = page.getByRole('navigation', { name: 'Sidor med träffar' });
  await expect(pager).toContainText('Visar 1–50 av 60');
  await pager.getByRole('button', { name: /^Nästa sida/ }).click();
  await expect(pager).toContainText('Visar 51–60 av 60');
  await expect(hits).toHaveCount(10);
  await expect(hits.last()).toContainText('Anteckning 1:');
  // Another author is another list: it starts at its first page.
  await page.getByRole('combobox', { name: 'Författare' }).selectOption('Saga Handläggarsson');
  await expect(page.getByText('20 träffar', { exact: true })).toBeVisible();
  await expect(hits).toHaveCount(20);
  await expect(hits.first()).toContainText('Anteckning 58:');
  await expect(pager).toHaveCount(0);
});
