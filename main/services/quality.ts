/**
 * The quality index as the window and the command line ask it: one home with its evidence, a page
 * of homes' numbers, matching a child's need, träffsäkerhet, and the index's versioned settings.
 * Every number comes from the domain's one function (main/domain/quality-index).
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/homes-repository';
import { changeStamp, type CountedTable } from '../db/placements-repository';
import { parseStoredPermit } from '../db/checks-repository';
import { readQualityRows, type QualityRows } from '../db/quality-repository';
import type { Database } from '../db/schema';
import { readSetting, readSettingsHistory, writeSetting } from '../db/settings-repository';
import { accuracyCases, accuracyTable, MEANINGFUL_PLACEMENTS, type AccuracyCase, type AccuracyPlacement } from '../domain/accuracy';
import { addMonths, type IsoDate } from '../domain/dates';
import { matchHomes, type MatchCandidate } from '../domain/matching';
import { newest, qualityIndex, qualityReasons, type QualityEvidence, type QualityResult, type QualityStay } from '../domain/quality-index';
import type { PlacementFacts } from '../db/journal-repository';
import { homeOn } from './journal-targets';
import { defaultQualitySettings, dimensionNames, qualityDimensions, qualitySettingsSchema, type Grade, type QualitySettings } from '../domain/quality-settings';
import { registerNames } from '../domain/rule-texts';
import { compareSwedish } from '../domain/swedish';
import type { AssessmentDimension, ChildVoice, EndReason, HomeKind, Register, TargetGender } from '../domain/vocabulary';
import type {
  Accuracy,
  AccuracyInput,
  HomeQuality,
  MatchAnswer,
  MatchInput,
  QualitySettingsInput,
  QualitySettingsVersion,
  QualitySettingsView,
  QualitySummary,
} from '../../preload/api/quality';
import type { Clock } from './clock';
import { notFound, ServiceError, type ServiceIssue } from './errors';
import type { SettingsService } from './settings';

const SETTINGS_KEY = 'qualitySettings';
/** What the index rests on (children: who has skyddad identitet): a note or a user's sign-in keeps the cached evidence. */
const qualityTables: readonly CountedTable[] = ['homes', 'persons', 'children', 'placements', 'stays', 'events', 'register_checks', 'settings', 'deviations', 'assessments'];

/** A home's evidence with what matching needs beside it. */
interface HomeFacts {
  evidence: QualityEvidence;
  home: QualityRows['homes'][number];
  targetGroup: MatchCandidate['home']['targetGroup'];
  /** What each permit verification says the permit covers, by the check's id. */
  scopes: Map<string, { forms: string[]; minAge: number | null; maxAge: number | null }>;
}

export interface QualityLine {
  homeId: string;
  homeName: string;
  result: QualityResult;
}

export function createQualityService(db: Kysely<Database>, clock: Clock, ruleSettings: SettingsService) {
  async function settingsNow(): Promise<{ settings: QualitySettings; version: number }> {
    const stored = await readSetting(db, SETTINGS_KEY);
    const parsed = qualitySettingsSchema.safeParse(stored?.value ?? {});
    return { settings: parsed.success ? parsed.data : defaultQualitySettings, version: stored?.version ?? 0 };
  }

  /** Evidence of `homeIds` (all homes when null), as the domain takes it. */
  async function registerOf(homeIds: readonly string[] | null): Promise<QualityRegister> {
    const [rows, rules] = await Promise.all([readQualityRows(db, homeIds), ruleSettings.effective()]);
    return buildRegister(rows, {
      registers: rules.catalogue
        .filter((entry) => entry.required)
        .map((entry) => ({ register: entry.register, name: registerNames[entry.register as Register], roles: entry.roles, maxAgeMonths: entry.maxAgeMonths })),
      permitMaxAgeDays: rules.parameters.ivoTillstandMaxAgeDays,
    });
  }

  // The whole register's evidence, until anything it rests on is written (changeStamp sees other
  // connections' commits too); shared by concurrent callers.
  let whole: { key: string; register: Promise<QualityRegister> } | null = null;
  async function wholeRegister(): Promise<QualityRegister> {
    const key = await changeStamp(db, qualityTables);
    if (whole?.key !== key) {
      const entry = { key, register: registerOf(null) };
      whole = entry;
      entry.register.catch(() => {
        if (whole === entry) whole = null;
      });
    }
    return whole.register;
  }

  let cases: { key: string; cases: AccuracyCaseWithHome[] } | null = null;

  return {
    settings: settingsNow,

    async homeQuality(homeId: string, date: IsoDate): Promise<HomeQuality> {
      const [{ homes, placementOnlyDeviations }, { settings, version }] = await Promise.all([registerOf([homeId]), settingsNow()]);
      const home = homes.get(homeId);
      if (!home) throw notFound('Hemmet');
      const now = qualityIndex(home.evidence, settings, date);
      const yearAgoOn = addMonths(date, -12);
      const before = qualityIndex(home.evidence, settings, yearAgoOn, { explain: false });
      return {
        homeId,
        on: date,
        ...summary(now, version),
        components: now.components.map((c) => ({
          ...c,
          items: c.items
            .map((item) => ({ ...item, id: unlinked(item.source, item.id, placementOnlyDeviations) ? null : item.id }))
            .sort((a, b) => compareText(b.date ?? '9999', a.date ?? '9999')),
        })),
        barriers: now.barriers,
        missing: now.missing,
        yearAgo: { ...summary(before, version), on: yearAgoOn },
      };
    },

    async summaries(homeIds: readonly string[], date: IsoDate): Promise<Record<string, QualitySummary>> {
      const [{ homes }, { settings, version }] = await Promise.all([registerOf(homeIds), settingsNow()]);
      return Object.fromEntries([...homes].map(([id, f]) => [id, summary(qualityIndex(f.evidence, settings, date, { explain: false }), version)]));
    },

    /** Every home's index, in Swedish name order: the command line's `quality`. */
    async allHomes(date: IsoDate): Promise<{ lines: QualityLine[]; settingsVersion: number }> {
      const [{ homes }, { settings, version }] = await Promise.all([wholeRegister(), settingsNow()]);
      const lines = [...homes.values()].map((f) => ({ homeId: f.home.id, homeName: f.home.name, result: qualityIndex(f.evidence, settings, date, { explain: false }) }));
      lines.sort((a, b) => compareSwedish(a.homeName, b.homeName) || (a.homeId < b.homeId ? -1 : 1));
      return { lines, settingsVersion: version };
    },

    async match(input: MatchInput): Promise<MatchAnswer> {
      const [{ homes }, { settings, version }, rules] = await Promise.all([wholeRegister(), settingsNow(), ruleSettings.effective()]);
      const on = input.startOn;
      const candidates: MatchCandidate[] = [];
      for (const f of homes.values()) {
        const newestPermit = newest(f.evidence.permits, on, '');
        const permit = newestPermit && { checkedOn: newestPermit.date, outcome: newestPermit.outcome, ...f.scopes.get(newestPermit.id)! };
        candidates.push({
          home: { id: f.home.id, name: f.home.name, kind: f.home.kind as HomeKind, municipality: f.home.municipality, capacity: f.home.capacity, targetGroup: f.targetGroup },
          permit,
          placed: f.evidence.stays.filter((s) => s.from <= on && (s.to === null || on < s.to)).length,
          breakdowns: f.evidence.stays.filter((s) => s.endReason === 'sammanbrott' && s.endedOn !== null).map((s) => s.endedOn!),
          quality: qualityIndex(f.evidence, settings, on, { explain: false }),
        });
      }
      const answer = matchHomes(candidates, { ...input, needs: [...new Set(input.needs)] }, { permitMaxAgeDays: rules.parameters.ivoTillstandMaxAgeDays, compareNames: compareSwedish });
      return { ...answer, settingsVersion: version };
    },

    async accuracy(input: AccuracyInput): Promise<Accuracy> {
      const trying = input.settings !== undefined;
      const saved = await settingsNow();
      let settings = saved.settings;
      if (trying) {
        const parsed = qualitySettingsSchema.safeParse(input.settings);
        if (!parsed.success) throw new ServiceError('VALIDATION', 'Inställningarna går inte att pröva.', settingsIssues(parsed.error.issues));
        settings = parsed.data;
      }
      const key = `${input.date}|${JSON.stringify(settings)}|${await changeStamp(db, qualityTables)}`;
      if (cases?.key !== key) cases = { key, cases: computeCases(await wholeRegister(), settings, input.date) };
      const all = cases.cases;
      const { rows, total } = accuracyTable(all);
      const chosen = input.grade === undefined ? all : all.filter((c) => (c.grade ?? 'none') === input.grade);
      return {
        rows,
        total,
        cases: chosen.slice(input.offset, input.offset + input.limit).map((c) => ({
          placementId: c.protectedIdentity ? null : c.placementId,
          homeId: c.homeId,
          homeName: c.homeName,
          startedOn: c.startedOn,
          endedOn: c.endedOn,
          endReason: c.endReason,
          score: c.score,
          grade: c.grade,
        })),
        caseCount: chosen.length,
        settingsVersion: trying ? null : saved.version,
        meaningfulPlacements: MEANINGFUL_PLACEMENTS,
      };
    },

    /**
     * Träffsäkerhet as a PDF for the board (main/reports). The report builders and pdfmake are
     * loaded when a report is asked for, not when the program starts.
     */
    /**
     * The grade of each placement's first home the day before it began (`indexDayFor`), as
     * träffsäkerhet judges it: the nämndrapport's sammanbrott by grade. Null without a number.
     */
    async gradesAtStart(placements: readonly { id: string; homeId: string; startedOn: IsoDate }[]): Promise<Map<string, Grade | null>> {
      if (placements.length === 0) return new Map();
      const [{ homes }, { settings }] = await Promise.all([wholeRegister(), settingsNow()]);
      const cases = accuracyCases(
        placements.map((p) => ({ ...p, endedOn: p.startedOn, endReason: null })),
        (homeId) => homes.get(homeId)?.evidence,
        settings,
      );
      return new Map(cases.map((c) => [c.placementId, c.grade]));
    },

    async accuracyPdf({ date, municipality }: { date: IsoDate; municipality: string }): Promise<Uint8Array> {
      const figures = await this.accuracy({ date, offset: 0, limit: 1 });
      const [{ accuracyReport }, { renderPdf }] = await Promise.all([import('../reports/accuracy-report'), import('../reports/pdf')]);
      return renderPdf(accuracyReport({ municipality, date, settingsVersion: figures.settingsVersion, accuracy: figures }));
    },

    async getSettings(): Promise<QualitySettingsView> {
      const { settings, version } = await settingsNow();
      return { settings, defaults: defaultQualitySettings, version, history: describeHistory(await readSettingsHistory(db, [SETTINGS_KEY])) };
    },

    async saveSettings(input: QualitySettingsInput): Promise<QualitySettingsView> {
      const parsed = qualitySettingsSchema.safeParse(input.settings);
      if (!parsed.success) throw new ServiceError('VALIDATION', 'Inställningarna kunde inte sparas.', settingsIssues(parsed.error.issues));
      await inTransaction(db, async (trx) => {
        const current = (await readSetting(trx, SETTINGS_KEY))?.version ?? 0;
        const changedMeanwhile = () => new ServiceError('CONFLICT', 'Någon annan har ändrat inställningarna under tiden. Läs in dem igen och gör ändringen på nytt.');
        if (current !== input.version) throw changedMeanwhile();
        const change = { changedAt: clock.now(), changedBy: input.changedBy, reason: input.reason };
        if (!(await writeSetting(trx, SETTINGS_KEY, parsed.data, current + 1, change))) throw changedMeanwhile();
      });
      return this.getSettings();
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;

/**
 * Whether a piece of evidence is shown without its link: a placement never (a link missing only
 * where a child has skyddad identitet would tell), a deviation written only on a placement never
 * (its page names the placement).
 */
const unlinked = (source: string, id: string, placementOnlyDeviations: ReadonlySet<string>) =>
  source === 'vistelse' || (source === 'avvikelse' && placementOnlyDeviations.has(id));

/** Plain order of ISO dates and ids (not the Swedish collator: these are not words). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const summary = (r: QualityResult, settingsVersion: number): QualitySummary => ({ score: r.score, grade: r.grade, confidence: r.confidence, eligible: r.eligible, settingsVersion });

/** The command line's `quality --json` object of one home (spec/exchange-and-cli.md), with the settings version. */
export function qualityJson(line: QualityLine, settingsVersion: number) {
  const r = line.result;
  return {
    homeId: line.homeId,
    score: r.score,
    grade: r.grade,
    confidence: r.confidence,
    eligible: r.eligible,
    components: r.components.filter((c) => c.weight > 0).map((c) => ({ dimension: c.dimension, score: c.score, weight: Math.round(c.weight * 1000) / 1000, evidence: c.evidence })),
    reasons: qualityReasons(r),
    settingsVersion,
  };
}

function settingsIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ServiceIssue[] {
  return issues.map((issue) => ({ path: `/settings${issue.path.map((p) => `/${String(p)}`).join('')}`, message: issue.message }));
}

type AccuracyCaseWithHome = AccuracyCase & { homeName: string; protectedIdentity: boolean };

/** Every placement ended by `date`, with its first home's index when it began; newest start first. */
function computeCases({ homes, placements, protectedPlacements }: QualityRegister, settings: QualitySettings, date: IsoDate): AccuracyCaseWithHome[] {
  const ended = placements.filter((p) => p.endedOn <= date);
  return accuracyCases(ended, (homeId) => homes.get(homeId)?.evidence, settings)
    .map((c) => ({ ...c, homeName: homes.get(c.homeId)!.home.name, protectedIdentity: protectedPlacements.has(c.placementId) }))
    .sort((a, b) => compareText(b.startedOn, a.startedOn) || compareText(a.placementId, b.placementId));
}

/** The homes' evidence, and the ended placements with their first home (träffsäkerhet). */
interface QualityRegister {
  homes: Map<string, HomeFacts>;
  placements: AccuracyPlacement[];
  /** Placements of children with skyddad identitet: never named together with a home. */
  protectedPlacements: Set<string>;
  /** Deviations written on a placement only: counted for a home, never linked from it. */
  placementOnlyDeviations: Set<string>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

function buildRegister(rows: QualityRows, policy: QualityEvidence['policy']): QualityRegister {
  const building = new Map<string, { facts: Omit<HomeFacts, 'evidence'>; evidence: Mutable<QualityEvidence> }>();
  for (const home of rows.homes) {
    building.set(home.id, {
      facts: { home, targetGroup: parseTargetGroup(home.targetGroup), scopes: new Map() },
      evidence: {
        home: { id: home.id, kind: home.kind as HomeKind, operator: home.operator, active: home.active === 1 },
        inspections: [],
        stays: [],
        assessments: [],
        deviations: [],
        permits: [],
        household: [],
        policy,
      },
    });
  }
  const of = (homeId: string | null) => (homeId === null ? undefined : building.get(homeId));
  // The rows are shaped as the evidence (quality-repository): used as read, the words as the database's CHECKs keep them.
  for (const e of rows.inspections) of(e.homeId)?.evidence.inspections.push(e as QualityEvidence['inspections'][number]);

  const placements: AccuracyPlacement[] = [];
  const protectedPlacements = new Set<string>();
  for (const s of rows.stays) {
    const b = of(s.homeId);
    if (!b) continue;
    b.evidence.stays.push(s as QualityStay);
    // Träffsäkerhet judges the home a placement began in.
    if (s.ordinal === 0 && s.placementEndedOn !== null) {
      placements.push({ id: s.placementId, homeId: s.homeId, startedOn: s.startedOn, endedOn: s.placementEndedOn, endReason: s.placementEndReason as EndReason | null });
    }
    if (s.protectedIdentity === 1) protectedPlacements.add(s.placementId);
  }

  // A correction replaces the assessment it corrects (both are kept in the register): it fixes what
  // was recorded of the same visit, so the corrected version is what was true all along.
  for (const a of rows.assessments) {
    if (a.corrected === 1) continue;
    of(a.homeId)?.evidence.assessments.push({
      id: a.id,
      date: a.date,
      scores: JSON.parse(a.scores) as Partial<Record<AssessmentDimension, number>>,
      childVoice: a.childVoice as ChildVoice | null,
    });
  }

  // A deviation written only on a placement counts for the home the child lived in that day (the
  // last home after the placement ended, as the journal names it); it is not linked from the home.
  const staysOf = new Map<string, PlacementFacts['stays']>();
  for (const s of rows.placementStays) {
    const list = staysOf.get(s.placementId);
    if (list) list.push(s);
    else staysOf.set(s.placementId, [s]);
  }
  const placementOnlyDeviations = new Set<string>();
  for (const d of rows.deviations) {
    let homeId = d.homeId;
    if (homeId === null && d.placementId !== null) {
      homeId = homeOn({ childName: null, birthDate: '', protectedIdentity: false, stays: staysOf.get(d.placementId) ?? [] }, d.date);
      placementOnlyDeviations.add(d.id);
    }
    of(homeId)?.evidence.deviations.push(d as QualityEvidence['deviations'][number]);
  }

  for (const p of rows.permits) {
    const b = of(p.homeId);
    if (!b) continue;
    b.evidence.permits.push(p);
    const scope = parseStoredPermit(p.permit);
    b.facts.scopes.set(p.id, { forms: scope?.forms ?? [], minAge: scope?.minAge ?? null, maxAge: scope?.maxAge ?? null });
  }

  const checksOf = new Map<string, QualityRows['personChecks']>();
  for (const c of rows.personChecks) {
    const list = checksOf.get(c.personId);
    if (list) list.push(c);
    else checksOf.set(c.personId, [c]);
  }
  for (const p of rows.persons) of(p.homeId)?.evidence.household.push({ id: p.id, name: p.name, role: p.role, checks: checksOf.get(p.id) ?? [] });

  const homes = new Map<string, HomeFacts>();
  for (const [id, b] of building) homes.set(id, { ...b.facts, evidence: b.evidence });
  return { homes, placements, protectedPlacements, placementOnlyDeviations };
}

function parseTargetGroup(json: string | null): MatchCandidate['home']['targetGroup'] {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as { minAge?: number | null; maxAge?: number | null; gender?: TargetGender | null; needs?: string[] | null };
    return { minAge: value.minAge ?? null, maxAge: value.maxAge ?? null, gender: value.gender ?? null, needs: value.needs ?? [] };
  } catch {
    return null;
  }
}

/** The saved versions, newest first, each with what it changed in words a unit manager reads. */
function describeHistory(rows: readonly { version: number; value: unknown; changedAt: string; changedBy: string | null; reason: string | null }[]): QualitySettingsVersion[] {
  let before = defaultQualitySettings;
  const described: QualitySettingsVersion[] = [];
  for (const row of rows) {
    const parsed = qualitySettingsSchema.safeParse(row.value);
    const after = parsed.success ? parsed.data : defaultQualitySettings;
    described.push({ version: row.version, changedAt: row.changedAt, changedBy: row.changedBy, reason: row.reason, changes: settingsChanges(before, after) });
    before = after;
  }
  return described.reverse();
}

/** A name inside a sentence: a capital that only starts it goes ("placeringarnas utfall"), an abbreviation stays ("IVO:s tillsyn"). */
const inSentence = (name: string) => (name.charAt(1) === name.charAt(1).toLowerCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name);

function settingsChanges(a: QualitySettings, b: QualitySettings): string[] {
  const changes: string[] = [];
  for (const d of qualityDimensions) {
    if (a.weights[d] !== b.weights[d]) changes.push(`Vikt för ${inSentence(dimensionNames[d])}: ${a.weights[d]} → ${b.weights[d]}`);
  }
  if (a.halfLifeMonths !== b.halfLifeMonths) changes.push(`Halveringstid: ${a.halfLifeMonths} → ${b.halfLifeMonths} månader`);
  if (a.cutoffYears !== b.cutoffYears) changes.push(`Räknas högst: ${a.cutoffYears} → ${b.cutoffYears} år`);
  if (a.minEvidence !== b.minEvidence) changes.push(`Minsta underlag: ${a.minEvidence} → ${b.minEvidence}`);
  for (const g of ['A', 'B', 'C', 'D'] as const) {
    if (a.gradeLimits[g] !== b.gradeLimits[g]) changes.push(`Gräns för ${g}: ${a.gradeLimits[g]} → ${b.gradeLimits[g]}`);
  }
  return changes;
}
