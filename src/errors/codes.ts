/**
 * The registry of every stable code gitward emits: failures (GitwardError), violations and findings.
 * Codes are never renamed once released. Each has a one-line summary; the README's
 * "Codes" table documents each one (a test keeps the two in step).
 */
export const failureCodes = {
  USAGE: 'The command line is not valid.',
  CONFIG_INVALID: 'The team config or server policy has errors.',
  CONFIG_NOT_FOUND: 'A config or policy file that was named explicitly does not exist.',
  CONFIG_EXTENDS_NOT_FOUND: 'A package or file named in `extends` cannot be resolved.',
  CONFIG_EXTENDS_CYCLE: '`extends` refers back to a config already being loaded.',
  CONFIG_EXTENDS_TOO_DEEP: '`extends` nests deeper than the limit.',
  POLICY_NOT_FOUND: 'No server policy was found; the server rejects every push until one exists.',
  TRUST_STORE_UNREADABLE: 'A key file named by the policy or team config cannot be read or parsed.',
  NOT_A_REPOSITORY: 'The command must run inside a git repository.',
  GIT_FAILED: 'A git command failed.',
  GIT_OBJECT_MISSING: 'A git object needed for the check is missing.',
  HOOK_INPUT_INVALID: 'The hook received malformed input on stdin.',
  TIMEOUT: 'The check exceeded its time limit.',
  COMMAND_FAILED: 'An external program (gpg, ssh-keygen, node) could not be started.',
  AUDIT_FAILED: 'The audit record could not be written; the server rejects a push it cannot audit.',
  BASELINE_INVALID: 'The baseline file cannot be read.',
  INTERNAL: 'An unexpected internal error.',
} as const;

export const violationCodes = {
  SECRET_DETECTED: 'A secret was found in content.',
  SIGNING_NOT_CONFIGURED: 'Commit signing is required but not set up in git config.',
  SIGNING_KEY_UNUSABLE: 'The configured signing key is missing, expired or revoked.',
  COMMIT_UNSIGNED: 'A commit that must be signed has no signature.',
  SIGNATURE_INVALID: 'A signature does not verify against the commit contents.',
  SIGNER_UNTRUSTED: 'The signing key is not in the trust store.',
  SIGNER_NOT_COMMITTER: 'The key is trusted but its owner is not the committer (email binding).',
  SIGNING_KEY_EXPIRED: 'The signing key was expired at signing time or is expired now.',
  SIGNING_KEY_REVOKED: 'The signing key is revoked.',
  PUSHER_NOT_ALLOWED: 'The pusher may not update this ref.',
  PUSHER_UNKNOWN: 'The ref names allowed pushers, but the pusher is not identified.',
  FORCE_PUSH_DENIED: 'A non-fast-forward update of a protected ref.',
  DELETION_DENIED: 'Deleting a protected ref.',
  CREATION_DENIED: 'Creating a ref that the policy does not allow to be created.',
  TAG_IMMUTABLE: 'Moving or deleting an immutable tag.',
  NON_LINEAR_HISTORY: 'A merge commit on a ref that requires linear history.',
  PROTECTED_PATH: 'A commit touches a protected path without a signature by one of its owners.',
  BLOCKED_PATH: 'A commit adds or changes a path that the policy blocks.',
  FILE_TOO_LARGE: 'A pushed file is larger than the policy allows.',
  COMMIT_MESSAGE_INVALID: 'A commit message does not match the policy pattern.',
  AUTHOR_EMAIL_INVALID: 'An author email does not match the policy pattern.',
  COMMITTER_EMAIL_INVALID: 'A committer email does not match the policy pattern.',
  REF_NAME_INVALID: 'A created ref name does not match the policy pattern.',
  BYPASS_DENIED: 'A break-glass push option was given by a pusher not allowed to use it, or without a reason.',
} as const;

export type FailureCode = keyof typeof failureCodes;
export type ViolationCode = keyof typeof violationCodes;

/** README anchor for a code, e.g. `#code-commit_unsigned`. */
export function codeAnchor(code: string): string {
  return `#code-${code.toLowerCase()}`;
}
