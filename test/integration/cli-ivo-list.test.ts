/**
 * `placeringskollen report ivo-forteckning` end to end over a fictional register
 * (test/fixtures/exchange/ivo-list.json): the children in familjehem, jourhem and nätverkshem
 * during 2025, a protected child by initials and birth year only, and the notification of more
 * than three children. The rows expected are worked out by hand from the fixture's stays.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/ivo-list.json', import.meta.url));
const layout = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());

for (const engine of engines) {
  describe(`IVO lists (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-ivo-', engine);
    const { cli, inDir } = register;

    describe('report ivo-forteckning', () => {
      it('lists the year\'s children in familjehem per home with their days, the protected child by initials and birth year, and the notification', async () => {
        const run = await cli(['report', 'ivo-forteckning', '--db', register.database, '--from', '2025-01-01', '--to', '2025-12-31', '--kommun', 'Timrå', '--out', 'ivo.pdf']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const file = inDir('ivo.pdf');
        expect(lines(run.stdout)).toEqual([`Rapporten är skriven: ${file}`]);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const text = layout(file);
        // Tilda: the jourhem until 2025-01-31 (from the year's start), then the familjehem to the year's end.
        expect(text).toContain('Tilda Testsson 20120304-9802 Familjen Lind Timrå Familjehem 2025-02-01 – 2025-12-31');
        expect(text).toContain('Tilda Testsson 20120304-9802 Jourhemmet Eken Sundsvall Jourhem 2025-01-01 – 2025-01-31');
        expect(text).toContain('Å. S. född 2007 Skyddad uppgift – Familjehem 2025-03-01 – 2025-06-30');
        expect(text).toContain('2025-05-02 Familjen Lind');
        const all = text.join('\n');
        for (const hidden of ['Åke', 'Skyddsson', '20070115', 'Cecilia', 'Granens']) expect(all).not.toContain(hidden);
        expect(all).toContain('Sida 1 av 1');
      });

      it('a unit narrows the list to its placements', async () => {
        const run = await cli(['report', 'ivo-forteckning', '--db', register.database, '--from', '2025-01-01', '--to', '2025-12-31', '--unit', 'Familjehemsenheten', '--out', 'enhet.pdf']);
        expect(run.code).toBe(0);
        const all = layout(inDir('enhet.pdf')).join('\n');
        expect(all).toContain('Å. S.');
        expect(all).not.toContain('Tilda');
      });

      it('needs the period, refuses one that ends before it starts, and writes nothing', async () => {
        const none = await cli(['report', 'ivo-forteckning', '--db', register.database, '--out', 'x.pdf']);
        expect(none.code).toBe(2);
        expect(lines(none.stderr)).toEqual(['ange perioden med --from och --to (förteckningen gäller en period, oftast ett år)']);
        const reversed = await cli(['report', 'ivo-forteckning', '--db', register.database, '--from', '2025-12-31', '--to', '2025-01-01', '--out', 'x.pdf']);
        expect(reversed.code).toBe(2);
        expect(reversed.stderr).toContain('Perioden slutar (2025-01-01) innan den börjar (2025-12-31).');
        expect(fs.existsSync(inDir('x.pdf'))).toBe(false);
      });
    });

    describe('report vardgivare', () => {
      it('writes a home\'s history: its placements by age and dates, never by name, and its notifications', async () => {
        const run = await cli(['report', 'vardgivare', '--home', 'F1', '--date', '2025-12-31', '--db', register.database, '--out', 'hem.pdf']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const text = layout(inDir('hem.pdf'));
        const all = text.join('\n');
        expect(text[0]).toContain('Vårdgivarhistorik: Familjen Lind');
        expect(all).toContain('2 placeringar, varav 1 pågår och 0 slutade i sammanbrott.');
        // Tilda from 2025-02-01, 12 years old then (born 2012-03-04); Åke (protected) 2025-03-01 – 2025-07-01, 18.
        expect(text).toContain('2025-02-01 – 333 12 år SoL Familjehem Pågår');
        expect(text).toContain('2025-03-01 2025-07-01 122 18 år LVU 2 § Familjehem Planerad');
        // The quality index as the history page (and `quality`) shows it: on the day, and a year
        // before, when no child had lived there yet.
        expect(text).toContain('Index 100 (A)');
        expect(text).toContain('Säkerhet låg');
        expect(text).toContain('Ett år tidigare (2024-12-31) inget index (för lite underlag)');
        for (const hidden of ['Tilda', 'Testsson', 'Åke', 'Skyddsson', '9802', '9824']) expect(all).not.toContain(hidden);
        expect(all).toContain('Sida 1 av');
      });

      it('needs the home, and says so plainly when there is no such home', async () => {
        const run = await cli(['report', 'vardgivare', '--db', register.database, '--out', 'y.pdf']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual(['ange hemmet med --home <id> (rapporten vardgivare gäller ett hem)']);
        const unknown = await cli(['report', 'vardgivare', '--home', 'H9', '--db', register.database, '--out', 'y.pdf']);
        expect(unknown.code).toBe(2);
        expect(lines(unknown.stderr)).toEqual(['Hemmet finns inte.']);
        expect(fs.existsSync(inDir('y.pdf'))).toBe(false);
      });
    });
  });
}
