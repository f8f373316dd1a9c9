import type { z } from 'zod';
import {
  contract,
  type ApiError,
  type ApiIssue,
  type Channel,
  type ChannelArgs,
  type ChannelOutput,
  type Result,
} from '../../preload/api';
import { DatabaseBusyError, isBusy, ServiceError } from '../services/errors';

/** One function per channel, taking the parsed input; a missing channel is a compile error. */
export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => Promise<ChannelOutput<C>> };

export const VALIDATION_MESSAGE = 'Uppgifterna är inte giltiga.';
export const FORBIDDEN_MESSAGE = 'Anropet är inte tillåtet.';
export const INTERNAL_MESSAGE =
  'Ett oväntat fel inträffade. Försök igen; kvarstår felet, kontakta systemförvaltaren.';

export const GAVE_WAY_MESSAGE = 'Någon annan sparade samtidigt, och din ändring sparades inte. Försök igen.';
const isGaveWay = (error: unknown) => ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));

export const failure = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });
export const forbidden = () => failure({ code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE });
export const invalid = (issues: ApiIssue[]) => failure({ code: 'VALIDATION', message: VALIDATION_MESSAGE, issues });

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/**
 * The one way into the services, for IPC and the browser host alike: unknown channel →
 * FORBIDDEN; input checked with the channel's schema → VALIDATION; expected service failures
 * keep their code and Swedish message; anything else is logged and becomes INTERNAL, so no
 * stack trace or SQL ever reaches the renderer.
 */
export async function dispatch(channel: string, input: unknown, handlers: Handlers): Promise<Result<unknown>> {
  if (!isChannel(channel)) return forbidden();
  const schema: z.ZodType = contract[channel].input;
  const parsed = schema.safeParse(input, { error: swedishMessage });
  if (!parsed.success) return invalid(toApiIssues(parsed.error.issues));
  const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ServiceError) {
      return failure({
        code: error.code,
        message: error.message,
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
        ...(error.changed ? { changed: error.changed } : {}),
      });
    }
    // Another program's write held the register past the wait: said as it is, not as an accident.
    // (A single statement outside a transaction meets the lock as SQLite's own SQLITE_BUSY.)
    if (error instanceof DatabaseBusyError || isBusy(error)) return failure({ code: 'CONFLICT', message: new DatabaseBusyError().message });
    // The shared register chose this transaction to give way to another (a deadlock, or a write it could not order): nothing was written.
    if (isGaveWay(error)) return failure({ code: 'CONFLICT', message: GAVE_WAY_MESSAGE });
    console.error(`Placeringskollen: oväntat fel i ${channel}:`, error);
    return failure({ code: 'INTERNAL', message: INTERNAL_MESSAGE });
  }
}

/** A zod issue path as a JSON pointer (RFC 6901): ['persons', 0, 'name'] → '/persons/0/name'. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/**
 * At most this many issues travel back: a form has far fewer fields, and a list of 100 000 bad
 * items must not answer with megabytes of the same message.
 */
export const MAX_ISSUES = 50;

function toApiIssues(issues: readonly z.core.$ZodIssue[]): ApiIssue[] {
  // One issue per unknown key, pointing at the key itself, so the form can say which field.
  const all = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: jsonPointer([...issue.path, key]), message: issue.message }))
      : [{ path: jsonPointer(issue.path), message: issue.message }],
  );
  if (all.length <= MAX_ISSUES) return all;
  return [...all.slice(0, MAX_ISSUES), { path: '', message: `Och ${all.length - MAX_ISSUES} fel till.` }];
}

/**
 * Swedish messages for zod's own issues. A per-parse error map is consulted only where the
 * schema gave no message of its own, so the contract's wording always wins.
 */
function swedishMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Uppgiften saknas.';
      switch (issue.expected) {
        case 'string':
          return 'Ange en text.';
        case 'number':
        case 'int':
          return 'Ange ett tal.';
        case 'boolean':
          return 'Ange ja eller nej.';
        case 'array':
          return 'Ange en lista.';
        case 'object':
          return 'Ange ett objekt med uppgifter.';
        default:
          return 'Fel typ av värde.';
      }
    case 'too_small':
      if (issue.origin === 'string') return `Minst ${issue.minimum} tecken.`;
      if (issue.origin === 'array') return `Minst ${issue.minimum} st.`;
      // A bare integer's bound is JavaScript's safe range: no number for a person to read.
      if (Number(issue.minimum) <= Number.MIN_SAFE_INTEGER) return 'Talet är för litet.';
      return `Minst ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Högst ${issue.maximum} tecken.`;
      if (issue.origin === 'array') return `Högst ${issue.maximum} st.`;
      if (Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return 'Talet är för stort.';
      return `Högst ${issue.maximum}.`;
    case 'invalid_value':
      return 'Värdet är inte ett av de tillåtna.';
    case 'unrecognized_keys':
      return 'Okänt fält.';
    case 'invalid_format':
      return 'Fel format.';
    default:
      return 'Ogiltigt värde.';
  }
}
