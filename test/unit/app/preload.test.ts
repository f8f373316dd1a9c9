import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../../preload/api';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })) },
}));
vi.mock('electron', () => electron);
await import('../../../preload/index');

describe('preload', () => {
  const [[name, api]] = electron.contextBridge.exposeInMainWorld.mock.calls as [[string, Record<string, (input: unknown) => Promise<unknown>>]];

  it('exposes window.api with exactly one function per channel of the contract', () => {
    expect(name).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof api[channel]).toBe('function');
  });

  it.each(channels)('%s invokes its own channel with the input, nothing else', async (channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const input = { probe: channel };
    expect(await api[channel]!(input)).toEqual({ ok: true, value: channel });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, input);
  });
});
