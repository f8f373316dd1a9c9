// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layers import one way (ARCHITECTURE.md); a wrong import fails the lint. */
const forbid = (...groups) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) },
  ],
});
const electron = [['electron'], 'Electron hör bara hemma i main/app och preload/index.ts.'];
const renderer = [['**/renderer', '**/renderer/**'], 'main importerar aldrig renderer.'];
const preload = [['**/preload', '**/preload/**'], 'Endast main/ipc, main/host och renderer talar kontraktet.'];
// Services and the command line implement the contract's types, and take nothing else from it.
const contractTypesOnly = [['**/preload', '**/preload/**'], 'Tjänsterna tar bara typer från kontraktet (import type).', true];
const clockMessage = 'Läs tiden från den injicerade klockan (Clock), inte från maskinens.';
// Both the folder itself ('../services', its index) and anything in it.
const outer = (...names) => [names.flatMap((n) => [`**/${n}`, `**/${n}/**`]), `Fel riktning mellan lager: ${names.join(', ')}.`];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([['**/main/**', 'electron', 'node:*'], 'renderer talar bara med window.api (preload/api).']),
    },
  },
  {
    // The contract speaks the domain's words (main/domain is pure: no I/O, no clock) and nothing else of main's.
    files: ['preload/api/**/*.ts'],
    rules: forbid(
      [['**/main/*', '!**/main/domain', '**/main/*/**', '!**/main/domain/**', '**/renderer/**', 'electron', 'node:*'], 'Kontraktet importerar bara från main/domain.'],
    ),
  },
  { files: ['preload/index.ts'], rules: forbid([['**/main/**', '**/renderer/**'], 'preload importerar bara kontraktet.']) },
  {
    files: ['main/domain/**/*.ts'],
    rules: forbid(
      electron, renderer, preload,
      outer('app', 'ipc', 'services', 'db', 'reports', 'cli', 'host', 'security'),
      [
        ['node:*', '!node:crypto', 'fs', 'fs/*', 'os', 'path', 'child_process', 'http', 'https', 'net', 'better-sqlite3-multiple-ciphers', 'kysely'],
        'main/domain är rena funktioner utan I/O (node:crypto går bra).',
      ],
    ),
  },
  { files: ['main/security/**/*.ts'], rules: forbid(electron, renderer, preload, outer('app', 'ipc', 'services', 'db', 'reports', 'cli', 'host')) },
  { files: ['main/db/**/*.ts'], rules: forbid(electron, renderer, preload, outer('app', 'ipc', 'services', 'reports', 'cli', 'host', 'security')) },
  { files: ['main/reports/**/*.ts'], rules: forbid(electron, renderer, preload, outer('app', 'ipc', 'services', 'db', 'cli', 'host')) },
  { files: ['main/services/**/*.ts'], rules: forbid(electron, renderer, contractTypesOnly, outer('app', 'ipc', 'cli', 'host')) },
  { files: ['main/ipc/**/*.ts'], rules: forbid(electron, renderer, outer('app', 'cli', 'host', 'db')) },
  { files: ['main/cli/**/*.ts'], rules: forbid(electron, renderer, contractTypesOnly, outer('app', 'ipc', 'host')) },
  { files: ['main/host/**/*.ts'], rules: forbid(electron, renderer, outer('app', 'cli')) },
  { files: ['main/app/**/*.ts'], rules: forbid(renderer, outer('cli', 'host')) },
  {
    // Decision 8: nothing in the app opens a URL outside it, so the OS's URL handlers are out of reach.
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.mjs', 'bin/**/*.mjs'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'openExternal', message: 'Appen öppnar inget utanför sig själv (beslut 8): ingen shell.openExternal.' },
      ],
    },
  },
  {
    // "Now" comes from the injected clock (services/clock.ts), so a test can fix the day; only the
    // process's edges (main/app, main/host/index.ts, main/cli/index.ts) read the machine's clock.
    // migrate.ts names its safety copy by the real time of the copy, which is a fact, not a ruling.
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/host/index.ts', 'main/cli/index.ts', 'main/db/migrate.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
      ],
    },
  },
);
