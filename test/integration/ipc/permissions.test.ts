/**
 * Roles limit what can be done, decided in main (permissions.ts) and enforced by the gate before
 * any service runs: for every channel of the contract and every role, the call either reaches its
 * handler or is refused with a Swedish message and logged. A channel added without a rule does not
 * compile (the table is a Record of every channel), and this test then covers it by itself.
 */
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../preload/api';
import { roleAllows, roles, type Role } from '../../../main/domain/roles';
import { dispatch } from '../../../main/ipc/dispatch';
import { guard } from '../../../main/ipc/gate';
import { createHandlers } from '../../../main/ipc/handlers';
import { channelAccess } from '../../../main/ipc/permissions';
import { signInAs } from '../../signed-in';
import { fakeHandlers, validInputs } from '../../unit/ipc/fixtures';
import { useServiceDatabase } from '../services/harness';

const db = useServiceDatabase('pk-permissions-');

const refusals = async () =>
  (await db.connection.db.selectFrom('accessLog').select(['action', 'channel', 'userId']).where('action', '=', 'refused').execute()).map((e) => e.channel);

describe('the role each channel needs', () => {
  it('written out for the channels that matter most, as the roles are described', () => {
    const needs = (channel: Channel) => channelAccess[channel];
    expect(needs('getSession')).toBe('signed-out');
    expect(needs('savePlacement')).toBe('handlaggare');
    expect(needs('recordRegisterCheck')).toBe('handlaggare');
    expect(needs('removePlacement')).toBe('enhetschef');
    expect(needs('removeChild')).toBe('enhetschef');
    expect(needs('listAccessLog')).toBe('enhetschef');
    expect(needs('verifyAccessLog')).toBe('enhetschef');
    expect(needs('saveUser')).toBe('administrator');
    expect(needs('saveRuleSettings')).toBe('administrator');
    expect(Object.keys(channelAccess).sort()).toEqual([...channels].sort());
  });

  it.each(roles)('a %s reaches exactly the channels of its role; every other call is refused and logged', async (role: Role) => {
    const userId = await signInAs(db.services, role);
    const handlers = guard(fakeHandlers(), db.services);
    const refused: Channel[] = [];
    for (const channel of channels) {
      const result = await dispatch(channel, validInputs[channel], handlers);
      const needed = channelAccess[channel];
      if (needed === 'signed-out' || roleAllows(role, needed)) {
        expect(result, channel).toEqual({ ok: true, value: { channel } });
      } else {
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Det här får bara en (enhetschef|administratör) göra\. Du är inloggad som /) } });
        refused.push(channel);
      }
    }
    expect(await refusals()).toEqual(refused);
    expect(refused.length > 0).toBe(role !== 'administrator');
    const logged = await db.connection.db.selectFrom('accessLog').select('userId').where('action', '=', 'refused').execute();
    expect(logged.every((e) => e.userId === userId)).toBe(true);
  });

  it('nobody signed in reaches only the sign-in page\'s channels', async () => {
    const handlers = guard(fakeHandlers(), db.services);
    for (const channel of channels) {
      const result = await dispatch(channel, validInputs[channel], handlers);
      if (channelAccess[channel] === 'signed-out') expect(result, channel).toEqual({ ok: true, value: { channel } });
      else expect(result, channel).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Välj vem du är innan du fortsätter.' } });
    }
  });

  it('an inactive user is signed out at once and cannot sign in again', async () => {
    const admin = await signInAs(db.services, 'administrator');
    const hanna = await db.services.users.insert({ name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: [], active: true, pin: null });
    const { user: signedIn } = await db.services.users.signIn({ userId: hanna });
    await db.services.users.signIn({ userId: admin });
    await db.services.users.save({ id: hanna, name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: [], active: false, rowVersion: signedIn!.rowVersion });
    await expect(db.services.users.signIn({ userId: hanna })).rejects.toThrow('Hanna Handläggarsson är inte längre aktiv och kan inte logga in.');
    await expect(db.services.users.signIn({ userId: 'nobody' })).rejects.toThrow('Användaren finns inte. Välj någon i listan.');
  });
});

describe('reads of a child\'s file are logged', () => {
  it('opening a placement logs a read of that child\'s file; showing the protected identity logs a reveal', async () => {
    await db.services.demo.load('2026-11-22');
    const userId = await signInAs(db.services, 'handlaggare');
    const handlers = createHandlers(db.services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });
    const placement = (await db.services.placementViews.list({ date: '2026-11-22', activeOnly: true }))[0]!;
    const opened = await dispatch('getPlacement', { id: placement.id, date: '2026-11-22' }, handlers);
    expect(opened.ok).toBe(true);
    // A reveal without a reason is refused before anything is read or logged.
    expect(await dispatch('getPlacement', { id: placement.id, date: '2026-11-22', reveal: true }, handlers)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: '/reason', message: 'Ange varför du behöver se de skyddade uppgifterna.' }] },
    });
    await dispatch('getPlacement', { id: placement.id, date: '2026-11-22', reveal: true, reason: 'Samtal med familjehemmet.' }, handlers);
    const reads = await db.connection.db
      .selectFrom('accessLog')
      .select(['action', 'channel', 'userId', 'entity', 'entityId', 'childId', 'detail'])
      .where('action', 'in', ['read', 'reveal'])
      .execute();
    expect(reads).toEqual([
      { action: 'read', channel: 'getPlacement', userId, entity: 'placements', entityId: placement.id, childId: placement.childId, detail: null },
      {
        action: 'reveal', channel: 'getPlacement', userId, entity: 'placements', entityId: placement.id, childId: placement.childId,
        detail: JSON.stringify({ reason: 'Samtal med familjehemmet.' }),
      },
    ]);
    expect((await db.services.users.verifyAccessLog()).intact).toBe(true);
  });
});

describe('an audited file is the child\'s file: opening it is logged as a read', () => {
  it('names the placement, the child, the round and the Akt; the round page itself reads no file', async () => {
    await db.services.demo.load('2026-11-22');
    await signInAs(db.services, 'enhetschef');
    const round = await db.services.audits.createRound({
      name: 'Våren 2026', from: '2026-01-01', to: '2026-06-30', unit: null, form: null, legalBasis: null, caseworker: null,
      size: { kind: 'count', value: 2 }, exclusionMonths: 12, seed: 'logg', recordedBy: 'Elin Enhetschefsson',
    });
    const userId = await signInAs(db.services, 'handlaggare');
    const handlers = createHandlers(db.services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });
    expect((await dispatch('getAuditRound', { id: round.id }, handlers)).ok).toBe(true);
    expect((await dispatch('getAuditFile', { roundId: round.id, ordinal: 2 }, handlers)).ok).toBe(true);
    const file = round.files[1]!;
    const childId = (await db.connection.db.selectFrom('placements').select('childId').where('id', '=', file.placementId).executeTakeFirstOrThrow()).childId;
    const reads = await db.connection.db.selectFrom('accessLog').select(['action', 'channel', 'userId', 'entity', 'entityId', 'childId', 'detail']).where('action', '=', 'read').execute();
    expect(reads).toEqual([
      { action: 'read', channel: 'getAuditFile', userId, entity: 'placements', entityId: file.placementId, childId, detail: JSON.stringify({ auditRound: round.id, file: 'Akt 2' }) },
    ]);
  });
});

describe('a search in the notes is logged with what was searched for', () => {
  it('the query and the number of hits; an empty query (the filters loading) is not a search', async () => {
    const userId = await signInAs(db.services, 'handlaggare');
    const handlers = createHandlers(db.services, { host: 'browser', databasePath: db.file, encrypted: false, version: 'test' });
    await dispatch('searchNotes', { query: '' }, handlers);
    await dispatch('searchNotes', { query: 'skolan' }, handlers);
    const searches = await db.connection.db.selectFrom('accessLog').select(['action', 'channel', 'userId', 'entity', 'detail']).where('action', '=', 'search').execute();
    expect(searches).toEqual([{ action: 'search', channel: 'searchNotes', userId, entity: 'notes', detail: JSON.stringify({ query: 'skolan', hits: 0 }) }]);
    expect((await db.services.users.verifyAccessLog()).intact).toBe(true);
  });
});

describe('who recorded, changed or removed something is who is signed in', () => {
  it.each([
    ['recordRegisterCheck', 'recordedBy'],
    ['removeRegisterCheck', 'removedBy'],
    ['removePlacement', 'removedBy'],
    ['saveRuleSettings', 'changedBy'],
  ] as const)('%s is signed with the user\'s name, whatever the window sends as %s', async (channel, field) => {
    await signInAs(db.services, 'administrator');
    const seen: unknown[] = [];
    const echo = { ...fakeHandlers(), [channel]: async (input: unknown) => (seen.push(input), { channel }) };
    const sent = { ...(validInputs[channel] as Record<string, unknown>), [field]: 'Någon Annan' };
    expect(await dispatch(channel, sent, guard(echo, db.services))).toEqual({ ok: true, value: { channel } });
    expect(seen).toEqual([expect.objectContaining({ [field]: 'Ada Administratörsson' })]);
  });
});
