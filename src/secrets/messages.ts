/** User-facing strings of the secret engine, in one place (house style §4). */

const ALLOW_HINT = 'If it is not a secret, add `gitward:allow` to the line, or accept it with `gitward baseline`.';

const FIXES: Record<string, string> = {
  'k8s-plaintext-secret': `Encrypt the manifest with SOPS or replace it with a SealedSecret, and rotate every value it exposed. ${ALLOW_HINT}`,
  'private-key': `Remove the key from the repository and replace the key pair: anyone with the history has it. ${ALLOW_HINT}`,
};

export function fixFor(ruleId: string): string {
  return FIXES[ruleId] ?? `Remove the secret, load it from the environment or a secret manager, and rotate it: it stays in git history once pushed. ${ALLOW_HINT}`;
}

/**
 * The server ignores `gitward:allow` (unless the policy allows it) and never reads the pusher's
 * baseline, so its advice is about history and the admin-owned allowlist instead.
 */
export function serverFixFor(ruleId: string): string {
  const what = ruleId === 'private-key' ? 'replace the key pair' : 'rotate the secret';
  return `Remove it from every pushed commit (git commit --amend, or git rebase -i for older ones), ${what} (it left your machine), and push again. A false positive is allowed only by the server admin (content.allow or content.baseline in the policy).`;
}

export function skippedTooLarge(bytes: number, limit: number): string {
  return `${bytes} bytes, over secrets.maxFileSize (${limit})`;
}

export const SKIPPED_GIT_CRYPT = 'git-crypt encrypted blob';
export const SKIPPED_BINARY = 'NUL byte in the first 8000 bytes';
