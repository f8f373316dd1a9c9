/**
 * The shared register's address (issue 18): TLS with a verified certificate unless the server is on
 * this computer, each person's own login, and what is wrong with an address said in Swedish.
 */
import { describe, expect, it } from 'vitest';
import { connectionProblem, describeAddress, isSharedRegisterUrl, parseSharedRegisterUrl, problemField, sharedRegisterAddress, SharedRegisterError } from '../../../main/db/pg/connection';

describe('the shared register’s address', () => {
  it('takes host, port, database and user, and requires verify-full TLS by default', () => {
    expect(parseSharedRegisterUrl('postgres://anna.handlaggare@db.kommun.se/placeringskollen?sslrootcert=/etc/kommun-ca.pem')).toEqual({
      host: 'db.kommun.se',
      port: 5432,
      database: 'placeringskollen',
      user: 'anna.handlaggare',
      password: null,
      tls: { mode: 'verify-full', caFile: '/etc/kommun-ca.pem' },
    });
    expect(parseSharedRegisterUrl('postgresql://u:hemligt@db:6543/reg?sslmode=verify-full')).toMatchObject({ port: 6543, password: 'hemligt', tls: { mode: 'verify-full', caFile: null } });
  });

  it('allows a connection without TLS only to a server on this computer', () => {
    expect(parseSharedRegisterUrl('postgres://u@127.0.0.1/reg?sslmode=disable').tls).toEqual({ mode: 'disable' });
    expect(parseSharedRegisterUrl('postgres://u@localhost/reg?sslmode=disable').tls).toEqual({ mode: 'disable' });
    expect(() => parseSharedRegisterUrl('postgres://u@db.kommun.se/reg?sslmode=disable')).toThrow(/måste vara krypterad.*verify-full/);
  });

  it.each(['require', 'verify-ca', 'prefer', 'allow'])('refuses sslmode=%s, which does not check the certificate fully', (mode) => {
    expect(() => parseSharedRegisterUrl(`postgres://u@db/reg?sslmode=${mode}`)).toThrow(SharedRegisterError);
    expect(() => parseSharedRegisterUrl(`postgres://u@db/reg?sslmode=${mode}`)).toThrow(/verify-full/);
  });

  it.each([
    ['placeringskollen.sqlite', /ska se ut som postgres:\/\//],
    ['mysql://u@db/reg', /börja med postgres:\/\//],
    ['postgres://db/reg', /saknar användaren/],
    ['postgres://u@db/', /saknar databasens namn/],
    ['postgres://u@db/reg?application_name=x', /okänd inställning: application_name/],
    ['postgres://u:100%@db/reg', /%-tecken som inte är kodat/],
  ])('says what is wrong with %s', (text, message) => {
    expect(() => parseSharedRegisterUrl(text)).toThrow(message);
  });

  it('tells a shared register from a file, and never shows the password', () => {
    expect(isSharedRegisterUrl('postgres://u@db/reg')).toBe(true);
    expect(isSharedRegisterUrl(' POSTGRESQL://u@db/reg')).toBe(true);
    expect(isSharedRegisterUrl('C:\\register\\placeringskollen.sqlite')).toBe(false);
    expect(describeAddress(parseSharedRegisterUrl('postgres://u:hemligt@db/reg'))).toBe('u@db:5432/reg');
  });
});

describe('the same check for the settings page’s fields', () => {
  const parts = { host: 'db.exempelkommun.se', port: 5432, database: 'reg', user: 'u', password: null, sslmode: 'verify-full', caFile: '' };
  it('gives the same address as the URL', () => {
    expect(sharedRegisterAddress({ ...parts, caFile: '/etc/ca.pem' })).toEqual(parseSharedRegisterUrl('postgres://u@db.exempelkommun.se/reg?sslrootcert=/etc/ca.pem'));
    expect(sharedRegisterAddress(parts).tls).toEqual({ mode: 'verify-full', caFile: null });
  });

  it.each([
    [{ host: ' ' }, 'host'],
    [{ host: 'anna@db' }, 'host'],
    [{ host: 'db kommun' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ port: 65536 }, 'port'],
    [{ port: 54.32 }, 'port'],
    [{ database: '' }, 'database'],
    [{ database: 'x'.repeat(64) }, 'database'],
    [{ user: '' }, 'user'],
    [{ sslmode: 'disable' }, 'tls'],
    [{ sslmode: 'require' }, 'tls'],
  ])('names the field of %o', (change, field) => {
    const error = (() => {
      try {
        sharedRegisterAddress({ ...parts, ...change });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SharedRegisterError);
    expect((error as SharedRegisterError).field).toBe(field);
  });

  it('allows no TLS only to this computer, whatever the case of its name', () => {
    expect(sharedRegisterAddress({ ...parts, host: 'LOCALHOST', sslmode: 'disable' }).tls).toEqual({ mode: 'disable' });
    expect(sharedRegisterAddress({ ...parts, host: '::1', sslmode: 'disable' }).tls).toEqual({ mode: 'disable' });
  });

  it('says which field a connection problem is about', () => {
    const failed = (code: string) => new SharedRegisterError('x', { cause: Object.assign(new Error('x'), { code }) });
    expect(problemField(failed('28P01'))).toBe('password');
    expect(problemField(failed('ENOTFOUND'))).toBe('host');
    expect(problemField(failed('3D000'))).toBe('database');
    expect(problemField(failed('28000'))).toBe('user');
    expect(problemField(failed('SELF_SIGNED_CERT_IN_CHAIN'))).toBe('caFile');
    expect(problemField(new SharedRegisterError('CA-certifikatet kan inte läsas.', { field: 'caFile' }))).toBe('caFile');
    expect(problemField(failed('53300'))).toBeNull();
  });
});

describe('what is wrong when connecting, in Swedish', () => {
  const address = parseSharedRegisterUrl('postgres://anna@db.kommun.se/placeringskollen');
  it.each([
    ['ECONNREFUSED', /tar inte emot anslutningar/],
    ['ENOTFOUND', /ingen databasserver som heter db\.kommun\.se/],
    ['28P01', /fel lösenord för anna/],
    ['28000', /pg_hba\.conf/],
    ['3D000', /Databasen placeringskollen finns inte/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /inte utfärdat av kommunens CA/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /gäller inte för namnet db\.kommun\.se/],
    ['CERT_HAS_EXPIRED', /gått ut/],
  ])('%s', (code, message) => {
    expect(connectionProblem(Object.assign(new Error('x'), { code }), address)).toMatch(message);
  });

  it('a server without TLS, a timeout, and anything else', () => {
    expect(connectionProblem(new Error('The server does not support SSL connections'), address)).toMatch(/krypterade anslutningar \(TLS\)/);
    expect(connectionProblem(new Error('timeout expired'), address, 5000)).toMatch(/inom 5 sekunder/);
    expect(connectionProblem(new Error('boom'), address)).toBe('Det gemensamma registret på db.kommun.se:5432 kunde inte öppnas.');
  });
});
