/**
 * A register on a network share is refused (issue 17): SQLite's locking does not hold over SMB or
 * NFS, and two computers writing one file corrupt it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { assertLocalDatabasePath, isUncPath, networkShareOf, NetworkShareError } from '../../../main/db/local-path';
import { useTempDir } from '../services/harness';

const tmp = useTempDir('pk-local-path-');

describe('a register on a network share is refused', () => {
  it.each([
    '\\\\filserver\\socialtjanst\\placeringskollen.sqlite',
    '//filserver/socialtjanst/placeringskollen.sqlite',
    '\\\\?\\UNC\\filserver\\socialtjanst\\placeringskollen.sqlite',
    '\\\\filserver.kommun.se@SSL\\DavWWWRoot\\register.sqlite',
  ])('a UNC path: %s', (file) => {
    expect(isUncPath(file)).toBe(true);
    expect(networkShareOf(file, null)).toBe('UNC');
    expect(() => assertLocalDatabasePath(file)).toThrow(NetworkShareError);
  });

  it('a mapped drive, which resolves to its UNC path', () => {
    expect(networkShareOf('Z:\\register.sqlite', { resolved: '\\\\filserver\\hem\\register.sqlite', fileSystemType: null })).toBe('UNC');
  });

  it.each([
    [0x6969, 'NFS'],
    [0x517b, 'SMB'],
    [0xff534d42, 'CIFS'],
    [0xfe534d42, 'SMB2'],
  ])('a Linux mount whose file system type is %i (%s)', (type, name) => {
    expect(networkShareOf('/mnt/enhet/register.sqlite', { resolved: '/mnt/enhet/register.sqlite', fileSystemType: type })).toBe(name);
  });

  it('says why in Swedish, and what to do instead', () => {
    expect(() => assertLocalDatabasePath('\\\\server\\delad\\r.sqlite')).toThrow(/nätverksenhet.*SMB\/NFS.*datorns egen disk/s);
  });

  it('openDatabase refuses one before making any file', async () => {
    await expect(openDatabase('//filserver/delad/register.sqlite')).rejects.toBeInstanceOf(NetworkShareError);
  });
});

describe('a local register is accepted', () => {
  it.each([
    'C:\\Users\\anna\\AppData\\Roaming\\Placeringskollen\\placeringskollen.sqlite',
    '\\\\?\\C:\\Users\\anna\\register.sqlite',
    '\\\\.\\C:\\register.sqlite',
    '/home/anna/.config/Placeringskollen/placeringskollen.sqlite',
  ])('%s', (file) => {
    expect(isUncPath(file)).toBe(false);
    expect(networkShareOf(file, { resolved: file, fileSystemType: 0xef53 })).toBeNull();
  });

  it('a file in a folder that does not exist yet, on this disk', () => {
    expect(() => assertLocalDatabasePath(path.join(tmp.dir, 'ny', 'mapp', 'register.sqlite'))).not.toThrow();
  });

  it('the in-memory database of the tests', () => {
    expect(() => assertLocalDatabasePath(':memory:')).not.toThrow();
  });
});
