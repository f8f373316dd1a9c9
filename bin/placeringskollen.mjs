#!/usr/bin/env node
/**
 * The package's command (spec/exchange-and-cli.md). It runs main/cli/index.ts under tsx on the
 * project's own Node 24 (the npm package `node`): started by an older `node`, it runs itself
 * again with that one. Paths are taken from this file, never from the working directory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const requiredMajor = 24;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const debug = args.includes('--debug');

function fail(message, error) {
  process.stderr.write(`${message}\n`);
  if (debug && error) process.stderr.write(`${error.stack ?? error}\n`);
  return 1;
}

/** The binary of the `node` package in the project's node_modules, wherever npm put it. */
function projectNode() {
  try {
    const dir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('node/package.json'));
    return ['bin/node', 'bin/node.exe', 'node.exe'].map((p) => path.join(dir, p)).find((p) => fs.existsSync(p));
  } catch {
    return undefined;
  }
}

function rerunWithProjectNode() {
  const node = projectNode();
  // The guard stops a loop should the project's node be old too.
  if (!node || process.env.PLACERINGSKOLLEN_RERUN) {
    return fail(`Placeringskollen behöver Node ${requiredMajor} (nu ${process.version}). Kör npm ci i projektet.`);
  }
  const result = spawnSync(node, [fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, PLACERINGSKOLLEN_RERUN: '1' },
  });
  if (result.error) return fail('Placeringskollen kunde inte starta Node.', result.error);
  return result.status ?? 1;
}

async function run() {
  let main;
  try {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import(pathToFileURL(path.join(root, 'main/cli/index.ts')).href));
  } catch (error) {
    return fail('Placeringskollen kunde inte starta. Kör igen med --debug för att se detaljerna.', error);
  }
  return main(args);
}

process.exitCode = Number(process.versions.node.split('.')[0]) < requiredMajor ? rerunWithProjectNode() : await run();
