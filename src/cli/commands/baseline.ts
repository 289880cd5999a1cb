import type { CliIo, CliResult } from '../io.js';
import { result } from '../io.js';
import { EXIT_FAILURE } from '../exit-codes.js';

// Placeholder until the command lands; exits 2 so nothing is silently allowed.
export async function run(_args: string[], _io: CliIo): Promise<CliResult> {
  return result(EXIT_FAILURE, '', 'gitward: baseline is not available in this build\n');
}
