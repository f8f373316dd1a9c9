/**
 * Random file audits (egenkontroll, rules.md "Random file audit"): the draw, reproducible by
 * anyone from the seed and the population (main/domain/sampling).
 */
import type { Kysely } from 'kysely';
import { placementSpans } from '../db/audits-repository';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/dates';
import { drawProblems, drawSample, populationOf, type Draw } from '../domain/sampling';
import { ServiceError } from './errors';

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

export function createAuditsService(db: Kysely<Database>) {
  return {
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
