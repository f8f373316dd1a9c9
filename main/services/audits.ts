/**
 * Random file audits (egenkontroll, rules.md "Random file audit"): the draw, reproducible by
 * anyone from the seed and the population (main/domain/sampling).
 */
import type { Kysely } from 'kysely';
import { placementSpans } from '../db/audits-repository';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/dates';
import { drawProblems, drawSample, populationOf, type Draw } from '../domain/sampling';
import { inTransaction } from '../db/homes-repository';
import { readSetting, readSettingsHistory, writeSetting } from '../db/settings-repository';
import { checklistItemsSchema, defaultChecklist, type Checklist, type ChecklistItem } from '../domain/audit-checklist';
import type { Clock } from './clock';
import { ServiceError, type ServiceIssue } from './errors';

export interface DrawInput {
  from: IsoDate;
  to: IsoDate;
  size: number;
  seed: string;
  /** A round's filters (rules.md step 1); none for the command line's `sample`. */
  unit?: string | null;
  form?: string | null;
  caseworker?: string | null;
}

/** The municipality's checklist: a setting of its own, versioned with who, when and why. */
const CHECKLIST = 'auditChecklist';

export interface ChecklistSave {
  items: ChecklistItem[];
  /** The checklist version the user edited: a save over a newer one is refused. */
  version: number;
  changedBy: string;
  reason: string;
}

/**
 * rules.md's template is version 1; each saved copy is the next. A round names the version it
 * was audited with, and every version is kept, so an old round's checklist can be shown as it was.
 */
const checklistVersionOf = (settingVersion: number) => settingVersion + 1;

export function createAuditsService(db: Kysely<Database>, clock: Clock) {
  async function checklist(): Promise<Checklist> {
    const stored = await readSetting(db, CHECKLIST);
    const parsed = checklistItemsSchema.safeParse(stored?.value);
    return stored && parsed.success ? { version: checklistVersionOf(stored.version), items: parsed.data } : defaultChecklist;
  }

  return {
    checklist,

    /** The checklist as it was in `version` (1: rules.md's), or undefined when there is no such version. */
    async checklistVersion(version: number): Promise<Checklist | undefined> {
      if (version === defaultChecklist.version) return defaultChecklist;
      const saved = (await readSettingsHistory(db, [CHECKLIST])).find((row) => checklistVersionOf(row.version) === version);
      const parsed = checklistItemsSchema.safeParse(saved?.value);
      return parsed.success ? { version, items: parsed.data } : undefined;
    },

    async saveChecklist({ items, version, changedBy, reason }: ChecklistSave): Promise<Checklist> {
      const parsed = checklistItemsSchema.safeParse(items);
      if (!parsed.success) {
        const issues: ServiceIssue[] = parsed.error.issues.map((issue) => ({ path: `/items${issue.path.map((p) => `/${String(p)}`).join('')}`, message: issue.message }));
        throw new ServiceError('VALIDATION', 'Checklistan kunde inte sparas.', issues);
      }
      return inTransaction(db, async (trx) => {
        const current = (await readSetting(trx, CHECKLIST))?.version ?? 0;
        if (checklistVersionOf(current) !== version) {
          throw new ServiceError('CONFLICT', 'Någon annan har ändrat checklistan under tiden. Läs in den igen och gör ändringen på nytt.');
        }
        await writeSetting(trx, CHECKLIST, parsed.data, current + 1, { changedAt: clock.now(), changedBy, reason });
        return { version: checklistVersionOf(current + 1), items: parsed.data };
      });
    },

    /** The population of the period and the sample drawn from it, without saving anything. */
    async draw({ from, to, size, seed, ...filter }: DrawInput): Promise<Draw> {
      const first = drawProblems({ from, to, size, seed, populationSize: null });
      if (first.length > 0) throw drawError(first);
      const population = populationOf(await placementSpans(db, filter.form != null), { from, to, ...filter });
      const problems = drawProblems({ from, to, size, seed, populationSize: population.length });
      if (problems.length > 0) throw drawError(problems);
      return drawSample(population, seed, size);
    },
  };
}

const drawError = (problems: { field: string; message: string }[]) =>
  new ServiceError('VALIDATION', 'Urvalet kan inte dras.', problems.map((p) => ({ path: `/${p.field}`, message: p.message })));

export type AuditsService = ReturnType<typeof createAuditsService>;
