import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// `npm start` where the Electron binary cannot be downloaded: one clear line, then the browser
// host with the same UI. A closed local port as the download mirror makes the download fail at
// once on any machine, online or not.
test('npm start without the Electron binary says so and starts the browser host', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'placeringskollen-start-'));
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    detached: true,
    env: {
      ...process.env,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: path.join(dir, 'cache'),
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron'),
      PLACERINGSKOLLEN_DB: path.join(dir, 'register.sqlite'),
    },
  });
  try {
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=/);

    expect(output).toContain('Electron-programmet kunde inte hämtas');
    expect(output).toContain('npm run start:browser');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace

    await page.goto(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output)![0]);
    // A new register has no users: the first start asks for the first administratör.
    await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible();
    await page.getByLabel('Namn').fill('Ada Administratörsson');
    await page.getByLabel('Initialer').fill('AA');
    await page.getByRole('button', { name: 'Börja som administratör' }).click();
    await expect(page.getByRole('button', { name: /Ada Administratörsson, administratör/ })).toBeVisible();
    // The start screen is the bevakningslista, on an empty register its empty state.
    await expect(page.getByRole('heading', { level: 1, name: 'Inga öppna bevakningar' })).toBeVisible();
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
