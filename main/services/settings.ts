/**
 * The municipality's rule settings: the parameters of rules.md and the table of legal references.
 * Stored in the database beside the register (decisions.md), so the window and the command line
 * judge the same file the same way. A save names the version it edited; a save over a newer one
 * is refused, so two people never silently overwrite each other.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { readSetting, writeSetting } from '../db/settings-repository';
import {
  defaultLegalReferences,
  defaultRegisterCatalogue,
  defaultRuleParameters,
  legalReferenceSchema,
  registerCatalogueSchema,
  ruleParametersSchema,
  type LegalReference,
  type RegisterCatalogueEntry,
  type RuleParameters,
} from '../domain/rule-settings';
import type { Clock } from './clock';
import { ServiceError, type ServiceIssue } from './errors';
import type { RuleParameter, RuleSettings, RuleSettingsInput } from '../../preload/api/settings';

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

  const present = ({ parameters, references, catalogue, version }: EffectiveRuleSettings): RuleSettings => ({
    parameters: (Object.keys(parameterInfo) as (keyof RuleParameters)[]).map((key) => ({
      key,
      ...parameterInfo[key],
      value: parameters[key],
      defaultValue: defaultRuleParameters[key],
    })),
    references,
    catalogue,
    version,
  });

  return {
    effective,

    async get(): Promise<RuleSettings> {
      return present(await effective());
    },

    async save(input: RuleSettingsInput): Promise<RuleSettings> {
      const issues: ServiceIssue[] = [];
      for (const key of Object.keys(input.parameters)) {
        if (!(key in parameterInfo)) issues.push({ path: `/parameters/${key}`, message: 'Okänd inställning.' });
      }
      const known = Object.fromEntries(Object.entries(input.parameters).filter(([key]) => key in parameterInfo));
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
      if (issues.length > 0 || !parameters.success || !catalogue.success) throw new ServiceError('VALIDATION', SAVE_FAILED, issues);

      const changedAt = clock.now();
      return inTransaction(db, async (trx) => {
        const current = await currentVersion(trx);
        if (current !== input.version) {
          throw new ServiceError('CONFLICT', 'Någon annan har ändrat inställningarna under tiden. Läs in dem igen och gör ändringen på nytt.');
        }
        const version = current + 1;
        await writeSetting(trx, PARAMETERS, parameters.data, version, changedAt);
        await writeSetting(trx, REFERENCES, input.references, version, changedAt);
        await writeSetting(trx, CATALOGUE, catalogue.data, version, changedAt);
        return present({ parameters: parameters.data, references: input.references, catalogue: catalogue.data, version });
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
