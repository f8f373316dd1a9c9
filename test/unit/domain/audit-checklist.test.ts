/**
 * The checklist's auto answers (rules.md, "Audit checklist"), judged over the audit period by the
 * deadline and check engines. One fictional placement in a familjehem, audited for 2026-01-01 –
 * 2026-06-30; the expected answers are worked out by hand from rules.md beside each.
 */
import { describe, expect, it } from 'vitest';
import { autoAnswers, defaultChecklist, type AuditedFile } from '../../../main/domain/audit-checklist';
import type { CheckResult } from '../../../main/domain/checks';
import type { DeadlineRegister, EngineEvent } from '../../../main/domain/deadlines';
import { defaultLegalReferences, defaultRuleParameters } from '../../../main/domain/rule-settings';

const settings = { parameters: defaultRuleParameters, references: defaultLegalReferences };
const FROM = '2026-01-01';
const TO = '2026-06-30';

const event = (type: string, date: string): EngineEvent => ({ placementId: 'PL1', homeId: null, type, date });

function file(events: EngineEvent[], checks: CheckResult[] = [], form: 'familjehem' | 'jourhem' = 'familjehem'): AuditedFile {
  const register: DeadlineRegister = {
    children: new Map([['C1', '2012-03-04']]),
    placements: [{ id: 'PL1', childId: 'C1', legalBasis: 'SoL', startedOn: '2025-01-10', endedOn: null, stays: [{ homeId: 'F1', form, from: '2025-01-10', to: null, investigationCompletedOn: null }] }],
    events,
    homes: new Map([['F1', form]]),
  };
  return { placementId: 'PL1', register, checks, names: { persons: new Map([['P1', 'Anna Ek']]), homes: new Map([['F1', 'Familjen Ek']]) } };
}

const done = [
  event('vardplan', '2025-01-10'),
  event('halsoundersokning-begard', '2025-01-20'),
  event('genomforandeplan', '2025-02-01'),
  event('overvagande', '2025-07-01'),
  event('barnsamtal', '2025-12-20'),
  event('overvagande', '2026-02-15'),
  event('barnsamtal', '2026-03-15'),
  event('barnsamtal', '2026-06-01'),
];

const answer = (f: AuditedFile, item: string) => autoAnswers(f, defaultChecklist, FROM, TO, settings).get(item);

describe('auto answers judged over the period, from the events (rules.md: "answered from the events, not from a checkbox")', () => {
  it('övervägande: due 2026-01-01 (six months after 2025-07-01), made 2026-02-15: nej, late', () => {
    expect(answer(file(done), 'overvagande')).toEqual({ answer: 'nej', reason: 'Övervägande (SoL): senast 2026-01-01, gjort 2026-02-15 – försenat (SoL 22 kap. 13 §).' });
  });

  it('övervägande made on its due day is in time', () => {
    const inTime = done.map((e) => (e.date === '2026-02-15' ? event('overvagande', '2026-01-01') : e));
    expect(answer(file(inTime), 'overvagande')).toEqual({ answer: 'ja', reason: 'Övervägande (SoL): i tid under perioden; nästa senast 2026-07-01 (SoL 22 kap. 13 §).' });
  });

  it('övervägande made a day after its due day is late (the eve of the event shows it)', () => {
    const dayLate = done.map((e) => (e.date === '2026-02-15' ? event('overvagande', '2026-01-02') : e));
    expect(answer(file(dayLate), 'overvagande')?.reason).toBe('Övervägande (SoL): senast 2026-01-01, gjort 2026-01-02 – försenat (SoL 22 kap. 13 §).');
  });

  it('övervägande not made at all in the period: nej, not made by its end', () => {
    const never = done.filter((e) => e.date !== '2026-02-15');
    expect(answer(file(never), 'overvagande')).toEqual({ answer: 'nej', reason: 'Övervägande (SoL): senast 2026-01-01, inte gjort per 2026-06-30 – försenat (SoL 22 kap. 13 §).' });
  });

  it('barnsamtal late and then no longer a duty (the child turned 18 on 2026-03-15): nej, not "gjort" by another event', () => {
    const f = file([event('vardplan', '2025-01-10'), event('barnsamtal', '2025-10-01'), event('overvagande', '2026-02-15'), event('overvagande', '2026-04-10')]);
    f.register = { ...f.register, children: new Map([['C1', '2008-03-15']]) };
    expect(answer(f, 'barnsamtal')).toEqual({
      answer: 'nej',
      reason: 'Enskilt samtal med barnet: senast 2026-01-01, inte gjort innan bevakningen upphörde (senast 2026-04-09) – försenat (SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd).',
    });
  });

  it('barnsamtal every third month: 2025-12-20, 2026-03-15, 2026-06-01, next by 2026-09-01: ja', () => {
    expect(answer(file(done), 'barnsamtal')).toEqual({
      answer: 'ja',
      reason: 'Enskilt samtal med barnet: i tid under perioden; nästa senast 2026-09-01 (SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd).',
    });
  });

  it('vårdplan, genomförandeplan and hälsoundersökning made before the period: ja', () => {
    expect(answer(file(done), 'vardplan')).toEqual({ answer: 'ja', reason: 'Vårdplan: gjord, ingen bevakning öppen under perioden.' });
    expect(answer(file(done), 'genomforandeplan')?.answer).toBe('ja');
    expect(answer(file(done), 'halsoundersokning')?.answer).toBe('ja');
  });

  it('no vårdplan at all: nej, due when the placement began', () => {
    const none = done.filter((e) => e.type !== 'vardplan');
    expect(answer(file(none), 'vardplan')).toEqual({ answer: 'nej', reason: 'Vårdplan: senast 2025-01-10, inte gjort per 2026-06-30 – försenat (SoL 11 kap. 3 §; SoF 5 kap. 1 a §).' });
  });

  it('jourhem and more than three children do not apply to one child in a familjehem', () => {
    expect(answer(file(done), 'jourhem')).toEqual({ answer: 'ej-tillampligt', reason: 'Tidsgräns i jourhem: gällde inte placeringen under perioden.' });
    expect(answer(file(done), 'fler-an-tre-barn')?.answer).toBe('ej-tillampligt');
  });

  it('a jourhem stay over its limit with särskilda skäl documented: ja, with the day they were written', () => {
    // No completed investigation recorded: the limit is the local 6 months from 2025-01-10 = 2025-07-10.
    const f = file([...done, event('jourhem-sarskilda-skal', '2025-07-01')], [], 'jourhem');
    expect(answer(f, 'jourhem')).toEqual({ answer: 'ja', reason: 'Tidsgräns i jourhem: senast 2025-07-10, passerad; särskilda skäl dokumenterade 2025-07-01.' });
  });

  it('items without an auto rule get no proposal', () => {
    const answers = autoAnswers(file(done), defaultChecklist, FROM, TO, settings);
    expect(defaultChecklist.items.filter((i) => i.auto === null).some((i) => answers.has(i.id))).toBe(false);
    expect(defaultChecklist.items).toHaveLength(17);
  });
});

describe('auto answers from the checks before the decision', () => {
  const check = (register: string, status: 'ok' | 'missing'): CheckResult => ({
    check: 'registerkontroll', placementId: 'PL1', homeId: 'F1', personId: 'P1', register, decisionOn: '2025-01-10', status, checkedOn: null,
  });

  it('registerkontroll with one register missing: nej, naming the adult and the register', () => {
    expect(answer(file(done, [check('belastningsregistret', 'ok'), check('misstankeregistret', 'missing')]), 'registerkontroll')).toEqual({
      answer: 'nej',
      reason: 'Registerkontroll före beslut: Anna Ek, Misstankeregistret: saknas (beslut 2025-01-10).',
    });
  });

  it('all in order: ja; no permit to check in a familjehem: ej tillämpligt', () => {
    expect(answer(file(done, [check('belastningsregistret', 'ok'), check('misstankeregistret', 'ok')]), 'registerkontroll')).toEqual({ answer: 'ja', reason: 'Registerkontroll före beslut: alla 2 i ordning.' });
    expect(answer(file(done), 'ivo-tillstand')).toEqual({ answer: 'ej-tillampligt', reason: 'IVO-tillstånd före beslut: inget sådant hem under placeringen.' });
  });
});
