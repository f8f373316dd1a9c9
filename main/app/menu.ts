import { Menu, type MenuItemConstructorOptions } from 'electron';

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
