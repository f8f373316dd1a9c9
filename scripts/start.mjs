// `npm start`: build if the sources changed, then run the Electron app. `npm run start:browser`
// (or no Electron binary, or no display) runs the browser host instead. One Swedish line per
// problem, never a stack trace. Runs on the node npm puts first on PATH (the project's Node 24).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const wantsBrowser = args.includes('--browser');
const hostArgs = args.filter((a) => a !== '--browser'); // e.g. --db <path> --port N

const say = (line) => console.log(`Placeringskollen: ${line}`);
const fail = (line) => {
  console.error(`Placeringskollen: ${line}`);
  process.exit(1);
};

/** Newest modification time under a path (files and folders), 0 if it does not exist. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newest(path.join(target, name))), stat.mtimeMs);
}

function oldest(files) {
  return Math.min(...files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
}

function buildIfStale() {
  const sources = ['main', 'preload', 'renderer', 'electron.config.ts', 'package.json'].map((p) => path.join(root, p));
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => path.join(root, p));
  if (oldest(outputs) > Math.max(...sources.map(newest))) return;
  say('bygger programmet …');
  const bin = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    // The build's own output is what a developer needs here; it is not ours to hide.
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail('bygget misslyckades (se ovan).');
  }
}

/** The Electron binary, downloading it on first run (Electron ≥ 42 has no postinstall); null if it cannot be had. */
function electronBinary() {
  const dir = path.join(root, 'node_modules/electron');
  const installed = () => {
    try {
      const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
      // As electron's own index.js: ELECTRON_OVERRIDE_DIST_PATH points at a binary elsewhere.
      const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
      const binary = path.join(distDir, relative);
      return existsSync(binary) ? binary : null;
    } catch {
      return null;
    }
  };
  if (installed()) return installed();
  say('hämtar Electron (bara första gången) …');
  // Offline this fails within seconds; a slow line gets five minutes for the ~100 MB download.
  const install = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  return install.status === 0 ? installed() : null;
}

const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** The first program of these on PATH, or null. */
function onPath(names) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  for (const name of names) if (dirs.some((d) => d && existsSync(path.join(d, name)))) return name;
  return null;
}

function openInBrowser(url) {
  if (!hasDisplay()) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : onPath(['xdg-open']);
  const child =
    process.platform === 'win32'
      ? spawn('cmd', ['/c', 'start', '""', url], { stdio: 'ignore', detached: true })
      : opener && spawn(opener, [url], { stdio: 'ignore', detached: true });
  if (!child) return;
  child.on('error', () => {}); // no browser to open: the printed URL is enough
  child.unref();
}

function runBrowserHost() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/host/index.ts', ...hostArgs], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = !opened && /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(String(chunk))?.[0];
    if (url) {
      opened = true;
      openInBrowser(url);
    }
  });
  forwardSignals(child);
}

function runElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  forwardSignals(spawn(binary, [root], { cwd: root, stdio: 'inherit', env }));
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
  child.on('error', () => fail('programmet kunde inte startas.'));
}

try {
  buildIfStale();
  if (wantsBrowser) {
    runBrowserHost();
  } else {
    // The Electron binary first: on a machine that cannot fetch it, that is what the user must hear.
    const binary = electronBinary();
    if (!binary) {
      say('Electron-programmet kunde inte hämtas (ingen internetanslutning?). Startar i webbläsaren i stället; nästa gång direkt med npm run start:browser.');
      runBrowserHost();
    } else if (!hasDisplay()) {
      say('ingen grafisk skärm hittades. Startar i webbläsaren i stället; nästa gång direkt med npm run start:browser.');
      runBrowserHost();
    } else {
      runElectron(binary);
    }
  }
} catch {
  fail('kunde inte starta.');
}
