import { describe, expect, it } from 'vitest';
import { channels } from '../../../preload/api';
import { registerIpc, type IpcInvokeEvent } from '../../../main/ipc/register';
import { isTrustedSender } from '../../../main/security';
import { badForEveryChannel, badInputs, fakeHandlers, validInputs } from './fixtures';

type Listener = (event: IpcInvokeEvent, input: unknown) => Promise<unknown>;

function setUp() {
  const listeners = new Map<string, Listener>();
  const handlers = fakeHandlers();
  registerIpc({ handle: (channel, listener) => void listeners.set(channel, listener) }, handlers, isTrustedSender);
  const invoke = (channel: string, input: unknown, senderFrame: IpcInvokeEvent['senderFrame'] = appFrame) =>
    listeners.get(channel)!({ senderFrame }, input);
  return { listeners, handlers, invoke };
}

const appFrame = { url: 'app://placeringskollen/index.html', parent: null };
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

describe('registerIpc', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...setUp().listeners.keys()].sort()).toEqual([...channels].sort());
  });

  it.each(channels)('%s answers the app page with the handler result', async (channel) => {
    const { invoke, handlers } = setUp();
    expect(await invoke(channel, validInputs[channel])).toEqual({ ok: true, value: { channel } });
    expect(handlers[channel]).toHaveBeenCalledOnce();
  });

  const untrusted: [string, IpcInvokeEvent['senderFrame']][] = [
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://placeringskollen/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ];
  const untrustedCases = channels.flatMap((c) => untrusted.map(([label, frame]) => [c, label, frame] as const));

  it.each(untrustedCases)('%s refuses %s with FORBIDDEN, handler not called', async (channel, _label, frame) => {
    const { invoke, handlers } = setUp();
    expect(await invoke(channel, validInputs[channel], frame)).toEqual(forbidden);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  const badCases = channels.flatMap((c) => [...badForEveryChannel, ...badInputs[c]].map((input) => [c, JSON.stringify(input) ?? 'undefined', input] as const));

  it.each(badCases)('%s refuses bad input %s from the app page with VALIDATION', async (channel, _label, input) => {
    const { invoke, handlers } = setUp();
    expect(await invoke(channel, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });
});
