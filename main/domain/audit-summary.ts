/**
 * What a random file audit found, per checklist item: how many files answered ja, nej and ej
 * tillämpligt, and the compliance, the share ja of the files where the item applied (ja + nej).
 * Files not yet audited, or an item not yet answered, count as unanswered and in no share.
 */
import type { ChecklistAnswer, ChecklistItem } from './audit-checklist';

export interface FileAnswer {
  fileId: string;
  itemId: string;
  answer: ChecklistAnswer;
}

export interface ItemCompliance {
  itemId: string;
  /** The item's number in the checklist, from 1. */
  number: number;
  text: string;
  ja: number;
  nej: number;
  ejTillampligt: number;
  unanswered: number;
  /** ja / (ja + nej), or null when the item applied to no file answered so far. */
  share: number | null;
}

/** Compliance per item, in the checklist's order, over `fileIds` (the round's files). */
export function complianceOf(items: readonly ChecklistItem[], fileIds: readonly string[], answers: readonly FileAnswer[]): ItemCompliance[] {
  const files = new Set(fileIds);
  const counts = new Map(items.map((item) => [item.id, { ja: 0, nej: 0, 'ej-tillampligt': 0 }]));
  for (const { fileId, itemId, answer } of answers) {
    const count = counts.get(itemId);
    if (count && files.has(fileId)) count[answer] += 1;
  }
  return items.map((item, index) => {
    const { ja, nej, 'ej-tillampligt': ejTillampligt } = counts.get(item.id)!;
    return {
      itemId: item.id,
      number: index + 1,
      text: item.text,
      ja,
      nej,
      ejTillampligt,
      unanswered: files.size - ja - nej - ejTillampligt,
      share: ja + nej === 0 ? null : ja / (ja + nej),
    };
  });
}

/** All items together: the share ja of every answer where an item applied. */
export function overallCompliance(rows: readonly ItemCompliance[]): number | null {
  const ja = rows.reduce((sum, row) => sum + row.ja, 0);
  const nej = rows.reduce((sum, row) => sum + row.nej, 0);
  return ja + nej === 0 ? null : ja / (ja + nej);
}

/** A file's pseudonym in the round and its report: its place in the draw, never the child. */
export const fileLabel = (ordinal: number): string => `Akt ${ordinal}`;

/** What stands in a report's free text where a child of the round was named. */
export const NAME_MASK = '[namn borttaget]';

/**
 * `text` without the names of `children` (each word of a name of at least two letters, whole
 * words, any case, also in the genitive: "Tildas"): an auditor's comment may name the child, the
 * report to the nämnd may not.
 */
export function withoutNames(text: string, children: readonly string[]): string {
  const words = [...new Set(children.flatMap((name) => name.split(/[\s-]+/u)).filter((word) => /^\p{L}{2,}$/u.test(word)))];
  if (words.length === 0) return text;
  const escaped = words.sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})s?(?![\\p{L}\\p{N}])`, 'giu'), NAME_MASK);
}
