import { Menu, type BaseWindow, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The page's history of the window a menu item was chosen in (only a BrowserWindow has a page). */
function historyOf(window: BaseWindow | undefined) {
  return (window as Partial<BrowserWindow> | undefined)?.webContents?.navigationHistory;
}

/** A small Swedish menu: the standard roles with Swedish labels; developer tools only in development. */
export function menuTemplate(options: { mac: boolean; development: boolean }): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(options.mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'Arkiv', submenu: [{ role: options.mac ? 'close' : 'quit', label: options.mac ? 'Stäng fönstret' : 'Avsluta' }] },
    {
      label: 'Redigera',
      submenu: [
        { role: 'undo', label: 'Ångra' },
        { role: 'redo', label: 'Gör om' },
        sep,
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopiera' },
        { role: 'paste', label: 'Klistra in' },
        { role: 'selectAll', label: 'Markera allt' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        // A step in the page's history, which the page's router turns into its page (and its
        // unsaved-changes question). Alt+←/→ are handled by the page itself, in the browser host
        // too, so on Windows and Linux they are only shown, and one key press is one step; macOS
        // has ⌘[ and ⌘] as in its browsers, registered here.
        {
          label: 'Bakåt',
          accelerator: options.mac ? 'Cmd+[' : 'Alt+Left',
          registerAccelerator: options.mac,
          click: (_item, window) => historyOf(window)?.goBack(),
        },
        {
          label: 'Framåt',
          accelerator: options.mac ? 'Cmd+]' : 'Alt+Right',
          registerAccelerator: options.mac,
          click: (_item, window) => historyOf(window)?.goForward(),
        },
        sep,
        { role: 'reload', label: 'Läs in igen' },
        ...(options.development ? [{ role: 'toggleDevTools', label: 'Utvecklarverktyg' } as const] : []),
        sep,
        { role: 'resetZoom', label: 'Normal storlek' },
        { role: 'zoomIn', label: 'Zooma in' },
        { role: 'zoomOut', label: 'Zooma ut' },
        sep,
        { role: 'togglefullscreen', label: 'Helskärm' },
      ],
    },
    { label: 'Hjälp', submenu: [{ role: 'about', label: 'Om Placeringskollen' }] },
  ];
}

export function installMenu(options: { mac: boolean; development: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
