import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built renderer (out/renderer, from `npm run build`) against the real
 * services and a fresh database per test, served by the browser host, in Debian's Chromium.
 * Never `npx playwright install`: the browser comes from the system.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // The specs on a shared register need a PostgreSQL server: run where one is named (.ci/run names
  // one), and said at the start when not, so a green run without them is not taken for the whole.
  ...(process.env.PLACERINGSKOLLEN_TEST_PG ? {} : { testIgnore: /\.pg\.spec\.ts$/ }),
  globalSetup: './test/integration/pg/announce.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  // Generous: the axe scans take seconds, and CI machines have two cores.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Partial raster repaints only the changed part of a tile, so anti-aliased edges near a
        // repaint differed by a shade between runs; whole tiles keep docs/screenshots byte-stable.
        '--disable-partial-raster',
      ],
    },
  },
});
