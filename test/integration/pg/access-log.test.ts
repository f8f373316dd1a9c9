/**
 * The access log's chain on the shared register (issue 18): PostgreSQL hashes an entry exactly as
 * the local register does (one verifier for both engines), and many writers at once append one at
 * a time, so the chain verifies after them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, verifyChain, type LogEntry } from '../../../main/db/access-log';
import { adminUrl, useMigratedRegister } from './harness';

describe.runIf(adminUrl)('the access log on the shared register', () => {
  const register = useMigratedRegister('pk_log', { maxConnections: 20 });

  it('hashes an entry exactly as JavaScript does, whatever its text (quotes, line breaks, control characters, ÅÄÖ, emoji)', async () => {
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replaceAll('\u0000', '')), { nil: null });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 40 }), text, text, text, text, async (seq, userId, entityId, detail, prevHash) => {
        const fields = { seq, at: '2026-12-06T05:00:00.000Z', userId, action: 'read', channel: 'getPlacement', entity: 'placements', entityId, childId: null, homeId: null, detail, prevHash: prevHash ?? '' };
        const { rows } = await register.pool.query<{ hash: string }>('SELECT log_hash($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS hash', [
          fields.seq, fields.at, fields.userId, fields.action, fields.channel, fields.entity, fields.entityId, fields.childId, fields.homeId, fields.detail, fields.prevHash,
        ]);
        expect(rows[0]!.hash).toBe(entryHash(fields));
      }),
      { numRuns: 300, seed: 17 },
    );
    // The characters JSON writes with escapes, one by one.
    for (const tricky of ['"', '\\', '\n', '\r', '\t', '\b', '\f', '\u001b', '\u007f', '\u2028', 'Åsa Öberg', '😀']) {
      const fields = { seq: 1, at: 'x', userId: tricky, action: 'read', channel: null, entity: null, entityId: null, childId: null, homeId: null, detail: null, prevHash: '' };
      const { rows } = await register.pool.query<{ hash: string }>('SELECT log_hash(1, $1, $2, $3, NULL, NULL, NULL, NULL, NULL, NULL, $4) AS hash', ['x', tricky, 'read', '']);
      expect(rows[0]!.hash, JSON.stringify(tricky)).toBe(entryHash(fields));
    }
  });

  it('twenty writers appending at once leave one unbroken chain that the local register’s verifier accepts', async () => {
    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        const client = await register.pool.connect();
        try {
          for (let i = 0; i < 15; i += 1) {
            await client.query('BEGIN');
            await client.query("SELECT append_access_log('read', 'getPlacement', 'placements', $1, NULL, NULL, NULL)", [`P${writer}-${i}`]);
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await register.pool.query<LogEntry>(
      'SELECT seq::int AS seq, at, user_id AS "userId", action, channel, entity, entity_id AS "entityId", child_id AS "childId", home_id AS "homeId", detail, prev_hash AS "prevHash", hash FROM access_log ORDER BY seq',
    );
    expect(rows).toHaveLength(300);
    expect(verifyChain(rows)).toEqual({ entries: 300, problem: null });
  });
});
