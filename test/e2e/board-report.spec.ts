/**
 * Rapporter: the nämndrapport on the demo register for last year and this year so far, as an
 * enhetschef sees it (the summary, a key figure against the year before, the tables with their
 * small numbers hidden), Back to the same period, the PDF; the förteckning till IVO as a PDF; and
 * a handläggare told the reports are an enhetschef's. All homes and children are fictional.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { closeToasts, expect, expectAccessible, menuItem, screenshot, signIn, test, toast, TODAY, withServices } from './fixtures';

const CHIEF = 'Elin Enhetschefsson';
const CASEWORKER = 'Hanna Handläggarsson';

async function seedDemo(databasePath: string): Promise<void> {
  await withServices(databasePath, async (services) => {
    await services.demo.load(TODAY);
    await services.users.insert({ name: CHIEF, initials: 'EE', role: 'enhetschef', units: ['Barn och unga Nord'], active: true, pin: null });
    await services.users.insert({ name: CASEWORKER, initials: 'HH', role: 'handlaggare', units: ['Barn och unga Nord'], active: true, pin: null });
  });
}

async function openAs(page: Page, url: string, name: string): Promise<void> {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(url);
  await signIn(page, name);
}

const address = (page: Page) => new URL(page.url()).hash;
const table = (page: Page, name: string) => page.getByRole('table', { name });
const kpi = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

test('the nämndrapport on screen: last year, this year so far, Back to the same period, the PDF', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await seedDemo(databasePath);
  await openAs(page, host.url, CHIEF);

  await menuItem(page, 'Rapporter').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible();
  await expect(page).toHaveTitle('Rapporter – Placeringskollen');
  const boardCard = page.getByRole('region', { name: 'Nämndrapport' });
  await expect(boardCard.getByRole('textbox', { name: 'Från' })).toHaveValue('2025-01-01');
  await expect(boardCard.getByRole('textbox', { name: 'Till' })).toHaveValue('2025-12-31');
  await expect(boardCard.getByLabel('Enhet', { exact: true })).toContainText('Barn och unga Nord');
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'rapporter');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'rapporter-1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The card's quick choice opens the report for last year.
  await boardCard.getByRole('button', { name: 'Förra året' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nämndrapport' })).toBeVisible();
  await expect(page).toHaveTitle('Nämndrapport – Placeringskollen');
  expect(address(page)).toBe('#/rapporter/namnd?from=2025-01-01&to=2025-12-31');
  await expect(page.getByRole('heading', { level: 2, name: 'Alla enheter, 2025-01-01 – 2025-12-31' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Sammanfattning' });
  // The demo's last year is small: nothing changed by 5 procentenheter, in the PDF's words.
  await expect(summary).toContainText('Ingen av de jämförda andelarna ändrades med 5 procentenheter eller mer');
  // Four of four with a vårdplan: too few children to show a share, and nothing to compare.
  await expect(kpi(page, 'Vårdplan finns')).toContainText('färre än 5');
  await expect(kpi(page, 'Vårdplan finns')).toContainText('året innan: färre än 5');
  await expect(kpi(page, 'Vårdplan finns')).not.toContainText('4 av 4');
  await expect(kpi(page, 'Överväganden om vårdnadsöverflyttning i tid')).toContainText('inget att räkna');
  const byForm = table(page, 'Placeringar efter placeringsform');
  await expect(byForm.getByRole('row', { name: /^Nätverkshem/ }).getByRole('cell').first()).toHaveText('färre än 5');
  await expect(byForm.getByRole('columnheader', { name: 'Nya året innan' })).toBeVisible();
  await expect(table(page, 'Placeringar efter lagrum').getByRole('row', { name: /^SoL/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Överväganden och omprövningar i tid: – \(året innan –\)/ })).toBeVisible();
  await expect(page.getByText('Ingen slumpmässig aktgranskning drogs under perioden.')).toBeVisible();

  // This year so far, by the quick choice on the report's own page: a new step in the history.
  await page.getByRole('button', { name: 'I år hittills' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Alla enheter, 2026-01-01 – ${TODAY}` })).toBeFocused();
  expect(address(page)).toBe(`#/rapporter/namnd?from=2026-01-01&to=${TODAY}`);
  const plans = kpi(page, 'Vårdplan finns');
  await expect(plans).toContainText('100 %');
  // Shares only, never "t av n": two denominators side by side could tell of the few between them.
  await expect(plans).not.toContainText(' av 10');
  await expect(plans).toContainText('året innan: färre än 5');
  await expect(plans).toContainText('Ingen jämförelse');
  await expect(kpi(page, 'Barnsamtal per barn och år')).toContainText('3,1');
  await expect(table(page, 'Placeringar efter placeringsform').getByRole('row', { name: /^Totalt/ }).getByRole('cell').first()).toHaveText('8');
  await expect(table(page, 'Kostnader efter utförare')).toBeVisible();
  await expect(page.getByRole('img', { name: /Vårdplan finns: 100 % \(året innan –\)/ }).locator('svg').first()).toBeVisible();
  await expectAccessible(page);
  await closeToasts(page);
  await page.setViewportSize({ width: 1280, height: 2600 });
  await screenshot(page, 'namndrapport');
  await page.setViewportSize({ width: 1024, height: 2900 });
  await screenshot(page, 'namndrapport-1024');
  // The outcomes' and costs' tables, further down.
  for (const [width, name] of [[1280, 'namndrapport-tabeller'], [1024, 'namndrapport-tabeller-1024']] as const) {
    await page.setViewportSize({ width, height: 1500 });
    await page.getByRole('heading', { level: 2, name: 'Utfall' }).evaluate((element) => element.scrollIntoView());
    await screenshot(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back: last year again, the fields with it; Forward: this year.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Alla enheter, 2025-01-01 – 2025-12-31' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Från' })).toHaveValue('2025-01-01');
  await expect(page.getByRole('textbox', { name: 'Till' })).toHaveValue('2025-12-31');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: `Alla enheter, 2026-01-01 – ${TODAY}` })).toBeVisible();
  // A reload keeps it.
  await page.reload();
  await signIn(page, CHIEF).catch(() => undefined);
  await expect(page.getByRole('heading', { level: 2, name: `Alla enheter, 2026-01-01 – ${TODAY}` })).toBeVisible();

  // An end before the start is told at "Till", and nothing is asked; Enter in a date field shows the report.
  await page.getByRole('textbox', { name: 'Till' }).fill('2025-06-30');
  await page.getByRole('textbox', { name: 'Till' }).press('Enter');
  await expect(page.getByText('Perioden slutar (2025-06-30) innan den börjar (2026-01-01).')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Till' })).toBeFocused();
  expect(address(page)).toBe(`#/rapporter/namnd?from=2026-01-01&to=${TODAY}`);
  await page.getByRole('textbox', { name: 'Från' }).fill('2025-01-01');
  await expect(page.getByText('Perioden slutar (2025-06-30) innan den börjar')).toHaveCount(0);
  await page.getByLabel('Enhet', { exact: true }).selectOption('Barn och unga Nord');
  await page.getByRole('textbox', { name: 'Från' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Barn och unga Nord, 2025-01-01 – 2025-06-30' })).toBeVisible();
  expect(address(page)).toBe('#/rapporter/namnd?from=2025-01-01&to=2025-06-30&enhet=Barn+och+unga+Nord');

  // The same report as a PDF, with the kommun on its first page.
  await page.getByRole('button', { name: 'I år hittills' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Barn och unga Nord, 2026-01-01 – ${TODAY}` })).toBeVisible();
  await page.getByLabel('Kommun').fill('sundsvall');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Nämndrapport/);
  expect(download.suggestedFilename()).toBe(`Nämndrapport Barn och unga Nord 2026-01-01 – ${TODAY}.pdf`);
  const words = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
  expect(words).toContain('Nämndrapport: placerade barn och unga');
  expect(words).toContain('Sundsvall');
  await expect(toast(page)).toContainText(`Nämndrapporten är sparad som ${download.suggestedFilename()}.`);
  await expect(page.getByRole('button', { name: 'Spara som PDF' })).toBeEnabled();
});

test('the förteckning till IVO for a year as a PDF', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await seedDemo(databasePath);
  await openAs(page, host.url, CHIEF);
  await menuItem(page, 'Rapporter').click();
  const card = page.getByRole('region', { name: 'Förteckning till IVO' });
  await expect(card.getByLabel('År')).toHaveValue('2025');
  await card.getByLabel('År').selectOption('2026');
  await card.getByLabel('Kommun').fill('Ingenstans');
  await card.getByRole('button', { name: 'Spara som PDF' }).click();
  await expect(card.getByText('Välj en av Sveriges 290 kommuner.')).toBeVisible();
  await expect(card.getByLabel('Kommun')).toBeFocused();
  await card.getByLabel('Kommun').fill('Sundsvall');
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Spara som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Förteckning till IVO 2026-01-01 – 2026-12-31.pdf');
  const words = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
  expect(words).toContain('Sundsvall');
  await expect(toast(page)).toContainText('Förteckningen är sparad som Förteckning till IVO 2026-01-01 – 2026-12-31.pdf.');
});

test('a handläggare is told the reports are an enhetschef’s', async ({ page, host, databasePath, pageErrors: _pageErrors }) => {
  await seedDemo(databasePath);
  await openAs(page, host.url, CASEWORKER);
  await menuItem(page, 'Rapporter').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible();
  await expect(page.getByText('Nämndrapporten och förteckningen till IVO tas fram av en enhetschef.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara som PDF' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto(`${host.url.split('#')[0]}#/rapporter/namnd?from=2025-01-01&to=2025-12-31`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nämndrapport' })).toBeVisible();
  await expect(page.getByText('Nämndrapporten och förteckningen till IVO tas fram av en enhetschef.')).toBeVisible();
  await expectAccessible(page);
});
