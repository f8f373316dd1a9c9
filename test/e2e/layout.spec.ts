import type { Page } from '@playwright/test';
import { E2E_USER, expect, expectAccessible, gotoRegister, loadDemo, mainMenu, menuItem, test, TODAY, withServices } from './fixtures';

/**
 * The window's layout, as a case worker sees it at 1 280 px, at 1 024 px (a 1 280 screen at 125 %)
 * and on a wide screen: the window itself never scrolls, the top menu stays in view, and only the
 * main area scrolls.
 */

/** How far the document reaches beyond the window, and how far the window is scrolled. */
async function windowOverflow(page: Page) {
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth - window.innerWidth,
    height: document.documentElement.scrollHeight - window.innerHeight,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
  }));
}

/** The window has nothing to scroll, either way, and is not scrolled. */
async function expectWindowFits(page: Page, where: string) {
  expect(await windowOverflow(page), `${where}: the window does not scroll`).toEqual({ width: 0, height: 0, scrollX: 0, scrollY: 0 });
}

/** The top menu is where it belongs: at the top of the window, from its left edge. */
async function expectHeaderInView(page: Page) {
  const header = await page.locator('.app-header').boundingBox();
  expect(header).toMatchObject({ x: 0, y: 0 });
}

async function gotoRules(page: Page) {
  await menuItem(page, 'Regler').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regler och lagrum' })).toBeVisible();
}

for (const width of [1024, 1280, 1920]) {
  test(`the Regler page fits a ${width} px window: only the main area scrolls, the top menu stays`, async ({ page, openApp }) => {
    await page.setViewportSize({ width, height: 768 });
    await openApp();
    await gotoRegister(page);
    await loadDemo(page);
    await gotoRules(page);
    await expectWindowFits(page, 'Regler');
    // Nor does the main area scroll sideways: the page is as wide as the window.
    const main = page.locator('#main');
    expect(await main.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);

    // The wheel over the page scrolls the main area to its end, and no further: never the window.
    await page.mouse.move(width / 2, 400);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 2000);
    await expect.poll(() => main.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1)).toBe(true);
    await page.mouse.wheel(0, 2000);
    await expectWindowFits(page, 'Regler after the wheel');
    await expectHeaderInView(page);

    // Tabbing to the last field brings it into view inside the main area; the menu stays.
    await page.getByLabel('Skäl till ändringen').focus();
    await page.getByRole('button', { name: 'Spara reglerna' }).focus();
    await expectWindowFits(page, 'Regler with focus at the end');
    await expectHeaderInView(page);
    await expect(menuItem(page, 'Regler')).toBeInViewport();
    await expectAccessible(page);
  });
}

/** The main menu's items, in order. */
const menuNames = ['Bevakning', 'Placeringar', 'Hitta placering', 'Kontroller', 'Avvikelser', 'Aktgranskning', 'Rapporter', 'Register', 'Regler'];

/**
 * The widest menu a register realistically gives: the demo register, and on one of its homes a lex
 * Sarah judged serious whose anmälan till IVO is late, so Avvikelser has both its badges ("1 öppen",
 * "1 till IVO") beside Bevakning's and Kontroller's.
 */
async function seedDemoWithLateLexSarah(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    await services.demo.load(TODAY);
    const [home] = await services.homes.list();
    const report = await services.journal.recordDeviation({
      homeId: home!.id,
      reportedOn: '2026-09-28',
      kind: 'lex-sarah',
      category: 'bemotande',
      severity: 'allvarlig',
      description: 'Personal höll fast en ungdom i samband med ett bråk i matsalen.',
      recordedBy: E2E_USER,
    });
    const step = { deviationId: report.id, text: null, recordedBy: E2E_USER };
    await services.journal.addStep({ ...step, step: 'under-utredning', date: '2026-09-29', serious: null });
    // Serious: the anmälan till IVO was due 14 days after the bedömning, long before TODAY.
    await services.journal.addStep({ ...step, step: 'bedomning', date: '2026-10-01', serious: true });
  });
}

/**
 * Every menu item on screen and whole, nothing in the menu cut off or scrolled, and each count badge
 * one line ("5 försenade" never broken into a two-line pill).
 */
async function expectMenuFits(page: Page, where: string) {
  const width = page.viewportSize()?.width ?? 0;
  for (const name of menuNames) {
    const item = menuItem(page, name);
    await expect(item, `${where}: ${name}`).toBeVisible();
    const box = await item.boundingBox();
    expect(box, `${where}: ${name} within the window`).not.toBeNull();
    expect(box!.x, `${where}: ${name} starts in the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${where}: ${name} ends in the window`).toBeLessThanOrEqual(width);
  }
  const nav = mainMenu(page);
  expect(await nav.evaluate((element) => element.scrollWidth - element.clientWidth), `${where}: the menu is not cut off`).toBe(0);
  const badges = nav.locator('.nav-count');
  expect(await badges.count(), `${where}: the demo data give the menu its badges`).toBeGreaterThanOrEqual(3);
  for (const badge of await badges.all()) {
    const lines = await badge.evaluate((element) => ({
      text: element.textContent,
      boxes: element.getClientRects().length,
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(lines.boxes, `${where}: "${lines.text}" is one box`).toBe(1);
    expect(lines.height, `${where}: "${lines.text}" is one line`).toBeLessThanOrEqual(lines.lineHeight + 1);
  }
}

for (const [width, height] of [[1280, 800], [1024, 768], [900, 700]] as const) {
  test(`the top menu fits a ${width} px window, every item on screen and each badge on one line`, async ({ page, openApp, databasePath }) => {
    await page.setViewportSize({ width, height });
    await seedDemoWithLateLexSarah(databasePath);
    await openApp();
    await gotoRegister(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Register över hem' })).toBeVisible();
    // Every item's badges are there: the menu is measured at its widest.
    await expect(menuItem(page, 'Avvikelser').locator('.nav-count')).toHaveText(['1 öppen', '1 till IVO']);
    await expect(menuItem(page, 'Bevakning').locator('.nav-count')).not.toHaveCount(0);
    await expect(menuItem(page, 'Kontroller').locator('.nav-count')).not.toHaveCount(0);
    for (const name of menuNames) {
      await menuItem(page, name).click();
      await expect(menuItem(page, name)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectWindowFits(page, name);
      await expectHeaderInView(page);
      await expectMenuFits(page, name);
    }
    // The last item is reached by keyboard without the window scrolling.
    await menuItem(page, 'Regler').focus();
    await expectWindowFits(page, 'focus on Regler');
    await expectAccessible(page);
  });
}

for (const width of [1024, 1280, 1920]) {
  test(`the Regler page's table of legal references shows whole dates at ${width} px, inside its section`, async ({ page, openApp }) => {
    await page.setViewportSize({ width, height: 768 });
    await openApp();
    await gotoRules(page);
    const table = page.locator('.rules-table:not(.catalogue-table)');
    // The table keeps within its section: its last column ("Ta bort") is not pushed out of it.
    const overflow = await table.evaluate((element) => {
      const section = element.closest('fieldset')!;
      const style = getComputedStyle(section);
      const inner = section.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
      return { table: element.scrollWidth - element.clientWidth, beyondSection: element.getBoundingClientRect().right - inner };
    });
    expect(overflow.table).toBeLessThanOrEqual(0);
    expect(overflow.beyondSection).toBeLessThanOrEqual(0.5);
    // Each date, and the ÅÅÅÅ-MM-DD of an empty field, is whole in its field.
    const cut = await table.locator('input.input--date').evaluateAll((inputs) => {
      // The text as the field sets it, measured in a span with the field's font.
      const probe = document.createElement('span');
      probe.style.cssText = 'position: fixed; left: 0; top: 0; white-space: pre; visibility: hidden';
      document.body.append(probe);
      const found = (inputs as HTMLInputElement[])
        .map((input) => {
          const style = getComputedStyle(input);
          probe.style.font = style.font;
          probe.style.letterSpacing = style.letterSpacing;
          probe.textContent = input.value || input.placeholder;
          const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return { text: probe.textContent, width: probe.getBoundingClientRect().width, room };
        })
        .filter(({ width, room }) => width > room + 0.5);
      probe.remove();
      return found;
    });
    expect(await table.locator('input.input--date').count()).toBeGreaterThan(10);
    expect(cut).toEqual([]);
  });
}

/**
 * The texts of the grid's drawn cells that are cut: a text laid out beyond a box that clips it (an
 * ellipsis, a clamp to two lines, a cell shorter than its lines). What a cell shows whole is read by
 * the eye and by keyboard focus alike.
 */
async function cutTexts(page: Page, grid: string): Promise<string[]> {
  return page.getByRole('grid', { name: grid }).getByRole('gridcell').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const cut: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = range.getBoundingClientRect();
        // Every box between the text and the cell that clips what overflows it.
        for (let box = node.parentElement; box; box = box === cell ? null : box.parentElement) {
          const style = getComputedStyle(box);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const edge = box.getBoundingClientRect();
          const inner = {
            left: edge.left + parseFloat(style.borderLeftWidth),
            right: edge.right - parseFloat(style.borderRightWidth),
            top: edge.top + parseFloat(style.borderTopWidth),
            bottom: edge.bottom - parseFloat(style.borderBottomWidth),
          };
          if (text.left < inner.left - 1 || text.right > inner.right + 1 || text.top < inner.top - 1 || text.bottom > inner.bottom + 1) {
            cut.push(`${cell.getAttribute('col-id')}: ${node.textContent}`);
            break;
          }
        }
      }
      return cut;
    }),
  );
}

for (const width of [1024, 1280, 1920]) {
  test(`the lists show the whole text of every cell at ${width} px, so focus and the eye read it without a tooltip`, async ({ page, openApp }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp();
    await gotoRegister(page);
    await loadDemo(page);

    await menuItem(page, 'Bevakning').click();
    const deadlines = page.getByRole('grid', { name: 'Bevakning' });
    await expect(deadlines.getByRole('gridcell').first()).toBeVisible();
    // The texts the case worker could not read: the re-check's title and what a deadline is counted from.
    const recheck = deadlines.getByRole('row').filter({ hasText: 'Registerkontroll: Belastningsregistret för Gun Exempelgren' });
    await expect(recheck).toHaveCount(1);
    await expect(recheck.locator('[col-id="legalRef"]')).toContainText('Räknat från: senast kontrollerad 2024-10-22');
    expect(await cutTexts(page, 'Bevakning')).toEqual([]);
    // From the keyboard: Tab from the last filter, over Exportera, reaches the grid, the arrows its
    // cells, and the focused cell holds its whole text (the re-check is due first).
    await page.getByLabel('Regel').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Exportera' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(recheck.locator('[col-id="title"]')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(recheck.locator('[col-id="legalRef"]')).toBeFocused();
    expect(await cutTexts(page, 'Bevakning')).toEqual([]);
    await expectAccessible(page);

    // Placeringar's rows come from main a block at a time, all one height: as tall as the tallest text.
    await menuItem(page, 'Placeringar').click();
    const placements = page.getByRole('grid', { name: 'Placeringar' });
    await expect(placements.getByRole('gridcell').first()).toBeVisible();
    await page.getByLabel('Bara pågående').uncheck();
    await expect(page.locator('.result-count')).not.toContainText('dolda');
    await expect(placements.getByRole('row').filter({ hasText: '2026-' }).first()).toBeVisible();
    await expect.poll(() => cutTexts(page, 'Placeringar')).toEqual([]);

    await menuItem(page, 'Kontroller').click();
    const checks = page.getByRole('grid', { name: 'Kontroller' });
    await expect(checks.getByRole('gridcell').first()).toBeVisible();
    await page.getByRole('group', { name: 'Visa kontroller' }).getByRole('button', { name: /^\d+ Alla/ }).click();
    expect(await cutTexts(page, 'Kontroller')).toEqual([]);

    await menuItem(page, 'Register').click();
    await expect(page.getByRole('grid', { name: 'Register över hem' }).getByRole('gridcell').first()).toBeVisible();
    expect(await cutTexts(page, 'Register över hem')).toEqual([]);
  });
}

for (const width of [1024, 1280]) {
  test(`the bevakningslista shows all its columns at ${width} px, without scrolling sideways`, async ({ page, openApp }) => {
    await page.setViewportSize({ width, height: 800 });
    await openApp();
    await gotoRegister(page);
    await loadDemo(page);
    await menuItem(page, 'Bevakning').click();
    const grid = page.getByRole('grid', { name: 'Bevakning' });
    await expect(grid.getByRole('gridcell').first()).toBeVisible();
    const box = (await grid.boundingBox())!;
    for (const name of ['Status', 'Förfaller', 'Bevakning', 'Lagrum', 'Barn och hem', 'Handläggare']) {
      const header = (await grid.getByRole('columnheader', { name }).boundingBox())!;
      expect(header.x, name).toBeGreaterThanOrEqual(box.x);
      expect(header.x + header.width, name).toBeLessThanOrEqual(box.x + box.width);
    }
  });
}
