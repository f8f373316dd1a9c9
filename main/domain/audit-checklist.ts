/**
 * The checklist of a random file audit (rules.md, "Audit checklist"): the default template, and
 * the answers the register gives itself for the items marked *auto*, judged over the audit period
 * with the same deadline and check engines as everything else ("was the övervägande made within
 * 6 months?" is answered from the events, not from a checkbox). Each auto answer carries its
 * reason; the auditor confirms it or overrides it with a reason of their own.
 */
import { z } from 'zod';
import { textFieldMessage } from './text';
import { addDays, type IsoDate } from './dates';
import { computeDeadlines, type Deadline, type DeadlineRegister, type DeadlineSettings, type EngineEvent } from './deadlines';
import type { CheckResult } from './checks';
import { checkStatusLabels, registerNames, ruleTitles } from './rule-texts';
import type { DeadlineRule, Register } from './vocabulary';

export const checklistAnswers = ['ja', 'nej', 'ej-tillampligt'] as const;
export type ChecklistAnswer = (typeof checklistAnswers)[number];

/** How an item answers itself from the register. */
export type AutoRule =
  | 'registerkontroll'
  | 'ivo-tillstand'
  | 'jourhem'
  | 'vardplan'
  | 'genomforandeplan'
  | 'halsoundersokning'
  | 'barnsamtal'
  | 'overvagande'
  | 'vardnadsoverflyttning'
  | 'fler-an-tre-barn';

export interface ChecklistItem {
  /** Stable within a template version: answers refer to it. */
  id: string;
  text: string;
  auto: AutoRule | null;
}

export interface Checklist {
  version: number;
  items: ChecklistItem[];
}

const autoRules = ['registerkontroll', 'ivo-tillstand', 'jourhem', 'vardplan', 'genomforandeplan', 'halsoundersokning', 'barnsamtal', 'overvagande', 'vardnadsoverflyttning', 'fler-an-tre-barn'] as const satisfies readonly AutoRule[];

/**
 * A municipality's own copy of the checklist, as it is saved (the version is the setting's):
 * items with stable ids, their texts, and the register's rule for those that answer themselves.
 * Messages in Swedish, at the item.
 */
export const checklistItemsSchema = z
  .array(
    z.strictObject(
      {
        id: z
          .string('Ange ett id: små bokstäver a–z, siffror och bindestreck.')
          .trim()
          .regex(/^[a-z0-9-]{1,40}$/, 'Id: små bokstäver a–z, siffror och bindestreck, högst 40 tecken.'),
        text: z
          .string('Skriv vad som granskas.')
          .superRefine((value, ctx) => {
            // The register's text rule (text.ts): a checklist item is a textarea, so line breaks are fine.
            const message = textFieldMessage(value, 'multi-line');
            if (message !== null) ctx.addIssue({ code: 'custom', message, abort: true });
          })
          .trim()
          .min(1, 'Skriv vad som granskas.')
          .max(500, 'Högst 500 tecken.'),
        auto: z.enum(autoRules, 'Okänd regel.').nullable(),
      },
      // The object's own issues: not an object at all, or a field the checklist does not have.
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Okänt fält.' : 'Ange en punkt med id, text och regel.') },
    ),
  )
  .min(1, 'Checklistan behöver minst en punkt.')
  .max(60, 'Högst 60 punkter.')
  .superRefine((items, ctx) => {
    const ids = new Set<string>();
    const autos = new Set<string>();
    items.forEach((item, index) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'Två punkter har samma id.' });
      ids.add(item.id);
      if (item.auto !== null) {
        if (autos.has(item.auto)) ctx.addIssue({ code: 'custom', path: [index, 'auto'], message: 'Regeln besvarar redan en annan punkt.' });
        autos.add(item.auto);
      }
    });
  });

/** rules.md's template, version 1. */
export const defaultChecklist: Checklist = {
  version: 1,
  items: [
    { id: 'beslut', text: 'Beslut om vård finns, i rätt hem.', auto: null },
    { id: 'hemmet-utrett', text: 'Hemmet utrett och godkänt för rätt kategori (familjehem eller jourhem) före placering.', auto: null },
    { id: 'registerkontroll', text: 'Registerkontroller före beslut (belastnings- och misstankeregistret) för familjehemsföräldrar.', auto: 'registerkontroll' },
    { id: 'ivo-tillstand', text: 'IVO-tillstånd kontrollerat före placering på HVB eller stödboende.', auto: 'ivo-tillstand' },
    { id: 'jourhem', text: 'Jourhem: högst 2 månader efter avslutad utredning, annars särskilda skäl dokumenterade.', auto: 'jourhem' },
    { id: 'vardplan', text: 'Vårdplan med insatser, umgänge, mål och den unges och vårdnadshavarnas syn.', auto: 'vardplan' },
    { id: 'genomforandeplan', text: 'Genomförandeplan upprättad och aktuell.', auto: 'genomforandeplan' },
    { id: 'halsoundersokning', text: 'Hälsoundersökning begärd i samband med placering.', auto: 'halsoundersokning' },
    { id: 'skola', text: 'Skolgång följd (BBIC konsultationsdokument skola använt senaste året).', auto: null },
    { id: 'halsa', text: 'Hälsa följd (BBIC konsultationsdokument hälsa använt senaste året).', auto: null },
    { id: 'barnsamtal', text: 'Särskilt utsedd socialsekreterare; enskilda samtal minst var tredje månad.', auto: 'barnsamtal' },
    { id: 'rattigheter', text: 'Barnet har fått information om sina rättigheter (kontakt till socialsekreterare och IVO) och kommit till tals.', auto: null },
    { id: 'overvagande', text: 'Övervägande eller omprövning minst var sjätte månad.', auto: 'overvagande' },
    { id: 'vardnadsoverflyttning', text: 'Övervägande om vårdnadsöverflyttning efter 2 år, sedan årligen.', auto: 'vardnadsoverflyttning' },
    { id: 'fler-an-tre-barn', text: 'Fler än tre barn i hemmet anmält till IVO.', auto: 'fler-an-tre-barn' },
    { id: 'avvikelser', text: 'Avvikelser och lex Sarah kopplade till placeringen hanterade.', auto: null },
    { id: 'forteckning-ivo', text: 'Barnet finns i förteckningen till IVO (31 januari).', auto: null },
  ],
};

export interface AutoAnswer {
  answer: ChecklistAnswer;
  /** Why, in Swedish, with the dates: what the auditor confirms or overrides. */
  reason: string;
}

export interface AuditedFile {
  placementId: string;
  /** The placement and what its deadlines rest on (its child, its events, the homes' stays). */
  register: DeadlineRegister;
  /** The placement's register and permit checks before its decisions (computeChecks). */
  checks: readonly CheckResult[];
  /** Names for the reasons: the adults checked, the homes. */
  names: { persons: ReadonlyMap<string, string>; homes: ReadonlyMap<string, string> };
}

/** The deadline rules each auto item is judged by. */
const deadlineRulesOf: Partial<Record<AutoRule, readonly DeadlineRule[]>> = {
  jourhem: ['jourhem-tidsgrans'],
  vardplan: ['vardplan'],
  genomforandeplan: ['genomforandeplan'],
  halsoundersokning: ['halsoundersokning'],
  barnsamtal: ['barnsamtal'],
  overvagande: ['sol-overvagande', 'lvu-overvagande', 'lvu-omprovning'],
  vardnadsoverflyttning: ['vardnadsoverflyttning'],
  'fler-an-tre-barn': ['fler-an-tre-barn'],
};

/** The answers the register gives for `file` over the audit period [from, to], by item id. */
export function autoAnswers(file: AuditedFile, checklist: Checklist, from: IsoDate, to: IsoDate, settings: DeadlineSettings): Map<string, AutoAnswer> {
  const history = deadlineHistory(file, from, to, settings);
  const homes = new Set(file.register.placements.find((p) => p.id === file.placementId)?.stays.map((s) => s.homeId));
  const ownEvents = file.register.events.filter((e) => e.placementId === file.placementId || (e.homeId !== null && homes.has(e.homeId)));
  const answers = new Map<string, AutoAnswer>();
  for (const item of checklist.items) {
    if (item.auto === null) continue;
    const rules = deadlineRulesOf[item.auto];
    answers.set(item.id, rules ? fromDeadlines(item.auto, rules, history, to, ownEvents) : fromChecks(item.auto, file));
  }
  return answers;
}

/**
 * The placement's deadlines on each day that can show one missed: the eve of each of its events
 * in the period (a deadline still open then, due that day or before, was met late or not at all)
 * and the period's last day (open and due before it: not met in the period).
 */
function deadlineHistory(file: AuditedFile, from: IsoDate, to: IsoDate, settings: DeadlineSettings): Moment[] {
  const placement = file.register.placements.find((p) => p.id === file.placementId);
  if (!placement) return [];
  const homes = new Set(placement.stays.map((s) => s.homeId));
  const eves = new Set<IsoDate>();
  for (const event of file.register.events) {
    const mine = event.placementId === file.placementId || (event.homeId !== null && homes.has(event.homeId));
    if (mine && event.date > from && event.date <= to) eves.add(addDays(event.date, -1));
  }
  eves.delete(to);
  return [...[...eves].map((on) => ({ on, eve: true })), { on: to, eve: false }]
    .filter(({ on }) => on >= placement.startedOn)
    .sort((a, b) => (a.on < b.on ? -1 : 1))
    .map(({ on, eve }) => ({
      on,
      eve,
      deadlines: computeDeadlines(file.register, on, settings).filter(
        (d) => d.placementId === file.placementId || (d.placementId === null && d.homeId !== null && homes.has(d.homeId)),
      ),
    }));
}

interface Moment {
  on: IsoDate;
  /** The day before an event: what is open then and due by then was missed. */
  eve: boolean;
  deadlines: Deadline[];
}

function fromDeadlines(auto: AutoRule, rules: readonly DeadlineRule[], history: readonly Moment[], to: IsoDate, events: readonly EngineEvent[]): AutoAnswer {
  const relevant = history.map(({ on, eve, deadlines }) => ({ on, eve, deadlines: deadlines.filter((d) => rules.includes(d.rule)) }));
  const late = relevant.flatMap(({ on, eve, deadlines }) => deadlines.filter((d) => (eve ? d.dueOn <= on : d.dueOn < on)).map((d) => ({ on, d })));
  const seen = relevant.some(({ deadlines }) => deadlines.length > 0);
  if (late.length > 0) {
    const { d, on } = late[0]!;
    // A jourhem overrun with documented särskilda skäl is what the item asks for.
    if (auto === 'jourhem' && d.specialReasonsOn !== null) {
      return { answer: 'ja', reason: `${ruleTitles[d.rule]}: senast ${d.dueOn}, passerad; särskilda skäl dokumenterade ${d.specialReasonsOn}.` };
    }
    // Open on the eve of an event and gone at a later moment: met by an event of its kind in
    // between, or no longer a duty (a child who turned 18 has no barnsamtal deadline).
    const gone = relevant.find((r) => r.on > on && !r.deadlines.some((x) => x.rule === d.rule && x.dueOn === d.dueOn));
    const met = gone && events.find((e) => e.type === d.satisfiedBy && e.date > on && e.date <= gone.on);
    const what = met ? `gjort ${met.date}` : gone ? `inte gjort innan bevakningen upphörde (senast ${gone.on})` : `inte gjort per ${to}`;
    return { answer: 'nej', reason: `${ruleTitles[d.rule]}: senast ${d.dueOn}, ${what} – försenat (${d.legalRef}).` };
  }
  if (!seen) {
    // One-time rules leave no deadline once met: met before the period, or not applicable.
    return oneTimeRules.includes(rules[0]!)
      ? { answer: 'ja', reason: `${ruleTitles[rules[0]!]}: gjord, ingen bevakning öppen under perioden.` }
      : { answer: 'ej-tillampligt', reason: `${ruleTitles[rules[0]!]}: gällde inte placeringen under perioden.` };
  }
  const open = relevant.at(-1)!.deadlines[0];
  if (open === undefined) {
    // Seen during the period, met in time, nothing open at its end: a one-time duty done.
    const met = relevant.flatMap((r) => r.deadlines).at(-1)!;
    return { answer: 'ja', reason: `${ruleTitles[met.rule]}: gjord i tid (senast ${met.dueOn}).` };
  }
  if (oneTimeRules.includes(open.rule)) {
    return { answer: 'ej-tillampligt', reason: `${ruleTitles[open.rule]}: inte gjord ännu, men inte försenad: senast ${open.dueOn} (${open.legalRef}).` };
  }
  return { answer: 'ja', reason: `${ruleTitles[open.rule]}: i tid under perioden; nästa senast ${open.dueOn} (${open.legalRef}).` };
}

const oneTimeRules: readonly DeadlineRule[] = ['vardplan', 'genomforandeplan', 'halsoundersokning'];

function fromChecks(auto: AutoRule, file: AuditedFile): AutoAnswer {
  const check = auto === 'registerkontroll' ? 'registerkontroll' : 'ivo-tillstand';
  const results = file.checks.filter((r) => r.check === check && r.placementId === file.placementId);
  const title = check === 'registerkontroll' ? 'Registerkontroll före beslut' : 'IVO-tillstånd före beslut';
  if (results.length === 0) return { answer: 'ej-tillampligt', reason: `${title}: inget sådant hem under placeringen.` };
  const problems = results.filter((r) => r.status !== 'ok');
  if (problems.length === 0) return { answer: 'ja', reason: `${title}: ${results.length === 1 ? 'i ordning' : `alla ${results.length} i ordning`}.` };
  const described = problems.map((r) => {
    // Unnamed where the names are withheld (a child with skyddad identitet: where it lives).
    const who = r.personId === null ? (file.names.homes.get(r.homeId) ?? 'hemmet') : (file.names.persons.get(r.personId) ?? 'en vuxen i hemmet');
    return `${who}, ${registerNames[r.register as Register] ?? r.register}: ${checkStatusLabels[r.status].toLowerCase()} (beslut ${'decisionOn' in r ? r.decisionOn : ''})`;
  });
  return { answer: 'nej', reason: `${title}: ${described.join('; ')}.` };
}
