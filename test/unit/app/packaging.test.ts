import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config, { nativeModule, notShipped } from '../../../electron-builder.config';

// The installer cannot be built on these machines (no Electron binary, no NSIS): this checks the
// configuration electron-builder is given, with electron-builder's own glob matcher.

const root = new URL('../../../', import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8'));
const packageJson = readJson('package.json');

interface Pattern {
  negate: boolean;
  match(path: string): boolean;
}
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { Minimatch } = fromBuilder('minimatch') as { Minimatch: new (pattern: string, options: { dot: boolean }) => Pattern };

/** app-builder-lib/out/util/filter.js: the last pattern that applies decides, '!' excludes. */
function packed(patterns: string[], file: string): boolean {
  let match = false;
  for (const pattern of patterns.map((p) => new Minimatch(p, { dot: true }))) {
    if (match !== pattern.negate) continue;
    match = pattern.match(file);
  }
  return match;
}
// The app's own files are matched by `files`; a production dependency's files by '**/*' and the
// '!' patterns of `files` (app-builder-lib/out/fileMatcher.js, getNodeModuleFileMatcher).
const appFile = (file: string) => packed(config.files, file);
const moduleFile = (file: string) => packed(['**/*', ...config.files.filter((p) => p.startsWith('!'))], file);
const unpacked = (file: string) => config.asarUnpack.some((p) => new Minimatch(p, { dot: true }).match(file));

describe('Windows installer (electron-builder.config.ts)', () => {
  it('is an NSIS installer for x64 Windows named Placeringskollen', () => {
    expect(config.appId).toBe('se.placeringskollen.app');
    expect(config.productName).toBe('Placeringskollen');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('lets the user choose per-user or per-machine, and elevates only for per-machine', () => {
    // oneClick false + perMachine false is electron-builder's assisted installer with its install-mode page.
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.selectPerMachineByDefault).toBe(false);
    expect(config.nsis.allowElevation).toBe(true);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
  });

  it('speaks Swedish, makes shortcuts and never deletes the register on uninstall', () => {
    expect(config.nsis.installerLanguages).toEqual(['sv_SE']);
    expect(config.nsis.language).toBe('1053');
    expect(config.nsis).toMatchObject({ createDesktopShortcut: true, createStartMenuShortcut: true, shortcutName: 'Placeringskollen' });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('publishes nothing and builds no update feed', () => {
    expect(config.publish).toBeNull();
    expect(config.nsis.differentialPackage).toBe(false);
    expect(JSON.stringify(config)).not.toMatch(/electronUpdater|"provider"/);
    expect(packageJson.dependencies).not.toHaveProperty('electron-updater');
  });

  it('packs the app into app.asar and compiles nothing', () => {
    expect(config.asar).toBeTruthy();
    expect(config).not.toHaveProperty('disableAsarIntegrity');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('sets every fuse: no Node mode, NODE_OPTIONS or inspector; only app.asar, checked; cookies encrypted; no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // Every fuse the flipping library knows is decided here, none left to Electron's default.
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    const decided = known.map((name) => name[0]!.toLowerCase() + name.slice(1));
    expect(Object.keys(config.electronFuses).sort()).toEqual(decided.sort());
  });

  it('uses its own app:// scheme, so file:// needs no privileges', () => {
    const protocol = readFileSync(new URL('main/app/protocol.ts', root), 'utf8');
    expect(protocol).toContain('protocol.handle(APP_SCHEME');
    const mainSources = sourceFiles('main').map((file) => readFileSync(new URL(`main/${file}`, root), 'utf8')).join('\n');
    expect(mainSources).not.toMatch(/loadFile\(|['"`]file:\/\//);
  });

  it.each(['out/main/index.js', 'out/main/chunks/pdf-x.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js', 'package.json'])(
    'packs the built app: %s',
    (file) => expect(appFile(file)).toBe(true),
  );

  it.each([
    'out/main/index.js.map',
    'out/renderer/assets/index-x.js.map',
    'out/renderer/assets/index-x.css.map',
    'test/unit/app/packaging.test.ts',
    'test/fixtures/exchange/spec-example.json',
    'docs/anvandarguide.md',
    'docs/screenshots/bevakningslista.png',
    '.ci/run',
    'main/app/index.ts',
    'preload/index.ts',
    'renderer/src/main.tsx',
    'bin/placeringskollen.mjs',
    'scripts/start.mjs',
    'README.md',
    'electron-builder.config.ts',
    '.env',
    'placeringskollen.sqlite',
  ])('leaves out %s', (file) => expect(appFile(file)).toBe(false));

  it('keeps the native module and its Windows binary, unpacked from app.asar', () => {
    // The entry point the package uses on x64 Windows names the binary it loads.
    const entry = readFileSync(createRequire(import.meta.url).resolve(`${nativeModule}/win32-x64`), 'utf8');
    const binary = /require\('\.\.\/(prebuilds\/[^']+\.node)'\)/.exec(entry)?.[1];
    expect(binary).toBe('prebuilds/win32-x64.node');
    const file = `node_modules/${nativeModule}/${binary}`;
    expect(moduleFile(file)).toBe(true);
    expect(unpacked(file)).toBe(true);
    expect(moduleFile(`node_modules/${nativeModule}/lib/win32-x64.js`)).toBe(true);
    // Its JavaScript stays in the archive, where the integrity fuse covers it.
    expect(unpacked(`node_modules/${nativeModule}/lib/win32-x64.js`)).toBe(false);
    expect(config.asar).toEqual({ smartUnpack: false });
  });

  it.each([
    'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
    'node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp',
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/darwin-arm64.node',
    'node_modules/react/index.js',
    'node_modules/react-dom/client.js',
    'node_modules/ag-grid-community/dist/package/main.cjs.js',
    'node_modules/tsx/dist/cli.mjs',
    'node_modules/@esbuild/win32-x64/esbuild.exe',
    'node_modules/echarts/dist/echarts.js.map',
    'node_modules/exceljs/dist/exceljs.min.js.map',
    'node_modules/kysely/dist/cjs/index.d.ts.map',
    'node_modules/zod/v4/core/core.cjs.map',
  ])('leaves out the dependency file %s', (file) => expect(moduleFile(file)).toBe(false));

  it('ships every module main loads, and all it needs in turn', () => {
    const imported = mainImports();
    expect(imported).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'electron-store', 'kysely', 'pdfmake', 'zod']));
    for (const name of imported) {
      // A devDependency is not in the installer at all.
      expect(packageJson.dependencies, name).toHaveProperty([name]);
    }
    const needed = closure(imported);
    const excluded = needed.filter((name) => notShipped.some((p) => new Minimatch(p, { dot: true }).match(name)));
    expect(excluded).toEqual([]);
    for (const name of needed) expect(moduleFile(`node_modules/${name}/package.json`), name).toBe(true);
  });

  it('is built by `npm run dist` with this file, publishing nothing', () => {
    const dist: string = packageJson.scripts.dist;
    expect(dist).toMatch(/^npm run build && electron-builder /);
    expect(dist).toContain('--win');
    expect(dist).toContain('--config electron-builder.config.ts');
    expect(dist).toContain('--publish never');
  });

  it('installs without downloading Electron or running the Squirrel.Windows script', () => {
    expect(packageJson.allowScripts).toMatchObject({ electron: false, 'electron-winstaller': false });
    for (const name of ['electron', 'electron-builder', '@electron/fuses']) {
      expect(packageJson.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(new URL(`${dir}/`, root), { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'),
  );
}

/** The packages main imports at run time (not `import type`), by name. */
function mainImports(): string[] {
  const names = new Set<string>();
  const staticImport = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
  const callImport = /\b(?:import|require\w*)\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const file of sourceFiles('main')) {
    const text = readFileSync(new URL(`main/${file}`, root), 'utf8');
    for (const [, spec] of [...text.matchAll(staticImport), ...text.matchAll(callImport)]) {
      if (!spec || spec.startsWith('.') || isBuiltin(spec) || spec === 'electron') continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    }
  }
  return [...names].sort();
}

/** The names of the packages, with everything they depend on, as package-lock.json installs them. */
function closure(names: string[]): string[] {
  const packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }> =
    readJson('package-lock.json').packages;
  const resolve = (from: string, name: string): string | null => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (!base) return null;
    }
  };
  const seen = new Set<string>();
  const queue = names.map((name) => resolve('', name));
  while (queue.length > 0) {
    const at = queue.pop();
    if (!at || seen.has(at)) continue;
    seen.add(at);
    const entry = packages[at]!;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) queue.push(resolve(at, dep));
  }
  return [...new Set([...seen].map((at) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length)))].sort();
}
