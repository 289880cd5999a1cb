import type { TeamConfig } from './types.js';

/** How deep `extends` may nest (gitleaks' maxExtendDepth precedent; 5 leaves room for org → team → repo layering). */
export const MAX_EXTENDS_DEPTH = 5;

/** Environment variables that name the pusher on common forges, in order (policy `identity.env`). */
export const DEFAULT_IDENTITY_ENV = ['GITWARD_PUSHER', 'GL_USERNAME', 'GITEA_PUSHER_NAME', 'GITHUB_USER_LOGIN', 'REMOTE_USER'];

/** Push option that carries a break-glass reason (`git push -o gitward.bypass="reason"`). */
export const DEFAULT_BREAK_GLASS_OPTION = 'gitward.bypass';

/** Server hook time limit in seconds; past it the push is rejected (fail closed). */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/**
 * The team config used when no file exists, and the base layer every file is applied over.
 * A fresh object each call, so callers may not mutate a shared default by accident.
 * Every key is described in team-schema.ts, which generates gitward.schema.json from these values.
 */
export function defaultTeamConfig(): TeamConfig {
  return {
    secrets: {
      enabled: true,
      // 1 MiB: secrets live in text files; bigger blobs are usually generated or binary and are reported as skipped.
      maxFileSize: 1024 * 1024,
      allow: { paths: [], regexes: [], stopwords: [], inlineComments: true },
      baseline: '.gitward-baseline.json',
      secretlint: true,
      rules: { disable: [], custom: [], allow: {} },
    },
    signing: {
      required: false,
      trust: { openpgp: [] },
      bindCommitter: true,
    },
    prePush: {
      // Follows signing.required unless set (normalize.ts); false here because signing.required is.
      verifySignatures: false,
      refs: ['**'],
      scanSecrets: true,
    },
  };
}
