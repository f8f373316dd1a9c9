/** The bevakningslista: every open deadline of rules.md on a day, with its counts. */
import type { DeadlineRule, DeadlineStatus, EventType, PersonRegister } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { asOf } from './fields';

/** A deadline as the bevakningslista and a placement's page show it. */
export interface DeadlineRow {
  /** A deadline rule, or the recurring register check of a foster-home adult (a reminder beside them). */
  rule: DeadlineRule | 'registerkontroll-fortlopande';
  /** Null for the home rule `fler-an-tre-barn`. */
  placementId: string | null;
  /** The current home, or the home of a home rule; null after the placement ended. */
  homeId: string | null;
  homeName: string | null;
  dueOn: string;
  /** The date the deadline was counted from, and (`basisLabel`) what that date is, in Swedish. */
  basisOn: string;
  basisLabel: string;
  status: DeadlineStatus;
  legalRef: string;
  /** The rule in plain Swedish: a short title and one sentence of what the law asks. */
  title: string;
  explanation: string;
  /** The event that renews or satisfies the deadline: what to record; null when a register check is (on the home). */
  satisfiedBy: EventType | null;
  /** `registerkontroll-fortlopande`: the adult to re-check and the register. */
  personId: string | null;
  personName: string | null;
  register: PersonRegister | null;
  /** Jourhem overruns: when särskilda skäl were documented during the stay, if they were. */
  specialReasonsOn: string | null;
  childId: string | null;
  childLabel: string | null;
  /**
   * Whose the row is, as shown ("Handläggare A, Handläggare B"); null when nobody is given. A
   * placement's deadline: its handläggare and enhet. A home's row (a re-check, a home rule): those
   * of the placements with a child living in the home on the day, a protected child's left out
   * (they would tell where it lives).
   */
  caseworker: string | null;
  /** The same handläggare one by one, in Swedish order, for filtering; empty when nobody is given. */
  caseworkers: string[];
  unit: string | null;
  units: string[];
}

export interface DeadlineCounts {
  overdue: number;
  dueSoon: number;
  upcoming: number;
}

export interface DeadlineOverview {
  date: string;
  rows: DeadlineRow[];
  /**
   * The deadlines of `rows` by status. The re-checks among them (`registerkontroll-fortlopande`) are
   * not counted here: they are checks, counted once, by the list of checks (`CheckOverview.counts`).
   */
  counts: DeadlineCounts;
}

export const deadlineChannels = {
  /** The bevakningslista: every open deadline on `date`. */
  listDeadlines: channel(asOf).returns<DeadlineOverview>(),
  /** The navigation's counts by Bevakning: `DeadlineOverview.counts` without the list. */
  countDeadlines: channel(asOf).returns<DeadlineCounts>(),
};
