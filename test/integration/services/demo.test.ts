import { describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { addDays, ageOn } from '../../../main/domain/dates';
import { computeDeadlines, type Deadline, type DeadlineRegister } from '../../../main/domain/deadlines';
import { validateExchangeFile, type ExchangeFile } from '../../../main/domain/exchange';
import { defaultLegalReferences, defaultRuleParameters } from '../../../main/domain/rule-settings';
import { createServices } from '../../../main/services';
import { createDemoService, demoExchangeFile } from '../../../main/services/demo';
import { checkHome, createHomesService } from '../../../main/services/homes';
import { failure, useServiceDatabase } from './harness';
import { testClock } from '../../clock';
import type { DeadlineStatus } from '../../../main/domain/vocabulary';

const TODAY = '2026-11-22';
const tables = ['homes', 'persons', 'register_checks', 'children', 'placements', 'events', 'notes', 'assessments', 'deviations'];
const countRows = (connection: Connection, table: string): number =>
  connection.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
/** Rows whose id (or, for stays, placement) is a demo id, in every table. */
const demoRows = (connection: Connection): number =>
  tables.reduce((sum, t) => sum + (connection.raw.prepare(`SELECT count(*) FROM ${t} WHERE id LIKE 'EXEMPEL-%'`).pluck().get() as number), 0) +
  (connection.raw.prepare("SELECT count(*) FROM stays WHERE placement_id LIKE 'EXEMPEL-%' OR home_id LIKE 'EXEMPEL-%'").pluck().get() as number);

const db = useServiceDatabase('pk-demo-');

describe('demo data', () => {
  it('loads an obviously fictional register with every kind of home into an empty register', async () => {
    const homes = createHomesService(db.connection.db, testClock());
    const result = await createDemoService(db.connection.db, testClock()).load(TODAY);

    const rows = await homes.list();
    expect(result.homes).toBe(rows.length);
    expect(result.homes).toBeGreaterThanOrEqual(10);
    expect(result.persons).toBe(db.connection.raw.prepare('SELECT count(*) FROM persons').pluck().get());
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem']));
    expect(rows.some((r) => !r.active)).toBe(true);
    expect(rows.every((r) => r.id.startsWith('EXEMPEL-'))).toBe(true);
    expect(db.connection.raw.prepare("SELECT count(*) FROM persons WHERE id NOT LIKE 'EXEMPEL-%'").pluck().get()).toBe(0);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Östergårdens HVB', 'Statens exempelhem']));
  });

  it('every demo home meets the rules the form enforces (org.nr check digits, operator, household)', async () => {
    const homes = createHomesService(db.connection.db, testClock());
    await createDemoService(db.connection.db, testClock()).load(TODAY);
    for (const row of await homes.list()) {
      const { active: _active, ...home } = await homes.get(row.id);
      const { orgNr, issues } = checkHome(home);
      expect(issues, home.name).toEqual([]);
      expect(orgNr).toBe(home.orgNr);
    }
  });

  it('is refused in a register that already has homes, and adds nothing', async () => {
    const homes = createHomesService(db.connection.db, testClock());
    await homes.save({
      kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: null,
      capacity: null, targetGroup: null, agency: null, persons: [],
    });
    const error = await failure(createDemoService(db.connection.db, testClock()).load(TODAY));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^Exempeldata kan bara laddas i ett tomt register\./);
    expect(await homes.count()).toBe(1);
  });

  it('cannot be loaded twice', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    const { homes } = await demo.load(TODAY);
    await expect(demo.load(TODAY)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await createHomesService(db.connection.db, testClock()).count()).toBe(homes);
  });

  it('is announced while present and removed on request, leaving real homes alone', async () => {
    const homes = createHomesService(db.connection.db, testClock());
    const demo = createDemoService(db.connection.db, testClock());
    expect(await demo.present()).toBe(false);
    const loaded = await demo.load(TODAY);
    expect(await demo.present()).toBe(true);
    const real = await homes.save({
      kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: null,
      capacity: null, targetGroup: null, agency: null, persons: [{ name: 'Anna Ek', role: 'uppdragstagare', birthYear: 1980 }],
    });

    expect(await demo.remove()).toEqual(loaded);
    expect(await demo.present()).toBe(false);
    expect((await homes.list()).map((h) => h.id)).toEqual([real.id]);
    expect(db.connection.raw.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1);
  });

  it('is not removed while a real record refers to a demo home, and nothing is deleted', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    await demo.load(TODAY);
    db.connection.raw
      .prepare("INSERT INTO events (id, home_id, type, date) VALUES ('E1', 'EXEMPEL-H01', 'ivo-tillsyn', '2026-05-04')")
      .run();
    const countPersons = () => db.connection.raw.prepare('SELECT count(*) FROM persons').pluck().get();
    const before = { homes: await createHomesService(db.connection.db, testClock()).count(), persons: countPersons() };

    await expect(demo.remove()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect({ homes: await createHomesService(db.connection.db, testClock()).count(), persons: countPersons() }).toEqual(before);
    expect(await demo.present()).toBe(true);
  });
});

/** The engine's view of an exchange file (what the database would hold after importing it). */
function engineRegister(file: ExchangeFile): DeadlineRegister {
  return {
    children: new Map((file.children ?? []).map((c) => [c.id, c.birthDate])),
    placements: (file.placements ?? []).map((p) => ({
      id: p.id,
      childId: p.childId,
      legalBasis: p.legalBasis,
      startedOn: p.startedOn,
      endedOn: p.endedOn ?? null,
      stays: p.stays.map((s) => ({
        homeId: s.homeId,
        form: s.form,
        from: s.from,
        to: s.to ?? null,
        investigationCompletedOn: s.investigationCompletedOn ?? null,
      })),
    })),
    events: (file.events ?? []).map((e) => ({ placementId: e.placementId ?? null, homeId: e.homeId ?? null, type: e.type, date: e.date })),
    homes: new Map((file.homes ?? []).map((h) => [h.id, h.kind])),
  };
}

const settings = { parameters: defaultRuleParameters, references: defaultLegalReferences };
/** The picture a user sees: which deadline of which placement, in which state (not the dates, which move with today). */
const picture = (deadlines: readonly Deadline[]) => deadlines.map((d) => `${d.placementId ?? d.homeId} ${d.rule} ${d.status}`).sort();
const tally = (deadlines: readonly Deadline[]) => {
  const counts: Record<DeadlineStatus, number> = { overdue: 0, 'due-soon': 0, upcoming: 0 };
  for (const d of deadlines) counts[d.status]++;
  return counts;
};

describe('demo children, placements and events', () => {
  it('loads about ten fictional children and a dozen placements, and says how many of each it loaded', async () => {
    const result = await createDemoService(db.connection.db, testClock()).load(TODAY);
    expect(result).toEqual({
      homes: countRows(db.connection, 'homes'),
      persons: countRows(db.connection, 'persons'),
      children: countRows(db.connection, 'children'),
      placements: countRows(db.connection, 'placements'),
      events: countRows(db.connection, 'events'),
    });
    expect(result.children).toBe(11);
    expect(result.placements).toBe(13);
    expect(result.events).toBeGreaterThanOrEqual(40);
    for (const table of tables) {
      expect(db.connection.raw.prepare(`SELECT count(*) FROM ${table} WHERE id NOT LIKE 'EXEMPEL-%'`).pluck().get(), table).toBe(0);
    }
  });

  it('has believable children: ages under 18 on today, one protected identity, no personnummer', async () => {
    await createDemoService(db.connection.db, testClock()).load(TODAY);
    const children = db.connection.raw.prepare('SELECT * FROM children ORDER BY id').all() as {
      id: string; name: string | null; birth_date: string; personnummer: string | null; protected_identity: number;
    }[];
    expect(children.map((c) => c.id)).toEqual(Array.from({ length: 11 }, (_, i) => `EXEMPEL-C${String(i + 1).padStart(2, '0')}`));
    for (const child of children) {
      expect(ageOn(child.birth_date, TODAY), child.id).toBeGreaterThanOrEqual(2);
      expect(ageOn(child.birth_date, TODAY), child.id).toBeLessThan(18);
      expect(child.personnummer).toBeNull();
      // Every placement starts after the child was born, with the child under 18.
      const starts = db.connection.raw.prepare('SELECT started_on FROM placements WHERE child_id = ?').pluck().all(child.id) as string[];
      for (const start of starts) expect(ageOn(child.birth_date, start), child.id).toBeLessThan(18);
    }
    expect(children.filter((c) => c.protected_identity === 1)).toHaveLength(1);
  });

  it('covers SoL, LVU 2 § and LVU 3 §, an omplacering, jourhem with and without a completed investigation, and ended LVU care', async () => {
    await createDemoService(db.connection.db, testClock()).load(TODAY);
    const sql = (query: string) => db.connection.raw.prepare(query);
    expect(sql('SELECT DISTINCT legal_basis FROM placements ORDER BY 1').pluck().all()).toEqual(['LVU2', 'LVU3', 'SoL']);
    // A stay's form is always its home's kind.
    expect(sql('SELECT count(*) FROM stays JOIN homes ON homes.id = stays.home_id WHERE stays.form <> homes.kind').pluck().get()).toBe(0);
    expect(sql('SELECT placement_id FROM stays GROUP BY placement_id HAVING count(*) = 2').pluck().all()).toEqual(['EXEMPEL-PL03']);
    expect(sql("SELECT count(*) FROM stays WHERE form = 'jourhem' AND investigation_completed_on IS NOT NULL").pluck().get()).toBeGreaterThanOrEqual(1);
    expect(sql("SELECT count(*) FROM stays WHERE form = 'jourhem' AND investigation_completed_on IS NULL").pluck().get()).toBeGreaterThanOrEqual(1);
    expect(sql("SELECT count(*) FROM placements WHERE legal_basis <> 'SoL' AND ended_on IS NOT NULL").pluck().get()).toBeGreaterThanOrEqual(2);
    // Every form of stay, and none in Familjen Exempelsson, whose kind the register's tests change.
    expect(sql('SELECT DISTINCT form FROM stays ORDER BY 1').pluck().all()).toEqual(['familjehem', 'hvb', 'jourhem', 'natverkshem', 'sis', 'stodboende']);
    expect(sql("SELECT count(*) FROM stays WHERE home_id = 'EXEMPEL-H04'").pluck().get()).toBe(0);
    expect(sql('SELECT DISTINCT unit FROM placements ORDER BY 1').pluck().all()).toEqual(['Barn och unga Nord', 'Barn och unga Syd']);
    expect(sql('SELECT DISTINCT caseworker FROM placements ORDER BY 1').pluck().all()).toEqual(
      expect.arrayContaining(['Handläggare Exempel A', 'Handläggare Exempel B']),
    );
    // Nothing has happened after today.
    expect((sql('SELECT max(date) FROM events').pluck().get() as string) <= TODAY).toBe(true);
    expect((sql('SELECT max(started_on) FROM placements').pluck().get() as string) <= TODAY).toBe(true);
  });

  it('gives most placements a believable daily cost for the kind of home they are (or were last) in, and some none', async () => {
    await createDemoService(db.connection.db, testClock()).load(TODAY);
    const rows = db.connection.raw
      .prepare(`SELECT p.id, p.daily_cost AS cost, s.form FROM placements p
        JOIN stays s ON s.placement_id = p.id AND s.ordinal = (SELECT max(ordinal) FROM stays WHERE placement_id = p.id)`)
      .all() as { id: string; cost: number | null; form: string }[];
    const ranges: Record<string, [number, number]> = {
      hvb: [4_000, 9_000], familjehem: [900, 1_800], jourhem: [1_500, 2_500], natverkshem: [600, 1_200], stodboende: [2_000, 3_500], sis: [4_500, 6_500],
    };
    const known = rows.filter((row) => row.cost !== null);
    expect(known.length).toBeGreaterThan(rows.length / 2);
    expect(known.length).toBeLessThan(rows.length);
    for (const { id, cost, form } of known) {
      expect(cost, id).toBeGreaterThanOrEqual(ranges[form]![0]);
      expect(cost, id).toBeLessThanOrEqual(ranges[form]![1]);
    }
  });

  it('gives the bevakningslista as of today overdue, due-soon and upcoming deadlines, and some already satisfied', async () => {
    await createDemoService(db.connection.db, testClock()).load(TODAY);
    const deadlines = await createServices(db.connection.db, { clock: testClock() }).deadlines.compute(TODAY);
    const counts = tally(deadlines);
    expect(counts.overdue).toBeGreaterThanOrEqual(2);
    expect(counts['due-soon']).toBeGreaterThanOrEqual(2);
    expect(counts.upcoming).toBeGreaterThanOrEqual(8);
    expect(counts.upcoming).toBeGreaterThan(counts.overdue + counts['due-soon']);

    const find = (placementId: string, rule: string) => deadlines.find((d) => d.placementId === placementId && d.rule === rule);
    // Two years in the same familjehem: vårdnadsöverflyttning to consider within 30 days.
    expect(find('EXEMPEL-PL01', 'vardnadsoverflyttning')).toMatchObject({ status: 'due-soon', basis: 'same-home-since' });
    // Jourhem without and with a completed investigation; the overrun has särskilda skäl documented.
    expect(find('EXEMPEL-PL04', 'jourhem-tidsgrans')).toMatchObject({ status: 'due-soon', basis: 'jourhem-stay-start' });
    expect(find('EXEMPEL-PL05', 'jourhem-tidsgrans')).toMatchObject({ status: 'overdue', basis: 'investigation-completed' });
    expect(find('EXEMPEL-PL05', 'jourhem-tidsgrans')?.specialReasonsOn).not.toBeNull();
    // Ended LVU care: follow-up due; the other ended LVU placement has been followed up.
    expect(find('EXEMPEL-PL08', 'uppfoljning-efter-lvu')).toMatchObject({ status: 'due-soon', basis: 'placement-end' });
    expect(deadlines.filter((d) => d.placementId === 'EXEMPEL-PL09')).toEqual([]);
    // The omplacering's deadlines concern the current home, not the jourhem it left.
    expect(find('EXEMPEL-PL03', 'sol-overvagande')).toMatchObject({ status: 'overdue', homeId: 'EXEMPEL-H07' });
    expect(find('EXEMPEL-PL03', 'jourhem-tidsgrans')).toBeUndefined();
    // Satisfied one-time duties give no deadline; a missing one is overdue.
    expect(deadlines.filter((d) => d.rule === 'vardplan')).toEqual([]);
    expect(find('EXEMPEL-PL10', 'genomforandeplan')).toMatchObject({ status: 'overdue' });
  });

  it('loaded on another day, shows the same picture (dates move with today)', async () => {
    const pictures: string[][] = [];
    for (const today of [TODAY, '2025-03-31', '2024-02-29']) {
      const other = await openDatabase(':memory:');
      try {
        await createDemoService(other.db, testClock()).load(today);
        pictures.push(picture(await createServices(other.db, { clock: testClock() }).deadlines.compute(today)));
      } finally {
        await other.close();
      }
    }
    expect(pictures[1]).toEqual(pictures[0]);
    expect(pictures[2]).toEqual(pictures[0]);
  });

  it('is a valid exchange file with the same picture on every day of four years (month ends, leap days)', () => {
    const reference = picture(computeDeadlines(engineRegister(demoExchangeFile(TODAY)), TODAY, settings));
    expect(reference.length).toBeGreaterThanOrEqual(20);
    for (let today = '2024-01-01'; today < '2028-01-01'; today = addDays(today, 1)) {
      const file = demoExchangeFile(today);
      expect(picture(computeDeadlines(engineRegister(file), today, settings)), today).toEqual(reference);
      if (today.endsWith('-01') || today.endsWith('-29') || today.endsWith('-31')) {
        const checked = validateExchangeFile(file);
        expect(checked.ok ? [] : checked.problems, today).toEqual([]);
      }
    }
  });

  it('refuses a register that has a child but no homes, and adds nothing', async () => {
    db.connection.raw.prepare("INSERT INTO children (id, birth_date) VALUES ('C-real', '2015-06-01')").run();
    await expect(createDemoService(db.connection.db, testClock()).load(TODAY)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(countRows(db.connection, 'homes')).toBe(0);
    expect(countRows(db.connection, 'children')).toBe(1);
  });

  it('refuses a date that is not a calendar date', async () => {
    await expect(createDemoService(db.connection.db, testClock()).load('2026-02-30')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(countRows(db.connection, 'homes')).toBe(0);
  });
});

describe('removing the demo', () => {
  /** Every row of every table: the whole register as the database holds it. */
  const dump = () =>
    Object.fromEntries([...tables, 'stays'].map((t) => [t, db.connection.raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

  it('removes children, placements, stays and events with the homes, leaving nothing with EXEMPEL- and real records alone', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    const loaded = await demo.load(TODAY);
    db.connection.raw.prepare("INSERT INTO homes (id, kind, name) VALUES ('H-real', 'hvb', 'Riktiga HVB')").run();
    db.connection.raw.prepare("INSERT INTO children (id, birth_date) VALUES ('C-real', '2012-01-01')").run();
    db.connection.raw
      .prepare("INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('PL-real', 'C-real', 'SoL', '2026-01-01', '2026-01-02')")
      .run();
    db.connection.raw.prepare("INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL-real', 0, 'H-real', 'hvb', '2026-01-02')").run();
    db.connection.raw.prepare("INSERT INTO events (id, placement_id, type, date) VALUES ('E-real', 'PL-real', 'vardplan', '2026-01-02')").run();

    expect(await demo.remove()).toEqual(loaded);
    expect(demoRows(db.connection)).toBe(0);
    expect(await demo.present()).toBe(false);
    expect(Object.fromEntries(['homes', 'children', 'placements', 'stays', 'events', 'persons'].map((t) => [t, countRows(db.connection, t)]))).toEqual({
      homes: 1, children: 1, placements: 1, stays: 1, events: 1, persons: 0,
    });
    // Removed, it can be loaded again only into an empty register: the real home is in the way.
    await expect(demo.load(TODAY)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes along the events a user recorded on demo placements while trying the bevakningslista', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    const loaded = await demo.load(TODAY);
    db.connection.raw
      .prepare("INSERT INTO events (id, placement_id, type, date) VALUES ('0b7e6f2c-user', 'EXEMPEL-PL03', 'overvagande', ?)")
      .run(TODAY);
    expect(await demo.remove()).toEqual({ ...loaded, events: loaded.events + 1 });
    expect(countRows(db.connection, 'events')).toBe(0);
  });

  it('is refused, with nothing removed, while a real placement has a stay in a demo home', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    await demo.load(TODAY);
    db.connection.raw.prepare("INSERT INTO children (id, birth_date) VALUES ('C-real', '2012-01-01')").run();
    db.connection.raw
      .prepare("INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('PL-real', 'C-real', 'SoL', '2026-01-01', '2026-01-02')")
      .run();
    db.connection.raw
      .prepare("INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL-real', 0, 'EXEMPEL-H07', 'hvb', '2026-01-02')")
      .run();
    const before = dump();

    const error = await failure(demo.remove());
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toMatch(/^Exempeldata kan inte tas bort/);
    expect(error.message).toContain('1 placering som inte är exempeldata har vistelser i exempelhem (Björkhagens HVB)');
    expect(error.message).toMatch(/Ingenting har tagits bort\.$/);
    expect(dump()).toEqual(before);
    expect(await demo.present()).toBe(true);
  });

  it('is refused, with nothing removed, while a real placement concerns a demo child', async () => {
    const demo = createDemoService(db.connection.db, testClock());
    await demo.load(TODAY);
    db.connection.raw.prepare("INSERT INTO homes (id, kind, name) VALUES ('H-real', 'hvb', 'Riktiga HVB')").run();
    db.connection.raw
      .prepare("INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('PL-real', 'EXEMPEL-C01', 'SoL', '2026-01-01', '2026-01-02')")
      .run();
    db.connection.raw.prepare("INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL-real', 0, 'H-real', 'hvb', '2026-01-02')").run();
    const before = dump();

    await expect(demo.remove()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('gäller exempelbarn') });
    expect(dump()).toEqual(before);
  });
});
