import type { Finding, SkippedItem, Violation } from '../../../src/model/index.js';

/** Small builders for unit tests; goldens use test/fixtures/report instead. */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: 'SECRET_DETECTED', ruleId: 'github-token', file: 'src/app.ts', line: 3, column: 7,
    redacted: 'ghp_****', fingerprint: 'fp-1', confidence: 'high',
    message: 'GitHub token', fix: 'Remove the token and revoke it.', ...overrides,
  };
}

export function sampleViolation(overrides: Partial<Violation> = {}): Violation {
  return {
    code: 'COMMIT_UNSIGNED', subject: 'refs/heads/main@0123456789ab', ref: 'refs/heads/main',
    commit: '0123456789abcdef0123456789abcdef01234567', message: 'commit is not signed', fix: 'Sign it.', ...overrides,
  };
}

export function sampleSkipped(overrides: Partial<SkippedItem> = {}): SkippedItem {
  return { file: 'img.png', reason: 'binary', ...overrides };
}
