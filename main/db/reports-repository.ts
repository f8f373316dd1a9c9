/**
 * What the reports for the board and IVO read: plain SQL shaped as the domain's functions take it.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { fosterHomeKinds } from '../domain/vocabulary';
import type { IvoListChild, IvoListHome, IvoListStay } from '../domain/ivo-list';
import { dialectOf } from './dialect';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `column` is `unit`, or anything when no unit is asked for: decided here, as PostgreSQL cannot
 * tell the type of a parameter only tested for null.
 */
const ofUnit = (column: RawBuilder<unknown>, unit: string | null) => (unit === null ? sql`1 = 1` : sql`${column} = ${unit}`);

/**
 * The foster-home stays that overlap [from, to] (optionally of one unit's placements), their
 * children and homes, and the notifications of more than three children in the period.
 */
export async function readIvoListFacts(db: Db, from: string, to: string, unit: string | null) {
  const plain = db.withoutPlugins();
  const { valuesIn } = dialectOf(db);
  const kinds = sql.join(fosterHomeKinds.map((kind) => sql.lit(kind)));
  const stays = await sql<IvoListStay>`
    SELECT p.child_id AS "childId", s.home_id AS "homeId", s.form, s.from_date AS "from", s.to_date AS "to"
    FROM stays s JOIN placements p ON p.id = s.placement_id
    WHERE s.form IN (${kinds}) AND s.from_date <= ${to} AND (s.to_date IS NULL OR s.to_date > ${from})
      AND ${ofUnit(sql`p.unit`, unit)}`.execute(plain);
  const childIds = [...new Set(stays.rows.map((s) => s.childId))];
  const [children, homes, notifications] = await Promise.all([
    sql<Omit<IvoListChild, 'protectedIdentity'> & { protectedIdentity: number }>`
      SELECT id, name, personnummer, birth_date AS "birthDate", protected_identity AS "protectedIdentity"
      FROM children WHERE id IN ${valuesIn(childIds)}`.execute(plain),
    sql<IvoListHome>`SELECT id, name, municipality FROM homes WHERE kind IN (${kinds})`.execute(plain),
    sql<{ homeId: string; date: string }>`
      SELECT home_id AS "homeId", date FROM events
      WHERE type = 'ivo-anmalan-fler-an-tre' AND home_id IS NOT NULL AND date BETWEEN ${from} AND ${to}`.execute(plain),
  ]);
  return {
    stays: stays.rows,
    children: children.rows.map((c) => ({ ...c, protectedIdentity: c.protectedIdentity === 1 })),
    homes: homes.rows,
    notifications: notifications.rows,
  };
}

/**
 * What the nämndrapport counts over [from, to] (the period and the year before it, read at once):
 * every placement of every child placed in it (of one unit's placements, when given) with its
 * stays and the events the indicators look at, the homes, the adults and checks of the homes
 * decided on, the deviations reported and the audit rounds drawn in it.
 */
export async function readBoardFacts(db: Db, from: string, to: string, unit: string | null) {
  const plain = db.withoutPlugins();
  const { valuesIn, valueRows, joined } = dialectOf(db);
  const placements = await sql<{
    id: string;
    childId: string;
    birthDate: string | null;
    legalBasis: string;
    decidedOn: string;
    startedOn: string;
    endedOn: string | null;
    endReason: string | null;
    dailyCost: number | null;
  }>`
    SELECT p.id, p.child_id AS "childId", c.birth_date AS "birthDate", p.legal_basis AS "legalBasis", p.decided_on AS "decidedOn",
      p.started_on AS "startedOn", p.ended_on AS "endedOn", p.end_reason AS "endReason", p.daily_cost AS "dailyCost"
    FROM placements p JOIN children c ON c.id = p.child_id
    WHERE p.started_on <= ${to} AND ${ofUnit(sql`p.unit`, unit)}
      AND p.child_id IN (
        SELECT child_id FROM placements
        WHERE started_on <= ${to} AND (ended_on IS NULL OR ended_on >= ${from}) AND ${ofUnit(sql`unit`, unit)})`.execute(plain);
  const ids = placements.rows.map((p) => p.id);
  const [stays, events, homes, deviations, rounds] = await Promise.all([
    sql<{ placementId: string; homeId: string; form: string; from: string; to: string | null; decidedOn: string | null; investigationCompletedOn: string | null }>`
      SELECT placement_id AS "placementId", home_id AS "homeId", form, from_date AS "from", to_date AS "to", decided_on AS "decidedOn",
        investigation_completed_on AS "investigationCompletedOn"
      FROM stays WHERE placement_id IN ${valuesIn(ids)} ORDER BY placement_id, ordinal`.execute(plain),
    // One row per placement and type, the dates joined; driven from the ids (SQLite's CROSS JOIN keeps
    // that order), so SQLite walks each placement's events in the covering index, not all events of a type.
    sql<{ placementId: string; type: string; dates: string }>`
      SELECT e.placement_id AS "placementId", e.type, ${joined(sql`e.date`, ',')} AS dates
      FROM ${valueRows(ids, 'j')} CROSS JOIN events e
      WHERE e.placement_id = j.value AND e.date <= ${to}
        AND (e.type IN ('overvagande', 'omprovning', 'vardnadsoverflyttning-overvagande', 'vardplan', 'genomforandeplan', 'halsoundersokning-begard', 'jourhem-sarskilda-skal')
          OR (e.type = 'barnsamtal' AND e.date >= ${from}))
      GROUP BY e.placement_id, e.type`.execute(plain),
    sql<{ id: string; kind: string; name: string; operator: string | null; agency: string | null }>`
      SELECT id, kind, name, operator, agency FROM homes`.execute(plain),
    sql<{ reportedOn: string; kind: string; severity: string }>`
      SELECT d.reported_on AS "reportedOn", d.kind, d.severity FROM deviations d
      LEFT JOIN placements p ON p.id = d.placement_id
      WHERE d.reported_on BETWEEN ${from} AND ${to} AND ${ofUnit(sql`p.unit`, unit)}`.execute(plain),
    sql<{ id: string; name: string; fromDate: string; toDate: string; createdAt: string; size: number }>`
      SELECT id, name, from_date AS "fromDate", to_date AS "toDate", created_at AS "createdAt", size FROM audit_rounds
      WHERE substr(created_at, 1, 10) BETWEEN ${from} AND ${to} AND ${ofUnit(sql`unit`, unit)}`.execute(plain),
  ]);
  // The adults of the homes stayed in, and their checks and the homes' permits made by the last day.
  const homeIds = [...new Set(stays.rows.map((s) => s.homeId))];
  const [persons, checks] = await Promise.all([
    sql<{ id: string; homeId: string; role: string }>`
      SELECT id, home_id AS "homeId", role FROM persons WHERE home_id IN ${valuesIn(homeIds)}`.execute(plain),
    sql<{ personId: string | null; homeId: string | null; register: string; checkedOn: string; outcome: string }>`
      SELECT rc.person_id AS "personId", rc.home_id AS "homeId", rc.register, rc.checked_on AS "checkedOn", rc.outcome
      FROM register_checks rc LEFT JOIN persons pe ON pe.id = rc.person_id
      WHERE rc.checked_on <= ${to} AND (rc.home_id IN ${valuesIn(homeIds)} OR pe.home_id IN ${valuesIn(homeIds)})`.execute(plain),
  ]);
  return {
    placements: placements.rows,
    stays: stays.rows,
    events: events.rows,
    homes: homes.rows,
    persons: persons.rows,
    checks: checks.rows,
    deviations: deviations.rows,
    rounds: rounds.rows,
  };
}
