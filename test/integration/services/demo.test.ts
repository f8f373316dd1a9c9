import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { createDemoService } from '../../../main/services/demo';
import { ServiceError } from '../../../main/services/errors';
import { checkHome, createHomesService } from '../../../main/services/homes';

let dir: string;
let connection: Connection;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-demo-'));
  connection = await openDatabase(path.join(dir, 'register.sqlite'));
});
afterEach(async () => {
  await connection.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('loads an obviously fictional register with every kind of home into an empty register', async () => {
    const homes = createHomesService(connection.db);
    const result = await createDemoService(connection.db).load();

    const rows = await homes.list();
    expect(result.homes).toBe(rows.length);
    expect(result.homes).toBeGreaterThanOrEqual(10);
    expect(result.persons).toBe(connection.raw.prepare('SELECT count(*) FROM persons').pluck().get());
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem']));
    expect(rows.some((r) => !r.active)).toBe(true);
    expect(rows.every((r) => r.id.startsWith('EXEMPEL-'))).toBe(true);
    expect(connection.raw.prepare("SELECT count(*) FROM persons WHERE id NOT LIKE 'EXEMPEL-%'").pluck().get()).toBe(0);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Östergårdens HVB', 'Statens exempelhem']));
  });

  it('every demo home meets the rules the form enforces (org.nr check digits, operator, household)', async () => {
    const homes = createHomesService(connection.db);
    await createDemoService(connection.db).load();
    for (const row of await homes.list()) {
      const { active: _active, ...home } = await homes.get(row.id);
      const { orgNr, issues } = checkHome(home);
      expect(issues, home.name).toEqual([]);
      expect(orgNr).toBe(home.orgNr);
    }
  });

  it('is refused in a register that already has homes, and adds nothing', async () => {
    const homes = createHomesService(connection.db);
    await homes.save({
      kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: null,
      capacity: null, targetGroup: null, agency: null, persons: [],
    });
    const error = await createDemoService(connection.db).load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('CONFLICT');
    expect((error as ServiceError).message).toMatch(/^Exempeldata kan bara laddas i ett tomt register\./);
    expect(await homes.count()).toBe(1);
  });

  it('cannot be loaded twice', async () => {
    const demo = createDemoService(connection.db);
    const { homes } = await demo.load();
    await expect(demo.load()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await createHomesService(connection.db).count()).toBe(homes);
  });

  it('is announced while present and removed on request, leaving real homes alone', async () => {
    const homes = createHomesService(connection.db);
    const demo = createDemoService(connection.db);
    expect(await demo.present()).toBe(false);
    const loaded = await demo.load();
    expect(await demo.present()).toBe(true);
    const real = await homes.save({
      kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: null,
      capacity: null, targetGroup: null, agency: null, persons: [{ name: 'Anna Ek', role: 'uppdragstagare', birthYear: 1980 }],
    });

    expect(await demo.remove()).toEqual(loaded);
    expect(await demo.present()).toBe(false);
    expect((await homes.list()).map((h) => h.id)).toEqual([real.id]);
    expect(connection.raw.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1);
  });

  it('is not removed while a real record refers to a demo home, and nothing is deleted', async () => {
    const demo = createDemoService(connection.db);
    await demo.load();
    connection.raw
      .prepare("INSERT INTO events (id, home_id, type, date) VALUES ('E1', 'EXEMPEL-H01', 'ivo-tillsyn', '2026-05-04')")
      .run();
    const countPersons = () => connection.raw.prepare('SELECT count(*) FROM persons').pluck().get();
    const before = { homes: await createHomesService(connection.db).count(), persons: countPersons() };

    await expect(demo.remove()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect({ homes: await createHomesService(connection.db).count(), persons: countPersons() }).toEqual(before);
    expect(await demo.present()).toBe(true);
  });
});
