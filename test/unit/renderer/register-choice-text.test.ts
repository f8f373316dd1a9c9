import { describe, expect, it } from 'vitest';
import { addressChanged, choiceDirty, passwordHint } from '../../../renderer/src/register-choice/registerChoiceText';
import type { RegisterChoiceView } from '../../../preload/api';

const view: RegisterChoiceView = {
  choice: { kind: 'shared', host: 'db.exempelkommun.se', port: 5432, database: 'placeringskollen', user: 'anna_provsson', tls: 'verify-full', caFile: null },
  passwordKept: true,
  passwordStore: 'keystore',
  decidedByIt: false,
  problem: null,
};
const same = { host: 'db.exempelkommun.se', port: '5432', database: 'placeringskollen', user: 'anna_provsson' };

describe('Registerval’s password hint', () => {
  it('offers to keep the saved password only for the address it was typed for', () => {
    expect(addressChanged(view, same)).toBe(false);
    expect(passwordHint(view, false)).toMatch(/Lämna fältet tomt för att behålla det/);
    for (const change of [{ host: 'db.annan.se' }, { port: '6432' }, { database: 'annat' }, { user: 'bertil' }]) {
      expect(addressChanged(view, { ...same, ...change })).toBe(true);
    }
    expect(passwordHint(view, true)).toMatch(/Skriv lösenordet för den nya adressen/);
    expect(passwordHint(view, true)).not.toMatch(/behålla/);
  });

  it('says where a password is kept when none is', () => {
    expect(passwordHint({ ...view, passwordKept: false }, true)).toMatch(/nyckelring.*aldrig i klartext/);
    expect(passwordHint({ ...view, passwordStore: 'browser', passwordKept: false }, false)).toMatch(/bara i skrivbordsappen/);
    expect(addressChanged({ ...view, choice: { kind: 'local' } }, same)).toBe(true);
  });
});

describe('Registerval’s unsaved changes', () => {
  const saved = { kind: 'shared' as const, ...same, password: '', unencrypted: false, caFile: '' };

  it('are none when the form is as saved, and any changed field or typed password is one', () => {
    expect(choiceDirty(view, saved)).toBe(false);
    for (const change of [{ host: 'db.annan.se' }, { port: '6432' }, { password: 'x' }, { caFile: '/etc/ca.pem' }, { unencrypted: true }, { kind: 'local' as const }]) {
      expect(choiceDirty(view, { ...saved, ...change })).toBe(true);
    }
  });

  it('on the local register: only choosing the shared one counts', () => {
    const local = { ...view, choice: { kind: 'local' as const } };
    expect(choiceDirty(local, { ...saved, kind: 'local', host: 'skrivet men lämnat' })).toBe(false);
    expect(choiceDirty(local, saved)).toBe(true);
  });
});
