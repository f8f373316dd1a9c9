/**
 * The Electron shell: lifecycle only. Security decisions live in main/security, the API in
 * main/ipc, the work in main/services.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import Store from 'electron-store';
import { openDatabaseFromEnv, type Connection } from '../db/connection';
import { appDataDir, defaultDatabasePath } from '../db/paths';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { isTrustedSender } from '../security';
import { clockFrom, createServices } from '../services';
import { installMenu } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { databaseErrorMessage } from '../db/open-errors';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { openWindowStateStore } from './window-store';

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
let connection: Connection | null = null;

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
  app.on('will-quit', () => void connection?.close());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const databasePath = defaultDatabasePath();
  try {
    connection = await openDatabaseFromEnv(databasePath);
  } catch (error) {
    console.error('Placeringskollen: databasen kunde inte öppnas:', error);
    dialog.showErrorBox('Placeringskollen kan inte starta', databaseErrorMessage(error, databasePath));
    app.quit();
    return;
  }
  hardenSession(session.defaultSession);
  handleAppProtocol(rendererDir);
  // This computer's preferences: electron-store's config.json in userData; a damaged file is replaced.
  const preferences = new Store<Record<string, unknown>>({ clearInvalidConfig: true });
  const services = createServices(connection.db, { clock: clockFrom(() => new Date()), preferences, osAccount: os.userInfo().username });
  const handlers = createHandlers(services, {
    host: 'electron',
    databasePath: connection.path,
    encrypted: connection.encrypted,
    version: app.getVersion(),
  });
  registerIpc(ipcMain, handlers, isTrustedSender);
  installMenu({ mac: process.platform === 'darwin', development: !app.isPackaged });
  mainWindow = createMainWindow(preloadPath, openWindowStateStore());
  mainWindow.on('closed', () => (mainWindow = null));
  // While the window loads its page in its own process.
  void services.warmUp();
}
