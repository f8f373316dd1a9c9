/**
 * The benchmark's city (test/bench/synthetic-register.ts) at 1/100: a file the real import takes
 * without a problem or a warning, the same file for the same seed, and the shape of the city of
 * issue 11 in its ratios, so the figures `npm run bench` prints are about a believable register.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../main/db/connection';
import { validateExchangeFile } from '../../main/domain/exchange';
import { findMunicipality } from '../../main/domain/municipalities';
import { createServices } from '../../main/services';
import { testClock } from '../clock';
import {
  benchDate,
  cityScale,
  describeRegister,
  scaledCity,
  smallScale,
  syntheticCity,
  syntheticRegister,
  type CityFile,
} from '../bench/synthetic-register';

let file: CityFile;
let shape: ReturnType<typeof describeRegister>;
beforeAll(() => {
  file = syntheticCity(smallScale);
  shape = describeRegister(file, benchDate);
});

let connection: Connection | undefined;
afterEach(async () => {
  await connection?.close();
  connection = undefined;
});

describe('the city preset', () => {
  it('is the city of issue 11', () => {
    expect(cityScale.homes).toEqual({ hvb: 900, stodboende: 300, sis: 50, familjehem: 2_750, jourhem: 450, natverkshem: 550 });
    expect(cityScale).toMatchObject({ uppdragstagare: 7_900, children: 50_000, placements: 60_000, activePlacements: 7_800, years: 10 });
  });

  it('scales down to 1/100 with at least one home of each kind', () => {
    expect(smallScale).toEqual(scaledCity(1 / 100));
    expect(smallScale.homes).toEqual({ hvb: 9, stodboende: 3, sis: 1, familjehem: 28, jourhem: 5, natverkshem: 6 });
    expect(smallScale).toMatchObject({ uppdragstagare: 79, children: 500, placements: 600, activePlacements: 78 });
  });
});

describe('the generated city', () => {
  it('is the same file for the same seed, and another for another seed', () => {
    expect(JSON.stringify(syntheticCity(smallScale))).toBe(JSON.stringify(file));
    expect(JSON.stringify(syntheticCity({ ...smallScale, seed: smallScale.seed + 1 }))).not.toBe(JSON.stringify(file));
  });

  it('is imported by the real services without a problem or a warning, and exported the same', async () => {
    connection = await openDatabase(':memory:');
    const services = createServices(connection.db, { clock: testClock() });
    const summary = await services.exchange.importFile(JSON.parse(JSON.stringify(file)));
    expect(summary.warnings).toEqual([]);
    expect(summary.homes.created).toBe(file.homes.length);
    expect(summary.events.created).toBe(file.events.length);
    const exported = await services.exchange.exportAll();
    for (const list of ['homes', 'persons', 'registerChecks', 'children', 'placements', 'events'] as const) {
      expect(exported[list].length, list).toBe(file[list].length);
    }
    // The lists the benchmark measures can be computed on it.
    const overview = await services.deadlines.overview(benchDate);
    expect(overview.rows.length).toBeGreaterThan(shape.active);
    expect((await services.placementViews.list({ date: benchDate, activeOnly: false })).length).toBe(file.placements.length);
  });

  it('validates as a whole (the import\'s own check, without a database)', () => {
    const result = validateExchangeFile(JSON.parse(JSON.stringify(file)));
    expect(result.ok ? [] : result.problems.slice(0, 5)).toEqual([]);
  });

  it('has the sizes asked for', () => {
    expect(shape.homesByKind).toEqual(smallScale.homes);
    expect(shape.uppdragstagare).toBe(smallScale.uppdragstagare);
    expect(shape.children).toBe(smallScale.children);
    expect(shape.active).toBe(smallScale.activePlacements);
    // A placement that does not fit in a child's ten years moves on to the next child; only the last may be lost.
    expect(shape.placements).toBeGreaterThanOrEqual(smallScale.placements * 0.99);
    expect(shape.placements).toBeLessThanOrEqual(smallScale.placements);
  });

  it('has the ratios of the large city: ~0.5 checks and ~10 events a placement, LVU and SoL, moves and returns', () => {
    const perPlacement = (n: number) => n / shape.placements;
    // City: ~30 000 register checks and ~610 000 events on 60 000 placements.
    expect(perPlacement(shape.registerChecks)).toBeGreaterThan(0.35);
    expect(perPlacement(shape.registerChecks)).toBeLessThan(0.7);
    expect(perPlacement(shape.events)).toBeGreaterThan(8);
    expect(perPlacement(shape.events)).toBeLessThan(12.5);
    expect(perPlacement(shape.lvu)).toBeGreaterThan(0.3);
    expect(perPlacement(shape.lvu)).toBeLessThan(0.6);
    expect(perPlacement(shape.jourhemToFamiljehem)).toBeGreaterThan(0.08);
    expect(perPlacement(shape.severalStays)).toBeGreaterThan(shape.jourhemToFamiljehem / shape.placements);
    expect(shape.childrenWithSeveralPlacements / shape.children).toBeGreaterThan(0.08);
    expect(shape.childrenWithSeveralPlacements / shape.children).toBeLessThan(0.25);
    expect(shape.protectedChildren).toBe(Math.round(shape.children / 97));
    expect(shape.endedLvuFollowedUp).toBeGreaterThan(0.25 * shape.ended * (shape.lvu / shape.placements));
  });

  it('gives most placements a daily cost for the kind of home of their last stay, in steps of 50 kr, and some none', () => {
    const ranges: Record<string, [number, number]> = {
      hvb: [4_000, 9_000], familjehem: [900, 1_800], jourhem: [1_500, 2_500], natverkshem: [600, 1_200], stodboende: [2_000, 3_500], sis: [4_500, 6_500],
    };
    const known = file.placements.filter((p) => p.dailyCost !== undefined);
    expect(known.length / file.placements.length).toBeGreaterThan(0.8);
    expect(known.length / file.placements.length).toBeLessThan(0.95);
    for (const p of known) {
      const [min, max] = ranges[p.stays.at(-1)!.form]!;
      expect(p.dailyCost! % 50, p.id).toBe(0);
      expect(p.dailyCost!, p.id).toBeGreaterThanOrEqual(min);
      expect(p.dailyCost!, p.id).toBeLessThanOrEqual(max);
    }
  });

  it('can still be asked for by a number of homes and of placements', () => {
    const shape = describeRegister(syntheticRegister({ homes: 100, placements: 300 }));
    expect(shape.homes).toBe(100);
    expect(shape.placements).toBeGreaterThanOrEqual(297);
    expect(shape.placements).toBeLessThanOrEqual(300);
  });

  it('is fictional where it should be and real where the import asks: official kommun names, no personnummer', () => {
    expect(file.homes.every((home) => home.municipality !== undefined && findMunicipality(home.municipality)?.name === home.municipality)).toBe(true);
    expect(file.children.every((child) => child.personnummer === undefined)).toBe(true);
    const fictional = /Exempel|Prov|Påhitt|Fiktiv|Låtsas|Saga|Fabel|Dikt|Drömme|Fantasi/;
    expect(file.homes.filter((home) => !fictional.test(home.name))).toEqual([]);
    expect(file.persons.filter((person) => !fictional.test(person.name))).toEqual([]);
    expect(file.children.filter((child) => child.protectedIdentity !== true && !fictional.test(child.name ?? ''))).toEqual([]);
  });
});
