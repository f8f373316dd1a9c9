/**
 * Two people edit the same record (issue 18): the second save is refused with who saved first and
 * when, and nothing is silently overwritten. Two programs on one register file, each with its own
 * signed-in user, call through the gate as their windows do; the saved record is read back after
 * every refusal to show it is the first person's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { dispatch } from '../../../main/ipc/dispatch';
import { guard } from '../../../main/ipc/gate';
import { createHandlers } from '../../../main/ipc/handlers';
import { createServices, type Services } from '../../../main/services';
import type { ApiError, Channel, Home, Placement, RegisterCheck, User } from '../../../preload/api';
import { testClock, type TestClock } from '../../clock';
import { saveInputOf } from '../../home-input';
import { signInAs } from '../../signed-in';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-row-versions-');

type Call = (channel: Channel, input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }>;

/** A window: its services on its own connection, a user signed in, calls through the gate. */
function windowOf(services: Services): Call {
  const handlers = guard(createHandlers(services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' }), services);
  return (channel, input) => dispatch(channel, input, handlers) as ReturnType<Call>;
}

async function value<T>(answer: ReturnType<Call>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(answer: ReturnType<Call>): Promise<ApiError> {
  const result = await answer;
  if (result.ok) throw new Error('The call was not refused');
  return result.error;
}

let other: Connection;
let otherClock: TestClock;
let hanna: Call;
let elin: Call;

beforeEach(async () => {
  await db.services.exchange.importFile({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [
      { id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Sundsvall' },
      { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
    ],
    persons: [{ id: 'P1', homeId: 'F1', name: 'Anna Björk', role: 'uppdragstagare', birthYear: 1980 }],
  });
  await signInAs(db.services, 'handlaggare');
  hanna = windowOf(db.services);
  other = await openDatabase(db.file);
  otherClock = testClock('2026-11-22T09:30:00.000Z');
  const otherServices = createServices(other.db, { clock: otherClock });
  await signInAs(otherServices, 'enhetschef');
  elin = windowOf(otherServices);
});

afterEach(async () => {
  await other.close();
});

describe('a home edited by two people at once', () => {
  it('refuses the second save with who saved first and when, and keeps the first', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    const alsoRead = await value<Home>(elin('getHome', { id: 'F1' }));
    expect(read.rowVersion).toBe(alsoRead.rowVersion);

    const first = await value<Home>(elin('saveHome', { ...saveInputOf(alsoRead), capacity: 2 }));
    expect(first.rowVersion).toBe(read.rowVersion + 1);

    const error = await refusal(hanna('saveHome', { ...saveInputOf(read), agency: 'Konsulentstöd Exempel AB' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.changed).toEqual({ by: 'Elin Enhetschefsson', at: '2026-11-22T09:30:00.000Z' });
    expect(error.message).toMatch(/^Elin Enhetschefsson sparade hemmet 22 november 2026 kl\. \d\d:30 medan du redigerade\. Inget har skrivits över\.$/);

    const stored = await value<Home>(hanna('getHome', { id: 'F1' }));
    expect({ capacity: stored.capacity, agency: stored.agency, rowVersion: stored.rowVersion }).toEqual({ capacity: 2, agency: null, rowVersion: first.rowVersion });
  });

  it('saves over the other version only when asked with it, after seeing it', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    const first = await value<Home>(elin('saveHome', { ...saveInputOf(read), capacity: 2 }));
    await refusal(hanna('saveHome', { ...saveInputOf(read), capacity: 3 }));
    const chosen = await value<Home>(hanna('saveHome', { ...saveInputOf(first), capacity: 3 }));
    expect({ capacity: chosen.capacity, rowVersion: chosen.rowVersion }).toEqual({ capacity: 3, rowVersion: first.rowVersion + 1 });
  });

  it('covers the household: a member added by one refuses the other’s save of the home', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    await value<Home>(elin('saveHome', { ...saveInputOf(read), persons: [...saveInputOf(read).persons, { name: 'Bo Björk', role: 'annan-vuxen', birthYear: 1978 }] }));
    expect((await refusal(hanna('saveHome', { ...saveInputOf(read), persons: [] }))).code).toBe('CONFLICT');
    expect((await value<Home>(hanna('getHome', { id: 'F1' }))).persons.map((p) => p.name).sort()).toEqual(['Anna Björk', 'Bo Björk']);
  });

  it('deactivating names the version too', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'H1' }));
    await value<Home>(elin('saveHome', { ...saveInputOf(read), capacity: 9 }));
    const error = await refusal(hanna('setHomeActive', { id: 'H1', active: false, rowVersion: read.rowVersion }));
    expect(error.changed?.by).toBe('Elin Enhetschefsson');
    expect((await value<Home>(hanna('getHome', { id: 'H1' }))).active).toBe(true);
  });

  it('an edit without the version it was made from is refused at the border', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    const { rowVersion: _rowVersion, ...unversioned } = saveInputOf(read);
    const error = await refusal(hanna('saveHome', unversioned));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '/rowVersion' }] });
  });

  it('an import that changes the home (the command line’s) refuses a form opened before it, saying when', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    otherClock.set('2026-11-22T10:15:00.000Z');
    const commandLine = createServices(other.db, { clock: otherClock });
    await commandLine.exchange.importFile({ format: 'placeringskollen-exchange', version: 1, homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek-Björk', municipality: 'Sundsvall' }] });
    const error = await refusal(hanna('saveHome', { ...saveInputOf(read), capacity: 2 }));
    expect(error.changed).toEqual({ by: null, at: '2026-11-22T10:15:00.000Z' });
    expect(error.message).toMatch(/^Någon annan sparade hemmet 22 november 2026 kl\. \d\d:15 medan du redigerade\./);
  });

  it('an import that changes only the household refuses a form opened before it: the home’s version covers its members', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'F1' }));
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      persons: [
        { id: 'P1', homeId: 'F1', name: 'Anna Björk-Ek', role: 'uppdragstagare', birthYear: 1980 },
        { id: 'P2', homeId: 'F1', name: 'Bo Björk', role: 'annan-vuxen', birthYear: 1978 },
      ],
    });
    expect((await refusal(hanna('saveHome', { ...saveInputOf(read), capacity: 2 }))).code).toBe('CONFLICT');
    expect((await value<Home>(hanna('getHome', { id: 'F1' }))).persons.map((p) => p.name).sort()).toEqual(['Anna Björk-Ek', 'Bo Björk']);
  });

  it('an import of the home as stored changes no version', async () => {
    const read = await value<Home>(hanna('getHome', { id: 'H1' }));
    await db.services.exchange.importFile({ format: 'placeringskollen-exchange', version: 1, homes: [{ id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' }] });
    expect((await value<Home>(hanna('saveHome', { ...saveInputOf(read), capacity: 4 }))).capacity).toBe(4);
  });
});

describe('placements, children, checks and users edited by two people at once', () => {
  const placementInput = (p: Placement) => ({
    id: p.id,
    rowVersion: p.rowVersion,
    childId: p.childId,
    legalBasis: p.legalBasis,
    decidedOn: p.decidedOn,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    endReason: p.endReason,
    caseworker: p.caseworker,
    unit: p.unit,
    dailyCost: p.dailyCost,
    stays: p.stays.map((s) => ({ homeId: s.homeId, from: s.from, to: s.to, decidedOn: s.decidedOn, investigationCompletedOn: s.investigationCompletedOn })),
  });

  async function newPlacement(): Promise<Placement> {
    return value<Placement>(
      hanna('savePlacement', {
        newChild: { name: 'Tolvan T.', birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false },
        legalBasis: 'SoL',
        decidedOn: '2026-03-01',
        startedOn: '2026-03-02',
        endedOn: null,
        endReason: null,
        caseworker: 'Hanna Handläggarsson',
        unit: 'Barn och unga',
        stays: [{ homeId: 'F1', from: '2026-03-02', to: null, decidedOn: null, investigationCompletedOn: null }],
      }),
    );
  }

  it('a placement: the second save is refused, and an omplacering by the first counts as a save', async () => {
    const read = await newPlacement();
    expect(read.rowVersion).toBe(1);
    await value<Placement>(elin('movePlacement', { id: read.id, on: '2026-06-01', homeId: 'H1', decidedOn: '2026-05-28', investigationCompletedOn: null }));
    const error = await refusal(hanna('savePlacement', { ...placementInput(read), caseworker: 'Någon annan' }));
    expect(error.changed?.by).toBe('Elin Enhetschefsson');
    const stored = await value<{ placement: Placement }>(hanna('getPlacement', { id: read.id, date: '2026-11-22' }));
    expect(stored.placement.stays.map((s) => s.homeId)).toEqual(['F1', 'H1']);
    expect(stored.placement.caseworker).toBe('Hanna Handläggarsson');
  });

  it('an import that changes only a placement’s stays refuses a form opened before it', async () => {
    const read = await newPlacement();
    const exported = await db.services.exchange.exportAll();
    const placement = exported.placements.find((p) => p.id === read.id)!;
    await db.services.exchange.importFile({
      format: 'placeringskollen-exchange',
      version: 1,
      placements: [{ ...placement, stays: [{ ...placement.stays[0]!, to: '2026-06-01' }, { homeId: 'H1', form: 'hvb', from: '2026-06-01' }] }],
    });
    expect((await refusal(hanna('savePlacement', { ...placementInput(read), unit: 'Familjehemsenheten' }))).code).toBe('CONFLICT');
  });

  it('a child: the second save is refused', async () => {
    const placement = await newPlacement();
    const child = await value<{ rowVersion: number }>(hanna('getChild', { id: placement.childId }));
    const base = { id: placement.childId, rowVersion: child.rowVersion, birthDate: '2012-12-12', personnummer: '20121212-1212', protectedIdentity: false };
    await value(elin('saveChild', { ...base, name: 'Tolvan Tolvansson' }));
    expect((await refusal(hanna('saveChild', { ...base, name: 'T. T.' }))).code).toBe('CONFLICT');
    expect(await value<{ name: string }>(hanna('getChild', { id: placement.childId }))).toMatchObject({ name: 'Tolvan Tolvansson' });
  });

  it('a register check: a correction or a removal from an older version is refused', async () => {
    const check = await value<RegisterCheck>(
      hanna('recordRegisterCheck', { personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-11-01', outcome: 'utan-anmarkning', reference: null, permit: null, recordedBy: 'x' }),
    );
    const correction = { id: check.id, rowVersion: check.rowVersion, personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-11-01', reference: null, permit: null, recordedBy: 'x' };
    await value(elin('correctRegisterCheck', { ...correction, outcome: 'med-anmarkning', reason: 'Fel utfall registrerades.' }));
    expect((await refusal(hanna('correctRegisterCheck', { ...correction, checkedOn: '2026-11-02', outcome: 'utan-anmarkning', reason: 'Fel datum.' }))).code).toBe('CONFLICT');
    expect((await refusal(hanna('removeRegisterCheck', { id: check.id, rowVersion: check.rowVersion, reason: 'Ångra', removedBy: 'x' }))).code).toBe('CONFLICT');
    const stored = await value<{ checks: RegisterCheck[] }>(hanna('getHomeChecks', { homeId: 'F1', date: '2026-11-22' }));
    expect(JSON.stringify(stored)).toContain('med-anmarkning');
  });

  it('a user: a save from the version before the last is refused', async () => {
    await signInAs(db.services, 'administrator');
    const elinUser = (await value<User[]>(hanna('listUsers', {}))).find((u) => u.name === 'Elin Enhetschefsson')!;
    const save = (initials: string) =>
      hanna('saveUser', { id: elinUser.id, rowVersion: elinUser.rowVersion, name: elinUser.name, initials, role: elinUser.role, units: elinUser.units, active: true });
    expect((await value<User>(save('EE'))).rowVersion).toBe(elinUser.rowVersion + 1);
    const error = await refusal(save('EL'));
    expect(error.changed?.by).toBe('Ada Administratörsson');
    expect((await value<User[]>(hanna('listUsers', {}))).find((u) => u.id === elinUser.id)?.initials).toBe('EE');
  });
});
