/**
 * Who is working (main/services/users): the first administratör only while the register has no
 * users, never a register without an active administratör, the PIN, and the computer account that
 * offers its user first. Fictional names.
 */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-users-');
const ada = { name: 'Ada Administratörsson', initials: 'AA', units: ['Barn och unga'] };

describe('users and signing in', () => {
  it('the first administratör is made only while there is no user, and is signed in at once', async () => {
    const session = await db.services.users.createFirstAdministrator(ada);
    expect(session.user).toMatchObject({ name: 'Ada Administratörsson', role: 'administrator', active: true, hasPin: false });
    expect(session.firstStart).toBe(false);
    await expect(db.services.users.createFirstAdministrator({ ...ada, name: 'Bo Bråttom' })).rejects.toThrow(
      'Det finns redan användare. Be en administratör lägga till dig.',
    );
    expect((await db.services.users.list()).map((u) => u.name)).toEqual(['Ada Administratörsson']);
  });

  it('never leaves the register without an active administratör, and writes nothing when refusing', async () => {
    const { user } = await db.services.users.createFirstAdministrator(ada);
    const demoted = { ...ada, id: user!.id, rowVersion: user!.rowVersion, role: 'handlaggare' as const, active: true };
    await expect(db.services.users.save(demoted)).rejects.toThrow('Det måste finnas minst en aktiv administratör.');
    await expect(db.services.users.save({ ...demoted, role: 'administrator', active: false })).rejects.toThrow('Det måste finnas minst en aktiv administratör.');
    expect((await db.services.users.list())[0]).toMatchObject({ role: 'administrator', active: true, rowVersion: user!.rowVersion });
    // With a second administratör, the first may step down.
    await db.services.users.save({ name: 'Eva Ersättare', initials: 'EE', role: 'administrator', units: [], active: true });
    expect((await db.services.users.save(demoted)).role).toBe('handlaggare');
  });

  it('a PIN is asked for and checked; a wrong one is refused and logged, the right one signs in', async () => {
    await db.services.users.createFirstAdministrator(ada);
    const hanna = await db.services.users.insert({ name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: [], active: true, pin: '4711' });
    await expect(db.services.users.signIn({ userId: hanna })).rejects.toThrow('Ange din PIN-kod.');
    await expect(db.services.users.signIn({ userId: hanna, pin: '1234' })).rejects.toThrow('Fel PIN-kod.');
    expect((await db.services.users.session()).user?.name).toBe('Ada Administratörsson');
    expect((await db.services.users.signIn({ userId: hanna, pin: '4711' })).user?.name).toBe('Hanna Handläggarsson');
    const refused = await db.connection.db.selectFrom('accessLog').select(['action', 'entityId']).where('action', '=', 'refused').execute();
    expect(refused).toEqual([
      { action: 'refused', entityId: hanna },
      { action: 'refused', entityId: hanna },
    ]);
  });

  it('the user last signed in from this computer account is offered first there, and only there', async () => {
    await db.services.users.createFirstAdministrator(ada);
    const hanna = await db.services.users.insert({ name: 'Hanna Handläggarsson', initials: 'HH', role: 'handlaggare', units: [], active: true });
    const onHannasComputer = createServices(db.connection.db, { clock: db.clock, osAccount: 'hanna' });
    expect((await onHannasComputer.users.session()).suggestedUserId).toBeNull();
    await onHannasComputer.users.signIn({ userId: hanna });
    const again = createServices(db.connection.db, { clock: db.clock, osAccount: 'hanna' });
    expect((await again.users.session()).suggestedUserId).toBe(hanna);
    const elsewhere = createServices(db.connection.db, { clock: db.clock, osAccount: 'ada' });
    expect((await elsewhere.users.session()).suggestedUserId).toBeNull();
  });
});
