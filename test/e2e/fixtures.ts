import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { startHost } from '../../main/host/server';
import { createServices, type Services } from '../../main/services';
import type { Host } from '../../main/host/server';
import { clockOnDay, testClock, type TestClock } from '../clock';

const rendererDir = path.resolve('out/renderer');

/**
 * The world's date in every test: the page's clock and the host's stand on it, whatever the
 * machine's date, so demo data, deadlines and "in the future" are the same every run.
 */
export const TODAY = '2026-11-22';

/** Who the tests work as: an administratör of the test's register (fictional). */
export const E2E_USER = 'Ulla Provanvändare';

/** "Vem arbetar?": the test's user chosen, and the app shown. */
export async function signIn(page: Page, name = E2E_USER): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Vem arbetar?' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

interface Fixtures {
  /** Where the test's database is: tests may set up what the UI cannot make (register checks). */
  databasePath: string;
  /** The browser host on a fresh, empty database of its own. */
  host: Host;
  /** Opens the app on TODAY (the token in the URL's fragment, as the host prints it) and waits for it. */
  openApp: () => Promise<void>;
  /** Console errors and CSP violations seen so far; checked empty after every test. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  databasePath: async ({}, use, testInfo) => {
    // One folder per test, named after it: the footer shows the database path, and a stable path
    // keeps the screenshots in docs/ unchanged until the UI changes.
    const dir = path.join(tmpdir(), 'placeringskollen-e2e', testInfo.titlePath.join(' ').replace(/[^\w]+/g, '-').slice(0, 40));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await use(path.join(dir, 'register.sqlite'));
    rmSync(dir, { recursive: true, force: true });
  },

  host: async ({ databasePath }, use) => {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer saknas: bygg först med `npx electron-vite build -c electron.config.ts`.');
    }
    // Someone to sign in as: an administratör, who may do everything the tests do.
    const connection = await openDatabase(databasePath);
    try {
      await createServices(connection.db, { clock: testClock() }).users.insert({
        name: E2E_USER, initials: 'UP', role: 'administrator', units: ['Barn och unga'], active: true, pin: null,
      });
    } finally {
      await connection.close();
    }
    // The host's clock stands on the page's day: a check dated after TODAY is in the future for both.
    // No daily copy on a timer: a test's pictures and timings must not depend on when one falls.
    const host = await startHost({ databasePath, port: 0, rendererDir, clock: clockOnDay(TODAY), backups: false });
    await use(host);
    await host.close();
  },

  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.text().includes('Content Security Policy')) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // Violations are also events in the page: record them from the first script on.
    await page.exposeFunction('__reportCspViolation', (text: string) => errors.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
        report(`CSP-överträdelse: ${event.violatedDirective} (${event.blockedURI || 'inline'})`);
      });
    });
    await use(errors);
    expect(errors, 'inga fel i konsolen och inga CSP-överträdelser').toEqual([]);
  },

  openApp: async ({ page, host, pageErrors: _pageErrors }, use) => {
    await use(async () => {
      await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
      await page.goto(host.url);
      await signIn(page);
    });
  },
});

export { expect };

/** The main menu; its "Bevakning" item carries the counts ("3 försenade", "5 snart"). */
export const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
/** A main-menu item (a link to its page) by the start of its name: the name goes on with its counts ("Bevakning 3 försenade"). */
export const menuItem = (page: Page, name: string) => mainMenu(page).getByRole('link', { name: new RegExp(`^${name}`) });

/**
 * The register of homes (the start screen is the bevakningslista): through the main menu, then
 * waits for the register or its empty state.
 */
export async function gotoRegister(page: Page): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Register över hem|Registret är tomt/ })).toBeVisible();
}

/** The register's grid, and its data rows (the header row is a row too: it has no gridcells). */
export const grid = (page: Page) => page.getByRole('grid');
export const dataRows = (page: Page) => grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') });

/** Waits until the grid shows rows and every cell of `column` passes: the grid takes a new page a moment after the counts above it. */
export async function expectEveryCell(page: Page, column: string, pass: (text: string) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await dataRows(page).locator(`[col-id="${column}"]`).allTextContents();
      return texts.length > 0 && texts.every(pass);
    })
    .toBe(true);
}

/** The names in the grid, in the order shown. */
export async function shownNames(page: Page): Promise<string[]> {
  const rows = await dataRows(page).evaluateAll((elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('aria-rowindex')),
      name: row.querySelector('[col-id="name"]')?.textContent?.trim() ?? '',
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map((row) => row.name);
}

/** The detail panel: a region named by its title. */
export const panel = (page: Page) => page.getByRole('region').filter({ has: page.locator('#panel-title') });

/** The panel's own "Stäng" in its footer (the × in its header is named "Stäng" too). */
export const closeButton = (page: Page) => page.locator('.panel__footer').getByRole('button', { name: 'Stäng', exact: true });

/** Opens a home by clicking its row and waits for its panel. */
export async function openHome(page: Page, name: string): Promise<void> {
  await dataRows(page).filter({ hasText: name }).first().click();
  await expect(page.locator('#panel-title')).toHaveText(name);
}

/** The toast region (a live region, role status); other status texts exist on the page too. */
export const toast = (page: Page) => page.locator('.toast-region');

/**
 * Closes the messages still shown before a screenshot. They go by themselves after a while, so
 * whether one is still there depends on the machine's speed; the picture must not.
 */
export async function closeToasts(page: Page): Promise<void> {
  for (const close of await toast(page).getByRole('button', { name: 'Stäng meddelandet' }).all()) {
    await close.click({ timeout: 2_000 }).catch(() => undefined); // gone by itself meanwhile
  }
}

/** Loads the fictional demo register from the empty state and waits for the grid. */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ladda exempeldata' }).click();
  await expect(dataRows(page).first()).toBeVisible();
}

/**
 * A picture for docs/screenshots. Every e2e run refreshes them, so they must come out byte for
 * byte the same while the UI is unchanged: no hover, no caret, no running animation or transition,
 * the fonts loaded, and nothing left to paint.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover highlight in the pictures
  await page.evaluate(async () => {
    await document.fonts.ready;
    const ending = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
    // Two frames: whatever the last state change scheduled has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.screenshot({ path: path.join('docs', 'screenshots', `${name}.png`), animations: 'disabled', caret: 'hide' });
}


/** Accessibility per WCAG 2.1 A and AA: nothing moderate, serious or critical. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(grave).toEqual([]);
}

/**
 * Sets up what a test needs straight in its database, through the same services the app uses,
 * with a clock on TODAY that the setup may move (a check recorded on another day).
 */
export async function withServices<T>(databasePath: string, use: (services: Services, clock: TestClock) => Promise<T>): Promise<T> {
  const connection = await openDatabase(databasePath);
  const clock = testClock(`${TODAY}T09:00:00.000Z`);
  try {
    return await use(createServices(connection.db, { clock }), clock);
  } finally {
    await connection.close();
  }
}

/** The Regler page asks why with every save (who is the signed-in user; both kept in the history). */
export async function fillWhoAndWhy(page: Page, reason = 'Enligt nämndens beslut.'): Promise<void> {
  await page.getByLabel('Skäl till ändringen').fill(reason);
}

/** Registerval, from the user menu (an administratör's). */
export async function openRegisterChoice(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(E2E_USER) }).click();
  await page.getByRole('link', { name: 'Registerval', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registerval' })).toBeVisible();
}
