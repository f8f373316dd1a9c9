import fs from 'node:fs';
import path from 'node:path';

/**
 * SQLite's locking does not hold on network file systems (sqlite.org/useovernet.html): two
 * computers writing one file over SMB or NFS corrupt it. The register must be on this computer's
 * own disk; a unit that shares one register uses the shared register on a database server.
 */
export class NetworkShareError extends Error {
  constructor(readonly file: string) {
    super(
      `Registret kan inte ligga på en nätverksenhet (${file}). SQLite-databaser skadas när flera datorer skriver ` +
        'i samma fil över nätverket (SMB/NFS). Lägg registret på datorns egen disk, eller använd ett gemensamt register ' +
        'på en databasserver för hela enheten.',
    );
    this.name = 'NetworkShareError';
  }
}

/** `statfs` types of network file systems (Linux's magic numbers, statfs(2)). */
const networkFileSystems = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x5346414f, 'AFS'],
  [0x01021997, '9P'],
  [0x00c36400, 'Ceph'],
  [0x73757245, 'Coda'],
]);

/** `\\server\share\…`, `//server/share/…` and Windows' long forms `\\?\UNC\…`; not `\\?\C:\…` or `\\.\…`. */
export function isUncPath(file: string): boolean {
  if (/^[\\/]{2}[?.][\\/]UNC[\\/]/i.test(file)) return true;
  if (/^[\\/]{2}[?.][\\/]/.test(file)) return false;
  return /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(file);
}

export interface PathFacts {
  /** The path with links and (on Windows) mapped drives resolved: a mapped drive resolves to its UNC path. */
  resolved: string;
  /** statfs(2)'s type of the file system it is on (Linux), or null where the platform says nothing useful. */
  fileSystemType: number | null;
}

/** The network file system `file` is on, or null if it is local. Pure, so each case can be tested. */
export function networkShareOf(file: string, facts: PathFacts | null): string | null {
  if (isUncPath(file)) return 'UNC';
  if (!facts) return null;
  if (isUncPath(facts.resolved)) return 'UNC';
  return facts.fileSystemType === null ? null : (networkFileSystems.get(facts.fileSystemType) ?? null);
}

/** Refuses a register on a network share; `:memory:` and local files pass. */
export function assertLocalDatabasePath(file: string): void {
  if (file === ':memory:') return;
  if (networkShareOf(file, factsOf(file))) throw new NetworkShareError(file);
}

/** Facts of the file, or of the nearest folder above it that exists (a new register's folder may not). */
function factsOf(file: string): PathFacts | null {
  let existing = path.resolve(file);
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return null;
    existing = parent;
  }
  try {
    const resolved = fs.realpathSync.native(existing);
    // statfs's type is a file-system magic number on Linux only (macOS and Windows give other things).
    const fileSystemType = process.platform === 'linux' ? Number(fs.statfsSync(existing).type) : null;
    return { resolved, fileSystemType };
  } catch {
    return null;
  }
}
