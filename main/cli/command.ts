/**
 * What a command of the command line is, and the errors that end one. A command declares its
 * flags for `parseArgs` and a zod schema for what it accepts; `defineCommand` checks the parsed
 * arguments against it and turns every problem into one Swedish line (exit code 2).
 */
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import type { Services } from '../services';
import type { Register } from '../db/register';
import { quote } from '../domain/text';

export type Lang = 'sv' | 'en';
export type Text = Record<Lang, string>;

export interface Context {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Relative paths in arguments are relative to this. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Opens the database at `path` (encrypted with `PLACERINGSKOLLEN_DB_KEY` when set) for `work`, then closes it. */
  withServices<T>(path: string, options: { create: boolean }, work: (services: Services) => Promise<T>): Promise<T>;
  /** The services over an empty register in memory: for checking a file without creating any. */
  withEmptyRegister<T>(work: (services: Services) => Promise<T>): Promise<T>;
  /** Opens an existing register file for its copies (`backup`), then closes it. */
  withRegister<T>(path: string, work: (register: Register) => Promise<T>): Promise<T>;
  /** Puts the copy `from` in the place of the register at `path` (which must be closed everywhere). */
  restoreRegister(path: string, from: string): Promise<{ safetyCopy: string | null }>;
  /** Copies the local register at `path` into the empty shared register at `url` (migrated first); the rows per table. */
  moveToShared(path: string, url: string): Promise<Record<string, number>>;
}

/** Invalid input or arguments: each line goes to stderr, and the exit code is 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface Command {
  name: string;
  /** The synopsis after the program name, e.g. `import <fil> --db <sökväg>`. */
  usage: Text;
  summary: Text;
  /** More help for `<command> --help`: one line per flag or remark. */
  details: Text[];
  options: NonNullable<ParseArgsConfig['options']>;
  execute(args: ParsedArgs, context: Context): Promise<number>;
}

interface CommandDefinition<S extends z.ZodType<unknown, ParsedArgs>> extends Omit<Command, 'execute'> {
  schema: S;
  run(args: z.output<S>, context: Context): Promise<number>;
}

export function defineCommand<S extends z.ZodType<unknown, ParsedArgs>>(definition: CommandDefinition<S>): Command {
  const { schema, run, ...command } = definition;
  return {
    ...command,
    async execute(args, context) {
      const result = schema.safeParse(args, { error: argumentMessage });
      if (!result.success) throw new UsageError(result.error.issues.flatMap(argumentLines));
      return run(result.data, context);
    },
  };
}

const argumentMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'saknas';
    if (issue.input === true && issue.expected === 'string') return 'behöver ett värde';
    if (issue.expected === 'boolean') return 'tar inget värde';
  }
  if (issue.code === 'invalid_value') return `okänt värde ${typeof issue.input === 'string' ? quote(issue.input) : String(issue.input)}; tillåtna: ${issue.values.join(', ')}`;
  return undefined;
};

function argumentLines(issue: z.core.$ZodIssue): string[] {
  const [where, key] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((flag) => `okänd flagga för det här kommandot: --${flag}`);
  }
  if (where === 'values' && typeof key === 'string') return [`--${key}: ${issue.message}`];
  if (where === 'positionals' && issue.code === 'too_big') return ['för många argument'];
  return [issue.message];
}

/** The parsed flags of a command: a strict object, so a flag of another command is an error. */
export const flags = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape);
