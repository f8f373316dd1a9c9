/**
 * Which register the desktop app opens at start (issue 18): IT's PLACERINGSKOLLEN_DB first, then the
 * choice saved on the settings page, then the local file; and a shared register that cannot be
 * opened offers Försök igen, Öppna det lokala registret (the saved choice only) and Avsluta.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const dialog = { showMessageBox: vi.fn(async (_options: { buttons: string[]; detail: string }) => ({ response: 0 })) };
vi.mock('electron', () => ({ dialog }));
const { askAboutSharedRegister, describeTarget, openSharedAtStart, registerTarget } = await import('../../../main/app/start-register');
const { memoryPreferenceStore } = await import('../../../main/services/preferences');
const { REGISTER_CHOICE } = await import('../../../main/services/register-choice');

const setting = { kind: 'shared', host: 'db.exempelkommun.se', port: 5432, database: 'placeringskollen', user: 'anna_provsson', tls: 'verify-full', caFile: '/etc/exempelkommun-ca.pem' };

beforeEach(() => {
  dialog.showMessageBox.mockReset();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('which register opens', () => {
  it('IT’s PLACERINGSKOLLEN_DB wins over the saved choice, a file as well as an address', () => {
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, setting);
    expect(registerTarget(store, { PLACERINGSKOLLEN_DB: ' postgres://it@db.exempelkommun.se/reg ' }, 'linux')).toEqual({ kind: 'shared', source: 'it', url: 'postgres://it@db.exempelkommun.se/reg' });
    expect(registerTarget(store, { PLACERINGSKOLLEN_DB: '/srv/register.sqlite' }, 'linux')).toEqual({ kind: 'local', path: '/srv/register.sqlite', problem: null });
  });

  it('then the saved shared register, with TLS and its CA certificate', () => {
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, setting);
    expect(registerTarget(store, { HOME: '/home/anna' }, 'linux')).toEqual({
      kind: 'shared',
      source: 'setting',
      address: { host: 'db.exempelkommun.se', port: 5432, database: 'placeringskollen', user: 'anna_provsson', password: null, tls: { mode: 'verify-full', caFile: '/etc/exempelkommun-ca.pem' } },
    });
  });

  it('else the local file; a hand-edited choice opens it too, and says why', () => {
    expect(registerTarget(memoryPreferenceStore(), { XDG_CONFIG_HOME: '/home/anna/.config' }, 'linux')).toEqual({ kind: 'local', path: '/home/anna/.config/Placeringskollen/placeringskollen.sqlite', problem: null });
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, { ...setting, tls: 'disable' });
    const target = registerTarget(store, { XDG_CONFIG_HOME: '/home/anna/.config' }, 'linux');
    expect(target).toMatchObject({ kind: 'local', path: '/home/anna/.config/Placeringskollen/placeringskollen.sqlite' });
    expect(target.kind === 'local' && target.problem).toMatch(/måste vara krypterad/);
  });
});

describe('where the register is, as the start dialog says it', () => {
  it('never shows a password, not even one IT wrote into PLACERINGSKOLLEN_DB', () => {
    const it_ = registerTarget(memoryPreferenceStore(), { PLACERINGSKOLLEN_DB: 'postgres://it_konto:Hemligt-lösen-42@db.exempelkommun.se:6432/reg' }, 'linux');
    expect(describeTarget(it_)).toBe('it_konto@db.exempelkommun.se:6432/reg');
    const broken = registerTarget(memoryPreferenceStore(), { PLACERINGSKOLLEN_DB: 'postgres://it_konto:Hemligt-lösen-42@db.exempelkommun.se/reg?sslmode=require' }, 'linux');
    expect(describeTarget(broken)).toBe('adressen i PLACERINGSKOLLEN_DB');
    const store = memoryPreferenceStore();
    store.set(REGISTER_CHOICE, setting);
    expect(describeTarget(registerTarget(store, {}, 'linux'))).toBe('anna_provsson@db.exempelkommun.se:5432/placeringskollen');
    expect(describeTarget({ kind: 'local', path: '/srv/register.sqlite', problem: null })).toBe('/srv/register.sqlite');
  });
});

describe('a shared register that cannot be opened at start', () => {
  const explain = (error: unknown) => (error as Error).message;

  it('is tried again for as long as the person asks, and opened when it answers', async () => {
    const open = vi.fn().mockRejectedValueOnce(new Error('Databasservern svarar inte.')).mockRejectedValueOnce(new Error('Fortfarande inte.')).mockResolvedValue('registret');
    const ask = vi.fn(async () => 'retry' as const);
    expect(await openSharedAtStart(open, ask, { offerLocal: true, explain })).toEqual({ opened: 'registret' });
    expect(open).toHaveBeenCalledTimes(3);
    expect(ask.mock.calls).toEqual([['Databasservern svarar inte.', true], ['Fortfarande inte.', true]]);
  });

  it('opens the local register or quits when asked', async () => {
    const failing = async () => {
      throw new Error('nej');
    };
    expect(await openSharedAtStart(failing, async () => 'local', { offerLocal: true, explain })).toBe('local');
    expect(await openSharedAtStart(failing, async () => 'quit', { offerLocal: true, explain })).toBe('quit');
  });

  it('IT’s address is never swapped for the local register', async () => {
    const open = vi.fn().mockRejectedValueOnce(new Error('nej')).mockResolvedValue('registret');
    // Even an answer the dialog could not give for IT's address is taken as "try again".
    expect(await openSharedAtStart(open, async () => 'local', { offerLocal: false, explain })).toEqual({ opened: 'registret' });
  });

  it('the dialog offers the three choices in order, and maps the button to the answer', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await askAboutSharedRegister('Databasservern db.exempelkommun.se:5432 tar inte emot anslutningar.', true)).toBe('local');
    const shown = dialog.showMessageBox.mock.calls[0]![0];
    expect(shown.buttons).toEqual(['Försök igen', 'Öppna det lokala registret', 'Avsluta']);
    expect(shown.detail).toContain('Databasservern db.exempelkommun.se:5432 tar inte emot anslutningar.');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 2 });
    expect(await askAboutSharedRegister('x', true)).toBe('quit');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await askAboutSharedRegister('x', true)).toBe('retry');
  });

  it('for IT’s address: only Försök igen and Avsluta, and IT is named', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await askAboutSharedRegister('x', false)).toBe('quit');
    const shown = dialog.showMessageBox.mock.calls[0]![0];
    expect(shown.buttons).toEqual(['Försök igen', 'Avsluta']);
    expect(shown.detail).toMatch(/inställd av IT/);
  });
});
