import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../../time-zone';
import { accessLogActions, channels, type AccessLogRow } from '../../../preload/api';
import { actionLabel, actionLabels, channelLabel, csvField, CSV_HEADER, logCsv, logTime, whatText } from '../../../renderer/src/log/logText';

const row = (change: Partial<AccessLogRow> = {}): AccessLogRow => ({
  seq: 7,
  at: '2026-11-22T09:15:30.000Z',
  userId: 'u-1',
  userName: 'Ulla Provanvändare',
  action: 'read',
  channel: 'getPlacement',
  entity: 'placements',
  entityId: 'EXEMPEL-P01',
  childId: 'EXEMPEL-B01',
  homeId: null,
  detail: null,
  ...change,
});

describe('the Logg page in Swedish', () => {
  useTimeZone('Europe/Stockholm');

  it('has a Swedish label for every action of the contract', () => {
    expect(Object.keys(actionLabels).sort()).toEqual([...accessLogActions].sort());
    expect(actionLabel('reveal')).toBe('Visat skyddad identitet');
    expect(actionLabel('something-new')).toBe('something-new');
  });

  it('says what an entry is about, and nothing for a refused call', () => {
    expect(whatText(row())).toBe('Placering EXEMPEL-P01');
    expect(whatText(row({ entity: 'register_checks', entityId: 'x' }))).toBe('Registerkontroll x');
    expect(whatText(row({ entity: null, entityId: null }))).toBe('');
  });

  it('shows the time in local Swedish form, also across midnight UTC', () => {
    expect(logTime('2026-11-22T09:15:30.000Z')).toBe('2026-11-22 10:15');
    expect(logTime('2026-06-30T22:30:00.000Z')).toBe('2026-07-01 00:30');
  });

  it('quotes what needs quoting and disarms what a spreadsheet would run', () => {
    expect(csvField('vanlig')).toBe('vanlig');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('writes a CSV for Excel: BOM, Swedish header, semicolons, CRLF', () => {
    const text = logCsv([row(), row({ seq: 6, action: 'update', detail: '{"before":{"a":1},"after":{"a":2}}' })]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
    expect(lines[1]).toBe('7;2026-11-22 10:15:30;Ulla Provanvändare;u-1;Läst;Placering EXEMPEL-P01;EXEMPEL-B01;Placeringens sida;');
    expect(lines[2]).toBe('6;2026-11-22 10:15:30;Ulla Provanvändare;u-1;Ändrat;Placering EXEMPEL-P01;EXEMPEL-B01;Placeringens sida;"{""before"":{""a"":1},""after"":{""a"":2}}"');
    expect(lines[3]).toBe('');
  });
});

describe('where in the program an entry was made', () => {
  it('is said in Swedish, never as a channel name, for every channel of the contract', () => {
    for (const channel of channels) {
      const label = channelLabel(channel);
      expect(label, channel).not.toBe('Annan del av programmet');
      expect(label, channel).not.toMatch(/[a-z][A-Z]/);
    }
    expect(channelLabel(null)).toBe('Utanför programmet');
    expect(channelLabel('cli:import')).toBe('Inläsning från kommandoraden');
    expect(channelLabel('someFutureChannel')).toBe('Annan del av programmet');
  });
});
