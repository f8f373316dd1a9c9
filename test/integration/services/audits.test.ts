/**
 * The audit draw over a real register (test/fixtures/exchange/sample.json): the population of the
 * period, narrowed by a round's filters, and the same draw every time.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultChecklist } from '../../../main/domain/audit-checklist';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase();
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../fixtures/exchange/sample.json', import.meta.url)), 'utf8')) as unknown;
const period = { from: '2026-01-01', to: '2026-06-30', seed: 'lotto-2026-48' };

beforeEach(async () => {
  await db.services.exchange.importFile(fixture);
});

describe('the audit draw', () => {
  it('draws from the placements active in the period, the same every time', async () => {
    const first = await db.services.audits.draw({ ...period, size: 3 });
    expect(first.sample).toEqual(['PL1', 'PL5', 'PL3']);
    expect(await db.services.audits.draw({ ...period, size: 3 })).toEqual(first);
  });

  it('a round filtered on form draws only from placements with a stay of that form in the period', async () => {
    const draw = await db.services.audits.draw({ ...period, size: 1, form: 'hvb' });
    expect(draw).toMatchObject({ populationSize: 1, sample: ['PL3'] });
  });

  it('refuses a sample larger than the filtered population, in Swedish at the size', async () => {
    const error = await failure(db.services.audits.draw({ ...period, size: 2, form: 'hvb' }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '/size', message: 'urvalet (2) är större än populationen: 1 placering var aktiv under perioden' }] });
  });
});

describe('the checklist: rules.md’s template as version 1, a municipality’s own copies after it, every version kept', () => {
  const edited = () => {
    const items = defaultChecklist.items.filter((item) => item.id !== 'forteckning-ivo');
    return [...items, { id: 'umgange', text: 'Umgänget med vårdnadshavarna följs upp.', auto: null }];
  };

  it('saves a copy as version 2, keeps version 1 as rules.md wrote it, and refuses a save over a newer version', async () => {
    expect(await db.services.audits.checklist()).toBe(defaultChecklist);
    const saved = await db.services.audits.saveChecklist({ items: edited(), version: 1, changedBy: 'Enid Enhetschef', reason: 'Umgänge följs upp i vår kommun.' });
    expect(saved.version).toBe(2);
    expect((await db.services.audits.checklist()).items.at(-1)).toEqual({ id: 'umgange', text: 'Umgänget med vårdnadshavarna följs upp.', auto: null });
    expect(await db.services.audits.checklistVersion(1)).toBe(defaultChecklist);
    expect((await db.services.audits.checklistVersion(2))?.items).toHaveLength(17);
    expect(await db.services.audits.checklistVersion(3)).toBeUndefined();
    const stale = await failure(db.services.audits.saveChecklist({ items: edited(), version: 1, changedBy: 'X', reason: 'Y' }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses two items with one id, a rule answering two items, and an empty text, at the item', async () => {
    const items = [
      { id: 'beslut', text: 'Beslut finns.', auto: null },
      { id: 'beslut', text: ' ', auto: 'vardplan' as const },
      { id: 'plan', text: 'Vårdplan.', auto: 'vardplan' as const },
    ];
    const error = await failure(db.services.audits.saveChecklist({ items, version: 1, changedBy: 'X', reason: 'Y' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Checklistan kunde inte sparas.' });
    expect(error.issues).toEqual([
      { path: '/items/1/text', message: 'Skriv vad som granskas.' },
      { path: '/items/1/id', message: 'Två punkter har samma id.' },
      { path: '/items/2/auto', message: 'Regeln besvarar redan en annan punkt.' },
    ]);
  });

  it('says in Swedish what is wrong with an item that is no item: not an object, a field missing or unknown (the fuzzing found zod’s English here)', async () => {
    const items: unknown[] = [[], { text: 'Utan id.', auto: null }, { id: 'extra', text: 'Med ett fält för mycket.', auto: null, then: 1 }, { id: 5, text: 7, auto: null }];
    const error = await failure(db.services.audits.saveChecklist({ items, version: 1, changedBy: 'X', reason: 'Y' }));
    expect(error.issues).toEqual([
      { path: '/items/0', message: 'Ange en punkt med id, text och regel.' },
      { path: '/items/1/id', message: 'Ange ett id: små bokstäver a–z, siffror och bindestreck.' },
      { path: '/items/2', message: 'Okänt fält.' },
      { path: '/items/3/id', message: 'Ange ett id: små bokstäver a–z, siffror och bindestreck.' },
      { path: '/items/3/text', message: 'Skriv vad som granskas.' },
    ]);
  });
});
