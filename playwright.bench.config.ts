import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run bench:ui`: the Chromium figures of issue 11 (test/bench/ui.bench.ts), on the built
 * renderer (out/renderer) and the benchmark's large city. Not part of `npm test`: it measures
 * and prints, and fails only when the app cannot be measured at all.
 */
export default defineConfig({
  ...base,
  testDir: 'test/bench',
  testMatch: '*.bench.ts',
  // Generating and importing the city takes a minute or two, and a cold start of the window on it more.
  timeout: 20 * 60_000,
  expect: { timeout: 5 * 60_000 },
});
