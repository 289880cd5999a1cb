import { GitwardError } from '../errors/index.js';
import { GAP_PRESET_RULES } from './secretlint-coverage.js';

/** A secretlint report, with offsets into the linted text. */
export interface SecretlintHit {
  ruleId: string;
  messageId: string;
  start: number;
  end: number;
}

export type SecretlintLint = (text: string, path: string) => Promise<SecretlintHit[]>;

let loading: Promise<SecretlintLint> | undefined;

/**
 * The only module that touches secretlint, loaded on first use (~40 ms of imports that a clean
 * commit never pays). Its profiler is always on in v12 and compares each new mark with every
 * earlier one: measured here, 1,500 lints in one process took 15.7 s and 3,000 took 190 s.
 * gitward does not read the profile, so its `mark` is replaced by a no-op: 6,000 lints, 1.4 s.
 */
export function loadSecretlint(): Promise<SecretlintLint> {
  loading ??= importSecretlint().then(({ lintSource, presetRules }) => {
    // Only the gap rules run: the superseded ones would duplicate (or, for checksum-invalid tokens,
    // contradict) gitward's verdicts. Registered one by one because secretlint 12 ignores
    // `disabled` on rules inside a preset.
    const config = { rules: presetRules.filter((rule) => rule.meta.id in GAP_PRESET_RULES).map((rule) => ({ id: rule.meta.id, rule })) };
    return async (text: string, path: string) => {
      const ext = /\.[^./]+$/.exec(path)?.[0] ?? '';
      const result = await lintSource({
        source: { content: text, filePath: path || 'fragment', ext, contentType: 'text' },
        options: { config, maskSecrets: true, noPhysicFilePath: true },
      });
      return result.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, start: m.range[0], end: m.range[1] }));
    };
  });
  return loading;
}

async function importSecretlint() {
  try {
    const [{ lintSource }, { rules: presetRules }] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
    await silenceProfiler();
    return { lintSource, presetRules };
  } catch (cause) {
    loading = undefined;
    throw new GitwardError('INTERNAL', 'secretlint could not be loaded', { hint: 'Reinstall dependencies (npm ci), or set secrets.secretlint: false.', cause });
  }
}

/** An optimization only: without the profiler package (a transitive dependency) secretlint still works. */
async function silenceProfiler(): Promise<void> {
  try {
    const { secretLintProfiler } = await import('@secretlint/profiler');
    secretLintProfiler.mark = () => undefined;
  } catch {
    // profiler not resolvable from here: keep its default behaviour
  }
}
