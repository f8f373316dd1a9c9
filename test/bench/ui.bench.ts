/**
 * `npm run bench:ui`: the figures that only a browser can give, on the benchmark's
 * large city in Debian's Chromium, through the browser host as the end-to-end tests start it
 * (test/e2e/fixtures.ts): a fixed day for the host and the page, the built renderer.
 *
 * - First start: from navigating to the app until the Bevakning list shows its first row, on a
 *   newly started host (new services: nothing computed yet) and a new browser context.
 * - Long frames: 240 frames of scrolling the Bevakning grid, requestAnimationFrame timestamps
 *   taken in the page, frames over 25 ms counted; slow and fast scroll.
 *
 * The database: `BENCH_DB` (npm run bench passes the one it measured), else the city is
 * generated and imported first (`BENCH_SCALE=small` or `--small` for 1/100). Prints the figures;
 * with `BENCH_RESULT` also writes them there as JSON. Fails only when nothing can be measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../main/db/connection';
import { startHost } from '../../main/host/server';
import { createServices } from '../../main/services';
import { signInAs } from '../signed-in';
import { clockOnDay } from '../clock';
import { benchScale, importCity } from './city-database';
import { benchDate } from './synthetic-register';

const rendererDir = path.resolve('out/renderer');
const starts = 3;
const frames = 240;
/** Pixels a frame: about a third of a row (a wheel turned slowly), and five rows (a flick). */
const scrolls = { slow: 20, fast: 300 } as const;
const longFrameMs = 25;

test.describe.configure({ mode: 'serial' });

let databasePath = process.env.BENCH_DB ?? '';
let ownDir: string | null = null;

test.beforeAll(async () => {
  expect(fs.existsSync(path.join(rendererDir, 'index.html')), 'out/renderer saknas: bygg först med npm run build').toBe(true);
  if (databasePath !== '') return;
  const { scale, name } = benchScale();
  ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'placeringskollen-bench-ui-'));
  databasePath = path.join(ownDir, 'city.sqlite');
  const began = Date.now();
  await importCity(databasePath, scale);
  console.log(`${name}: generated and imported in ${((Date.now() - began) / 1000).toFixed(1)} s`);
});

test.afterAll(() => {
  if (ownDir !== null) fs.rmSync(ownDir, { recursive: true, force: true });
});

/** The Bevakning grid's data rows (the header row has no gridcells). */
const dataRows = (page: Page) => page.getByRole('grid').getByRole('row').filter({ has: page.getByRole('gridcell') });

test('first start until Bevakning shows its rows, and long frames while scrolling it', async ({ browser }) => {
  const firstStartMs: number[] = [];
  let rows: number | null = null;
  const long: Record<keyof typeof scrolls, number[]> = { slow: [], fast: [] };
  const medianFrameMs: Record<keyof typeof scrolls, number> = { slow: 0, fast: 0 };

  // Someone to sign in as ("Vem arbetar?" is the first page).
  const connection = await openDatabase(databasePath);
  try {
    await signInAs(createServices(connection.db, { clock: clockOnDay(benchDate) }));
  } finally {
    await connection.close();
  }
  for (let run = 0; run < starts; run++) {
    // A host started afresh: its services have computed nothing, as at the app's first start.
    const host = await startHost({ databasePath, port: 0, rendererDir, clock: clockOnDay(benchDate) });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.clock.setFixedTime(new Date(`${benchDate}T10:00:00`));
      const began = Date.now();
      await page.goto(host.url);
      await page.getByRole('button', { name: /Ada Administratörsson/ }).click();
      await expect(dataRows(page).first()).toBeVisible({ timeout: 10 * 60_000 });
      firstStartMs.push(Date.now() - began);
      rows = Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;

      // Scroll on the last start only: each start is long at city scale, and once is enough per speed and run.
      if (run === starts - 1) {
        for (const speed of ['slow', 'fast'] as const) {
          const intervals = await scrollFrames(page, scrolls[speed]);
          long[speed].push(intervals.filter((ms) => ms > longFrameMs).length);
          const sorted = [...intervals].sort((a, b) => a - b);
          medianFrameMs[speed] = sorted[Math.floor(sorted.length / 2)]!;
        }
      }
    } finally {
      await context.close();
      await host.close();
    }
  }

  const result = { firstStartMs, rows, slowLongFrames: long.slow, fastLongFrames: long.fast, frames };
  if (process.env.BENCH_RESULT) fs.writeFileSync(process.env.BENCH_RESULT, JSON.stringify(result));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    [
      `first start until Bevakning shows its rows (${rows} rows): ${firstStartMs.map(seconds).join(', ')} (target < 1 s)`,
      `frames over ${longFrameMs} ms in ${frames} while scrolling Bevakning (${scrolls.slow} and ${scrolls.fast} px a frame): ` +
        `slow ${long.slow.join(', ')}, fast ${long.fast.join(', ')} (target 0–1; the median frame ${medianFrameMs.slow.toFixed(1)} and ${medianFrameMs.fast.toFixed(1)} ms)`,
    ].join('\n'),
  );
});

/**
 * Scrolls the grid by `pixels` every frame for `frames` frames, from the top, and returns the
 * intervals between the frames (requestAnimationFrame timestamps: when each frame began).
 */
async function scrollFrames(page: Page, pixels: number): Promise<number[]> {
  return page.evaluate(
    async ({ pixels, frames }) => {
      // AG Grid 36 scrolls its rows in the role="grid" element itself (.ag-grid-viewport).
      const viewport = document.querySelector<HTMLElement>('[role="grid"]');
      if (!viewport || viewport.scrollHeight <= viewport.clientHeight) throw new Error('the grid does not scroll');
      viewport.scrollTop = 0;
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      await nextFrame();
      await nextFrame();
      const stamps: number[] = [await nextFrame()];
      for (let i = 0; i < frames; i++) {
        viewport.scrollTop += pixels;
        stamps.push(await nextFrame());
      }
      return stamps.slice(1).map((stamp, i) => stamp - stamps[i]!);
    },
    { pixels, frames },
  );
}
