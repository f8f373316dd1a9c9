/**
 * Moving a local register to the shared one (issue 18): every row of every table arrives as it
 * was, the access log's chain with it, in one transaction; a shared register that already holds
 * anything is refused, and so is a local log that does not verify, with nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { openSharedPool, parseSharedRegisterUrl } from '../../../main/db/pg/connection';
import { copyOrder, copyRegisterToShared, CopyRegisterError, derivedOnShared } from '../../../main/db/pg/copy-register';
import { migratePg } from '../../../main/db/pg/migrate';
import { pgMigrations } from '../../../main/db/pg/migrations';
import { createServices } from '../../../main/services';
import { testClock } from '../../clock';
import { adminUrl, oneAtATime, useTestDatabase } from './harness';

/** A local register with rows in every table: the demo data, and the rest written as the app writes them. */
async function fullLocalRegister(file = ':memory:'): Promise<Connection> {
  const connection = await openDatabase(file);
  await createServices(connection.db, { clock: testClock() }).demo.load('2026-11-22');
  connection.raw.exec(`
    INSERT INTO users (id, name, initials, role, units, active, created_at) VALUES ('U1', 'Ulla Provanvändare', 'UP', 'administrator', '["Barn och unga"]', 1, '2026-11-01T08:00:00.000Z');
    INSERT INTO settings (key, value, version, changed_at) VALUES ('auditChecklist', '[{"id":"beslut","text":"Beslut finns."}]', 1, '2026-11-02T08:00:00.000Z');
    INSERT INTO settings_history (key, version, value, changed_at, changed_by, reason) VALUES ('auditChecklist', 1, '[]', '2026-11-02T08:00:00.000Z', 'Ulla Provanvändare', 'Egen punkt.');
    INSERT INTO removed_records (kind, record_id, record, removed_by, removed_at, reason) VALUES ('child', 'C-BORT', '{"id":"C-BORT"}', 'Ulla Provanvändare', '2026-11-03T08:00:00.000Z', 'Felregistrerad.');
    INSERT INTO assessments (id, home_id, assessed_on, scores, child_voice, recorded_by, recorded_at) VALUES ('A1', 'EXEMPEL-H01', '2026-10-01', '{"trygghet":4}', 'Trivs.', 'Ulla Provanvändare', '2026-10-01T09:00:00.000Z');
    INSERT INTO assessments (id, home_id, assessed_on, scores, recorded_by, recorded_at, corrects) VALUES ('A2', 'EXEMPEL-H01', '2026-10-01', '{"trygghet":5}', 'Ulla Provanvändare', '2026-10-02T09:00:00.000Z', 'A1');
    INSERT INTO deviations (id, home_id, reported_on, kind, severity, description, status, recorded_by, recorded_at) VALUES ('D1', 'EXEMPEL-H01', '2026-10-05', 'lex-sarah', 'allvarlig', 'Barnet saknade tillsyn – "en natt".', 'under-utredning', 'Ulla Provanvändare', '2026-10-05T09:00:00.000Z');
    INSERT INTO deviation_steps (deviation_id, ordinal, step, date, serious, recorded_by, recorded_at) VALUES ('D1', 0, 'bedomning', '2026-10-06', 1, 'Ulla Provanvändare', '2026-10-06T09:00:00.000Z');
    INSERT INTO notes (id, home_id, author, written_on, category, text, signed_at) VALUES ('N1', 'EXEMPEL-H01', 'Ulla Provanvändare', '2026-10-07', 'erfarenhet', 'Skolan fungerar. Åsa hämtar på fredagar.', '2026-10-07T10:00:00.000Z');
    INSERT INTO notes (id, home_id, author, written_on, category, text, signed_at, corrects) VALUES ('N2', 'EXEMPEL-H01', 'Ulla Provanvändare', '2026-10-07', 'erfarenhet', 'Skolan fungerar bra.', '2026-10-08T10:00:00.000Z', 'N1');
    INSERT INTO note_drafts (id, user_id, home_id, category, written_on, text, saved_at) VALUES ('ND1', 'U1', 'EXEMPEL-H01', 'erfarenhet', '2026-11-20', 'Utkast.', '2026-11-20T10:00:00.000Z');
    INSERT INTO audit_rounds (id, name, from_date, to_date, size, seed, population_size, population_hash, checklist_version, created_by, created_at) VALUES ('R1', 'Hösten 2026', '2026-01-01', '2026-06-30', 1, 'lotto', 5, 'abc', 1, 'Ulla Provanvändare', '2026-11-04T08:00:00.000Z');
    INSERT INTO audit_files (round_id, ordinal, placement_id, rank) VALUES ('R1', 1, 'EXEMPEL-P01', '0001');
    INSERT INTO audit_answers (round_id, ordinal, item_id, answer, comment, already_reported, answered_by, answered_at) VALUES ('R1', 1, 'beslut', 'ja', '', 0, 'Ulla Provanvändare', '2026-11-05T08:00:00.000Z');
    INSERT INTO audit_analyses (round_id, text, written_by, written_at) VALUES ('R1', 'Övervägandena görs sent.', 'Ulla Provanvändare', '2026-11-06T08:00:00.000Z');
    INSERT INTO audit_actions (id, round_id, action, responsible, due_on, created_by, created_at) VALUES ('AA1', 'R1', 'Rutin för övervägande', 'Enhetschefen', '2027-03-01', 'Ulla Provanvändare', '2026-11-06T09:00:00.000Z');
  `);
  return connection;
}

/**
 * Every row of a table, in a shape both engines give alike (PostgreSQL's bigint arrives as text),
 * without what only the shared register has, derived there (the notes' search terms).
 */
async function rowsOnPg(pool: pg.Pool, table: string, order: string): Promise<unknown[]> {
  const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${order === 'rowid' ? 'id' : order}`);
  return rows.map((row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (derivedOnShared.has(`${table}.${k}`) ? [] : [[k, k === 'seq' || k === 'changes' ? Number(v) : v]]))),
  );
}

describe.runIf(adminUrl)('moving a local register to the shared one', () => {
  const database = useTestDatabase('pk_copy');
  let pool: pg.Pool;
  let local: Connection;
  beforeAll(async () => {
    pool = await openSharedPool(parseSharedRegisterUrl(database.url));
    await oneAtATime(() => migratePg(pool, pgMigrations));
    local = await fullLocalRegister();
  });
  afterAll(async () => {
    await pool.end();
    await local.close();
  });

  it('copies every row of every table as it was, and the log still verifies', async () => {
    const counts = await copyRegisterToShared(local.raw, pool);
    for (const { table, order } of copyOrder) {
      const here = local.raw.prepare(`SELECT * FROM ${table} ORDER BY ${order === 'rowid' ? 'id' : order}`).all();
      expect(here.length, table).toBeGreaterThan(0);
      expect(counts[table], table).toBe(here.length);
      expect(await rowsOnPg(pool, table, order), table).toEqual(here);
    }
    // The copied notes are found by the shared register's search, made as they arrived.
    const { rows: found } = await pool.query<{ id: string }>("SELECT id FROM notes WHERE search_terms @@ to_tsquery('swedish', 'fungerade:*') ORDER BY id");
    expect(found.map((r) => r.id)).toEqual(['N1', 'N2']);
    // New rows continue the numbering after the copied ones.
    const { rows } = await pool.query<{ seq: string }>("INSERT INTO audit_analyses (round_id, text, written_by, written_at) VALUES ('R1', 'Till.', 'U', 'x') RETURNING seq");
    expect(Number(rows[0]!.seq)).toBe(2);
    await pool.query('DELETE FROM audit_analyses WHERE seq = 2');
  });

  it('a shared register that already holds anything is refused, and nothing more is written', async () => {
    const before = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM homes')).rows[0]!.n;
    await expect(copyRegisterToShared(local.raw, pool)).rejects.toThrow(CopyRegisterError);
    await expect(copyRegisterToShared(local.raw, pool)).rejects.toThrow(/redan uppgifter/);
    expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM homes')).rows[0]!.n).toBe(before);
  });
});

describe.runIf(adminUrl)('a local log that does not verify', () => {
  const database = useTestDatabase('pk_copy_broken');
  it('is not moved, and the shared register stays empty', async () => {
    const pool = await openSharedPool(parseSharedRegisterUrl(database.url));
    const local = await fullLocalRegister();
    try {
      await oneAtATime(() => migratePg(pool, pgMigrations));
      // A changed entry, as someone editing the file by hand would leave it (the triggers refuse UPDATE).
      local.raw.exec("DROP TRIGGER IF EXISTS access_log_no_update; UPDATE access_log SET action = 'read' WHERE seq = 3");
      await expect(copyRegisterToShared(local.raw, pool)).rejects.toThrow(/Åtkomstloggen i det lokala registret är inte hel/);
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM homes')).rows[0]!.n).toBe(0);
    } finally {
      await pool.end();
      await local.close();
    }
  });
});

describe.runIf(adminUrl)('a local register another program has open', () => {
  const database = useTestDatabase('pk_copy_busy');
  it('is not moved while it may still be written, and the shared register stays empty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-copy-busy-'));
    const file = path.join(dir, 'register.sqlite');
    const pool = await openSharedPool(parseSharedRegisterUrl(database.url));
    const local = await fullLocalRegister(file);
    const other = new BetterSqlite3(file);
    try {
      await oneAtATime(() => migratePg(pool, pgMigrations));
      other.prepare('SELECT count(*) FROM homes').get();
      await expect(copyRegisterToShared(local.raw, pool)).rejects.toThrow(/används av ett annat program/);
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM homes')).rows[0]!.n).toBe(0);
    } finally {
      other.close();
      await local.close();
      await pool.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
