import type { RegisterProtection } from '../../../preload/api';

/** "6 december 2026 kl. 05:30", in the computer's own time zone. */
export function dateTimeText(iso: string): string {
  const dateTime = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
}

const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "12,4 MB": a copy's size as a user reads it. */
export function bytesText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${oneDecimal.format(Math.max(bytes, 1) / 1024)} kB`;
  if (bytes < 1024 ** 3) return `${oneDecimal.format(bytes / 1024 ** 2)} MB`;
  return `${oneDecimal.format(bytes / 1024 ** 3)} GB`;
}

const keystores: Record<string, string> = {
  dpapi: 'Windows skydd för användarens data (DPAPI)',
  keychain: 'macOS nyckelring',
  gnome_libsecret: 'GNOME-nyckelringen',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
  basic_text: 'en fil utan skydd (tillåtet av en administratör)',
};

/** Where the key is kept, in a sentence. */
export function keyText(protection: Pick<RegisterProtection, 'keySource' | 'keystore'>): string {
  switch (protection.keySource) {
    case 'keystore':
      return `Nyckeln är slumpad för det här registret och förvaras låst av ${keystores[protection.keystore ?? ''] ?? 'datorns nyckelring'}; bara din användare på den här datorn kan låsa upp den.`;
    case 'env':
      return 'Nyckeln kommer från miljövariabeln PLACERINGSKOLLEN_DB_KEY och förvaras av den som satt den.';
    case 'none':
      return 'Registret är inte krypterat. Det här läget är till för utveckling och prov; skrivbordsprogrammet krypterar alltid sitt register.';
  }
}
