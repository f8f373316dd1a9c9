/**
 * The settings of the quality index (quality-index.md: "dimensions, weights, half-life and
 * thresholds are settings"): kept in the database beside the register and versioned, so a score
 * in an old report names the version that reproduces it.
 */
import { z } from 'zod';

/** The dimensions of quality-index.md, in the order the window shows them. */
export const qualityDimensions = ['ivo-tillsyn', 'utfall', 'uppfoljning', 'avvikelser', 'barnets-rost', 'registerkontroll'] as const;
export type QualityDimension = (typeof qualityDimensions)[number];

export const dimensionNames: Record<QualityDimension, string> = {
  'ivo-tillsyn': 'IVO:s tillsyn',
  utfall: 'Placeringarnas utfall',
  uppfoljning: 'Uppföljningar',
  avvikelser: 'Avvikelser och lex Sarah',
  'barnets-rost': 'Barnens röst',
  registerkontroll: 'Kontroller',
};

export const grades = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof grades)[number];

const whole = (min: number, max: number, unit: string) =>
  z.int(`Ange ett heltal (${unit}).`).min(min, `Minst ${min} ${unit}.`).max(max, `Högst ${max} ${unit}.`);
const weight = (fallback: number) => whole(0, 100, 'procent').default(fallback);
const limit = (fallback: number) => whole(1, 100, 'poäng').default(fallback);

/** The defaults are quality-index.md's; a stored value missing a key (an older version) gets the default. */
export const qualitySettingsSchema = z
  .strictObject({
    /** Each dimension's weight in percent of the whole; 0 leaves a dimension out. */
    weights: z
      .strictObject({
        'ivo-tillsyn': weight(20),
        utfall: weight(25),
        uppfoljning: weight(20),
        avvikelser: weight(15),
        'barnets-rost': weight(10),
        registerkontroll: weight(10),
      })
      .prefault({}),
    /** Evidence this many months old weighs half as much as today's. */
    halfLifeMonths: whole(1, 120, 'månader').default(24),
    /** Evidence older than this is shown but not counted. */
    cutoffYears: whole(1, 20, 'år').default(5),
    /** The lowest score of each grade; E is below D's limit. */
    gradeLimits: z.strictObject({ A: limit(85), B: limit(70), C: limit(55), D: limit(40) }).prefault({}),
    /** A score needs at least this many counted pieces of evidence. */
    minEvidence: whole(1, 50, 'underlag').default(3),
  })
  .superRefine((settings, ctx) => {
    if (Object.values(settings.weights).every((w) => w === 0)) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'Minst en dimension måste ha en vikt större än 0.' });
    }
    const { A, B, C, D } = settings.gradeLimits;
    if (!(A > B && B > C && C > D)) {
      ctx.addIssue({ code: 'custom', path: ['gradeLimits'], message: 'Gränserna ska sjunka från A till D (A högst).' });
    }
  });
export type QualitySettings = z.output<typeof qualitySettingsSchema>;
export const defaultQualitySettings: QualitySettings = qualitySettingsSchema.parse({});

/** The grade of a (rounded) score: the first grade whose limit it reaches. */
export function gradeOf(score: number, limits: QualitySettings['gradeLimits']): Grade {
  if (score >= limits.A) return 'A';
  if (score >= limits.B) return 'B';
  if (score >= limits.C) return 'C';
  if (score >= limits.D) return 'D';
  return 'E';
}
