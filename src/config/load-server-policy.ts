import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { ConfigProblem, ServerPolicy } from './types.js';
import { GitwardError } from '../errors/index.js';
import { findPolicyFile, type PolicyLookup } from './find-policy-file.js';
import { checkValue, type CheckContext, type Problem } from './check-value.js';
import { checkPolicyReferences } from './check-policy-references.js';
import { policySchema } from './policy-schema.js';
import { buildServerPolicy } from './build-server-policy.js';
import { describeLoadError, parseJsonText } from './read-config-file.js';
import { formatProblem } from './format-problem.js';
import { messages } from './messages.js';

/**
 * Loads the admin-owned server policy (never pushed content). Throws GitwardError:
 * CONFIG_NOT_FOUND (an explicitly named file is missing), POLICY_NOT_FOUND, CONFIG_INVALID
 * (message lists every problem; `data.problems` has them structured), TRUST_STORE_UNREADABLE.
 */
export async function loadServerPolicy(opts: PolicyLookup): Promise<ServerPolicy> {
  const file = await findPolicyFile(opts);
  const bytes = await readPolicyBytes(file);
  const { cleaned, problems } = await checkPolicy(file, bytes);
  if (problems.length > 0) throw invalidPolicy(file, problems);
  return buildServerPolicy(cleaned, { file, bytes });
}

async function readPolicyBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new GitwardError('CONFIG_INVALID', `cannot read the server policy ${file}: ${reason}`, { cause: error, data: { file } });
  }
}

/** Parses and validates the policy, collecting every problem: syntax, types, names, patterns, files. */
export async function checkPolicy(file: string, bytes: Buffer): Promise<{ cleaned: unknown; problems: Problem[] }> {
  const parsed = await parsePolicy(file, bytes.toString('utf8'));
  if (!parsed.ok) return { cleaned: undefined, problems: [{ keyPath: '', message: parsed.message }] };
  const ctx: CheckContext = { baseDir: dirname(file), unknownKeys: 'error', errors: [], warnings: [] };
  const cleaned = checkValue(policySchema, parsed.raw, '', ctx);
  const problems = [...ctx.errors, ...checkPolicyReferences(parsed.raw), ...(await checkPolicyFiles(cleaned))];
  return { cleaned, problems };
}

type Parsed = { ok: true; raw: unknown } | { ok: false; message: string };

/** JSON for `.json`; YAML (a JSON superset) otherwise, through cosmiconfig's loader. */
async function parsePolicy(file: string, text: string): Promise<Parsed> {
  // An empty policy is far more likely a truncated file than an intended "no rules": fail closed.
  if (text.trim() === '') return { ok: false, message: messages.parseFailed('the file is empty') };
  try {
    if (extname(file) === '.json') return { ok: true, raw: parseJsonText(text.replace(/^\uFEFF/, '')) };
    const { parseYaml } = await import('./cosmiconfig-loader.js');
    return { ok: true, raw: parseYaml(file, text) };
  } catch (error) {
    return { ok: false, message: messages.parseFailed(describeLoadError(error)) };
  }
}

/** Files the policy names that are not key files (keys fail with their own code when read). */
async function checkPolicyFiles(cleaned: unknown): Promise<Problem[]> {
  const baseline = (cleaned as { content?: { baseline?: string } } | undefined)?.content?.baseline;
  if (baseline === undefined) return [];
  const isFile = await stat(baseline).then((s) => s.isFile(), () => false);
  return isFile ? [] : [{ keyPath: 'content.baseline', message: messages.fileMissing(baseline) }];
}

/** Problems name the policy by its base name: the full server path is for admins (in `data`), not pushers. */
function invalidPolicy(file: string, problems: Problem[]): GitwardError {
  const listed: ConfigProblem[] = problems.map((p) => ({ file: basename(file), ...p }));
  const lines = listed.map((p) => `  ${formatProblem(p)}`).join('\n');
  return new GitwardError('CONFIG_INVALID', `${messages.policyInvalid(listed.length)}\n${lines}`, {
    hint: messages.policyInvalidHint(),
    data: { file, problems: listed },
  });
}
