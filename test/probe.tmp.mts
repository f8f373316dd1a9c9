import { openDatabase } from '../main/db/connection';
const c = await openDatabase(':memory:');
const r = c.raw;
for (const q of [
 `EXPLAIN QUERY PLAN SELECT n.seq FROM notes_search JOIN notes n ON n.seq = (notes_search.rowid & 4294967295) WHERE notes_search MATCH '"skol"*' ORDER BY notes_search.rowid DESC LIMIT 50`,
 `EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT 1 FROM notes_search JOIN notes n ON n.seq = (notes_search.rowid & 4294967295) WHERE notes_search MATCH '"skol"*' LIMIT 1001)`,
 `EXPLAIN QUERY PLAN SELECT n.seq FROM notes_search JOIN notes n ON n.seq = (notes_search.rowid & 4294967295) WHERE notes_search MATCH '"skol"*' AND n.home_id = 'x' ORDER BY notes_search.rowid DESC LIMIT 50`,
]) console.log(r.prepare(q).all().map((x: any) => x.detail).join(' | '));
