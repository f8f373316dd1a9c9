/**
 * Register checks of foster-home adults and IVO permit verifications of HVB and stödboende, as
 * the home panel shows and records them (issue 4). A check is history: a correction or removal
 * keeps the earlier version with who, when and why, in the same transaction as the change.
 * Statuses come from the one check engine (domain/checks), never from a second implementation.
 * The types are the contract's (preload/api/checks.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from '../db/checks-repository';
import { getHome, inTransaction } from '../db/homes-repository';
import type { Database } from '../db/schema';
import { computeChecks, needsPermit, type RegisterCatalogueEntry } from '../domain/checks';
import type { IsoDate } from '../domain/dates';
import { validateOrgNr } from '../domain/orgnr';
import type { Clock } from './clock';
import { changedSince, saving, ServiceError, notFound, type ServiceIssue } from './errors';
import { toCheckRegister } from './checks';
import type { SettingsService } from './settings';
import type {
  CorrectRegisterCheckInput,
  HomeChecks,
  PermitScope,
  PersonRegisterStatus,
  RegisterCheck,
  RegisterCheckInput,
  RegisterCheckRevision,
  RemoveRegisterCheckInput,
} from '../../preload/api/checks';
import {
  isFosterHomeKind,
  type CheckOutcome,
  type DeadlineStatus,
  type HomeKind,
  type IvoVerdict,
  type PersonRegister,
  type PersonRole,
  type Register,
} from '../domain/vocabulary';

const RECORD_FAILED = 'Kontrollen kunde inte sparas.';
const CORRECT_FAILED = 'Rättelsen kunde inte sparas.';
const NOTHING_CHANGED = 'Inget har ändrats.';

const personOutcomes: readonly string[] = ['utan-anmarkning', 'med-anmarkning'];
const permitOutcomes: readonly string[] = ['giltigt', 'ogiltigt'];
const permitHomeKinds: readonly string[] = ['hvb', 'stodboende'];
/** Adults are listed even without checks; anyone else of the household only when checked. */
const adultRoles: readonly string[] = ['uppdragstagare', 'annan-vuxen'];

const registerNames: Record<Register, string> = {
  belastningsregistret: 'Belastningsregistret',
  misstankeregistret: 'Misstankeregistret',
  socialregistret: 'Socialregistret',
  kronofogden: 'Kronofogden',
  forsakringskassan: 'Försäkringskassan',
  'ivo-tillstand': 'IVO-tillståndet',
};

/** "ett familjehem": a kind of home inside a sentence. */
const kindInSentence: Record<HomeKind, string> = {
  hvb: 'ett HVB',
  stodboende: 'ett stödboende',
  sis: 'ett särskilt ungdomshem (SiS)',
  familjehem: 'ett familjehem',
  jourhem: 'ett jourhem',
  natverkshem: 'ett nätverkshem',
};

// Rows come out as stored; the database's CHECK constraints guarantee the enumerations.
/** What a check and each of its earlier versions say. */
function checkFields(row: repo.CheckRow | repo.CheckRevisionRow): Omit<RegisterCheck, 'id' | 'revisions' | 'rowVersion'> {
  return {
    personId: row.personId,
    homeId: row.homeId,
    register: row.register as Register,
    checkedOn: row.checkedOn,
    outcome: row.outcome as CheckOutcome,
    reference: row.reference,
    permit: repo.parseStoredPermit(row.permit),
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
}

function toCheck(row: repo.CheckRow, revisions: number): RegisterCheck {
  return { id: row.id, ...checkFields(row), revisions, rowVersion: row.rowVersion };
}

function toRevision(row: repo.CheckRevisionRow): RegisterCheckRevision {
  return {
    checkId: row.checkId,
    revision: row.revision,
    ...checkFields(row),
    // The stored home id of a person's version only finds the home's history; the check is the person's.
    homeId: row.personId === null ? row.homeId : null,
    action: row.action,
    changedBy: row.changedBy,
    changedAt: row.changedAt,
    reason: row.reason,
  };
}

const code = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** Newest first: by date, then the later recording, then id (a stable order for equal dates). */
const newestFirst = (a: { checkedOn: string; recordedAt: string | null; id: string }, b: typeof a): number =>
  code(b.checkedOn, a.checkedOn) || code(b.recordedAt ?? '', a.recordedAt ?? '') || code(a.id, b.id);

export function createRegisterChecksService(db: Kysely<Database>, settings: SettingsService, clock: Clock) {
  /**
   * The rules a check must meet beyond the contract's shape, each at its field. (Every person
   * register is in the catalogue, which keeps all five: any of them may be recorded.)
   */
  async function validate(
    trx: Parameters<typeof repo.getCheck>[0],
    input: RegisterCheckInput,
    today: IsoDate,
  ): Promise<{ issues: ServiceIssue[]; permit: string | null }> {
    const issues: ServiceIssue[] = [];
    const onHome = input.register === 'ivo-tillstand';
    const name = registerNames[input.register];

    if ((input.personId === undefined) === (input.homeId === undefined)) {
      issues.push({ path: '/personId', message: 'Ange antingen en person eller ett hem.' });
    }
    if (input.personId !== undefined) {
      const person = await repo.personWithHome(trx, input.personId);
      if (!person) issues.push({ path: '/personId', message: 'Personen finns inte.' });
      else if (!isFosterHomeKind(person.homeKind as HomeKind)) {
        issues.push({
          path: '/personId',
          message: `Registerkontroller görs för personer i familjehem, jourhem och nätverkshem; ${person.homeName} är ${kindInSentence[person.homeKind as HomeKind]}.`,
        });
      }
      if (onHome) issues.push({ path: '/register', message: 'Ett IVO-tillstånd kontrolleras för ett HVB eller stödboende, inte för en person.' });
    }
    if (input.homeId !== undefined) {
      const home = await repo.homeBrief(trx, input.homeId);
      if (!home) issues.push({ path: '/homeId', message: 'Hemmet finns inte.' });
      if (!onHome) {
        issues.push({ path: '/register', message: `${name} kontrolleras för en person i hushållet, inte för hemmet.` });
      } else if (home && !permitHomeKinds.includes(home.kind)) {
        issues.push({
          path: '/homeId',
          message: `Ett IVO-tillstånd kontrolleras för HVB och stödboende; ${home.name} är ${kindInSentence[home.kind as HomeKind]}.`,
        });
      }
    }

    if (onHome && !permitOutcomes.includes(input.outcome)) {
      issues.push({ path: '/outcome', message: 'Ett IVO-tillstånd är giltigt eller inte giltigt.' });
    } else if (!onHome && !personOutcomes.includes(input.outcome)) {
      issues.push({ path: '/outcome', message: 'En registerkontroll är utan eller med anmärkning.' });
    }
    if (input.checkedOn > today) issues.push({ path: '/checkedOn', message: 'En kontroll kan inte vara gjord i framtiden.' });

    let permit: PermitScope | null = input.permit;
    if (permit !== null && !onHome) {
      issues.push({ path: '/permit', message: 'Vad tillståndet omfattar anges bara för IVO-tillstånd.' });
    } else if (permit !== null) {
      if (new Set(permit.forms).size < permit.forms.length) issues.push({ path: '/permit/forms', message: 'Samma form står två gånger.' });
      if (permit.holderOrgNr !== null) {
        const orgNr = validateOrgNr(permit.holderOrgNr);
        if (orgNr.ok) permit = { ...permit, holderOrgNr: orgNr.value };
        else issues.push({ path: '/permit/holderOrgNr', message: orgNr.message });
      }
    }
    return { issues, permit: onHome ? repo.serializePermit(permit) : null };
  }

  const rowOf = (id: string, input: RegisterCheckInput, permit: string | null, recordedAt: string): repo.CheckWrite => ({
    id,
    personId: input.personId ?? null,
    homeId: input.homeId ?? null,
    register: input.register,
    checkedOn: input.checkedOn,
    outcome: input.outcome,
    reference: input.reference,
    permit,
    recordedBy: input.recordedBy,
    recordedAt,
  });

  return {
    /** Everything the home panel shows about checks, statuses judged as of `date`. */
    async homeChecks(homeId: string, date: IsoDate): Promise<HomeChecks> {
      const home = await getHome(db, homeId);
      if (!home) throw notFound('Hemmet');
      const [rows, history, inspections, snapshot, effective] = await Promise.all([
        repo.checksOfHome(db, homeId),
        repo.historyOfHome(db, homeId),
        repo.inspectionsOfHome(db, homeId),
        repo.readHomeChecksSnapshot(db, homeId),
        settings.effective(),
      ]);
      const revisions = await repo.revisionCounts(db, rows.map((r) => r.id));
      const checks = rows.map((row) => toCheck(row, revisions.get(row.id) ?? 0)).sort(newestFirst);
      const { catalogue } = effective;

      // `registerkontroll-fortlopande` of this home's adults: present only while a child lives there.
      const due = new Map<string, { dueOn: string; status: DeadlineStatus }>();
      for (const result of computeChecks(toCheckRegister(snapshot), date, effective.parameters, catalogue)) {
        if (result.check === 'registerkontroll-fortlopande' && result.homeId === homeId) {
          due.set(`${result.personId}|${result.register}`, { dueOn: result.dueOn, status: result.status });
        }
      }

      const persons = home.persons.flatMap((person) => {
        const own = checks.filter((c) => c.personId === person.id);
        if (!adultRoles.includes(person.role) && own.length === 0) return [];
        const checked = new Set<string>(own.map((c) => c.register));
        const requiredFor = (entry: RegisterCatalogueEntry) => entry.required && (entry.roles as readonly string[]).includes(person.role);
        // Required registers first, in catalogue order; then any other register the person has a check of.
        const registers: PersonRegister[] = [
          ...catalogue.filter(requiredFor).map((e) => e.register),
          ...catalogue.filter((e) => !requiredFor(e) && checked.has(e.register)).map((e) => e.register),
          ...[...checked].filter((r): r is PersonRegister => r !== 'ivo-tillstand' && !catalogue.some((e) => e.register === r)),
        ];
        return [
          {
            personId: person.id,
            name: person.name,
            role: person.role as PersonRole,
            checks: own,
            registers: registers.map((register): PersonRegisterStatus => {
              const newest = own.find((c) => c.register === register && c.checkedOn <= date) ?? null;
              const recheck = due.get(`${person.id}|${register}`);
              const entry = catalogue.find((e) => e.register === register);
              return {
                register,
                required: entry !== undefined && requiredFor(entry),
                newestCheckedOn: newest?.checkedOn ?? null,
                newestOutcome: newest?.outcome ?? null,
                dueOn: recheck?.dueOn ?? null,
                status: recheck?.status ?? null,
              };
            }),
          },
        ];
      });

      return {
        homeId,
        date,
        persons,
        permits: checks.filter((c) => c.homeId === homeId && c.register === 'ivo-tillstand'),
        permitRequired: needsPermit(home.kind as HomeKind, home.operator),
        inspections: inspections.map((e) => ({
          id: e.id,
          placementId: e.placementId,
          homeId: e.homeId,
          type: 'ivo-tillsyn',
          date: e.date,
          comment: e.comment,
          verdict: e.verdict as IvoVerdict | null,
        })),
        history: history.map(toRevision),
        catalogue,
      };
    },

    /** Records a new check, stamped with the clock's now; a check dated after its today is refused. */
    async record(input: RegisterCheckInput): Promise<RegisterCheck> {
      const recordedAt = clock.now();
      return inTransaction(db, async (trx) => {
        const { issues, permit } = await validate(trx, input, clock.today());
        if (issues.length > 0) throw new ServiceError('VALIDATION', RECORD_FAILED, issues);
        const row = rowOf(randomUUID(), input, permit, recordedAt);
        await repo.insertCheck(trx, row);
        return toCheck((await repo.getCheck(trx, row.id))!, 0);
      });
    },

    /**
     * Corrects a check: the version before is kept in the history (who recorded it, who corrects
     * it, when and why) and the check takes the new values, all in one transaction.
     */
    async correct(input: CorrectRegisterCheckInput): Promise<RegisterCheck> {
      const changedAt = clock.now();
      return inTransaction(db, async (trx) => {
        const existing = await repo.getCheck(trx, input.id);
        if (!existing) throw notFound('Kontrollen');
        if (existing.rowVersion !== input.rowVersion) throw await changedSince(trx, 'register_checks', existing.id, 'kontrollen');
        const issues: ServiceIssue[] = [];
        if ((input.personId ?? null) !== existing.personId || (input.homeId ?? null) !== existing.homeId) {
          issues.push({
            path: existing.personId !== null ? '/personId' : '/homeId',
            message: 'En kontroll kan inte flyttas till en annan person eller ett annat hem. Ta bort den och registrera en ny.',
          });
        }
        const validated = await validate(trx, input, clock.today());
        issues.push(...validated.issues);
        if (issues.length > 0) throw new ServiceError('VALIDATION', CORRECT_FAILED, issues);

        const unchanged =
          input.register === existing.register &&
          input.checkedOn === existing.checkedOn &&
          input.outcome === existing.outcome &&
          input.reference === existing.reference &&
          validated.permit === repo.serializePermit(repo.parseStoredPermit(existing.permit));
        if (unchanged) throw new ServiceError('VALIDATION', NOTHING_CHANGED, [{ path: '', message: NOTHING_CHANGED }]);

        // The check first, from its version: a colleague's correction at the same moment holds the row
        // until she commits, and this one is then refused as changed. The history's next number is
        // read only after, when nobody else can be taking it (on the shared register too).
        const row = rowOf(existing.id, input, validated.permit, changedAt);
        await saving(trx, 'register_checks', row.id, 'kontrollen', () => repo.updateCheck(trx, row, existing.rowVersion));
        const revision = await repo.nextRevision(trx, existing.id);
        await repo.insertRevision(trx, existing, revision, {
          action: 'rattad',
          changedBy: input.recordedBy,
          changedAt,
          reason: input.reason,
        });
        return toCheck((await repo.getCheck(trx, row.id))!, revision);
      });
    },

    /** Removes a check (entered by mistake, or Ångra); the history keeps it with who and why. Returns it as it was. */
    async remove(input: RemoveRegisterCheckInput): Promise<RegisterCheck> {
      const changedAt = clock.now();
      return inTransaction(db, async (trx) => {
        const existing = await repo.getCheck(trx, input.id);
        if (!existing) throw notFound('Kontrollen');
        if (existing.rowVersion !== input.rowVersion) throw await changedSince(trx, 'register_checks', existing.id, 'kontrollen');
        // Removed first, from its version, for the same reason as a correction.
        await saving(trx, 'register_checks', existing.id, 'kontrollen', () => repo.deleteCheck(trx, existing.id, existing.rowVersion));
        const revision = await repo.nextRevision(trx, existing.id);
        await repo.insertRevision(trx, existing, revision, {
          action: 'borttagen',
          changedBy: input.removedBy,
          changedAt,
          reason: input.reason,
        });
        return toCheck(existing, revision - 1);
      });
    },
  };
}

export type RegisterChecksService = ReturnType<typeof createRegisterChecksService>;
