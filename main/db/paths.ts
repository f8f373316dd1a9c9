import os from 'node:os';
import path from 'node:path';

const appDir = 'Placeringskollen';
const fileName = 'placeringskollen.sqlite';

/**
 * The platform's per-user application data folder (Electron's userData): the register when
 * nobody says otherwise, and this computer's preferences. Parameters default to the real
 * environment so tests can pass their own.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), appDir);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', appDir);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), appDir);
  }
}

/**
 * Where the register lives when nobody says otherwise. The Electron app and the browser host use
 * the same file; `PLACERINGSKOLLEN_DB` overrides.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.PLACERINGSKOLLEN_DB?.trim();
  if (override) return override;
  const dir = appDataDir(env, platform, home);
  return platform === 'win32' ? path.win32.join(dir, fileName) : path.posix.join(dir, fileName);
}
