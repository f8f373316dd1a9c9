/**
 * What the reports for the board and IVO read: plain SQL shaped as the domain's functions take it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { fosterHomeKinds } from '../domain/vocabulary';
import type { IvoListChild, IvoListHome, IvoListStay } from '../domain/ivo-list';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The foster-home stays that overlap [from, to] (optionally of one unit's placements), their
 * children and homes, and the notifications of more than three children in the period.
 */
export async function readIvoListFacts(db: Db, from: string, to: string, unit: string | null) {
  const plain = db.withoutPlugins();
  const kinds = sql.join(fosterHomeKinds.map((kind) => sql.lit(kind)));
  const stays = await sql<IvoListStay>`
    SELECT p.child_id AS "childId", s.home_id AS "homeId", s.form, s.from_date AS "from", s.to_date AS "to"
    FROM stays s JOIN placements p ON p.id = s.placement_id
    WHERE s.form IN (${kinds}) AND s.from_date <= ${to} AND (s.to_date IS NULL OR s.to_date > ${from})
      AND (${unit} IS NULL OR p.unit = ${unit})`.execute(plain);
  const childIds = JSON.stringify([...new Set(stays.rows.map((s) => s.childId))]);
  const [children, homes, notifications] = await Promise.all([
    sql<Omit<IvoListChild, 'protectedIdentity'> & { protectedIdentity: number }>`
      SELECT id, name, personnummer, birth_date AS "birthDate", protected_identity AS "protectedIdentity"
      FROM children WHERE id IN (SELECT value FROM json_each(${childIds}))`.execute(plain),
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
