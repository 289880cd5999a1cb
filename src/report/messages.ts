import type { RenderContext } from './render-options.js';
import type { SkippedItem } from '../model/index.js';
import { plural } from './printable.js';

/**
 * Every user-facing sentence of the reports, in one place (house style §4): wording changes
 * happen here, and goldens pin the result.
 */

interface ContextWords {
  /** What `scannedFiles` counts. */
  unit: string;
  unitPlural: string;
  /** Header label when the decision blocks. */
  blocked: string;
  /** The one-line summary of a clean result. */
  clean: (count: number) => string;
  /** First step of "how to fix": where the secret has to go away. */
  removeStep: string;
}

const rewrite = 'Remove the secret, rewrite the commits that add it (`git commit --amend`, or `git rebase -i` for older ones), then push again.';

export const CONTEXT_WORDS: Record<RenderContext, ContextWords> = {
  staged: {
    unit: 'staged file', unitPlural: 'staged files', blocked: 'commit blocked',
    clean: (n) => `no secrets in ${plural(n, 'staged file')}`,
    removeStep: 'Remove the secret from the file and `git add` it again; read it from the environment or a secret manager instead.',
  },
  files: {
    unit: 'file', unitPlural: 'files', blocked: 'secrets found',
    clean: (n) => `no secrets in ${plural(n, 'file')}`,
    removeStep: 'Remove the secret from the file; read it from the environment or a secret manager instead.',
  },
  history: {
    unit: 'commit', unitPlural: 'commits', blocked: 'secrets found in history',
    clean: (n) => `no secrets in ${plural(n, 'commit')}`,
    removeStep: 'Remove the secret from the current files; if the history must be clean too, rewrite it (`git filter-repo`), or record the old findings with `gitward baseline --history` so only new ones block.',
  },
  push: {
    unit: 'commit', unitPlural: 'commits', blocked: 'push rejected',
    clean: (n) => `push accepted (${plural(n, 'commit')} checked)`,
    removeStep: rewrite,
  },
  outgoing: {
    unit: 'outgoing commit', unitPlural: 'outgoing commits', blocked: 'push blocked',
    clean: (n) => `no problems in ${plural(n, 'outgoing commit')}`,
    removeStep: rewrite,
  },
};

export const ROTATE_STEP =
  'Rotate the secret (revoke it and issue a new one) if it was ever pushed or shared: it is compromised, and deleting it from git does not undo that.';

export const ALLOW_WAYS = [
  'one line: add a comment containing `gitward:allow` on that line',
  'whole files: add a glob to `secrets.allow.paths` in the gitward config',
  'findings that already exist: run `gitward baseline` (they stop blocking; new ones still block)',
  'one rule: `secrets.rules.allow.<ruleId>` (regexes, stopwords) or `secrets.rules.disable`',
];

export const HEADINGS = {
  skipped: 'Not scanned — check these yourself, they are not known to be clean:',
  violations: 'Problems:',
  fix: 'How to fix:',
  allow: 'How to allow a false positive:',
};

export function describeSkip(item: SkippedItem): string {
  const base = { binary: 'binary, not scanned', 'too-large': 'too large, not scanned', encrypted: 'encrypted, not scanned' }[item.reason];
  return item.detail ? `${base} (${item.detail})` : base;
}

/** Server-side counterpart of the fix block: short, because it repeats on every rejected push. */
export const REMOTE_SECRET_HINT = 'a pushed secret is compromised: rotate it, remove it from the commits (git rebase -i), then push again';

export const HELP_URI = 'https://www.npmjs.com/package/gitward';
