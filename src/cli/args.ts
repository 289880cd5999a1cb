import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GitwardError } from '../errors/index.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** Options every command understands. */
export const commonOptions = {
  format: { type: 'string', default: 'text' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Strict parsing: an unknown flag is a usage error (exit 2), never ignored. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
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
