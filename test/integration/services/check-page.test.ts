/**
 * Kontroller paged in main (`checks.page`, channel `listCheckPage`): on random registers and days,
 * every question's rows, page by page, are exactly the whole list's (`overview`) rows that its
 * filters find, written here from the page's definitions (the cards, the check, the status, the
 * quick search in the names the list shows); its sort orders them by the column with ties in the
 * list's order; and the cards count what each would show.
 */
import { describe, expect, it } from 'vitest';
import { listCheckPageInput, type CheckListRow, type ListCheckPageInput } from '../../../preload/api/checks';
import { useServiceDatabase } from './harness';
import { daysToAsk, randomRegister } from './random-register';

const db = useServiceDatabase('pk-check-page-');
const seeds = Array.from({ length: 8 }, (_, i) => 311 + i * 7919);

/** A question as the window asks it: through the contract's schema, so its defaults apply. */
const ask = (input: Partial<ListCheckPageInput> & { date: string }) => db.services.checks.page(listCheckPageInput.parse(input));

/** Every row a question finds, in pages of `size`. */
async function everyPage(input: Partial<ListCheckPageInput> & { date: string }, size: number): Promise<CheckListRow[]> {
  const rows: CheckListRow[] = [];
  for (;;) {
    const found = await ask({ ...input, offset: rows.length, limit: size });
    expect(found.rows.length).toBeLessThanOrEqual(size);
    rows.push(...found.rows);
    if (rows.length >= found.total || found.rows.length === 0) {
      expect(rows.length).toBe(found.total);
      return rows;
    }
  }
}

const keyOf = (row: CheckListRow) => JSON.stringify(row);
// The page's definitions, written from rules.md and the cards' texts, not from the service.
const toAct = (row: CheckListRow) =>
  row.check === 'registerkontroll-fortlopande' ? row.status === 'overdue' : row.status !== 'ok' && row.current;
const soon = (row: CheckListRow) => row.check === 'registerkontroll-fortlopande' && row.status === 'due-soon';
const lower = (text: string | null) => (text ?? '').toLocaleLowerCase('sv');
const finds = (query: string) => (row: CheckListRow) =>
  [row.homeName, row.personName, row.childLabel].some((text) => lower(text).includes(lower(query)));

describe('Kontroller paged in main', () => {
  it.each(seeds)('every question is the whole list filtered as the page says, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    let compared = 0;
    for (const date of daysToAsk(file, seed).slice(0, 3)) {
      const whole = (await db.services.checks.overview(date)).rows;
      const questions: [Partial<ListCheckPageInput>, (row: CheckListRow) => boolean][] = [
        [{ show: 'all' }, () => true],
        [{ show: 'action' }, toAct],
        [{ show: 'due-soon' }, soon],
        [{ show: 'all', check: 'registerkontroll' }, (row) => row.check === 'registerkontroll'],
        [{ show: 'all', status: 'missing' }, (row) => row.status === 'missing'],
        [{ show: 'action', query: 'PROV 1' }, (row) => toAct(row) && finds('prov 1')(row)],
        [{ show: 'all', query: 'vuxen' }, finds('vuxen')],
      ];
      for (const [question, keep] of questions) {
        const rows = await everyPage({ date, ...question }, 7);
        expect(rows.map(keyOf), `seed ${seed}, ${date}, ${JSON.stringify(question)}`).toEqual(whole.filter(keep).map(keyOf));
        compared += rows.length;
      }
      // The cards count what each would show under the other filters.
      const { cards, unfiltered, statuses } = await ask({ date, show: 'due-soon', query: 'provsson' });
      const matching = whole.filter(finds('provsson'));
      expect(cards).toEqual({ action: matching.filter(toAct).length, dueSoon: matching.filter(soon).length, all: matching.length });
      expect(unfiltered).toBe(whole.length);
      expect(new Set(statuses)).toEqual(new Set(whole.map((row) => row.status)));
    }
    expect(compared).toBeGreaterThan(0);
  });

  it.each(seeds.slice(0, 4))('sorts the whole list by the column asked, ties in the list order, seed %i', async (seed) => {
    const file = randomRegister(seed);
    await db.services.exchange.importFile(file);
    const date = daysToAsk(file, seed)[0]!;
    const whole = (await db.services.checks.overview(date)).rows;
    const order = new Map(whole.map((row, index) => [keyOf(row), index]));
    const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });
    for (const direction of ['asc', 'desc'] as const) {
      const sign = direction === 'asc' ? 1 : -1;
      const rows = await everyPage({ date, show: 'all', sort: { column: 'home', direction } }, 50);
      expect(rows.length).toBe(whole.length);
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1]!, rows[i]!];
        const byName = sign * collator.compare(a.homeName, b.homeName);
        expect(byName, `${a.homeName} before ${b.homeName}`).toBeLessThanOrEqual(0);
        if (byName === 0) expect(order.get(keyOf(b))!).toBeGreaterThan(order.get(keyOf(a))!);
      }
      const byDate = await everyPage({ date, show: 'all', sort: { column: 'date', direction } }, 500);
      for (let i = 1; i < byDate.length; i++) expect(sign * byDate[i - 1]!.date.localeCompare(byDate[i]!.date)).toBeLessThanOrEqual(0);
    }
  });

  it('never carries more than 500 rows, and refuses what the page cannot ask', () => {
    expect(listCheckPageInput.safeParse({ date: '2026-11-22', limit: 501 }).error?.issues[0]?.message).toBe('Högst 500 rader åt gången.');
    expect(listCheckPageInput.safeParse({ date: '2026-11-22', show: 'problems' }).error?.issues[0]?.message).toBe('Välj Att åtgärda, Snart eller Alla.');
    expect(listCheckPageInput.safeParse({ date: '2026-11-22', sort: { column: 'explanation', direction: 'asc' } }).error?.issues[0]?.message).toBe(
      'Listan kan inte sorteras på den kolumnen.',
    );
  });
});
