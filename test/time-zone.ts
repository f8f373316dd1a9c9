/** Tests of what the user reads in local time: the zone is set for the describe block and put back after it. */
import { afterAll, beforeAll } from 'vitest';

export function useTimeZone(zone: string): void {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
