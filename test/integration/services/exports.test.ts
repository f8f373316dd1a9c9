/**
 * Exporting a list (issue 16): a job in main over the list's own query and filter, page by page,
 * whose progress reaches its total, which a cancel stops mid-way without a file, which names a
 * protected child only as the list does, which is logged, and which a role that may not read the
 * list may not start. Through the gate, as the window calls it. Fictional homes and children.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';
import { channelAccess } from '../../../main/ipc/permissions';
import { createServices, type Services } from '../../../main/services';
import type { ExportOptions } from '../../../main/services/exports';
import type { ChannelOutput, Result } from '../../../preload/api';
import type { Role } from '../../../main/domain/roles';
import { signInAs } from '../../signed-in';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-exports-');
const D = '2026-11-22';

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Hemlig', municipality: 'Kramfors' },
      { id: 'F2', kind: 'natverkshem', name: 'Familjen Öppen', municipality: 'Sundsvall' },
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', municipality: 'Timrå', capacity: 8 },
    ],
    persons: [
      { id: 'P1', homeId: 'F1', name: 'Anna Hemlig', role: 'uppdragstagare' },
      { id: 'P2', homeId: 'F2', name: 'Bo Öppen', role: 'uppdragstagare' },
    ],
    children: [
      { id: 'C1', name: 'Hemlig Testsson', birthDate: '2013-06-01', protectedIdentity: true },
      { id: 'C2', name: 'Öppen Testsson', birthDate: '2013-06-01' },
      { id: 'C3', name: 'Tredje Testsson', birthDate: '2012-03-15' },
    ],
    placements: [
      { id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-02-01', startedOn: '2026-02-03', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-02-03' }] },
      { id: 'PL2', childId: 'C2', legalBasis: 'LVU2', decidedOn: '2025-02-01', startedOn: '2025-02-03', stays: [{ homeId: 'F2', form: 'natverkshem', from: '2025-02-03' }] },
      { id: 'PL3', childId: 'C3', legalBasis: 'SoL', decidedOn: '2026-05-01', startedOn: '2026-05-02', stays: [{ homeId: 'H1', form: 'hvb', from: '2026-05-02' }] },
    ],
  });
});

type Call = <T>(channel: string, input: unknown) => Promise<Result<T>>;
/** The window's calls through the gate, over services whose exports page and pause as `options` say. */
async function window(role: Role, options: ExportOptions = {}): Promise<{ call: Call; services: Services; userId: string }> {
  const services = createServices(db.connection.db, { clock: db.clock, exports: options });
  const userId = await signInAs(services, role);
  const handlers = createHandlers(services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });
  return { services, userId, call: (channel, input) => dispatch(channel, input, handlers) as never };
}
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

async function exportFile(call: Call, input: unknown): Promise<{ file: ChannelOutput<'exportResult'>; seen: ChannelOutput<'exportProgress'>[]; total: number }> {
  const { jobId, total } = value(await call<ChannelOutput<'startExport'>>('startExport', input));
  const seen: ChannelOutput<'exportProgress'>[] = [];
  for (let i = 0; i < 10_000; i++) {
    const progress = value(await call<ChannelOutput<'exportProgress'>>('exportProgress', { jobId }));
    seen.push(progress);
    if (progress.state !== 'running') break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { file: value(await call<ChannelOutput<'exportResult'>>('exportResult', { jobId })), seen, total };
}

async function readXlsx(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const allText = (ws: ExcelJS.Worksheet) => {
  const cells: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value instanceof Date ? cell.value.toISOString() : cell.value))));
  return cells.join('\n');
};

describe('an export of the bevakningslista', () => {
  it('goes page by page until its progress reaches the total, and gives an xlsx with the list’s rows', async () => {
    const { call, services } = await window('handlaggare', { pageSize: 2 });
    const expected = await services.deadlines.page({ date: D, offset: 0, limit: 500 });
    expect(expected.total).toBeGreaterThan(4);
    const { file, seen, total } = await exportFile(call, { list: 'deadlines', filter: { date: D }, format: 'xlsx' });
    expect(total).toBe(expected.total);
    expect(seen.at(-1)).toEqual({ done: total, total, state: 'finished' });
    // It went a page at a time: the window saw it part of the way.
    expect(seen.some((p) => p.state === 'running' && p.done > 0 && p.done < total)).toBe(true);
    expect(file.fileName).toBe(`Bevakningslista ${D}.xlsx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ws = await readXlsx(file.base64);
    expect(ws.name).toBe('Bevakningslista');
    expect(ws.rowCount).toBe(total + 1);
    expect(ws.getRow(1).values).toContain('Förfaller');
    expect(ws.getCell('B2').value).toBeInstanceOf(Date);
    expect((ws.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe(expected.rows[0]!.dueOn);
    // The job is forgotten once its file is fetched.
    expect(services.exports.size).toBe(0);
  });

  it('names a protected child only as the list does, in xlsx and csv alike', async () => {
    const { call } = await window('handlaggare');
    const xlsx = allText(await readXlsx((await exportFile(call, { list: 'deadlines', filter: { date: D }, format: 'xlsx' })).file.base64));
    const csv = Buffer.from((await exportFile(call, { list: 'placements', filter: { date: D }, format: 'csv' })).file.base64, 'base64').toString('utf8');
    for (const text of [xlsx, csv]) {
      expect(text).not.toContain('Hemlig Testsson');
      expect(text).toContain('Skyddad identitet (f. 2013)');
      expect(text).toContain('Öppen Testsson');
    }
    // The placements' csv: Swedish words, never the codes; where the protected child lives is not said.
    expect(csv.startsWith('\uFEFFBarn;Lagrum;Hem;Boendeform;')).toBe(true);
    expect(csv).toContain('Nätverkshem');
    expect(csv).toContain('LVU 2 §');
    expect(csv).not.toMatch(/;natverkshem;|;LVU2;/);
    expect(csv).not.toContain('Familjen Hemlig');
  });

  it('stops when cancelled mid-way: no file, and the rows it had not come to are never read', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { call, services } = await window('handlaggare', { pageSize: 2, pause: () => held });
    const { jobId, total } = value(await call<ChannelOutput<'startExport'>>('startExport', { list: 'deadlines', filter: { date: D }, format: 'xlsx' }));
    expect(value(await call<ChannelOutput<'exportProgress'>>('exportProgress', { jobId }))).toEqual({ done: 2, total, state: 'running' });
    expect(value(await call<ChannelOutput<'cancelExport'>>('cancelExport', { jobId }))).toEqual({ done: 2, total, state: 'cancelled' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(value(await call<ChannelOutput<'exportProgress'>>('exportProgress', { jobId }))).toEqual({ done: 2, total, state: 'cancelled' });
    const result = await call('exportResult', { jobId });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Exporten avbröts.' } });
    expect(services.exports.size).toBe(0);
  });

  it('is written in the access log: who exported which list, with which filter, how many rows', async () => {
    const { call, userId } = await window('handlaggare');
    const { total } = await exportFile(call, { list: 'deadlines', filter: { date: D, status: 'overdue' }, format: 'csv' });
    const entries = await db.connection.db.selectFrom('accessLog').selectAll().where('action', '=', 'export').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ userId, channel: 'startExport', entity: 'export', entityId: 'deadlines', childId: null });
    expect(JSON.parse(entries[0]!.detail!)).toMatchObject({ format: 'csv', rows: total, filter: { date: D, status: 'overdue' } });
  });

  it('belongs to the user who started it: another user cannot follow, cancel or fetch it', async () => {
    const { call, services } = await window('handlaggare');
    const { jobId } = value(await call<ChannelOutput<'startExport'>>('startExport', { list: 'register', filter: { status: 'all' }, format: 'csv' }));
    await signInAs(services, 'enhetschef');
    for (const channel of ['exportProgress', 'cancelExport', 'exportResult']) {
      expect(await call(channel, { jobId }), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('is refused to a role that may not read the list, and the refusal is logged', async () => {
    const { call } = await window('handlaggare');
    // No list is above a handläggare today: the rule is that of the list's own channel, whatever it is.
    const before = channelAccess.listDeadlinePage;
    channelAccess.listDeadlinePage = 'enhetschef';
    try {
      const refused = await call('startExport', { list: 'deadlines', filter: { date: D }, format: 'xlsx' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Det här får bara en enhetschef göra. Du är inloggad som handläggare.' } });
      // The register, which the role may read, it may still export.
      expect(await call('startExport', { list: 'register', filter: {}, format: 'csv' })).toMatchObject({ ok: true });
    } finally {
      channelAccess.listDeadlinePage = before;
    }
    const logged = await db.connection.db.selectFrom('accessLog').select(['action', 'channel']).where('action', 'in', ['refused', 'export']).orderBy('seq').execute();
    expect(logged).toEqual([
      { action: 'refused', channel: 'startExport' },
      { action: 'export', channel: 'startExport' },
    ]);
  });
});

describe('an export of the register', () => {
  it('has every home the filter finds, with Swedish kinds and places as numbers', async () => {
    const { call } = await window('handlaggare', { pageSize: 1 });
    const { file, total } = await exportFile(call, { list: 'register', filter: { status: 'all' }, format: 'xlsx' });
    expect(total).toBe(3);
    expect(file.fileName).toBe(`Register ${D}.xlsx`);
    const ws = await readXlsx(file.base64);
    expect(ws.getRow(1).values).toEqual([undefined, 'Namn', 'Typ', 'Kommun', 'Huvudman', 'Org.nr', 'Platser', 'Konsulentverksamhet', 'Vuxna i hemmet', 'Status']);
    const solglantan = [2, 3, 4].map((n) => ws.getRow(n)).find((row) => row.getCell(1).value === 'Solgläntans HVB')!;
    expect(solglantan.getCell(2).value).toBe('HVB');
    expect(solglantan.getCell(6).value).toBe(8);
    expect(allText(ws)).toContain('Nätverkshem');
    expect(allText(ws)).not.toMatch(/^(natverkshem|familjehem|hvb)$/m);
  });
});
