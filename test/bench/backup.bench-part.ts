/**
 * The register's protection at city scale for `npm run bench` (run.ts imports them; `--only backup`
 * runs these alone), issue 17: a plain register encrypted on the first start, the start's
 * `quick_check`, a checked copy, a restore and a new key, each on a copy of the city's register so
 * the other figures' register is untouched. These are the moments a user waits for, in main.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { checkBackup, rekeyByCopy, replaceWithBackup, writeBackup } from '../../main/db/backups';
import { keyPragma, newKey } from '../../main/db/key';
import { ms, type PartBench, type PartFigure } from './bench-part';

export type BackupFigure = PartFigure<'backup'>;

const runs = 3;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

interface Encrypted {
  file: string;
  key: string;
  encryptMs: number;
  bytes: number;
}

/** The city's register copied and encrypted once, shared by the figures (the first one's time is the encryption). */
function encryptedCity(b: PartBench): Promise<Encrypted> {
  return b.once('backup:encrypted', async () => {
    const file = path.join(b.dir, 'krypterad', 'placeringskollen.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The city's register as a closed file would be: its WAL folded in first.
    const source = new BetterSqlite3(b.databasePath);
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.close();
    fs.copyFileSync(b.databasePath, file);
    const key = newKey();
    const start = performance.now();
    rekeyByCopy(file, undefined, key);
    return { file, key, encryptMs: performance.now() - start, bytes: fs.statSync(file).size };
  });
}

function openEncrypted(e: Encrypted): BetterSqlite3.Database {
  const db = new BetterSqlite3(e.file);
  db.pragma(keyPragma('key', e.key));
  return db;
}

export const backupFigures: BackupFigure[] = [
  {
    section: 'detail',
    part: 'backup',
    what: 'a plain city register encrypted on the first start (copied, PRAGMA rekey of the copy, checked, renamed over), one run',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const e = await encryptedCity(b);
      return { samples: [e.encryptMs], note: `${mb(e.bytes)} file` };
    },
  },
  {
    section: 'detail',
    part: 'backup',
    what: "the start's PRAGMA quick_check of the encrypted city register, median",
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const e = await encryptedCity(b);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const db = openEncrypted(e);
        const start = performance.now();
        const result = db.pragma('quick_check', { simple: true });
        samples.push(performance.now() - start);
        db.close();
        if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    part: 'backup',
    what: 'a checked copy of the encrypted city register (VACUUM INTO, then opened with the key and PRAGMA quick_check), median',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const e = await encryptedCity(b);
      const db = openEncrypted(e);
      const samples: number[] = [];
      let bytes = 0;
      let vacuum = 0;
      try {
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const copy = writeBackup(db, { databasePath: e.file, kind: 'manuell', at: new Date(Date.UTC(2026, 11, 6, 3, 0, i)), key: e.key });
          samples.push(performance.now() - start);
          bytes = copy.bytes;
          const checkStart = performance.now();
          checkBackup(copy.file, e.key);
          vacuum = samples[samples.length - 1]! - (performance.now() - checkStart);
        }
      } finally {
        db.close();
      }
      return { samples, note: `${mb(bytes)} copy; of the last, about ${ms(vacuum)} writing and the rest checking` };
    },
  },
  {
    section: 'detail',
    part: 'backup',
    what: 'a restore of a checked copy (checked again, copied beside the register, renamed into place), median',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const e = await encryptedCity(b);
      const copies = fs.readdirSync(path.join(path.dirname(e.file), 'sakerhetskopior')).filter((name) => name.endsWith('.sqlite'));
      if (copies.length === 0) return null;
      const copy = path.join(path.dirname(e.file), 'sakerhetskopior', copies[0]!);
      const target = path.join(b.dir, 'aterstalld', 'placeringskollen.sqlite');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        replaceWithBackup(target, copy, e.key);
        samples.push(performance.now() - start);
      }
      return { samples };
    },
  },
  {
    section: 'detail',
    part: 'backup',
    what: 'a new key for the encrypted city register (copied, rekeyed, checked, renamed over; each copy takes about as long), one run',
    unit: 'ms',
    target: null,
    stat: 'median',
    measure: async (b) => {
      const e = await encryptedCity(b);
      const next = newKey();
      const start = performance.now();
      rekeyByCopy(e.file, e.key, next);
      const elapsed = performance.now() - start;
      e.key = next;
      return { samples: [elapsed] };
    },
  },
];

