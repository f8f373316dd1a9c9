/**
 * The setup the command-line tests share: a fresh folder with a fixture imported through the
 * command line, the command line run in this process (output captured), and the real bin run as
 * a process for exit codes and stdout.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../main/cli/index';
import { testClock } from '../clock';

const bin = fileURLToPath(new URL('../../bin/placeringskollen.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** Imports `fixture` into `register.sqlite` in a fresh folder before the file's tests, and removes it after. */
export function importedRegister(fixture: string, prefix: string) {
  let dir = '';
  const inDir = (name: string) => path.join(dir, name);

  /** The command line in this process, from the folder, in Swedish, without a database key. */
  async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: { LANG: 'sv_SE.UTF-8', ...env },
      cwd: dir,
      clock: testClock(),
    });
    return { code, stdout, stderr };
  }

  /** The real bin as a process, from the folder. */
  function spawn(args: string[]): Promise<Run> {
    const { PLACERINGSKOLLEN_DB_KEY: _key, ...inherited } = process.env;
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { cwd: dir, env: { ...inherited, LANG: 'sv_SE.UTF-8' } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const imported = await cli(['import', fixture, '--db', 'register.sqlite']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 60_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    cli,
    spawn,
    inDir,
    /** The imported database. */
    get database() {
      return inDir('register.sqlite');
    },
  };
}
