/**
 * Issue 11: no answer of the list of placements carries more than a page. A register of a few
 * hundred placements, written out here without the benchmark's generator, is walked page by page
 * through the channel, as the window asks for it. Fictional homes and children.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';
import { signInAs } from '../../signed-in';
import { PLACEMENT_PAGE_LIMIT, type PlacementPage, type Result } from '../../../preload/api';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-placement-bounds-');
const TODAY = '2026-11-22';
const CHILDREN = 320;

const first = ['Åsa', 'Anna', 'Örjan', 'Erik', 'Maja', 'Nils', 'Tova', 'Ärla', 'Vilgot', 'Saga'];
const last = ['Provsdotter', 'Exempelsson', 'Testberg', 'Åkesson', 'Östlund', 'Provberg'];
const pad = (n: number) => String(n).padStart(3, '0');

/** Every child has an ended placement and an ongoing one: 640 placements, 320 of them active. */
beforeEach(async () => {
  const homes = Array.from({ length: 8 }, (_, h) => ({ id: `H${h}`, kind: 'familjehem', name: `Familjen ${last[h % last.length]} ${h}`, municipality: 'Timrå' }));
  const children = Array.from({ length: CHILDREN }, (_, i) => ({
    id: `C${pad(i)}`,
    name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
    birthDate: `201${i % 8}-0${1 + (i % 9)}-1${i % 10}`,
    ...(i % 25 === 0 ? { protectedIdentity: true } : {}),
  }));
  const placements = children.flatMap((child, i) => {
    const home = `H${i % homes.length}`;
    const ended = `2023-0${1 + (i % 9)}-01`;
    const started = `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`;
    return [
      {
        id: `P${pad(i)}a`, childId: child.id, legalBasis: 'SoL', decidedOn: '2022-01-01', startedOn: '2022-01-01', endedOn: ended, endReason: 'planerad',
        caseworker: i % 3 === 0 ? null : `Handläggare ${last[i % last.length]}`,
        stays: [{ homeId: home, form: 'familjehem', from: '2022-01-01', to: ended }],
      },
      {
        id: `P${pad(i)}b`, childId: child.id, legalBasis: i % 2 === 0 ? 'LVU2' : 'SoL', decidedOn: started, startedOn: started,
        caseworker: `Handläggare ${last[(i + 1) % last.length]}`, unit: i % 4 === 0 ? 'Barn och unga' : null,
        stays: [{ homeId: home, form: 'familjehem', from: started }],
      },
    ];
  });
  await db.services.exchange.importFile({ format: 'placeringskollen-exchange', version: 1, homes, children, placements });
  await signInAs(db.services);
});

const handlers = () => createHandlers(db.services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });

async function ask(input: Record<string, unknown>): Promise<PlacementPage> {
  const result = (await dispatch('listPlacementPage', { date: TODAY, ...input }, handlers())) as Result<PlacementPage>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a few hundred placements, page by page', () => {
  it.each([
    [{ activeOnly: false, sort: { column: 'child', direction: 'asc' } }, 100],
    [{ activeOnly: false, sort: { column: 'home', direction: 'desc' } }, 37],
    [{ activeOnly: true, sort: { column: 'caseworker', direction: 'asc' } }, 100],
    [{ activeOnly: false, sort: { column: 'startedOn', direction: 'desc' } }, PLACEMENT_PAGE_LIMIT],
    [{ activeOnly: false, query: 'provsdotter', sort: { column: 'overdue', direction: 'desc' } }, 50],
  ])('%j, %i at a time: no answer holds more than asked for, and the pages hold each placement once', async (input, limit) => {
    const seen: string[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += limit) {
      const answer = await ask({ ...input, offset, limit });
      expect(answer.rows.length).toBeLessThanOrEqual(limit);
      expect(answer.rows.length).toBeLessThanOrEqual(PLACEMENT_PAGE_LIMIT);
      if (total >= 0) expect(answer.total).toBe(total);
      total = answer.total;
      seen.push(...answer.rows.map((row) => row.id));
      if (answer.rows.length === 0) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(0);
  });

  it('counts all of them, and never more than 500 rows in one answer', async () => {
    expect(await ask({ limit: 1 })).toMatchObject({ total: 2 * CHILDREN, hidden: 0, rows: { length: 1 } });
    expect(await ask({ activeOnly: true, limit: 1 })).toMatchObject({ total: CHILDREN, hidden: CHILDREN });
    expect((await ask({ limit: PLACEMENT_PAGE_LIMIT })).rows).toHaveLength(PLACEMENT_PAGE_LIMIT);
    // More is refused at the channel; the service, asked directly, cuts it to the limit.
    const refused = await dispatch('listPlacementPage', { date: TODAY, limit: PLACEMENT_PAGE_LIMIT + 1 }, handlers());
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const direct = await db.services.placementViews.page({
      date: TODAY, activeOnly: false, offset: 0, limit: 10_000, sort: { column: 'child', direction: 'asc' },
    });
    expect(direct).toMatchObject({ total: 2 * CHILDREN, rows: { length: PLACEMENT_PAGE_LIMIT } });
  });
});
