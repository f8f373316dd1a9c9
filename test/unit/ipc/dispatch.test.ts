import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../preload/api';
import { INTERNAL_MESSAGE, VALIDATION_MESSAGE, dispatch, jsonPointer } from '../../../main/ipc/dispatch';
import { ServiceError } from '../../../main/services/errors';
import { badForEveryChannel, badInputs, fakeHandlers, validInputs } from './fixtures';

afterEach(() => vi.restoreAllMocks());

describe('dispatch: unknown channels are forbidden', () => {
  it.each(['dropDatabase', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('refuses %j', async (channel) => {
    const handlers = fakeHandlers();
    expect(await dispatch(channel, {}, handlers)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.any(String) },
    });
    for (const c of channels) expect(handlers[c]).not.toHaveBeenCalled();
  });
});

describe('dispatch: every channel validates its input before the handler runs', () => {
  const cases = channels.flatMap((channel) =>
    [...badForEveryChannel, ...badInputs[channel]].map((input) => [channel, JSON.stringify(input) ?? 'undefined', input] as const),
  );

  it.each(cases)('%s refuses %s', async (channel, _label, input) => {
    const handlers = fakeHandlers();
    const result = await dispatch(channel, input, handlers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe(VALIDATION_MESSAGE);
    expect(result.error.issues?.length).toBeGreaterThan(0);
    for (const issue of result.error.issues ?? []) {
      expect(issue.path).toMatch(/^(\/[^/]+)*$/);
      expect(issue.message).not.toMatch(/expected|received|invalid|Too (big|small)/i);
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it.each(channels)('%s passes valid, parsed input to its own handler', async (channel) => {
    const handlers = fakeHandlers();
    expect(await dispatch(channel, validInputs[channel], handlers)).toEqual({ ok: true, value: { channel } });
    expect(handlers[channel]).toHaveBeenCalledOnce();
    for (const other of channels) if (other !== channel) expect(handlers[other]).not.toHaveBeenCalled();
  });

  it('hands the handler the parsed value (trimmed, defaults filled), not the raw input', async () => {
    const handlers = fakeHandlers();
    await dispatch('saveHome', { kind: 'hvb', name: '  Solgården  ', orgNr: '' }, handlers);
    expect(handlers.saveHome).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Solgården', orgNr: null, persons: [], targetGroup: null }),
    );
  });
});

describe('dispatch: validation issues are Swedish and point into the input', () => {
  const issues = async (channel: string, input: unknown) => {
    const result = await dispatch(channel, input, fakeHandlers());
    return result.ok ? [] : (result.error.issues ?? []);
  };

  it('gives a JSON pointer for nested paths', async () => {
    expect(await issues('saveHome', { kind: 'familjehem', name: 'A', persons: [{ name: 'B', role: 'chef' }] })).toEqual([
      { path: '/persons/0/role', message: 'Välj en roll.' },
    ]);
  });

  it("keeps the contract's own messages", async () => {
    expect(await issues('saveHome', { kind: 'hvb', name: 'A', targetGroup: { minAge: 15, maxAge: 12 } })).toEqual([
      { path: '/targetGroup/maxAge', message: 'Lägsta ålder får inte vara högre än högsta ålder.' },
    ]);
    expect(await issues('listHomes', { query: 'x'.repeat(201) })).toEqual([{ path: '/query', message: 'Sökningen är för lång.' }]);
  });

  it('names each unknown key on its own path', async () => {
    expect(await issues('getHome', { id: 'h-1', a: 1, 'b/c': 2 })).toEqual([
      { path: '/a', message: 'Okänt fält.' },
      { path: '/b~1c', message: 'Okänt fält.' },
    ]);
  });

  it("gives Swedish messages where the schema gave none (zod's defaults are English)", async () => {
    expect(await issues('listHomes', null)).toEqual([{ path: '', message: 'Ange ett objekt med uppgifter.' }]);
    expect(await issues('listHomes', { query: 5 })).toEqual([{ path: '/query', message: 'Ange en text.' }]);
    expect(await issues('setHomeActive', { id: 'h-1', rowVersion: 1 })).toEqual([{ path: '/active', message: 'Uppgiften saknas.' }]);
    expect(await issues('setHomeActive', { id: 'h-1', active: 'ja', rowVersion: 1 })).toEqual([{ path: '/active', message: 'Ange ja eller nej.' }]);
    expect(await issues('setHomeActive', { id: 'h-1', active: true })).toEqual([{ path: '/rowVersion', message: 'Versionen är inte giltig.' }]);
    expect(await issues('saveHome', { id: 'h-1', kind: 'hvb', name: 'A' })).toEqual([
      { path: '/rowVersion', message: 'Uppgifterna kan inte sparas: läs in dem igen och gör ändringen på nytt.' },
    ]);
    expect(await issues('saveHome', { kind: 'hvb', name: 'A', targetGroup: { gender: 'alla', needs: ['x'], minAge: 1, maxAge: 2, other: 1 } })).toEqual([
      { path: '/targetGroup/other', message: 'Okänt fält.' },
    ]);
    expect(await issues('saveHome', { kind: 'hvb', name: 'A', targetGroup: { needs: Array(31).fill('x') } })).toEqual([
      { path: '/targetGroup/needs', message: 'Högst 30 st.' },
    ]);
    expect(await issues('saveHome', { kind: 'hvb', name: 'A', targetGroup: { gender: 'x' } })).toEqual([
      { path: '/targetGroup/gender', message: 'Värdet är inte ett av de tillåtna.' },
    ]);
  });

  it('a placement\'s daily cost is whole kronor 0–1 000 000 or nothing, said at its field', async () => {
    const input = (dailyCost: unknown) => ({
      childId: 'c-1', legalBasis: 'SoL', decidedOn: '2026-01-10', startedOn: '2026-01-12', dailyCost, stays: [{ homeId: 'h-1', from: '2026-01-12' }],
    });
    for (const bad of [-1, 1850.5, 1_000_001, '1850', '1 850', true]) {
      expect(await issues('savePlacement', input(bad)), JSON.stringify(bad)).toEqual([{ path: '/dailyCost', message: 'Ange hela kronor, 0–1 000 000.' }]);
    }
    for (const good of [0, 1850, 1_000_000, null, undefined]) expect(await issues('savePlacement', input(good)), String(good)).toEqual([]);
    const handlers = fakeHandlers();
    await dispatch('savePlacement', input(null), handlers);
    expect(handlers.savePlacement).toHaveBeenCalledWith(expect.objectContaining({ dailyCost: null }));
  });

  it('answers at most 50 issues, and says how many more there were', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch('getQualitySummaries', { homeIds: Array.from({ length: 3000 }, () => 7), date: '2026-11-22' }, handlers);
    expect(result.ok).toBe(false);
    const issues = !result.ok ? (result.error.issues ?? []) : [];
    expect(issues).toHaveLength(51);
    expect(issues.at(-1)).toEqual({ path: '', message: expect.stringMatching(/^Och \d+ fel till\.$/) });
    expect(handlers.getQualitySummaries).not.toHaveBeenCalled();
  });

  it('a number beyond what JavaScript counts exactly is "för litet" or "för stort", not a 16-digit bound', async () => {
    const big = await dispatch('saveAuditChecklist', { items: [{ id: 'beslut', text: 'Beslut finns.', auto: null }], version: 1e300, reason: 'Skäl.', changedBy: 'X' }, fakeHandlers());
    expect(!big.ok && big.error.issues).toContainEqual({ path: '/version', message: 'Talet är för stort.' });
    const small = await dispatch('saveQualitySettings', { ...validInputs.saveQualitySettings as object, version: -1e300 }, fakeHandlers());
    expect(JSON.stringify(small)).not.toMatch(/9007199254740991/);
  });

  it('escapes ~ and / in JSON pointers (RFC 6901)', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['persons', 0, 'name'])).toBe('/persons/0/name');
    expect(jsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });
});

describe('dispatch: errors from handlers become envelopes', () => {
  it('keeps the code, Swedish message and issues of a ServiceError', async () => {
    const handlers = fakeHandlers();
    handlers.saveHome.mockRejectedValueOnce(
      new ServiceError('VALIDATION', 'Hemmet kan inte sparas.', [{ path: '/orgNr', message: 'Organisationsnumret är inte giltigt.' }]),
    );
    expect(await dispatch('saveHome', validInputs.saveHome, handlers)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Hemmet kan inte sparas.',
        issues: [{ path: '/orgNr', message: 'Organisationsnumret är inte giltigt.' }],
      },
    });
  });

  it.each(['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'] as const)('passes a %s ServiceError through without issues', async (code) => {
    const handlers = fakeHandlers();
    handlers.getHome.mockRejectedValueOnce(new ServiceError(code, 'Hemmet finns inte.'));
    expect(await dispatch('getHome', validInputs.getHome, handlers)).toEqual({ ok: false, error: { code, message: 'Hemmet finns inte.' } });
  });

  it('turns any other error into INTERNAL with a generic message, logs it, and leaks no detail', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers = fakeHandlers();
    const bug = new TypeError("SQLITE_ERROR: no such column: personnummer near 'Tolvan'");
    handlers.listHomes.mockRejectedValueOnce(bug);
    const result = await dispatch('listHomes', {}, handlers);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    const sent = JSON.stringify(result);
    expect(sent).not.toContain('SQLITE');
    expect(sent).not.toContain('.ts:'); // no stack frames
    expect(log).toHaveBeenCalledWith(expect.stringContaining('listHomes'), bug);
  });

  it('treats a thrown non-Error as INTERNAL too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handlers = fakeHandlers();
    handlers.loadDemoData.mockRejectedValueOnce('boom');
    expect(await dispatch('loadDemoData', {}, handlers)).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
  });
});
