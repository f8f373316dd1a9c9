import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../../time-zone';
import { bytesText, dateTimeText, keyText } from '../../../renderer/src/security/securityText';

describe('the security page’s words', () => {
  useTimeZone('Europe/Stockholm');

  it('writes a copy’s time in Swedish, in local time', () => {
    // 04:30 UTC is 05:30 in Stockholm in winter.
    expect(dateTimeText('2026-12-06T04:30:00.000Z')).toBe('6 december 2026 kl. 05:30');
    expect(dateTimeText('2026-06-30T22:05:00.000Z')).toBe('1 juli 2026 kl. 00:05');
  });

  it('writes sizes with a decimal comma', () => {
    expect(bytesText(512)).toBe('0,5 kB');
    expect(bytesText(13_000_000)).toBe('12,4 MB');
    expect(bytesText(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('says where the key is kept', () => {
    expect(keyText({ keySource: 'keystore', keystore: 'dpapi' })).toContain('DPAPI');
    expect(keyText({ keySource: 'keystore', keystore: 'gnome_libsecret' })).toContain('GNOME');
    expect(keyText({ keySource: 'env', keystore: null })).toContain('PLACERINGSKOLLEN_DB_KEY');
    expect(keyText({ keySource: 'none', keystore: null })).toContain('inte krypterat');
  });
});
