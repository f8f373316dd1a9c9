import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of ARCHITECTURE.md are enforced by ESLint; these cases prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length;
}

describe('layers import one way (ARCHITECTURE.md)', () => {
  it.each([
    ['main/domain/example.ts', "import { openDatabase } from '../db/connection';"],
    ['main/domain/example.ts', "import { readFileSync } from 'node:fs';"],
    ['main/domain/example.ts', "import { homedir } from 'node:os';"],
    ['main/domain/example.ts', "import { openDatabase } from '../db';"],
    ['main/domain/example.ts', "import { newNonce } from '../security';"],
    ['main/db/example.ts', "import { createServices } from '../services';"],
    ['main/services/example.ts', "import { createHandlers } from '../ipc';"],
    ['main/services/example.ts', "import { x } from '../app';"],
    ['main/domain/example.ts', "import { contract } from '../../preload/api';"],
    ['main/db/example.ts', "import { createServices } from '../services/index';"],
    ['main/services/example.ts', "import { app } from 'electron';"],
    ['main/services/example.ts', "import { contract } from '../../preload/api';"],
    ['main/ipc/example.ts', "import { openDatabase } from '../db/connection';"],
    ['main/host/example.ts', "import { app } from 'electron';"],
    ['main/security/example.ts', "import { shell } from 'electron';"],
    ['preload/api/homes.ts', "import { openDatabase } from '../../main/db/connection';"],
    ['preload/api/homes.ts', "import { createServices } from '../../main/services';"],
    ['preload/api/homes.ts', "import { readFileSync } from 'node:fs';"],
    ['main/services/example.ts', "import { homeInput } from '../../preload/api/homes';"],
    ['main/domain/example.ts', "import type { Home } from '../../preload/api/homes';"],
    ['renderer/src/example.ts', "import { createServices } from '../../main/services/index';"],
    ['renderer/src/example.ts', "import { ipcRenderer } from 'electron';"],
  ])('%s may not: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['main/services/example.ts', "import { addMonths } from '../domain/dates';"],
    ['main/domain/example.ts', "import { createHash } from 'node:crypto';"],
    ['main/domain/example.ts', "import { addMonths } from './dates';"],
    ['main/ipc/example.ts', "import type { Services } from '../services';"],
    ['main/ipc/example.ts', "import { contract } from '../../preload/api';"],
    ['renderer/src/example.ts', "import { contract } from '../../preload/api';"],
    ['main/app/example.ts', "import { app } from 'electron';"],
    // The contract speaks the domain's words; the services implement the contract's types.
    ['preload/api/homes.ts', "import { homeKinds } from '../../main/domain/vocabulary';"],
    ['main/services/example.ts', "import type { Home } from '../../preload/api/homes';"],
    ['main/cli/example.ts', "import type { Home } from '../../preload/api/homes';"],
  ])('%s may: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toBe(0);
  });
});

describe('main reads "now" only from its injected clock', () => {
  const clockReads = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  };

  it.each([
    ['main/services/example.ts', 'const at = new Date().toISOString();'],
    ['main/services/example.ts', 'const at = new Date;'],
    ['main/domain/example.ts', 'const at = Date.now();'],
    ['main/ipc/example.ts', 'const at = new Date();'],
    ['main/db/example.ts', 'const at = Date.now();'],
    ['main/host/server.ts', 'const at = new Date();'],
  ])('%s may not: %s', async (filePath, source) => {
    expect(await clockReads(filePath, source)).toBe(1);
  });

  it.each([
    // A date from a value is no reading of the clock.
    ['main/services/example.ts', "const at = new Date('2026-11-22T09:00:00Z');"],
    // The process's edges give the services the machine's clock.
    ['main/app/example.ts', 'const at = new Date();'],
    ['main/host/index.ts', 'const at = new Date();'],
    ['main/cli/index.ts', 'const at = Date.now();'],
  ])('%s may: %s', async (filePath, source) => {
    expect(await clockReads(filePath, source)).toBe(0);
  });
});

describe('nothing opens outside the app (decision 8)', () => {
  const externalOpens = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties').length;
  };

  it.each([
    ['main/app/example.ts', "import { shell } from 'electron';\nvoid shell.openExternal('https://www.ivo.se/');"],
    ['main/app/example.ts', "import electron from 'electron';\nvoid electron.shell['openExternal']('https://www.ivo.se/');"],
    ['main/app/example.ts', "import { shell } from 'electron';\nconst { openExternal } = shell;\nvoid openExternal('https://www.ivo.se/');"],
    ['preload/index.ts', "import { shell } from 'electron';\nvoid shell.openExternal('https://www.ivo.se/');"],
  ])('%s may not: %s', async (filePath, source) => {
    expect(await externalOpens(filePath, source)).toBe(1);
  });
});
