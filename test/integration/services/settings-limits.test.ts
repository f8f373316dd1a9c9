/**
 * The rule settings keep the law's bounds and their own history (issue 10): a value looser than
 * the law is refused with the reason and its reference, a stricter one is saved; every save keeps
 * who made it, when and why, and the page reads what each version changed.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-settings-limits-');
const who = { changedBy: 'Enhetschef Eva', reason: 'Nämndens beslut 2026-11-20 § 14.' };

describe('the law’s bounds on the rule parameters', () => {
  it('refuses övervägande every 12 months with the law’s requirement and reference, at its field, and saves nothing', async () => {
    const { references, version } = await db.services.settings.get();
    const refused = await issuesOf(db.services.settings.save({ parameters: { overvagandeMonths: 12 }, references, version, ...who }));
    expect(refused).toEqual({
      code: 'VALIDATION',
      message: 'Inställningarna kunde inte sparas.',
      issues: [
        {
          path: '/parameters/overvagandeMonths',
          message: 'Lagen kräver övervägande minst var 6:e månad (SoL 22 kap. 13 §; LVU 13 § första st.): högst 6 månader. Ett strängare lokalt värde går bra.',
        },
      ],
    });
    expect((await db.services.settings.get()).version).toBe(0);
  });

  it('refuses a parameter named like a property of every object as an unknown setting, in Swedish (the fuzzing found zod’s English here)', async () => {
    const { references, version } = await db.services.settings.get();
    const refused = await issuesOf(db.services.settings.save({ parameters: { toString: 3, constructor: 4 }, references, version, ...who }));
    expect(refused).toEqual({
      code: 'VALIDATION',
      message: 'Inställningarna kunde inte sparas.',
      issues: [
        { path: '/parameters/toString', message: 'Okänd inställning.' },
        { path: '/parameters/constructor', message: 'Okänd inställning.' },
      ],
    });
  });

  it('saves a stricter local value', async () => {
    const { references, version } = await db.services.settings.get();
    const saved = await db.services.settings.save({ parameters: { overvagandeMonths: 4 }, references, version, ...who });
    expect(saved.parameters.find((p) => p.key === 'overvagandeMonths')).toMatchObject({ value: 4, defaultValue: 6 });
  });

  it('shows each parameter’s legal limit with the reference in force today; a local routine has none', async () => {
    const { parameters } = await db.services.settings.get();
    expect(parameters.find((p) => p.key === 'jourhemAfterInvestigationMonths')?.legalLimit).toEqual({
      bound: 'max',
      value: 2,
      reference: 'SoL 22 kap. 4 §',
      requirement: 'Lagen tillåter jourhem högst 2 månader efter avslutad utredning, om inte särskilda skäl finns',
    });
    expect(parameters.find((p) => p.key === 'leadDays')?.legalLimit).toBeNull();
  });
});

describe('the history of the rule settings', () => {
  it('is empty while the municipality has changed nothing', async () => {
    expect((await db.services.settings.get()).history).toEqual([]);
  });

  it('keeps who saved each version, when and why, newest first, with what it changed', async () => {
    const first = await db.services.settings.get();
    db.clock.set('2026-11-22T09:15:00.000Z');
    await db.services.settings.save({ parameters: { overvagandeMonths: 4, leadDays: 14 }, references: first.references, version: 0, ...who });
    db.clock.set('2026-11-23T13:00:00.000Z');
    const second = await db.services.settings.save({
      parameters: {},
      references: first.references.filter((row) => row.rule !== 'barnsamtal'),
      catalogue: first.catalogue.map((entry) => (entry.register === 'kronofogden' ? { ...entry, required: true } : entry)),
      version: 1,
      changedBy: 'Administratör Ali',
      reason: 'Kronofogden krävs enligt ny rutin.',
    });
    expect(second.history).toEqual([
      {
        version: 2,
        changedAt: '2026-11-23T13:00:00.000Z',
        changedBy: 'Administratör Ali',
        reason: 'Kronofogden krävs enligt ny rutin.',
        changes: ['Lagrum: 2 rader borttagna', 'Registerkatalogen: Kronofogden'],
      },
      {
        version: 1,
        changedAt: '2026-11-22T09:15:00.000Z',
        changedBy: 'Enhetschef Eva',
        reason: 'Nämndens beslut 2026-11-20 § 14.',
        changes: ['Varna så här långt före förfallodagen: 30 dagar → 14 dagar', 'Övervägande (SoL, LVU 2 §) minst var: 6 månader → 4 månader'],
      },
    ]);
    expect(await db.services.settings.get()).toEqual(second);
  });
});
