/**
 * The rules' parameters and the table of legal references (rules.md: "Every parameter below is a
 * default that a municipality can change in its settings"; "Keep references in a table (rule id →
 * old ref, new ref, valid from/to) so that they can be corrected without code changes").
 * Expected values are rules.md's, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLegalReferences,
  defaultRuleParameters,
  legalLimitProblem,
  legalLimits,
  legalReferenceOn,
  legalReferenceSchema,
  ruleParametersSchema,
  withUnit,
  type LegalReference,
} from '../../../main/domain/rule-settings';
import { checkRules, deadlineRules, ruleIds } from '../../../main/domain/vocabulary';

/** rules.md's defaults, one by one. */
const rulesMdDefaults = {
  leadDays: 30, // Status: "the 30 days are a setting, leadDays"
  childAgeLimit: 18, // "child under 18 on D"
  overvagandeMonths: 6, // sol-/lvu-overvagande: + 6 months
  omprovningMonths: 6, // lvu-omprovning: + 6 months
  vardnadsoverflyttningFirstMonths: 24, // B + 24 months
  vardnadsoverflyttningThenMonths: 12, // event + 12 months
  jourhemAfterInvestigationMonths: 2, // investigationCompletedOn + 2 months
  jourhemWithoutInvestigationMonths: 6, // from + 6 months (4 + 2)
  barnsamtalMonths: 3, // + 3 months
  genomforandeplanDays: 30, // startedOn + 30 days
  halsoundersokningDays: 30, // startedOn + 30 days
  halsoundersokningAgeLimit: 21, // "child under 21 on D"
  uppfoljningEfterLvuMonths: 6, // endedOn + 6 months
  flerAnTreBarnLimit: 3, // "more than 3 placements"
  ivoTillstandMaxAgeDays: 90, // ivo-tillstand too-old: 90 days (setting)
  lexSarahIvoDays: 14, // lex Sarah: the law says "snarast"; local routine (setting)
  auditExclusionMonths: 12, // random file audit step 1: "ended less than 12 months (setting) before from"
};

describe('ruleParametersSchema: the rules’ parameters (rules.md defaults)', () => {
  it('an empty object gets every default of rules.md', () => {
    expect(ruleParametersSchema.parse({})).toEqual(rulesMdDefaults);
  });

  it('defaultRuleParameters are rules.md’s', () => {
    expect(defaultRuleParameters).toEqual(rulesMdDefaults);
  });

  it('a stored object missing keys (an older version) keeps its values and gets defaults for the rest', () => {
    expect(ruleParametersSchema.parse({ leadDays: 14, overvagandeMonths: 3 })).toEqual({
      ...rulesMdDefaults,
      leadDays: 14,
      overvagandeMonths: 3,
    });
  });

  it('leadDays may be 0 (due-soon only on the day itself)', () => {
    expect(ruleParametersSchema.parse({ leadDays: 0 }).leadDays).toBe(0);
  });

  it.each(Object.keys(rulesMdDefaults))('%s rejects a negative number', (key) => {
    expect(ruleParametersSchema.safeParse({ [key]: -1 }).success).toBe(false);
  });

  it.each(Object.keys(rulesMdDefaults))('%s rejects a non-integer', (key) => {
    expect(ruleParametersSchema.safeParse({ [key]: 2.5 }).success).toBe(false);
  });

  it.each(Object.keys(rulesMdDefaults))('%s rejects a string, null, NaN and Infinity', (key) => {
    for (const value of ['6', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(ruleParametersSchema.safeParse({ [key]: value }).success, String(value)).toBe(false);
    }
  });

  it('accepts a changed value of every key (e.g. 7)', () => {
    for (const key of Object.keys(rulesMdDefaults)) {
      expect(ruleParametersSchema.parse({ [key]: 7 })[key as keyof typeof rulesMdDefaults], key).toBe(7);
    }
  });

  it('rejects an unknown key (a typo must not be silently ignored)', () => {
    expect(ruleParametersSchema.safeParse({ leadDay: 10 }).success).toBe(false);
  });
});

describe('the rule ids', () => {
  it('are the deadline rules and the checks of rules.md', () => {
    expect([...deadlineRules].sort()).toEqual(
      [
        'barnsamtal',
        'fler-an-tre-barn',
        'genomforandeplan',
        'halsoundersokning',
        'jourhem-tidsgrans',
        'lex-sarah-anmalan',
        'lvu-omprovning',
        'lvu-overvagande',
        'sol-overvagande',
        'uppfoljning-efter-lvu',
        'vardnadsoverflyttning',
        'vardplan',
      ].sort(),
    );
    expect([...checkRules].sort()).toEqual(['ivo-tillstand', 'registerkontroll', 'registerkontroll-fortlopande']);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });
});

describe('defaultLegalReferences: rules.md’s table of legal references (old numbering to 2025-06-30, new from 2025-07-01)', () => {
  // Copied from rules.md, "Legal references (the default table)".
  it.each<[string, string, string]>([
    ['sol-overvagande', 'SoL 6 kap. 8 §', 'SoL 22 kap. 13 §'],
    ['lvu-overvagande', 'LVU 13 § första st.', 'LVU 13 § första st.'],
    ['lvu-omprovning', 'LVU 13 § andra st.', 'LVU 13 § andra st.'],
    ['vardnadsoverflyttning', 'SoL 6 kap. 8 b §; LVU 13 §', 'SoL 22 kap. 14 §; LVU 13 §'],
    ['jourhem-tidsgrans', 'SoL 6 kap. 6 §', 'SoL 22 kap. 4 §'],
    ['barnsamtal', 'Socialstyrelsens allmänna råd', 'SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd'],
    ['vardplan', 'SoL 11 kap. 3 §; SoF 5 kap. 1 a §', 'SoL 9 kap. 12 §; SoF 10 kap. 2 §'],
    ['genomforandeplan', 'SoL 11 kap. 3 §; SOSFS 2012:11', 'SoL 9 kap. 12 §; SoF 10 kap. 3 §'],
    ['halsoundersokning', 'SoL 11 kap. 3 a §; lag 2017:209', 'SoL 22 kap. 7 §; lag 2017:209'],
    ['uppfoljning-efter-lvu', 'LVU 21 b §', 'LVU 21 b §'],
    ['registerkontroll', 'SoF 5 kap. 1 b §', 'SoF 3 kap. 3 §'],
    ['ivo-tillstand', 'SoL 7 kap. 1 §', 'SoL 26 kap. 1 §'],
    ['fler-an-tre-barn', 'SoF 3 kap. 19 a §', 'SoF 16 kap. 2 §'],
  ])('%s: %s to 2025-06-30, %s from 2025-07-01', (rule, old, current) => {
    const on = (date: string) => legalReferenceOn(defaultLegalReferences, rule as (typeof ruleIds)[number], date);
    expect(on('2001-01-01')).toBe(old);
    expect(on('2025-06-30')).toBe(old);
    expect(on('2025-07-01')).toBe(current);
    expect(on('2040-12-31')).toBe(current);
  });

  it('the local routine of re-checks cites itself, and no lagrum is a government bill', () => {
    expect(legalReferenceOn(defaultLegalReferences, 'registerkontroll-fortlopande', '2026-11-22')).toMatch(/^Lokal rutin/);
    expect(defaultLegalReferences.map((r) => r.reference).join(' ')).not.toContain('prop.');
  });

  it('every rule id is covered on every day, by rows valid by the schema that never overlap', () => {
    expect(new Set(defaultLegalReferences.map((r) => r.rule))).toEqual(new Set(ruleIds));
    for (const row of defaultLegalReferences) expect(legalReferenceSchema.safeParse(row).success, row.rule).toBe(true);
    for (const rule of ruleIds) {
      const rows = defaultLegalReferences.filter((r) => r.rule === rule);
      for (const date of ['2001-01-01', '2025-06-30', '2025-07-01', '2040-12-31']) {
        const covering = rows.filter((r) => (r.validFrom === null || r.validFrom <= date) && (r.validTo === null || date <= r.validTo));
        expect(covering, `${rule} ${date}`).toHaveLength(1);
      }
    }
  });
});

describe('legalReferenceOn: the reference in force on a date', () => {
  const row = (reference: string, validFrom: string | null, validTo: string | null, rule: LegalReference['rule'] = 'sol-overvagande') => ({
    rule,
    reference,
    validFrom,
    validTo,
    note: null,
  });

  it('old until validTo (inclusive), new from validFrom (inclusive)', () => {
    const table = [row('gammal', null, '2025-06-30'), row('ny', '2025-07-01', null)];
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-06-30')).toBe('gammal');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-07-01')).toBe('ny');
    expect(legalReferenceOn(table, 'sol-overvagande', '1999-01-01')).toBe('gammal');
    expect(legalReferenceOn(table, 'sol-overvagande', '2099-01-01')).toBe('ny');
  });

  it('an open-ended old row and a newer row that begins later: the newer wins from its start', () => {
    const table = [row('ny', '2025-07-01', null), row('gammal', null, null)];
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-06-30')).toBe('gammal');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-07-01')).toBe('ny');
  });

  it('a gap in the table shows the rule id itself', () => {
    const table = [row('gammal', null, '2025-06-30'), row('ny', '2025-08-01', null)];
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-07-01')).toBe('sol-overvagande');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-07-31')).toBe('sol-overvagande');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-08-01')).toBe('ny');
  });

  it('a rule without any row shows its id; rows of other rules do not count', () => {
    expect(legalReferenceOn([row('x', null, null, 'vardplan')], 'sol-overvagande', '2025-07-01')).toBe('sol-overvagande');
    expect(legalReferenceOn([], 'barnsamtal', '2025-07-01')).toBe('barnsamtal');
  });

  it('a row with both ends applies only inside them', () => {
    const table = [row('tillfällig', '2025-01-01', '2025-12-31')];
    expect(legalReferenceOn(table, 'sol-overvagande', '2024-12-31')).toBe('sol-overvagande');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-01-01')).toBe('tillfällig');
    expect(legalReferenceOn(table, 'sol-overvagande', '2025-12-31')).toBe('tillfällig');
    expect(legalReferenceOn(table, 'sol-overvagande', '2026-01-01')).toBe('sol-overvagande');
  });
});

describe('legalReferenceSchema: a row of the table', () => {
  const ok = { rule: 'sol-overvagande', reference: 'SoL 6 kap. 8 §', validFrom: '2025-07-01', validTo: null, note: null };
  it('accepts a valid row', () => {
    expect(legalReferenceSchema.safeParse(ok).success).toBe(true);
    expect(legalReferenceSchema.safeParse({ ...ok, validTo: '2025-07-01' }).success).toBe(true);
  });
  it('rejects validTo before validFrom', () => {
    expect(legalReferenceSchema.safeParse({ ...ok, validTo: '2025-06-30' }).success).toBe(false);
  });
  it('rejects a date that is not a calendar date, an unknown rule, an empty reference', () => {
    expect(legalReferenceSchema.safeParse({ ...ok, validFrom: '2025-02-30' }).success).toBe(false);
    expect(legalReferenceSchema.safeParse({ ...ok, validFrom: '2025-7-1' }).success).toBe(false);
    expect(legalReferenceSchema.safeParse({ ...ok, rule: 'okand-regel' }).success).toBe(false);
    expect(legalReferenceSchema.safeParse({ ...ok, reference: '   ' }).success).toBe(false);
  });
});

describe('legal limits: a municipality may be stricter than the law, never looser (issue 10)', () => {
  const on = '2026-11-22';
  it('övervägande at least every 6 months (SoL 22 kap. 13 §; LVU 13 § första st.): 12 is refused with the reason, 6 and 4 are fine', () => {
    expect(legalLimitProblem('overvagandeMonths', 12, 'månader', defaultLegalReferences, on)).toBe(
      'Lagen kräver övervägande minst var 6:e månad (SoL 22 kap. 13 §; LVU 13 § första st.): högst 6 månader. Ett strängare lokalt värde går bra.',
    );
    expect(legalLimitProblem('overvagandeMonths', 6, 'månader', defaultLegalReferences, on)).toBeNull();
    expect(legalLimitProblem('overvagandeMonths', 4, 'månader', defaultLegalReferences, on)).toBeNull();
  });

  it('cites the law in force on the day it is asked (the old SoL before 2025-07-01)', () => {
    expect(legalLimitProblem('overvagandeMonths', 7, 'månader', defaultLegalReferences, '2025-03-01')).toContain('(SoL 6 kap. 8 §; LVU 13 § första st.)');
  });

  it('a lower bound: hälsoundersökning for children and young people under 21; 18 is refused, 25 is fine', () => {
    expect(legalLimitProblem('halsoundersokningAgeLimit', 18, 'år', defaultLegalReferences, on)).toMatch(/under 21 år \(SoL 22 kap\. 7 §; lag 2017:209\): minst 21 år\./);
    expect(legalLimitProblem('halsoundersokningAgeLimit', 25, 'år', defaultLegalReferences, on)).toBeNull();
  });

  it('jourhem at most 2 months after the investigation; omprövning every 6; vårdnadsöverflyttning after 24, then 12; IVO report above 3 children', () => {
    expect(legalLimitProblem('jourhemAfterInvestigationMonths', 3, 'månader', defaultLegalReferences, on)).toContain('högst 2 månader');
    expect(legalLimitProblem('omprovningMonths', 7, 'månader', defaultLegalReferences, on)).toContain('(LVU 13 § andra st.)');
    expect(legalLimitProblem('vardnadsoverflyttningFirstMonths', 25, 'månader', defaultLegalReferences, on)).toContain('(SoL 22 kap. 14 §; LVU 13 §)');
    expect(legalLimitProblem('vardnadsoverflyttningThenMonths', 13, 'månader', defaultLegalReferences, on)).toContain('högst 12 månader');
    expect(legalLimitProblem('flerAnTreBarnLimit', 4, 'barn', defaultLegalReferences, on)).toContain('(SoF 16 kap. 2 §)');
    expect(legalLimitProblem('flerAnTreBarnLimit', 2, 'barn', defaultLegalReferences, on)).toBeNull();
  });

  it('local routines have no legal limit, and every default of rules.md is within the law', () => {
    expect(legalLimits.leadDays).toBeUndefined();
    expect(legalLimits.barnsamtalMonths).toBeUndefined();
    expect(legalLimits.ivoTillstandMaxAgeDays).toBeUndefined();
    for (const key of Object.keys(defaultRuleParameters) as (keyof typeof defaultRuleParameters)[]) {
      expect(legalLimitProblem(key, defaultRuleParameters[key], 'månader', defaultLegalReferences, on), key).toBeNull();
    }
  });

  it('says one month, not "1 månader"', () => {
    expect(withUnit(1, 'månader')).toBe('1 månad');
    expect(withUnit(1, 'dagar')).toBe('1 dag');
    expect(withUnit(2, 'månader')).toBe('2 månader');
    expect(ruleParametersSchema.safeParse({ barnsamtalMonths: 0 }).error?.issues[0]?.message).toBe('Minst 1 månad.');
  });
});
