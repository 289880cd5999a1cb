import type { ConfigProblem } from './types.js';

/**
 * `.gitwardrc.json › secrets.allow.paths[2]: expected string`. File-level problems omit the key
 * path; problems with their own code name it, so the README's code table can be found.
 */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.keyPath === '' ? problem.file : `${problem.file} › ${problem.keyPath}`;
  return `${where}: ${problem.message}${problem.code === undefined ? '' : ` (${problem.code})`}`;
}
