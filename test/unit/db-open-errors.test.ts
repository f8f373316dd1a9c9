import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseErrorMessage } from '../../main/db/open-errors';
import { DatabaseDamagedError, DatabaseOpenError } from '../../main/db/connection';
import { NetworkShareError } from '../../main/db/local-path';
import { NewerDatabaseError } from '../../main/db/migrate';

const file = '/home/handlaggare/.config/Placeringskollen/placeringskollen.sqlite';

describe('databaseErrorMessage: why the app cannot start, in Swedish, without a stack', () => {
  it('explains a database from a newer version', () => {
    const message = databaseErrorMessage(new NewerDatabaseError(7, 1), file);
    expect(message).toContain('nyare version');
    expect(message).toContain(file);
  });

  it('explains a wrong key', () => {
    expect(databaseErrorMessage(new DatabaseOpenError(), file)).toContain('fel nyckel');
  });

  it('explains a missing permission and hides the raw error', () => {
    const error = Object.assign(new Error('EACCES: permission denied, open …'), { code: 'EACCES' });
    const message = databaseErrorMessage(error, file);
    expect(message).toContain('behörighet');
    expect(message).not.toContain('EACCES');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('explains a damaged register and where its copies are: the command that restores one, or in the desktop app, to call IT', () => {
    const damaged = new DatabaseDamagedError(file, 'Tree 4 page 7: btreeInitPage() returns error code 11');
    const message = databaseErrorMessage(damaged, file);
    expect(message).toContain('är skadat');
    expect(message).toContain('/home/handlaggare/.config/Placeringskollen/sakerhetskopior');
    expect(message).toContain('placeringskollen restore');
    expect(message).not.toContain('btreeInitPage');
    const desktop = databaseErrorMessage(damaged, file, { desktop: true });
    expect(desktop).toContain('Kontakta IT');
    expect(desktop).not.toContain('placeringskollen restore');
  });

  it('says a full disk as such', () => {
    expect(databaseErrorMessage(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), file)).toContain('Disken är full.');
  });

  it('explains that a register encrypted by the desktop app opens elsewhere only with PLACERINGSKOLLEN_DB_KEY', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-open-errors-'));
    try {
      const register = path.join(dir, 'placeringskollen.sqlite');
      fs.writeFileSync(`${register}.nyckel`, '{}');
      expect(databaseErrorMessage(new DatabaseOpenError(), register)).toMatch(/nyckelring.*PLACERINGSKOLLEN_DB_KEY/s);
      // In the desktop app itself the key is its own: the file is what is wrong.
      expect(databaseErrorMessage(new DatabaseOpenError(), register, { desktop: true })).toMatch(/öppnas inte med sin nyckel.*skadad eller utbytt/s);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a register on a network share', () => {
    expect(databaseErrorMessage(new NetworkShareError('\\\\server\\delad\\r.sqlite'), file)).toContain('nätverksenhet');
  });

  it('says something useful for anything else', () => {
    expect(databaseErrorMessage(new Error('boom'), file)).toMatch(/^Databasen kunde inte öppnas\./);
  });
});
