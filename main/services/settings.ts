/**
 * The municipality's rule settings: the parameters of rules.md and the table of legal references.
 * Stored in the database beside the register (decisions.md), so the window and the command line
 * judge the same file the same way. A save names the version it edited; a save over a newer one
 * is refused, so two people never silently overwrite each other.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { readSetting, readSettingsHistory, writeSetting, type StoredVersion } from '../db/settings-repository';
import {
  defaultLegalReferences,
  defaultRegisterCatalogue,
  defaultRuleParameters,
  legalLimitProblem,
  legalLimits,
  legalReferenceSchema,
  limitReference,
  registerCatalogueSchema,
  ruleParametersSchema,
  withUnit,
  type LegalReference,
  type RegisterCatalogueEntry,
  type RuleParameters,
} from '../domain/rule-settings';
import type { Clock } from './clock';
import { ServiceError, type ServiceIssue } from './errors';
import type { RuleParameter, RuleSettings, RuleSettingsInput, RuleSettingsVersion } from '../../preload/api/settings';
import { registerNames } from '../domain/rule-texts';

export type { LegalReference, RegisterCatalogueEntry, RuleParameters };

/** What the settings page says about each parameter, in the order it shows them. */
const parameterInfo: Record<keyof RuleParameters, { label: string; unit: RuleParameter['unit'] }> = {
  leadDays: { label: 'Varna så här långt före förfallodagen', unit: 'dagar' },
  childAgeLimit: { label: 'Barnreglerna gäller till', unit: 'år' },
  overvagandeMonths: { label: 'Övervägande (SoL, LVU 2 §) minst var', unit: 'månader' },
  omprovningMonths: { label: 'Omprövning (LVU 3 §) minst var', unit: 'månader' },
  vardnadsoverflyttningFirstMonths: { label: 'Vårdnadsöverflyttning: första övervägandet efter', unit: 'månader' },
  vardnadsoverflyttningThenMonths: { label: 'Vårdnadsöverflyttning: därefter var', unit: 'månader' },
  jourhemAfterInvestigationMonths: { label: 'Jourhem: högst så länge efter avslutad utredning', unit: 'månader' },
  jourhemWithoutInvestigationMonths: { label: 'Jourhem: gräns när utredningens slut inte är registrerat', unit: 'månader' },
  barnsamtalMonths: { label: 'Enskilt samtal med barnet minst var', unit: 'månader' },
  genomforandeplanDays: { label: 'Genomförandeplan inom', unit: 'dagar' },
  halsoundersokningDays: { label: 'Hälsoundersökning begärd inom', unit: 'dagar' },
  halsoundersokningAgeLimit: { label: 'Hälsoundersökning för barn och unga under', unit: 'år' },
  uppfoljningEfterLvuMonths: { label: 'Uppföljning efter avslutad LVU-vård inom', unit: 'månader' },
  flerAnTreBarnLimit: { label: 'Anmälan till IVO när fler barn än', unit: 'barn' },
  ivoTillstandMaxAgeDays: { label: 'IVO-tillstånd: kontrollerat högst så länge före beslut', unit: 'dagar' },
  lexSarahIvoDays: { label: 'Lex Sarah: anmälan till IVO inom', unit: 'dagar' },
  auditExclusionMonths: { label: 'Aktgranskning: dra inte akter som granskats inom', unit: 'månader' },
};

const PARAMETERS = 'ruleParameters';
const REFERENCES = 'legalReferences';
const CATALOGUE = 'registerCatalogue';
const KEYS = [PARAMETERS, REFERENCES, CATALOGUE];
const SAVE_FAILED = 'Inställningarna kunde inte sparas.';

export interface EffectiveRuleSettings {
  parameters: RuleParameters;
  references: LegalReference[];
  catalogue: RegisterCatalogueEntry[];
  version: number;
}

/** The settings' version: the newest of its keys (they are always saved together). */
async function currentVersion(db: Parameters<typeof readSetting>[0]): Promise<number> {
  const versions = await Promise.all(KEYS.map(async (key) => (await readSetting(db, key))?.version ?? 0));
  return Math.max(...versions);
}

export function createSettingsService(db: Kysely<Database>, clock: Clock) {
  /** The stored settings, completed with the defaults; a value that no longer parses falls back to them. */
  async function effective(): Promise<EffectiveRuleSettings> {
    const [parameters, references, catalogue] = await Promise.all([readSetting(db, PARAMETERS), readSetting(db, REFERENCES), readSetting(db, CATALOGUE)]);
    const parsedParameters = ruleParametersSchema.safeParse(parameters?.value ?? {});
    const parsedReferences = legalReferenceSchema.array().safeParse(references?.value ?? defaultLegalReferences);
    const parsedCatalogue = registerCatalogueSchema.safeParse(catalogue?.value ?? defaultRegisterCatalogue);
    return {
      parameters: parsedParameters.success ? parsedParameters.data : defaultRuleParameters,
      references: parsedReferences.success ? parsedReferences.data : defaultLegalReferences,
      catalogue: parsedCatalogue.success ? parsedCatalogue.data : defaultRegisterCatalogue,
      version: Math.max(parameters?.version ?? 0, references?.version ?? 0, catalogue?.version ?? 0),
    };
  }

  const present = async ({ parameters, references, catalogue, version }: EffectiveRuleSettings): Promise<RuleSettings> => {
    const today = clock.today();
    return {
      parameters: parameterKeys.map((key) => {
        const limit = legalLimits[key];
        return {
          key,
          ...parameterInfo[key],
          value: parameters[key],
          defaultValue: defaultRuleParameters[key],
          legalLimit: limit
            ? { bound: limit.bound, value: limit.value, reference: limitReference(limit, references, today), requirement: limit.requirement }
            : null,
        };
      }),
      references,
      catalogue,
      version,
      history: describeHistory(await readSettingsHistory(db, KEYS)),
    };
  };

  return {
    effective,

    async get(): Promise<RuleSettings> {
      return present(await effective());
    },

    async save(input: RuleSettingsInput): Promise<RuleSettings> {
      const issues: ServiceIssue[] = [];
      for (const key of Object.keys(input.parameters)) {
        // Own keys only: `toString` or `constructor` is in every object, and no setting.
        if (!Object.hasOwn(parameterInfo, key)) issues.push({ path: `/parameters/${key}`, message: 'Okänd inställning.' });
      }
      const known = Object.fromEntries(Object.entries(input.parameters).filter(([key]) => Object.hasOwn(parameterInfo, key)));
      const before = await effective();
      const parameters = ruleParametersSchema.safeParse({ ...before.parameters, ...known });
      const catalogue = registerCatalogueSchema.safeParse(input.catalogue ?? before.catalogue);
      if (!catalogue.success) {
        for (const issue of catalogue.error.issues) issues.push({ path: ['/catalogue', ...issue.path.map(String)].join('/'), message: issue.message });
      }
      if (!parameters.success) {
        for (const issue of parameters.error.issues) {
          issues.push({ path: `/parameters/${String(issue.path[0])}`, message: issue.message });
        }
      }
      input.references.forEach((row, i) => {
        if (row.validFrom !== null && row.validTo !== null && row.validFrom > row.validTo) {
          issues.push({ path: `/references/${i}/validTo`, message: 'Giltig till är före giltig från.' });
        }
      });
      if (parameters.success) {
        for (const key of parameterKeys) {
          const problem = legalLimitProblem(key, parameters.data[key], parameterInfo[key].unit, input.references, clock.today());
          if (problem !== null) issues.push({ path: `/parameters/${key}`, message: problem });
        }
      }
      if (issues.length > 0 || !parameters.success || !catalogue.success) throw new ServiceError('VALIDATION', SAVE_FAILED, issues);

      const change = { changedAt: clock.now(), changedBy: input.changedBy, reason: input.reason };
      const saved = { parameters: parameters.data, references: input.references, catalogue: catalogue.data, version: input.version + 1 };
      await inTransaction(db, async (trx) => {
        const current = await currentVersion(trx);
        const changedMeanwhile = () => new ServiceError('CONFLICT', 'Någon annan har ändrat inställningarna under tiden. Läs in dem igen och gör ändringen på nytt.');
        if (current !== input.version) throw changedMeanwhile();
        const version = current + 1;
        for (const [key, value] of [[PARAMETERS, parameters.data], [REFERENCES, input.references], [CATALOGUE, catalogue.data]] as const) {
          if (!(await writeSetting(trx, key, value, version, change))) throw changedMeanwhile();
        }
      });
      return present(saved);
    },
  };
}

const parameterKeys = Object.keys(parameterInfo) as (keyof RuleParameters)[];

/**
 * The saved versions, newest first, each with what it changed against the one before it (the
 * first against rules.md's defaults), in words an auditor can read.
 */
function describeHistory(rows: readonly StoredVersion[]): RuleSettingsVersion[] {
  const versions = [...new Set(rows.map((row) => row.version))].sort((a, b) => a - b);
  let state = new Map<string, unknown>([
    [PARAMETERS, {}],
    [REFERENCES, defaultLegalReferences],
    [CATALOGUE, defaultRegisterCatalogue],
  ]);
  const described: RuleSettingsVersion[] = [];
  for (const version of versions) {
    const saved = rows.filter((row) => row.version === version);
    const next = new Map(state);
    for (const row of saved) next.set(row.key, row.value);
    const first = saved[0]!;
    described.push({
      version,
      changedAt: first.changedAt,
      changedBy: first.changedBy,
      reason: first.reason ?? (first.changedBy === null ? 'Sparad innan sidan frågade efter skäl, eller uppdatering av Placeringskollen.' : null),
      changes: changesBetween(state, next),
    });
    state = next;
  }
  return described.reverse();
}

function changesBetween(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): string[] {
  const changes: string[] = [];
  const parameters = (state: ReadonlyMap<string, unknown>) => {
    const parsed = ruleParametersSchema.safeParse(state.get(PARAMETERS) ?? {});
    return parsed.success ? parsed.data : defaultRuleParameters;
  };
  const [old, now] = [parameters(before), parameters(after)];
  for (const key of parameterKeys) {
    if (old[key] !== now[key]) changes.push(`${parameterInfo[key].label}: ${withUnit(old[key], parameterInfo[key].unit)} → ${withUnit(now[key], parameterInfo[key].unit)}`);
  }
  const rowsOf = (state: ReadonlyMap<string, unknown>, key: string) =>
    new Set((Array.isArray(state.get(key)) ? (state.get(key) as unknown[]) : []).map((row) => JSON.stringify(row)));
  const [oldRefs, newRefs] = [rowsOf(before, REFERENCES), rowsOf(after, REFERENCES)];
  const added = [...newRefs].filter((row) => !oldRefs.has(row)).length;
  const removed = [...oldRefs].filter((row) => !newRefs.has(row)).length;
  if (added + removed > 0) changes.push(`Lagrum: ${[added && `${added} ${added === 1 ? 'rad ny eller ändrad' : 'rader nya eller ändrade'}`, removed && `${removed} ${removed === 1 ? 'rad borttagen' : 'rader borttagna'}`].filter(Boolean).join(', ')}`);
  const [oldCatalogue, newCatalogue] = [rowsOf(before, CATALOGUE), rowsOf(after, CATALOGUE)];
  const changedRegisters = [...newCatalogue]
    .filter((row) => !oldCatalogue.has(row))
    .map((row) => registerNames[(JSON.parse(row) as RegisterCatalogueEntry).register]);
  if (changedRegisters.length > 0) changes.push(`Registerkatalogen: ${changedRegisters.join(', ')}`);
  return changes;
}

export type SettingsService = ReturnType<typeof createSettingsService>;
