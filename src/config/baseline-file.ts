import { readFile, writeFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { GitwardError } from '../errors/index.js';

/** One accepted finding. Keyed by rule + secret hash only, so moving lines never churns the file. */
export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
}

interface BaselineFile {
  version: 1;
  comment: string;
  entries: BaselineEntry[];
}

/** Reads the fingerprints of a baseline file; a missing file is an empty baseline. */
export async function readBaseline(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new GitwardError('BASELINE_INVALID', `cannot read baseline ${path}`, { cause: error });
  }
  try {
    const parsed = JSON.parse(text) as Partial<BaselineFile>;
    if (!Array.isArray(parsed.entries)) throw new Error('missing "entries" array');
    return new Set(parsed.entries.map((e) => String(e.fingerprint)));
  } catch (error) {
    throw new GitwardError('BASELINE_INVALID', `baseline ${path} is not valid: ${(error as Error).message}`, {
      hint: 'Regenerate it with `gitward baseline`, or delete it.',
      cause: error,
    });
  }
}

/** Writes a baseline atomically (temp file + rename), sorted so diffs of it stay readable. */
export async function writeBaseline(path: string, entries: BaselineEntry[]): Promise<void> {
  const unique = new Map(entries.map((e) => [e.fingerprint, e]));
  const sorted = [...unique.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  const body: BaselineFile = {
    version: 1,
    comment: 'Accepted findings (gitward baseline). Keyed by a hash of rule + secret; contains no secret.',
    entries: sorted,
  };
  const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  await writeFile(temp, `${JSON.stringify(body, null, 2)}\n`);
  await rename(temp, path);
}
