/**
 * `placeringskollen report namnd` end to end over a fictional register
 * (test/fixtures/exchange/board.json), read back with pdftotext and pdffonts. The figures expected
 * are counted by hand from the fixture:
 *
 * - A01–A10: familjehem Familjen Lind 2023-12-01 – 2024-09-01, övervägande 2024-05-20 (due
 *   2024-06-01: in time), ended as planned. 2024: 10 ended; 10 of 10 överväganden in time.
 * - B01–B10: Familjen Lind 2024-12-01 – 2025-09-01 (new in 2024, going on at its end), each with a
 *   vårdplan; övervägande due 2025-06-01, five made 2025-05-20 (in time) and five 2025-06-15
 *   (late; the next, due 2025-12-15, falls after the end). Five ended in sammanbrott.
 *   Their genomförandeplan and hälsoundersökning were due 2024-12-31 (30 days): on 2024's last day, not yet late.
 * - H01–H06: Granens HVB (kommunal: no permit needed) from 2025-03-01, going on, each with a
 *   vårdplan, hälsoundersökning asked 2025-03-10 and genomförandeplan 2025-03-20 (in time), and
 *   an övervägande 2025-08-15 (due 2025-09-01: in time); 5 000 kr per dygn.
 *
 * Cost in 2025: the HVB 6 × 306 days (2025-03-01 – 2025-12-31) = 1 836 vårddygn, 9 180 000 kr;
 * the familjehem 10 × 243 days (2025-01-01 – 2025-08-31) = 2 430 vårddygn without a cost.
 *
 * 2025: 6 new (HVB), 10 ended (familjehem), 6 going on; överväganden in time 5 + 6 = 11 of 16
 * (69 %, 2024: 100 %); sammanbrott 5 of 10 (50 %, 2024: 0 of 10).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/board.json', import.meta.url));
const layout = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());

for (const engine of engines) {
  describe(`board report (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-board-', engine);
    const { cli, inDir } = register;

    describe('report namnd', () => {
      it('writes the year beside the year before, with the summary, the indicators and the outcomes counted by hand', async () => {
        const run = await cli(['report', 'namnd', '--db', register.database, '--from', '2025-01-01', '--to', '2025-12-31', '--kommun', 'Timrå', '--out', 'namnd.pdf']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const file = inDir('namnd.pdf');
        expect(lines(run.stdout)).toEqual([`Rapporten är skriven: ${file}`]);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const text = layout(file);
        const all = text.join('\n');
        expect(text).toContain('Nämndrapport: placerade barn och unga');
        expect(text).toContain('Jämförs med 2024-01-01 – 2024-12-31');
        // The summary: shares by how far they moved, then counts.
        expect(text).toContain('Andelen överväganden och omprövningar i tid sjönk från 100 % till 69 %.');
        expect(text).toContain('Andelen sammanbrott bland avslutade placeringar steg från 0 % till 50 %.');
        // Placements by form: new, ended, going on; the year before's new and going on.
        expect(text).toContain('Familjehem (övriga) 0 10 0 10 10');
        expect(text).toContain('HVB 6 0 6 0 0');
        expect(text).toContain('Totalt 6 10 6 10 10');
        // Shares only: their counts side by side could tell of the few between them.
        expect(text).toContain('Överväganden och omprövningar i tid 69 % 100 %');
        // pdftotext sets a right-aligned "0 %" as "0%" at times: the space is optional in the match.
        // In 2024 the ten begun 2024-12-01 were due to have asked by 2024-12-31, the last day: not yet late.
        expect(text).toContain('Hälsoundersökning begärd i tid 100 % inget att räkna');
        expect(text).toContainEqual(expect.stringMatching(/^Familjehem \(övriga\) 10 5 50 % 0 ?%$/));
        expect(text).toContain('HVB 6 1 836 9 180 000 kr 0');
        expect(text).toContain('Familjehem (övriga) 10 2 430 0 kr 2 430');
        expect(text).toContain('Totalt 16 4 266 9 180 000 kr 2 430');
        expect(text).toContain('Granens HVB 6 1 836 9 180 000 kr 0');
        expect(text).toContain('Egna familjehem 10 2 430 0 kr 2 430');
        // No child and no family named, ever: the foster home is not a provider by name.
        for (const hidden of ['Testsson', 'Alma', 'Familjen Lind']) expect(all).not.toContain(hidden);
        expect(all).toMatch(/Sida 1 av \d/);
        // Every font embedded (pdffonts' "emb" column).
        const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) expect(font.split(/\s+/).at(-5)).toBe('yes');
      });

      it('a unit narrows the report to its placements, and small numbers are not shown', async () => {
        // Barn och unga has only the six in the HVB: the familjehem's ten are another unit's.
        const run = await cli(['report', 'namnd', '--db', register.database, '--from', '2025-01-01', '--to', '2025-12-31', '--unit', 'Barn och unga', '--out', 'enhet.pdf']);
        expect(run.code).toBe(0);
        const text = layout(inDir('enhet.pdf'));
        expect(text).toContain('Enhet Barn och unga');
        expect(text).toContain('Totalt 6 0 6 0 0');
        // 6 of 6 överväganden in time in 2025; none the year before.
        expect(text).toContain('Överväganden och omprövningar i tid 100 % inget att räkna');
      });

      it('needs the period, refuses one that ends before it starts, and writes nothing', async () => {
        const none = await cli(['report', 'namnd', '--db', register.database, '--out', 'x.pdf']);
        expect(none.code).toBe(2);
        expect(lines(none.stderr)).toEqual(['ange perioden med --from och --to (rapporten gäller en period, oftast ett år)']);
        const reversed = await cli(['report', 'namnd', '--db', register.database, '--from', '2025-12-31', '--to', '2025-01-01', '--out', 'x.pdf']);
        expect(reversed.code).toBe(2);
        expect(reversed.stderr).toContain('Perioden slutar (2025-01-01) innan den börjar (2025-12-31).');
        expect(fs.existsSync(inDir('x.pdf'))).toBe(false);
      });
    });
  });
}
