/**
 * The municipality's rule settings: rules.md's parameters, the table of legal references and the
 * register catalogue, versioned in the database beside the register they judge.
 */
import { z } from 'zod';
import type { LegalReference, RegisterCatalogueEntry } from '../../main/domain/rule-settings';
import { checkedRoles, personRegisters, ruleIds } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { empty, optionalDate, optionalText, trimmed } from './fields';

export type { LegalReference, RegisterCatalogueEntry };

/** One number of the rules (rules.md's parameters) with what the settings page says about it. */
export interface RuleParameter {
  key: string;
  label: string;
  unit: 'dagar' | 'månader' | 'år' | 'barn';
  value: number;
  defaultValue: number;
  /** What the law fixes of it (a municipality may be stricter, never looser); null for a local routine. */
  legalLimit: { bound: 'max' | 'min'; value: number; reference: string; requirement: string } | null;
}

/** A saved version of the settings: when, who and why, and what it changed, in Swedish. */
export interface RuleSettingsVersion {
  version: number;
  changedAt: string;
  /** Null for versions saved before the page asked, and for updates of the program itself. */
  changedBy: string | null;
  reason: string | null;
  changes: string[];
}

export interface RuleSettings {
  parameters: RuleParameter[];
  references: LegalReference[];
  catalogue: RegisterCatalogueEntry[];
  /** Increases with every saved change; 0 while the municipality has changed nothing (rules.md's defaults). */
  version: number;
  /** Every saved version, newest first. */
  history: RuleSettingsVersion[];
}

const months = z.int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.');

export const ruleSettingsInput = z
  .object({
    /** Parameter key → value; keys left out keep their value. The service checks each against its bounds. */
    parameters: z.record(z.string().max(60), z.int('Ange ett heltal.').min(0, 'Kan inte vara negativt.').max(3650, 'För stort.')),
    references: z
      .array(
        z
          .object({
            rule: z.enum(ruleIds, 'Okänd regel.'),
            reference: trimmed(200),
            validFrom: optionalDate,
            validTo: optionalDate,
            note: optionalText(500, 'multi-line'),
          })
          .strict(),
      )
      .max(200),
    /** The register catalogue; left out, it keeps its value. */
    catalogue: z
      .array(
        z
          .object({
            register: z.enum(personRegisters, 'Okänt register.'),
            required: z.boolean(),
            roles: z.array(z.enum(checkedRoles, 'Okänd roll.')).max(2),
            maxAgeMonths: months,
            recheckMonths: months.nullable(),
          })
          .strict(),
      )
      .max(personRegisters.length)
      .optional(),
    /** The version the user edited: a save over a newer version is refused (someone else saved). */
    version: z.int().min(0),
    /** Who makes the change and why: kept in the settings' history. */
    changedBy: trimmed(200),
    reason: trimmed(500),
  })
  .strict();
export type RuleSettingsInput = z.output<typeof ruleSettingsInput>;

export const settingsChannels = {
  getRuleSettings: channel(empty).returns<RuleSettings>(),
  saveRuleSettings: channel(ruleSettingsInput).returns<RuleSettings>(),
};
