/**
 * `placeringskollen report egenkontroll` end to end: a round drawn and audited through the services
 * over a fictional register (test/fixtures/exchange/full.json), then its report written by the
 * command line. The PDF names files "Akt N" and no child.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../main/db/connection';
import { openSharedRegister } from '../../main/db/pg/register';
import type { Database } from '../../main/db/schema';
import { createServices, type Services } from '../../main/services';
import { testClock } from '../clock';
import { signInAs } from '../signed-in';
import { engines, importedRegister, lines, type Engine } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/full.json', import.meta.url));

/** The services over the register at `database`, as the app opens it on either engine. */
async function withRegister<T>(engine: Engine, database: string, work: (services: Services, db: Kysely<Database>) => Promise<T>): Promise<T> {
  const connection = engine === 'postgres' ? await openSharedRegister(database) : await openDatabase(database);
  try {
    return await work(createServices(connection.db, { clock: testClock() }), connection.db);
  } finally {
    await connection.close();
  }
}

for (const engine of engines) {
  describe(`audit report (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-audit-', engine);
    const { cli, inDir } = register;
    const withServices = <T>(work: (services: Services, db: Kysely<Database>) => Promise<T>) => withRegister(engine, register.database, work);
    let roundId = '';

    beforeAll(async () => {
      if (engine === 'postgres') {
        // On the shared register the login's user is the one signed in (the database says who):
        // Elin is made the test login's user, as IT names a person's login.
        await withServices(async (services, db) => {
          const id = await services.users.insert({ name: 'Elin Enhetschefsson', initials: 'EE', role: 'enhetschef', units: ['Barn och unga'], active: true, pin: null });
          await sql`UPDATE users SET db_login = session_user WHERE id = ${id}`.execute(db);
        });
      }
      roundId = await withServices(async (services) => {
        await signInAs(services, 'enhetschef');
        const round = await services.audits.createRound({
          name: 'Hösten 2025',
          from: '2025-01-01',
          to: '2025-06-30',
          unit: null,
          form: null,
          legalBasis: null,
          caseworker: null,
          size: { kind: 'count', value: 2 },
          exclusionMonths: 12,
          seed: 'lotto-2025-26',
          recordedBy: 'Elin Enhetschefsson',
        });
        const file = await services.audits.getFile(round.id, 1);
        await services.audits.saveFile({
          roundId: round.id,
          ordinal: 1,
          answers: file.items.map((i) => ({ itemId: i.item.id, answer: i.proposed?.answer ?? 'ja', comment: i.proposed?.answer === 'nej' ? 'Saknas i akten.' : '', overrideReason: null, alreadyReported: false })),
          recordedBy: 'Hanna Handläggarsson',
        });
        await services.audits.saveAnalysis({ roundId: round.id, text: 'Planerna upprättas för sent; övervägandena görs i tid.', recordedBy: 'Elin Enhetschefsson' });
        await services.audits.addAction({ roundId: round.id, action: 'Genomgång av rutinen för vårdplan', responsible: 'Elin Enhetschefsson', dueOn: '2027-02-01', recordedBy: 'Elin Enhetschefsson' });
        return round.id;
      });
    }, 60_000);

    describe('report egenkontroll', () => {
      it('writes the round’s report, readable only by its owner: method, results, deviations by Akt, analysis and actions, and no child', async () => {
        const run = await cli(['report', 'egenkontroll', '--round', roundId, '--db', register.database, '--out', 'egenkontroll.pdf', '--kommun', 'timrå']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const file = inDir('egenkontroll.pdf');
        expect(lines(run.stdout)).toEqual([`Rapporten är skriven: ${file}`]);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        for (const words of ['Egenkontroll', 'Timrå', 'Hösten 2025', 'lotto-2025-26', 'Akt 1', 'Planerna upprättas för sent', 'Genomgång av rutinen för vårdplan', 'Sida 1 av']) {
          expect(text).toContain(words);
        }
        expect(text).not.toContain('Testsson');
        expect(text).not.toMatch(/PL\d/);
      });

      it('the deadlines command stays the spec\'s rules: an audit\'s open action is the window\'s, not a row of it', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2026-11-22', '--json']);
        expect(run.code).toBe(0);
        const rows = JSON.parse(run.stdout) as { rule: string; placementId: string | null; homeId: string | null }[];
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.some((row) => row.rule === 'egenkontroll-atgard')).toBe(false);
        const open = await withServices((services) => services.deadlines.overview('2026-11-22'));
        expect(open.rows.some((row) => row.rule === 'egenkontroll-atgard')).toBe(true);
      });

      it('an unknown round is told in Swedish and nothing is written', async () => {
        const run = await cli(['report', 'egenkontroll', '--round', 'finns-inte', '--db', register.database, '--out', 'x.pdf']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual(['Granskningsomgången finns inte.']);
        expect(fs.existsSync(inDir('x.pdf'))).toBe(false);
      });
    });
  });
}
