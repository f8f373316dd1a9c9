import os from 'node:os';
import path from 'node:path';

const appDir = 'Placeringskollen';
const fileName = 'placeringskollen.sqlite';

/**
 * Where the register lives when nobody says otherwise: the platform's per-user application data
 * folder. The Electron app and the browser host use the same file; `PLACERINGSKOLLEN_DB` overrides.
 * Parameters default to the real environment so tests can pass their own.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.PLACERINGSKOLLEN_DB?.trim();
  if (override) return override;
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), appDir, fileName);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', appDir, fileName);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), appDir, fileName);
  }
}
