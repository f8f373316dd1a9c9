import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The real electron-store (inlined by vitest.config.ts) over a mocked `electron` whose userData
// folder is a fresh temporary directory.
const electron = vi.hoisted(() => {
  const fake = {
    userData: '',
    app: { getPath: (_name: string) => fake.userData, getVersion: () => '0.1.0' },
    ipcMain: { on: () => {} },
    shell: {},
  };
  return fake;
});
vi.mock('electron', () => ({ default: electron, ...electron }));

const { openWindowStateStore } = await import('../../../main/app/window-store');

const file = () => path.join(electron.userData, 'window-state.json');
const state = { bounds: { x: -1200, y: 40, width: 1280, height: 820 }, maximized: true };

beforeEach(() => {
  electron.userData = mkdtempSync(path.join(tmpdir(), 'placeringskollen-window-'));
});
afterEach(() => rmSync(electron.userData, { recursive: true, force: true }));

describe('openWindowStateStore: the window state in electron-store', () => {
  it('reads nothing before the first close', () => {
    expect(openWindowStateStore().read()).toBeNull();
  });

  it('writes the state to window-state.json in userData, read back at the next start', () => {
    openWindowStateStore().write(state);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ window: state });
    expect(openWindowStateStore().read()).toEqual(state);
  });

  it('writes nothing but the geometry, whatever it is handed', () => {
    const store = openWindowStateStore();
    store.write(state);
    store.write({ ...state, childName: 'Tova Provsdotter' } as never);
    expect(readFileSync(file(), 'utf8')).not.toContain('Tova');
    expect(store.read()).toEqual(state);
  });

  it('starts afresh from a damaged file, and writes over it at the next close', () => {
    writeFileSync(file(), '{ "window": { "bounds": ');
    const store = openWindowStateStore();
    expect(store.read()).toBeNull();
    store.write(state);
    expect(openWindowStateStore().read()).toEqual(state);
  });

  it('ignores a state of another shape (an older version, a hand edit)', () => {
    writeFileSync(file(), JSON.stringify({ window: { width: 1280, height: 820 } }));
    expect(openWindowStateStore().read()).toBeNull();
  });

  it('lets the app start when the folder cannot hold the file', () => {
    electron.userData = path.join(electron.userData, 'not-a-folder');
    writeFileSync(electron.userData, 'a file where the folder should be');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = openWindowStateStore();
    expect(store.read()).toBeNull();
    expect(() => store.write(state)).not.toThrow();
    expect(warn).toHaveBeenCalledWith('Placeringskollen: fönstrets läge kan inte sparas:', expect.any(Error));
    warn.mockRestore();
  });
});
