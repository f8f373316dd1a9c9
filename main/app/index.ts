/**
 * The Electron shell: lifecycle only. Security decisions live in main/security, the API in
 * main/ipc, the work in main/services.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import Store from 'electron-store';
import { keyFromEnv, type DatabaseDamagedError } from '../db/connection';
import type { BackupFile } from '../db/backups';
import { appDataDir, defaultDatabasePath } from '../db/paths';
import { openRegister, type Register } from '../db/register';
import type { KeyStore } from '../db/key-file';
import { SharedRegisterError } from '../db/pg/connection';
import { openSharedRegister, openSharedRegisterAt } from '../db/pg/register';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { isTrustedSender } from '../security';
import { clockFrom, createServices, type RegisterChoiceHost, type Services } from '../services';
import { keptPassword } from '../services/register-choice';
import { installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { databaseErrorMessage } from '../db/open-errors';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { openWindowStateStore } from './window-store';
import { KeystoreUnavailableError, operatingSystemKeyStore } from './keystore';
import { askAboutSharedRegister, describeTarget, openSharedAtStart, registerTarget, type RegisterTarget } from './start-register';

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

app.setName('Placeringskollen');
// One folder for the register, its backups and this computer's preferences, whichever host runs:
// the browser host reads the same config.json (main/host/index.ts).
app.setPath('userData', appDataDir());
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let register: Register | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void register?.close());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  // This computer's preferences: electron-store's config.json in userData; a damaged file is replaced.
  // Read first: it says which register to open.
  const preferences = new Store<Record<string, unknown>>({ clearInvalidConfig: true });
  // The keystore seals the local register's key and the shared register's password; without one the
  // local register says why it cannot start (it asks again, and shows that refusal), and the settings
  // page that no password is kept. Nothing here may stop a start that needs no keystore (IT's key).
  let keyStore: KeyStore | null = null;
  try {
    keyStore = await operatingSystemKeyStore();
  } catch (error) {
    if (!(error instanceof KeystoreUnavailableError)) console.error('Placeringskollen: nyckelringen:', error);
  }
  const choosing = { preferences, keyStore };
  const target = registerTarget(preferences);
  if (target.kind === 'shared') return startShared(target, choosing);
  if (target.problem) console.error('Placeringskollen:', target.problem);
  return startLocal(target.path, choosing);
}

interface Choosing {
  preferences: Store<Record<string, unknown>>;
  keyStore: KeyStore | null;
}

/** The settings page's view of where it runs: IT's PLACERINGSKOLLEN_DB decides, or the saved choice does. */
function choiceHost({ keyStore }: Choosing, opened: 'local' | 'shared'): RegisterChoiceHost {
  return { keyStore, host: 'electron', opened, decidedByIt: Boolean(process.env.PLACERINGSKOLLEN_DB?.trim()), restart: relaunchSoon, chooseFile: chooseCaFile };
}

/** "Välj fil…" for the municipality's CA certificate: the main process's own dialog, over the window. */
async function chooseCaFile(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Välj kommunens CA-certifikat',
    buttonLabel: 'Välj',
    properties: ['openFile'],
    filters: [
      { name: 'Certifikat', extensions: ['pem', 'crt', 'cer'] },
      { name: 'Alla filer', extensions: ['*'] },
    ],
  };
  const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}

/** Starts the program anew, a moment after the answer has reached the window. */
function relaunchSoon(): void {
  setTimeout(() => {
    app.relaunch();
    app.exit(0);
  }, 500);
}

async function startLocal(databasePath: string, choosing: Choosing): Promise<void> {
  try {
    // A key from the environment (IT's own) wins; otherwise the register's own key, sealed by the keystore.
    const envKey = keyFromEnv();
    register = await openRegister(databasePath, {
      keys: envKey ? { kind: 'env', key: envKey } : { kind: 'keystore', store: choosing.keyStore ?? (await operatingSystemKeyStore()) },
      now: () => new Date(),
      restoreWhenDamaged: askToRestore,
    });
  } catch (error) {
    console.error('Placeringskollen: databasen kunde inte öppnas:', error);
    dialog.showErrorBox('Placeringskollen kan inte starta', databaseErrorMessage(error, databasePath, { desktop: true }));
    app.quit();
    return;
  }
  const opened = register;
  hardenSession(session.defaultSession);
  handleAppProtocol(rendererDir);
  const services = createServices(opened.connection.db, {
    clock: clockFrom(() => new Date()),
    preferences: choosing.preferences,
    osAccount: os.userInfo().username,
    register: {
      register: opened,
      // A restore or a new key closes the register; the program then starts anew on it, whatever happened.
      async restart(work) {
        try {
          return await work();
        } finally {
          relaunchSoon();
        }
      },
    },
    registerChoice: choiceHost(choosing, 'local'),
  });
  const restored = opened.takeRestoreNote();
  if (restored) await services.backups.recordRestore(restored);
  const handlers = createHandlers(services, {
    host: 'electron',
    databasePath: opened.path,
    encrypted: opened.connection.encrypted,
    version: app.getVersion(),
  });
  registerIpc(ipcMain, handlers, isTrustedSender);
  installMenu({ mac: process.platform === 'darwin', development: !app.isPackaged });
  mainWindow = createMainWindow(preloadPath, openWindowStateStore());
  mainWindow.on('closed', () => (mainWindow = null));
  // While the window loads its page in its own process.
  void services.warmUp();
  scheduleBackups(services);
}

/**
 * The unit's shared register: IT's address (PLACERINGSKOLLEN_DB, the password in PGPASSWORD) or
 * the one saved on the settings page (the password kept by the keystore, else PGPASSWORD). No
 * file, no key, no copies of the program's; the database says who one is.
 */
async function startShared(target: Extract<RegisterTarget, { kind: 'shared' }>, choosing: Choosing): Promise<void> {
  const password = (target.source === 'setting' ? await keptPassword(choosing.preferences, choosing.keyStore, target.address) : null) ?? process.env.PGPASSWORD ?? null;
  const where = describeTarget(target);
  const outcome = await openSharedAtStart(
    () => (target.source === 'it' ? openSharedRegister(target.url, { password }) : openSharedRegisterAt(target.address, { password })),
    askAboutSharedRegister,
    {
      offerLocal: target.source === 'setting',
      explain: (error) => (error instanceof SharedRegisterError ? error.message : databaseErrorMessage(error, where, { desktop: true })),
    },
  );
  if (outcome === 'quit') {
    app.quit();
    return;
  }
  // The local register for this time only: the saved choice stays until an administratör changes it.
  if (outcome === 'local') return startLocal(defaultDatabasePath(), choosing);
  const shared = outcome.opened;
  app.on('will-quit', () => void shared.close());
  hardenSession(session.defaultSession);
  handleAppProtocol(rendererDir);
  const services = createServices(shared.db, {
    clock: clockFrom(() => new Date()),
    preferences: choosing.preferences,
    osAccount: os.userInfo().username,
    registerChoice: choiceHost(choosing, 'shared'),
  });
  const handlers = createHandlers(services, {
    host: 'electron',
    databasePath: shared.description,
    encrypted: shared.encrypted,
    version: app.getVersion(),
    register: 'shared',
  });
  registerIpc(ipcMain, handlers, isTrustedSender);
  installMenu({ mac: process.platform === 'darwin', development: !app.isPackaged });
  mainWindow = createMainWindow(preloadPath, openWindowStateStore());
  mainWindow.on('closed', () => (mainWindow = null));
  void services.warmUp();
}

/** The daily copy: a minute after start (the window first), then checked every hour. */
function scheduleBackups(services: Services): void {
  const run = () => {
    const { problem } = services.backups.runDue();
    if (problem) console.error('Placeringskollen:', problem);
  };
  setTimeout(run, 60_000);
  setInterval(run, 60 * 60_000);
}

/** A damaged register at start: offer its newest good copy, with what that costs. */
async function askToRestore(_damaged: DatabaseDamagedError, latest: BackupFile | null): Promise<boolean> {
  const when = (iso: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Registret är skadat',
    message: 'Registret är skadat och kan inte användas som det är.',
    detail: latest
      ? `Den senaste säkerhetskopian är från ${when(latest.createdAt)}. Det som sparats efter den kommer inte med. ` +
        'En kopia av det skadade registret sparas i mappen för säkerhetskopior.'
      : 'Det finns ingen säkerhetskopia att återställa. Kontakta IT; det skadade registret är orört.',
    buttons: latest ? ['Återställ säkerhetskopian', 'Avsluta'] : ['Avsluta'],
    defaultId: 0,
    cancelId: latest ? 1 : 0,
    noLink: true,
  });
  return latest !== null && response === 0;
}
