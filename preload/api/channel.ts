import type { z } from 'zod';

/**
 * One channel of the contract: the zod schema its input is checked against in main, on every
 * call whoever calls, and the type of its output.
 */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

// The result envelope: errors are values with a Swedish message, never stack traces.

export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INTERNAL';

export interface ApiIssue {
  /** Where the problem is, as a JSON path into the input ("/persons/0/name"), or "" for the whole. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
  /**
   * A CONFLICT of versions: the record was saved by someone else after it was read. Who (null
   * where the log does not say) and when (an ISO timestamp, null likewise).
   */
  changed?: ChangedBy;
}

export interface ChangedBy {
  by: string | null;
  at: string | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
