/**
 * The bevakningslista: the register read once, the one deadline engine (domain/deadlines) run
 * over it with the municipality's settings, and each deadline given its words (who, where, what
 * the rule says). The whole list also carries the re-checks of foster-home adults
 * (`registerkontroll-fortlopande`, from the checks service) as reminders beside the deadlines;
 * they are counted once, by the checks (Kontroller), not in the deadlines' counts.
 * The window, the command line and the audit checklist all come here.
 */
import type { Kysely } from 'kysely';
import { changeStamp, childOfPlacement, readOpenRegisterSnapshot, readRegisterSnapshot, type RegisterSnapshot } from '../db/placements-repository';
import type { Database } from '../db/schema';
import { computeDeadlines, currentStay, isActiveOn, type Deadline, type DeadlineRegister, type EnginePlacement } from '../domain/deadlines';
import { basisLabels, ruleExplanation, ruleTitles } from '../domain/rule-texts';
import { compareSwedish } from '../domain/swedish';
import type { ChecksService, RecheckRow } from './checks';
import { childLabel, protectedHomeName } from './placements';
import type { EffectiveRuleSettings, SettingsService } from './settings';
import type { DeadlineRule, DeadlineStatus, EventType, HomeKind, LegalBasis } from '../domain/vocabulary';
import type { DeadlineCounts, DeadlineOverview, DeadlineRow } from '../../preload/api/deadlines';

export type { Deadline };

/** The engine's view of a snapshot of the register. */
export function toDeadlineRegister(snapshot: RegisterSnapshot): DeadlineRegister {
  const staysByPlacement = new Map<string, EnginePlacement['stays'][number][]>();
  for (const stay of snapshot.stays) {
    const list = staysByPlacement.get(stay.placementId) ?? [];
    list.push({
      homeId: stay.homeId,
      form: stay.form as HomeKind,
      from: stay.fromDate,
      to: stay.toDate,
      investigationCompletedOn: stay.investigationCompletedOn,
    });
    staysByPlacement.set(stay.placementId, list);
  }
  return {
    children: new Map(snapshot.children.map((c) => [c.id, c.birthDate])),
    placements: snapshot.placements.map((p) => ({
      id: p.id,
      childId: p.childId,
      legalBasis: p.legalBasis as LegalBasis,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      stays: staysByPlacement.get(p.id) ?? [],
    })),
    events: snapshot.events,
    homes: new Map(snapshot.homes.map((h) => [h.id, h.kind as HomeKind])),
    ...(snapshot.homeStays && { homeStays: snapshot.homeStays.map((s) => ({ homeId: s.homeId, from: s.fromDate, to: s.toDate })) }),
  };
}

export function countDeadlines(deadlines: readonly { status: DeadlineStatus }[]): DeadlineCounts {
  const counts = { overdue: 0, dueSoon: 0, upcoming: 0 };
  for (const { status } of deadlines) {
    if (status === 'overdue') counts.overdue++;
    else if (status === 'due-soon') counts.dueSoon++;
    else counts.upcoming++;
  }
  return counts;
}

/** Whose a row is: the handläggare and enheter, one by one and as shown. */
interface Owners {
  caseworkers: string[];
  units: string[];
}

const noOwners: Owners = { caseworkers: [], units: [] };

const ownerFields = ({ caseworkers, units }: Owners) => ({
  caseworker: caseworkers.length > 0 ? caseworkers.join(', ') : null,
  caseworkers,
  unit: units.length > 0 ? units.join(', ') : null,
  units,
});

const distinctSorted = (values: (string | null)[]) =>
  [...new Set(values.filter((value): value is string => value !== null && value !== ''))].sort(compareSwedish);

/**
 * The handläggare and enheter of the children living in each home on `date` (a placement active
 * that day with a stay there that covers it: the re-checks' own test of a child in the home). A
 * protected child's are left out: beside a home's name they would tell where the child lives.
 */
function ownersOfHomes(snapshot: RegisterSnapshot, date: string): Map<string, Owners> {
  const protectedChildren = new Set(snapshot.children.filter((c) => c.protectedIdentity).map((c) => c.id));
  const staysOf = new Map<string, { homeId: string; from: string; to: string | null }[]>();
  for (const stay of snapshot.stays) {
    const list = staysOf.get(stay.placementId) ?? [];
    list.push({ homeId: stay.homeId, from: stay.fromDate, to: stay.toDate });
    staysOf.set(stay.placementId, list);
  }
  const found = new Map<string, { caseworkers: (string | null)[]; units: (string | null)[] }>();
  for (const placement of snapshot.placements) {
    if (protectedChildren.has(placement.childId) || !isActiveOn(placement, date)) continue;
    const stay = currentStay(staysOf.get(placement.id) ?? [], date);
    if (!stay) continue;
    const home = found.get(stay.homeId) ?? { caseworkers: [], units: [] };
    home.caseworkers.push(placement.caseworker);
    home.units.push(placement.unit);
    found.set(stay.homeId, home);
  }
  return new Map([...found].map(([homeId, o]) => [homeId, { caseworkers: distinctSorted(o.caseworkers), units: distinctSorted(o.units) }]));
}

/** A re-check as a row of the bevakningslista (a home's adult; no placement, no child), whose the home's children are. */
function recheckDeadlineRow(r: RecheckRow, owners: Owners): DeadlineRow {
  return {
    rule: 'registerkontroll-fortlopande',
    placementId: null,
    homeId: r.homeId,
    homeName: r.homeName,
    dueOn: r.dueOn,
    basisOn: r.basisOn,
    basisLabel: r.basisLabel,
    status: r.status,
    legalRef: r.legalRef,
    title: r.title,
    explanation: r.explanation,
    satisfiedBy: null,
    personId: r.personId,
    personName: r.personName,
    register: r.register,
    specialReasonsOn: null,
    childId: null,
    childLabel: null,
    ...ownerFields(owners),
  };
}

const code = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
/** The engine's order (dueOn, placementId, rule, homeId), then person and register for the re-checks. */
const compareRows = (a: DeadlineRow, b: DeadlineRow) =>
  code(a.dueOn, b.dueOn) ||
  code(a.placementId, b.placementId) ||
  code(a.rule, b.rule) ||
  code(a.homeId, b.homeId) ||
  code(a.personId, b.personId) ||
  code(a.register, b.register);

/** What the deadlines rest on: a write elsewhere (a note, a register check) keeps the cached run. */
const deadlineTables = ['homes', 'children', 'placements', 'stays', 'events', 'settings'] as const;

export function createDeadlinesService(db: Kysely<Database>, settings: SettingsService, checks: ChecksService) {
  type Run = { snapshot: RegisterSnapshot; effective: EffectiveRuleSettings; deadlines: Deadline[] };
  // The register's deadlines for the last date asked, until anything is written: the nav counts,
  // the list and a search keystroke then share one run of the engine. The promise is kept, so a
  // request arriving while it runs waits for the same run instead of starting its own.
  let cached: { key: string; run: Promise<Run> } | null = null;

  async function compute(snapshot: Promise<RegisterSnapshot>, date: string): Promise<Run> {
    const [read, effective] = await Promise.all([snapshot, settings.effective()]);
    return { snapshot: read, effective, deadlines: computeDeadlines(toDeadlineRegister(read), date, effective) };
  }

  async function run(date: string): Promise<Run> {
    const key = `${date}|${await changeStamp(db, deadlineTables)}`;
    if (cached?.key !== key) {
      const entry = { key, run: compute(readOpenRegisterSnapshot(db, date), date) };
      cached = entry;
      // A failed run is not kept: the next request tries again.
      entry.run.catch(() => {
        if (cached === entry) cached = null;
      });
    }
    return cached.run;
  }

  return {
    /** The engine's deadlines as of `date`, sorted (dueOn, placementId, rule). */
    async compute(date: string): Promise<Deadline[]> {
      return (await run(date)).deadlines;
    },

    /**
     * What the navigation shows by Bevakning: the deadlines, as the list counts them. A re-check is
     * a check: the navigation counts it by Kontroller (checks.overview), so it is never counted twice.
     */
    async counts(date: string): Promise<DeadlineCounts> {
      return countDeadlines((await run(date)).deadlines);
    },

    /**
     * Every open deadline on `date` with its words, and the re-checks of foster-home adults. With
     * `placementId`: the deadlines of that placement's child (all its placements;
     * `onlyThatPlacement` narrows to the one), computed from the child's records alone, which is
     * all they depend on (the home rule and the re-checks are not among them).
     */
    async overview(date: string, placementId?: string, onlyThatPlacement = true, reveal = false): Promise<DeadlineOverview> {
      const childId =
        placementId === undefined
          ? undefined
          : ((await childOfPlacement(db, placementId)) ?? '');
      const { snapshot, effective, deadlines } =
        childId === undefined ? await run(date) : await compute(readRegisterSnapshot(db, childId), date);
      const children = new Map(snapshot.children.map((c) => [c.id, c]));
      const placements = new Map(snapshot.placements.map((p) => [p.id, p]));
      const homes = new Map(snapshot.homes.map((h) => [h.id, h.name]));
      const explanations = new Map<DeadlineRule, string>();
      // A home's rows (a home rule, a re-check) belong to the handläggare of the children living there.
      let homeOwners: Map<string, Owners> | null = null;
      const ownersOf = (homeId: string) => (homeOwners ??= ownersOfHomes(snapshot, date)).get(homeId) ?? noOwners;
      const explain = (rule: DeadlineRule) => {
        let text = explanations.get(rule);
        if (text === undefined) explanations.set(rule, (text = ruleExplanation(rule, effective.parameters)));
        return text;
      };
      const rows = deadlines
        .filter((d) => placementId === undefined || !onlyThatPlacement || d.placementId === placementId)
        .map((d): DeadlineRow => {
          const placement = d.placementId === null ? undefined : placements.get(d.placementId);
          const child = placement && children.get(placement.childId);
          // Where a protected child lives is withheld like its name (revealed on its placement's page only).
          const hideHome = !reveal && child?.protectedIdentity === true && d.homeId !== null;
          return {
            rule: d.rule,
            placementId: d.placementId,
            homeId: hideHome ? null : d.homeId,
            homeName: hideHome ? protectedHomeName : d.homeId === null ? null : (homes.get(d.homeId) ?? null),
            dueOn: d.dueOn,
            basisOn: d.basisOn,
            basisLabel: basisLabels[d.basis],
            status: d.status,
            legalRef: d.legalRef,
            title: ruleTitles[d.rule],
            explanation: explain(d.rule),
            satisfiedBy: d.satisfiedBy as EventType,
            personId: null,
            personName: null,
            register: null,
            specialReasonsOn: d.specialReasonsOn,
            childId: placement?.childId ?? null,
            childLabel: child ? childLabel(child) : null,
            ...ownerFields(
              placement
                ? { caseworkers: distinctSorted([placement.caseworker]), units: distinctSorted([placement.unit]) }
                : d.homeId === null
                  ? noOwners
                  : ownersOf(d.homeId),
            ),
          };
        });
      // Counted before the re-checks join the list: Kontroller counts those.
      const counts = countDeadlines(rows);
      if (placementId === undefined) {
        rows.push(...(await checks.rechecks(date)).map((r) => recheckDeadlineRow(r, ownersOf(r.homeId))));
        rows.sort(compareRows);
      }
      return { date, rows, counts };
    },
  };
}

export type DeadlinesService = ReturnType<typeof createDeadlinesService>;
