import { vi } from 'vitest';
import { channels, type Channel } from '../../../preload/api';
import type { Handlers } from '../../../main/ipc/dispatch';

/** A handler per channel that records its calls and answers `{ channel }`. */
export function fakeHandlers() {
  return Object.fromEntries(channels.map((c) => [c, vi.fn(async () => ({ channel: c }))])) as unknown as Handlers & {
    [C in Channel]: ReturnType<typeof vi.fn>;
  };
}

/** A valid input per channel: a missing channel here is a compile error. */
export const validInputs: Record<Channel, unknown> = {
  getAppInfo: {},
  listHomes: { query: 'Solgården' },
  getHome: { id: 'h-1' },
  saveHome: { kind: 'hvb', name: 'Solgården HVB' },
  setHomeActive: { id: 'h-1', active: false },
  loadDemoData: {},
  removeDemoData: {},
};

/** Bad input that every channel must refuse, whatever its schema. */
export const badForEveryChannel: unknown[] = [null, undefined, 42, 'listHomes', [], true, { __unknownKey: 1 }];

/** Channel-specific bad values, each wrong in exactly one way. */
export const badInputs: Record<Channel, unknown[]> = {
  getAppInfo: [{ id: 'h-1' }],
  listHomes: [{ query: 5 }, { query: 'x'.repeat(201) }, { query: null }],
  getHome: [{}, { id: '' }, { id: '   ' }, { id: 5 }, { id: 'x'.repeat(101) }, { id: 'h-1', extra: 1 }],
  saveHome: [
    {},
    { kind: 'villa', name: 'A' },
    { kind: 'hvb', name: '' },
    { kind: 'hvb', name: '   ' },
    { kind: 'hvb', name: 'x'.repeat(201) },
    { kind: 'hvb', name: 'A', capacity: -1 },
    { kind: 'hvb', name: 'A', capacity: 1.5 },
    { kind: 'hvb', name: 'A', capacity: '3' },
    { kind: 'hvb', name: 'A', operator: 'privat' },
    { kind: 'hvb', name: 'A', orgNr: 'x'.repeat(21) },
    { kind: 'hvb', name: 'A', targetGroup: { minAge: 15, maxAge: 12 } },
    { kind: 'hvb', name: 'A', targetGroup: { minAge: 30 } },
    { kind: 'familjehem', name: 'A', persons: [{ name: 'Tolvan Tolvansson', role: 'chef' }] },
    { kind: 'familjehem', name: 'A', persons: [{ name: 'Tolvan Tolvansson', role: 'uppdragstagare', personnummer: '19121212-1212' }] },
    { kind: 'familjehem', name: 'A', persons: Array.from({ length: 31 }, () => ({ name: 'B', role: 'annan-vuxen' })) },
  ],
  setHomeActive: [{ id: 'h-1' }, { id: 'h-1', active: 'ja' }, { active: true }],
  loadDemoData: [{ force: true }],
  removeDemoData: [{ homes: ['EXEMPEL-H01'] }],
};
