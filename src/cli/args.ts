import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GitwardError } from '../errors/index.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** Options every command understands. */
export const commonOptions = {
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Options = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };
export type ParsedCommandArgs<O extends Options> = ReturnType<typeof parseArgs<StrictConfig<O>>>;

/** Strict parsing: an unknown flag is a usage error (exit 2), never ignored. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedCommandArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new GitwardError('USAGE', (cause as Error).message, { hint: 'Run `gitward --help` for the options.', cause });
  }
}

export function toFormat(value: unknown): OutputFormat {
  if (value === 'text' || value === 'json' || value === 'sarif') return value;
  throw new GitwardError('USAGE', `unknown --format '${String(value)}'`, { hint: 'Use --format text, json or sarif.' });
}
