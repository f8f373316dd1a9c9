/**
 * Register checks of foster homes and IVO permits of HVB (rules.md, "Checks before and during a
 * placement"): the register read once and judged by the one check engine (domain/checks).
 */
import type { Kysely } from 'kysely';
import { readChecksSnapshot, type ChecksSnapshot } from '../db/checks-repository';
import type { Database } from '../db/schema';
import { compareCheckResults, computeChecks, type CheckPlacement, type CheckRegister, type CheckResult } from '../domain/checks';
import type { HomeKind } from '../domain/homes';
import type { SettingsService } from './settings';

export type { CheckResult };

export function toCheckRegister(snapshot: ChecksSnapshot): CheckRegister {
  const stays = new Map<string, CheckPlacement['stays'][number][]>();
  for (const s of snapshot.stays) {
    const list = stays.get(s.placementId) ?? [];
    list.push({ homeId: s.homeId, form: s.form as HomeKind, from: s.fromDate, to: s.toDate, decidedOn: s.decidedOn });
    stays.set(s.placementId, list);
  }
  return {
    homes: new Map(snapshot.homes.map((h) => [h.id, { id: h.id, kind: h.kind as HomeKind, operator: h.operator }])),
    persons: snapshot.persons,
    placements: snapshot.placements.map((p) => ({ ...p, stays: stays.get(p.id) ?? [] })),
    checks: snapshot.checks,
  };
}

export function createChecksService(db: Kysely<Database>, settings: SettingsService) {
  return {
    /** Every check of the register as of `date`, in the engine's order. */
    async list(date: string): Promise<CheckResult[]> {
      const [snapshot, effective] = await Promise.all([readChecksSnapshot(db), settings.effective()]);
      return computeChecks(toCheckRegister(snapshot), date, effective.parameters).sort(compareCheckResults);
    },

    /** Names of homes and persons, for lists that show them. */
    async names(): Promise<{ homes: Map<string, string>; persons: Map<string, string> }> {
      const snapshot = await readChecksSnapshot(db);
      return {
        homes: new Map(snapshot.homes.map((h) => [h.id, h.name])),
        persons: new Map(snapshot.persons.map((p) => [p.id, p.name])),
      };
    },
  };
}

export type ChecksService = ReturnType<typeof createChecksService>;
