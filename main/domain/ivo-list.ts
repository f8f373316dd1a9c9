/**
 * Förteckningen till IVO (SoF 3 kap. 4 §, before 2025-07-01 SoF 7 kap. 1 §; SOSFS 2003:15): every
 * child who during the period stayed in a familjehem (jourhem and nätverkshem are familjehem too),
 * with the home and the days there, sent to IVO by 31 January for the year before. A child with
 * skyddad identitet is listed by initials and birth year only, as IVO's form asks. Beside it, the
 * notifications to IVO that more than three children were placed in one home.
 */
import { addDays, type IsoDate } from './dates';
import { compareSwedish } from './swedish';
import { fosterHomeKinds, homeKindNames, type HomeKind } from './vocabulary';

export interface IvoListChild {
  id: string;
  name: string | null;
  personnummer: string | null;
  birthDate: IsoDate;
  protectedIdentity: boolean;
}

export interface IvoListStay {
  childId: string;
  homeId: string;
  form: string;
  from: IsoDate;
  /** The first day not there (the stay's end), or null while it goes on. */
  to: IsoDate | null;
}

export interface IvoListHome {
  id: string;
  name: string;
  municipality: string | null;
}

export interface IvoListRow {
  /** The child's name, or for skyddad identitet its initials. */
  child: string;
  /** The personnummer (else the birth date); for skyddad identitet the birth year only. */
  identity: string;
  home: string;
  municipality: string | null;
  form: string;
  /** The days in the home within the period, first and last day, each stay in order. */
  periods: { first: IsoDate; last: IsoDate }[];
}

export interface IvoNotification {
  date: IsoDate;
  home: string;
}

/** "Tilda Testsson" → "T. T."; a child without a name is "Namn saknas". */
export function initials(name: string | null): string {
  const words = (name ?? '').split(/[\s-]+/u).filter((word) => /\p{L}/u.test(word));
  return words.length === 0 ? 'Namn saknas' : words.map((word) => `${[...word][0]!.toLocaleUpperCase('sv')}.`).join(' ');
}

/** The children in familjehem during [from, to] (both days included), one row per child and home. */
export function ivoList(
  { children, stays, homes }: { children: readonly IvoListChild[]; stays: readonly IvoListStay[]; homes: readonly IvoListHome[] },
  from: IsoDate,
  to: IsoDate,
): IvoListRow[] {
  const childOf = new Map(children.map((c) => [c.id, c]));
  const homeOf = new Map(homes.map((h) => [h.id, h]));
  const rows = new Map<string, IvoListRow>();
  const sorted = [...stays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const stay of sorted) {
    if (!(fosterHomeKinds as readonly string[]).includes(stay.form)) continue;
    // Days in the home: from, up to the day before `to` of the stay.
    const lastDay = stay.to === null ? to : addDays(stay.to, -1);
    if (stay.from > to || lastDay < from || lastDay < stay.from) continue;
    const child = childOf.get(stay.childId);
    const home = homeOf.get(stay.homeId);
    if (!child || !home) continue;
    const key = `${child.id}\u0000${home.id}\u0000${stay.form}`;
    const row = rows.get(key) ?? {
      child: child.protectedIdentity ? initials(child.name) : (child.name ?? 'Namn saknas'),
      identity: child.protectedIdentity ? `född ${child.birthDate.slice(0, 4)}` : (child.personnummer ?? `född ${child.birthDate}`),
      home: child.protectedIdentity ? 'Skyddad uppgift' : home.name,
      municipality: child.protectedIdentity ? null : home.municipality,
      form: homeKindNames[stay.form as HomeKind],
      periods: [],
    };
    const period = { first: stay.from < from ? from : stay.from, last: lastDay > to ? to : lastDay };
    // A stay that goes on where the last ended (a move within the home's record) is one period.
    const previous = row.periods.at(-1);
    if (previous && addDays(previous.last, 1) >= period.first) previous.last = period.last > previous.last ? period.last : previous.last;
    else row.periods.push(period);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => compareSwedish(a.child, b.child) || compareSwedish(a.home, b.home) || (a.periods[0]!.first < b.periods[0]!.first ? -1 : 1));
}

/** The notifications to IVO of more than three children in one home, in [from, to], oldest first. */
export function ivoNotifications(events: readonly { homeId: string; date: IsoDate }[], homes: readonly IvoListHome[], from: IsoDate, to: IsoDate): IvoNotification[] {
  const homeOf = new Map(homes.map((h) => [h.id, h.name]));
  return events
    .filter((e) => e.date >= from && e.date <= to)
    .map((e) => ({ date: e.date, home: homeOf.get(e.homeId) ?? 'Okänt hem' }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareSwedish(a.home, b.home)));
}
