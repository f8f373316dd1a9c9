import type { Page } from '@playwright/test';
import { assessmentDimensions } from '../../main/domain/vocabulary';
import type { HomeQuality } from '../../preload/api';
import { dataRows, E2E_USER, expect, expectAccessible, gotoRegister, openHome, panel, screenshot, test, TODAY, withServices } from './fixtures';

/**
 * The quality index wherever a home is shown (TODAY 2026-11-22): the register's column, the home's
 * panel and its history page. On the demo register, Östergårdens HVB gets more evidence: IVO's
 * inspections over the years (one older than the 5-year cut-off), a deviation and an assessment
 * after a barnsamtal; Statens exempelhem has too little for a number; and a new HVB run by an
 * enskild huvudman has no verified IVO permit. The numbers expected are main's (the service the
 * window asks), so the test checks what the window makes of them.
 */
const HOME = 'Östergårdens HVB';
const THIN = 'Statens exempelhem';
const NO_PERMIT = 'Exempelgårdens HVB';
const YEAR_AGO = '2025-11-22';
const BARRIER = 'Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.';

interface Seeded {
  home: HomeQuality;
  deviationId: string;
}

async function seed(databasePath: string): Promise<Seeded> {
  return withServices(databasePath, async (services) => {
    await services.demo.load(TODAY);
    const homes = await services.homes.list();
    const home = homes.find((h) => h.name === HOME)!;
    // IVO's inspections: three within a year before YEAR_AGO (so a year ago had a number too), one past the cut-off.
    for (const [date, verdict] of [
      ['2021-03-01', 'utan-anmarkning'],
      ['2023-09-12', 'utan-anmarkning'],
      ['2024-10-15', 'utan-anmarkning'],
      ['2025-06-10', 'kritik'],
    ] as const) {
      await services.placements.recordEvent({ homeId: home.id, type: 'ivo-tillsyn', date, comment: null, verdict });
    }
    const deviation = await services.journal.recordDeviation({
      homeId: home.id,
      reportedOn: '2026-10-05',
      kind: 'avvikelse',
      category: null,
      severity: 'medel',
      description: 'Ett barn fick vänta på sin medicin en kväll.',
      recordedBy: E2E_USER,
    });
    const ongoing = (await services.journal.homeHistory(home.id, TODAY)).placements.find((p) => p.from === '2026-08-10')!;
    await services.journal.recordAssessment({
      placementId: ongoing.placementId!,
      assessedOn: '2026-10-20',
      eventId: null,
      scores: { ...Object.fromEntries(assessmentDimensions.map((d) => [d, null])), trygghet: 4, skola: 3 } as Record<(typeof assessmentDimensions)[number], number | null>,
      childVoice: 'trivs',
      comment: null,
      corrects: null,
      recordedBy: E2E_USER,
    });
    await services.homes.save({
      kind: 'hvb', name: NO_PERMIT, orgNr: null, operator: 'enskild', municipality: 'Timrå', capacity: 4, targetGroup: null, agency: null, persons: [],
    });
    return { home: await services.quality.homeQuality(home.id, TODAY), deviationId: deviation.id };
  });
}

const qualityCell = (page: Page, home: string) => dataRows(page).filter({ hasText: home }).locator('[col-id="quality"]');
const qualitySection = (page: Page) => page.getByRole('region', { name: 'Kvalitetsindex' });
const dimension = (page: Page, name: string) => qualitySection(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

test('the register, the panel and the history page show a home\'s index with its evidence, the year before and the settings version', async ({ page, openApp, databasePath }) => {
  const { home, deviationId } = await seed(databasePath);
  expect(home.score, 'Östergården has enough evidence for a number').not.toBeNull();
  expect(home.yearAgo.score, 'and had a year ago').not.toBeNull();

  await openApp();
  await gotoRegister(page);
  await expect(dataRows(page).first()).toBeVisible();
  // The column: a number and grade where there is evidence enough, "Inget index" where not, the barrier where it holds.
  await expect(qualityCell(page, HOME)).toContainText(`${home.score} ${home.grade}`);
  await expect(qualityCell(page, HOME)).toContainText(`${{ low: 'låg', medium: 'medel', high: 'hög' }[home.confidence]} säkerhet`);
  await expect(qualityCell(page, THIN)).toContainText('Inget index');
  await expect(qualityCell(page, THIN).locator('[title]')).toHaveAttribute('title', /För lite underlag/);
  await expect(qualityCell(page, NO_PERMIT)).toContainText('Kan inte ta emot placeringar');
  await expect(page.getByText('Beräknat med standardinställningarna.')).toBeVisible();
  // Not a column to sort by: its header says nothing of sorting.
  await expect(page.getByRole('columnheader', { name: 'Kvalitet' })).not.toHaveAttribute('aria-sort');
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'register-kvalitet');

  // The panel: the badge, what pulls the score down, and the way to the whole breakdown.
  await openHome(page, HOME);
  await expect(panel(page)).toContainText(`Kvalitetsindex ${home.score} ${home.grade}`);
  await expect(panel(page)).toContainText('Beräknat med standardinställningarna.');
  await panel(page).getByRole('link', { name: 'Hela underlaget för indexet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Vårdgivarhistorik – ${HOME}` })).toBeVisible();

  const section = qualitySection(page);
  await expect(section).toContainText(`${home.score} av 100`);
  await expect(section).toContainText(`betyg ${home.grade}`);
  const change = home.score! - home.yearAgo.score!;
  const trend = change === 0 ? `Oförändrat sedan ${YEAR_AGO}` : `${change > 0 ? 'Upp' : 'Ned'} ${Math.abs(change)} sedan ${YEAR_AGO} (då ${home.yearAgo.score} ${home.yearAgo.grade})`;
  await expect(section).toContainText(trend);
  await expect(section).toContainText('Beräknat med standardinställningarna.');
  await expect(section.getByText(BARRIER)).toHaveCount(0);

  // Each dimension: its score, weight and how much evidence; the evidence behind it when asked for.
  const ivo = dimension(page, 'IVO:s tillsyn');
  const ivoView = home.components.find((c) => c.dimension === 'ivo-tillsyn')!;
  await expect(ivo).toContainText(`${ivoView.score} av 100`);
  await expect(ivo).toContainText('vikt 20 %');
  // The demo's own inspection (2026-06-22) and the three added within five years count; the oldest does not.
  await expect(ivo).toContainText('4 underlag');
  const toggle = ivo.getByRole('button', { name: 'Visa underlaget (5) för IVO:s tillsyn' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(ivo.getByRole('list', { name: 'Underlaget för IVO:s tillsyn' })).toBeHidden();
  await toggle.click();
  await expect(ivo.getByRole('button', { name: /^Dölj underlaget/ })).toHaveAttribute('aria-expanded', 'true');
  const evidence = ivo.getByRole('list', { name: 'Underlaget för IVO:s tillsyn' }).getByRole('listitem');
  await expect(evidence).toHaveCount(5);
  const criticism = ivoView.items.find((item) => item.date === '2025-06-10')!;
  const shown = evidence.filter({ hasText: '2025-06-10' });
  await expect(shown).toContainText('Tillsyn: kritik');
  await expect(shown).toContainText(`väger ${Math.round(criticism.decay * 100)} %`);
  expect(Math.round(criticism.decay * 100)).toBeLessThan(100); // older evidence weighs less
  await expect(evidence.last()).toContainText('2021-03-01');
  await expect(evidence.last()).toContainText('räknas inte: äldre än 5 år');

  // Barnens röst: the barnsamtal's assessment, counted today.
  const voices = dimension(page, 'Barnens röst');
  await expect(voices).toContainText('1 underlag');
  await voices.getByRole('button', { name: /^Visa underlaget/ }).click();
  const voice = voices.getByRole('listitem');
  await expect(voice).toHaveCount(1);
  await expect(voice.locator('.quality-item__date')).toHaveText('2026-10-20');
  await expect(voice).toContainText('Barnet trivs');
  await expect(voice).toContainText(/väger \d+ %/);

  await expectAccessible(page);
  // The picture: the section from its top, one dimension's evidence open.
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'kvalitetsindex');
  await page.setViewportSize({ width: 1024, height: 900 });
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'kvalitetsindex-1024');

  // A deviation behind a score leads to the deviation.
  const deviations = dimension(page, 'Avvikelser och lex Sarah');
  await deviations.getByRole('button', { name: /^Visa underlaget/ }).click();
  await deviations.getByRole('link', { name: 'Avvikelse, allvarlighet medel' }).click();
  await expect(page).toHaveURL(new RegExp(`#/avvikelser/${deviationId}$`));
});

test('a home that must have an IVO permit and has none says it cannot take placements, and names the settings version', async ({ page, openApp, databasePath }) => {
  await seed(databasePath);
  // The index's settings changed once: every score names version 1 from now on.
  await withServices(databasePath, async (services) => {
    const { settings } = await services.quality.getSettings();
    await services.quality.saveSettings({ settings: { ...settings, halfLifeMonths: 36 }, version: 0, changedBy: E2E_USER, reason: 'Äldre tillsyn ska väga mer.' });
  });

  await openApp();
  await gotoRegister(page);
  await expect(qualityCell(page, NO_PERMIT)).toContainText('Kan inte ta emot placeringar');
  await expect(page.getByText('Beräknat med inställningar version 1.')).toBeVisible();

  await openHome(page, NO_PERMIT);
  await expect(panel(page)).toContainText(BARRIER);
  await expect(panel(page)).toContainText('Inget index');
  await panel(page).getByRole('link', { name: 'Vårdgivarhistorik' }).click();

  const section = qualitySection(page);
  await expect(section.getByRole('heading', { level: 3, name: 'Kan inte ta emot placeringar' })).toBeVisible();
  await expect(section).toContainText(BARRIER);
  await expect(section).toContainText('Inget index');
  // No number: a plain sentence of what is missing instead.
  await expect(section).toContainText('För lite underlag för ett värde: inget underlag räknas, minst 3 behövs.');
  await expect(section).toContainText(`Inget index för ett år sedan (${YEAR_AGO}).`);
  await expect(dimension(page, 'IVO:s tillsyn')).toContainText('inget värde');
  await expect(section).toContainText('Beräknat med inställningar version 1.');
  await expectAccessible(page);
});
