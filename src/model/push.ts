import type { ChangedPath } from './changed-path.js';
import type { CommitInfo, TagInfo } from './commit-info.js';
import type { RefUpdate } from './ref-update.js';
import type { SignatureVerdict } from './signature.js';

/** A commit that a push brings, with everything the rules need, read once. */
export interface PushedCommit {
  commit: CommitInfo;
  verdict: SignatureVerdict;
  /** Paths changed against the first parent (merges: the combined diff against all parents). */
  changes: ChangedPath[];
}

export interface PushedRef {
  update: RefUpdate;
  /** For `update`: whether the old value is an ancestor of the new one. Undefined for create/delete. */
  fastForward?: boolean;
  /**
   * Commits this ref gains that were not already verified under this ref's rules: reachable from
   * the new value, not from the old value, nor from any other existing ref protected by exactly the
   * same rules. (Computing against `--all` would let a commit reach `main` through an unprotected
   * branch.) Oids, keys of `PushInput.commits`.
   */
  commits: string[];
  /** The annotated tag object, when the new value is one. */
  tag?: { info: TagInfo; verdict: SignatureVerdict };
}

/** Everything policy evaluation needs about one push. Pure data: built by the use-case, judged by policy/. */
export interface PushInput {
  refs: PushedRef[];
  /** Every commit named by any `PushedRef.commits` or `newCommits`. */
  commits: Map<string, PushedCommit>;
  /** Commits new to the repository (reachable from no existing ref): content and metadata rules. */
  newCommits: string[];
  /** Identified pusher (policy person name or raw identity), when any env var named one. */
  pusher?: string;
  /** `git push -o` values, as `key=value` or `key`. */
  pushOptions: string[];
}
