/**
 * What a part of the figures (`--only <part>`: the access log, the journal) gets from the bench
 * (run.ts's Bench has it), the shape of its figures, and the few ways they are printed.
 */
import type { Services } from '../../main/services';
import type { CityFile } from './synthetic-register';

export interface PartBench {
  file: CityFile;
  services: Services;
  /** The bench's temporary folder: a part's own database is made here and removed with it. */
  dir: string;
  /** The city's database (a part may copy it to add what the city lacks). */
  databasePath: string;
  api(channel: string, input: unknown, services?: Services): Promise<{ value: unknown; bytes: number }>;
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export interface PartFigure<P extends string> {
  section: 'target' | 'detail';
  part: P;
  what: string;
  unit: 'ms';
  target: number | null;
  stat: 'median' | 'p95';
  measure(bench: PartBench): Promise<{ samples: number[]; note?: string } | null>;
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const p95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;
export const ms = (value: number) => (value >= 1_000 ? `${(value / 1_000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);

/** "10 million", "1 000 000", "20 000": a number of records in the figures' words. */
export function count(n: number): string {
  if (n >= 2_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000} million`;
  return n.toLocaleString('en').replaceAll(',', ' ');
}
