/**
 * A deviation's course (main/domain/deviations.ts): the steps that may follow, the status they
 * give, and lex Sarah's anmälan till IVO (`lex-sarah-anmalan`, SoL 27 kap. 6 §: "snarast"; the
 * days are a setting, 14 by default).
 */
import { describe, expect, it } from 'vitest';
import { deviationStatus, ivoReportDueOn, nextDeviationSteps, reportedToIvo, type StepFacts } from '../../../main/domain/deviations';

const step = (s: StepFacts['step'], date: string, serious: boolean | null = null): StepFacts => ({ step: s, date, serious });

describe('deviation status: the latest status step, else öppen', () => {
  it('öppen without steps; a bedömning or an anmälan is no status of its own', () => {
    expect(deviationStatus([])).toBe('oppen');
    expect(deviationStatus([step('under-utredning', '2026-01-02'), step('bedomning', '2026-01-03', true), step('anmald-ivo', '2026-01-04')])).toBe('under-utredning');
    expect(deviationStatus([step('under-utredning', '2026-01-02'), step('atgardad', '2026-01-05'), step('avslutad', '2026-01-06')])).toBe('avslutad');
  });
});

describe('the steps that may follow', () => {
  it('an avvikelse: utredning, åtgärdad and avslutad in order, steps may be skipped, nothing after avslutad', () => {
    expect(nextDeviationSteps('avvikelse', [])).toEqual(['under-utredning', 'atgardad', 'avslutad']);
    expect(nextDeviationSteps('avvikelse', [step('under-utredning', '2026-01-02')])).toEqual(['atgardad', 'avslutad']);
    expect(nextDeviationSteps('avvikelse', [step('atgardad', '2026-01-02')])).toEqual(['avslutad']);
    expect(nextDeviationSteps('avvikelse', [step('avslutad', '2026-01-02')])).toEqual([]);
  });

  it('lex Sarah: investigated first, then judged; judged serious, reported to IVO before it can be closed', () => {
    expect(nextDeviationSteps('lex-sarah', [])).toEqual(['under-utredning']);
    const investigated = [step('under-utredning', '2026-01-02')];
    expect(nextDeviationSteps('lex-sarah', investigated)).toEqual(['bedomning']);
    const serious = [...investigated, step('bedomning', '2026-01-03', true)];
    expect(nextDeviationSteps('lex-sarah', serious)).toEqual(['anmald-ivo', 'atgardad']);
    expect(nextDeviationSteps('lex-sarah', [...serious, step('atgardad', '2026-01-04')])).toEqual(['anmald-ivo']);
    expect(nextDeviationSteps('lex-sarah', [...serious, step('anmald-ivo', '2026-01-04')])).toEqual(['atgardad', 'avslutad']);
  });

  it('lex Sarah judged not serious may be closed at once', () => {
    expect(nextDeviationSteps('lex-sarah', [step('under-utredning', '2026-01-02'), step('bedomning', '2026-01-03', false)])).toEqual(['atgardad', 'avslutad']);
  });

  it('reported to IVO once an anmälan is recorded', () => {
    expect(reportedToIvo([step('under-utredning', '2026-01-02')])).toBe(false);
    expect(reportedToIvo([step('anmald-ivo', '2026-01-02')])).toBe(true);
  });
});

describe('lex-sarah-anmalan: due `days` after the latest bedömning judged serious, until an anmälan', () => {
  const judged = (on: string, serious = true) => [step('under-utredning', on), step('bedomning', on, serious)];

  it('14 days across a month end: judged 2026-01-31, due 2026-02-14', () => {
    expect(ivoReportDueOn('lex-sarah', judged('2026-01-31'), '2026-02-01', 14)).toEqual({ dueOn: '2026-02-14', basisOn: '2026-01-31' });
  });

  it('across a leap day: judged 2028-02-20, due 2028-03-05; in a common year 2027-02-20, due 2027-03-06', () => {
    expect(ivoReportDueOn('lex-sarah', judged('2028-02-20'), '2028-02-21', 14)?.dueOn).toBe('2028-03-05');
    expect(ivoReportDueOn('lex-sarah', judged('2027-02-20'), '2027-02-21', 14)?.dueOn).toBe('2027-03-06');
  });

  it('across a year end, with the municipality’s own number of days', () => {
    expect(ivoReportDueOn('lex-sarah', judged('2026-12-24'), '2026-12-24', 10)?.dueOn).toBe('2027-01-03');
  });

  it('none before the bedömning is dated (a step after D has not happened yet)', () => {
    expect(ivoReportDueOn('lex-sarah', judged('2026-03-10'), '2026-03-09', 14)).toBeNull();
    expect(ivoReportDueOn('lex-sarah', judged('2026-03-10'), '2026-03-10', 14)?.dueOn).toBe('2026-03-24');
  });

  it('none once an anmälan dated by D is recorded, even a late one; one dated after D does not count yet', () => {
    const reported = [...judged('2026-03-10'), step('anmald-ivo', '2026-04-01')];
    expect(ivoReportDueOn('lex-sarah', reported, '2026-04-01', 14)).toBeNull();
    expect(ivoReportDueOn('lex-sarah', reported, '2026-03-31', 14)?.dueOn).toBe('2026-03-24');
  });

  it('none when judged not serious, nor for an avvikelse', () => {
    expect(ivoReportDueOn('lex-sarah', judged('2026-03-10', false), '2026-03-20', 14)).toBeNull();
    expect(ivoReportDueOn('avvikelse', judged('2026-03-10'), '2026-03-20', 14)).toBeNull();
  });
});
