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

  it('starts with the app menu on macOS', () => {
    expect(menuTemplate({ mac: true, development: false })[0]).toEqual({ role: 'appMenu' });
  });
});
