import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Says once when the shared register's (PostgreSQL) half does not run.
    globalSetup: ['test/integration/pg/announce.ts'],
    environment: 'node',
    // Electron is never available in tests: every test that touches main/app mocks it.
    server: { deps: { inline: ['electron-store'] } },
    testTimeout: 20000,
    // A focused test left behind would silently skip the rest.
    allowOnly: false,
  },
});
