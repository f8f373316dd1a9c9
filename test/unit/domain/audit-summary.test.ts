import { describe, expect, it } from 'vitest';
import { complianceOf, fileLabel, NAME_MASK, overallCompliance, withoutNames } from '../../../main/domain/audit-summary';
import type { ChecklistItem } from '../../../main/domain/audit-checklist';

const items: ChecklistItem[] = [
  { id: 'beslut', text: 'Beslut om vård finns.', auto: null },
  { id: 'vardplan', text: 'Vårdplan finns.', auto: 'vardplan' },
  { id: 'jourhem', text: 'Jourhem inom 2 månader.', auto: 'jourhem' },
];

describe('compliance per item is the share ja of the files where the item applied', () => {
  const answers = [
    { fileId: 'a', itemId: 'beslut', answer: 'ja' as const },
    { fileId: 'b', itemId: 'beslut', answer: 'ja' as const },
    { fileId: 'c', itemId: 'beslut', answer: 'nej' as const },
    { fileId: 'a', itemId: 'vardplan', answer: 'nej' as const },
    { fileId: 'a', itemId: 'jourhem', answer: 'ej-tillampligt' as const },
    { fileId: 'b', itemId: 'jourhem', answer: 'ej-tillampligt' as const },
    // A file outside the round does not count.
    { fileId: 'x', itemId: 'beslut', answer: 'nej' as const },
  ];
  const rows = complianceOf(items, ['a', 'b', 'c', 'd'], answers);

  it('counts ja, nej, ej tillämpligt and unanswered, in the checklist order, numbered from 1', () => {
    expect(rows.map((r) => [r.number, r.itemId, r.ja, r.nej, r.ejTillampligt, r.unanswered])).toEqual([
      [1, 'beslut', 2, 1, 0, 1],
      [2, 'vardplan', 0, 1, 0, 3],
      [3, 'jourhem', 0, 0, 2, 2],
    ]);
  });

  it('ej tillämpligt is in no share; an item that applied nowhere has none', () => {
    expect(rows[0]!.share).toBeCloseTo(2 / 3);
    expect(rows[1]!.share).toBe(0);
    expect(rows[2]!.share).toBeNull();
  });

  it('all items together: every ja over every ja and nej', () => {
    expect(overallCompliance(rows)).toBeCloseTo(2 / 4);
    expect(overallCompliance(complianceOf(items, ['a'], []))).toBeNull();
  });

  it('a file is named by its place in the draw, never by the child', () => {
    expect(fileLabel(7)).toBe('Akt 7');
  });
});

describe('a report names no child of the round, even where a comment does', () => {
  it('masks each word of a child\'s name as a whole word, in any case, and leaves other words alone', () => {
    const children = ['Tilda Testsson', 'Åke Öst-Provsson', 'A. B.'];
    expect(withoutNames('Tilda saknar vårdplan; TESTSSON har bytt skola.', children)).toBe(`${NAME_MASK} saknar vårdplan; ${NAME_MASK} har bytt skola.`);
    expect(withoutNames('Åke och Provsson, inte Östergården, men Tildas skola.', children)).toBe(`${NAME_MASK} och ${NAME_MASK}, inte Östergården, men ${NAME_MASK} skola.`);
    // Initials are not names to mask: "A." would take every "a".
    expect(withoutNames('A och B.', children)).toBe('A och B.');
    expect(withoutNames('Inget namn här.', [])).toBe('Inget namn här.');
  });
});
