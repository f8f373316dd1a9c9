import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of ARCHITECTURE.md are enforced by ESLint; these cases prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
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
    ['preload/api.ts', "import { addMonths } from '../main/domain/dates';"],
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
  ])('%s may: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toBe(0);
  });
});
