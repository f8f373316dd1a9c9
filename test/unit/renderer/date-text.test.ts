import { describe, expect, it } from 'vitest';
import { contract } from '../../../preload/api';
import { DATE_PATTERN, dateProblem } from '../../../renderer/src/components/dateText';

/** What the service answers for the same text in a date field (any channel taking a `date`). */
function contractSays(text: string): string | null {
  const parsed = contract.listDeadlines.input.safeParse({ date: text });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
}

describe('dateProblem: a date field checks what the user typed, in Swedish', () => {
  it.each(['2026-11-22', '2028-02-29', '2000-02-29', '1999-12-31', ' 2026-11-22 '])('takes %j', (text) => {
    expect(dateProblem(text)).toBeNull();
  });

  it('leaves an empty field to the form (required or not)', () => {
    expect(dateProblem('')).toBeNull();
    expect(dateProblem('   ')).toBeNull();
  });

  it.each(['11/22/2026', '22/11/2026', '2026-1-5', '20261122', '2026-11-2', '2026-11-22T10:00', 'i går', '2026–11–22'])(
    'asks for ÅÅÅÅ-MM-DD instead of %j',
    (text) => expect(dateProblem(text)).toBe('Ange datumet som ÅÅÅÅ-MM-DD.'),
  );

  it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-11-00'])(
    'says %j is not in the calendar',
    (text) => expect(dateProblem(text)).toBe('Det datumet finns inte i kalendern.'),
  );

  // The field and the service must never disagree: same verdict, same words.
  it.each(['2026-11-22', '2026-02-30', '2028-02-29', '11/22/2026', '2026-1-5', 'x', ' 2026-11-22 '])(
    'says what the contract says about %j',
    (text) => expect(dateProblem(text)).toBe(contractSays(text)),
  );
});

describe('DATE_PATTERN: the pattern attribute describes the same shape', () => {
  // The browser anchors a pattern to the whole value.
  const matches = (text: string) => new RegExp(`^(?:${DATE_PATTERN})$`, 'v').test(text);

  it('matches ÅÅÅÅ-MM-DD and nothing else', () => {
    expect(matches('2026-11-22')).toBe(true);
    for (const text of ['11/22/2026', '2026-1-5', '20261122', '2026-11-22x', '']) expect(matches(text), text).toBe(false);
  });
});
