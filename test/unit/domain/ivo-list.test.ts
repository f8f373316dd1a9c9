/**
 * Förteckningen till IVO: every child who stayed in a familjehem, jourhem or nätverkshem during
 * the year, per home, with the days there; a protected child by initials and birth year only.
 * The expected rows are worked out by hand from the stays beside them.
 */
import { describe, expect, it } from 'vitest';
import { initials, ivoList, ivoNotifications } from '../../../main/domain/ivo-list';

const children = [
  { id: 'C1', name: 'Tilda Testsson', personnummer: '20120111-1232', birthDate: '2012-01-11', protectedIdentity: false },
  { id: 'C2', name: 'Åke Öst-Provsson', personnummer: null, birthDate: '2013-05-05', protectedIdentity: true },
  { id: 'C3', name: 'Bo Borttagen', personnummer: null, birthDate: '2014-02-02', protectedIdentity: false },
  { id: 'C4', name: 'Cecilia Hvbsson', personnummer: null, birthDate: '2010-03-03', protectedIdentity: false },
];
const homes = [
  { id: 'F1', name: 'Familjen Lind', municipality: 'Timrå' },
  { id: 'J1', name: 'Jourhemmet Eken', municipality: 'Sundsvall' },
  { id: 'H1', name: 'Granens HVB', municipality: 'Sundsvall' },
];
const YEAR = ['2025-01-01', '2025-12-31'] as const;

describe('the children in familjehem during the year', () => {
  const rows = ivoList(
    {
      children,
      homes,
      stays: [
        // Tilda: jourhem from 2024-11-01 to 2025-02-01 (last day 2025-01-31), then familjehem from 2025-02-01, going on.
        { childId: 'C1', homeId: 'J1', form: 'jourhem', from: '2024-11-01', to: '2025-02-01' },
        { childId: 'C1', homeId: 'F1', form: 'familjehem', from: '2025-02-01', to: null },
        // Åke (protected): familjehem the whole spring.
        { childId: 'C2', homeId: 'F1', form: 'familjehem', from: '2025-03-01', to: '2025-07-01' },
        // Bo left his familjehem on 2025-01-01: his last day there was 2024-12-31, not in the year.
        { childId: 'C3', homeId: 'F1', form: 'familjehem', from: '2024-06-01', to: '2025-01-01' },
        // Cecilia was only in an HVB: not a familjehem.
        { childId: 'C4', homeId: 'H1', form: 'hvb', from: '2025-01-01', to: null },
      ],
    },
    ...YEAR,
  );

  it('lists each child per home with the days there, clipped to the year, in Swedish order', () => {
    expect(rows).toEqual([
      { child: 'Tilda Testsson', identity: '20120111-1232', home: 'Familjen Lind', municipality: 'Timrå', form: 'Familjehem', periods: [{ first: '2025-02-01', last: '2025-12-31' }] },
      { child: 'Tilda Testsson', identity: '20120111-1232', home: 'Jourhemmet Eken', municipality: 'Sundsvall', form: 'Jourhem', periods: [{ first: '2025-01-01', last: '2025-01-31' }] },
      { child: 'Å. Ö. P.', identity: 'född 2013', home: 'Skyddad uppgift', municipality: null, form: 'Familjehem', periods: [{ first: '2025-03-01', last: '2025-06-30' }] },
    ]);
  });

  it('a protected child is initials and birth year only: no name, no personnummer, no home', () => {
    const protectedRow = JSON.stringify(rows.find((r) => r.identity === 'född 2013'));
    for (const word of ['Åke', 'Provsson', 'Familjen Lind', 'Timrå', '2013-05-05']) expect(protectedRow).not.toContain(word);
  });

  it('two stays in one home that follow each other are one period; a gap makes two', () => {
    const twice = ivoList(
      {
        children,
        homes,
        stays: [
          { childId: 'C1', homeId: 'F1', form: 'familjehem', from: '2025-01-10', to: '2025-03-01' },
          { childId: 'C1', homeId: 'F1', form: 'familjehem', from: '2025-03-01', to: '2025-04-01' },
          { childId: 'C1', homeId: 'F1', form: 'familjehem', from: '2025-09-01', to: '2025-10-01' },
        ],
      },
      ...YEAR,
    );
    expect(twice[0]!.periods).toEqual([
      { first: '2025-01-10', last: '2025-03-31' },
      { first: '2025-09-01', last: '2025-09-30' },
    ]);
  });
});

describe('initials and the notifications of more than three children', () => {
  it('initials of every part of a name, a hyphen too', () => {
    expect(initials('Tilda Testsson')).toBe('T. T.');
    expect(initials('åsa von öst-berg')).toBe('Å. V. Ö. B.');
    expect(initials(null)).toBe('Namn saknas');
  });

  it('the notifications made during the year, oldest first, by the home\'s name', () => {
    const events = [
      { homeId: 'F1', date: '2025-05-02' },
      { homeId: 'J1', date: '2025-02-10' },
      { homeId: 'F1', date: '2024-12-30' },
    ];
    expect(ivoNotifications(events, homes, ...YEAR)).toEqual([
      { date: '2025-02-10', home: 'Jourhemmet Eken' },
      { date: '2025-05-02', home: 'Familjen Lind' },
    ]);
  });
});
