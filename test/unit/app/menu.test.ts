import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));
const { menuTemplate } = await import('../../../main/app/menu');

describe('menu', () => {
  it('has the Swedish menus Arkiv, Redigera, Visa, Hjälp', () => {
    expect(menuTemplate({ mac: false, development: false }).map((m) => m.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
  });

  it('offers developer tools only in development', () => {
    const roles = (development: boolean) =>
      JSON.stringify(menuTemplate({ mac: false, development }));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('steps back and forward in the page\'s history from Visa, with the keys the page handles shown', () => {
    const visa = (mac: boolean) => menuTemplate({ mac, development: false }).find((menu) => menu.label === 'Visa');
    const items = visa(false)?.submenu as MenuItemConstructorOptions[];
    const [bakåt, framåt] = items;
    expect([bakåt?.label, bakåt?.accelerator, framåt?.label, framåt?.accelerator]).toEqual(['Bakåt', 'Alt+Left', 'Framåt', 'Alt+Right']);
    // Shown, not registered: the page handles Alt+←/→ itself, so a key press is one step, not two.
    expect(bakåt?.registerAccelerator).toBe(false);

    const navigationHistory = { goBack: vi.fn(), goForward: vi.fn() };
    const window = { webContents: { navigationHistory } } as unknown as BaseWindow;
    bakåt?.click?.({} as MenuItem, window, {} as KeyboardEvent);
    framåt?.click?.({} as MenuItem, window, {} as KeyboardEvent);
    expect(navigationHistory.goBack).toHaveBeenCalledOnce();
    expect(navigationHistory.goForward).toHaveBeenCalledOnce();
    // No window (or one without a page): nothing happens, nothing throws.
    expect(() => bakåt?.click?.({} as MenuItem, undefined, {} as KeyboardEvent)).not.toThrow();

    const mac = visa(true)?.submenu as MenuItemConstructorOptions[];
    expect([mac[0]?.accelerator, mac[1]?.accelerator]).toEqual(['Cmd+[', 'Cmd+]']);
    expect(mac[0]?.registerAccelerator).toBe(true);
  });

  it('starts with the app menu on macOS', () => {
    expect(menuTemplate({ mac: true, development: false })[0]).toEqual({ role: 'appMenu' });
  });
});
