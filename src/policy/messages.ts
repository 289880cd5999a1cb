import type { SignatureStatus, SignatureVerdict } from '../model/index.js';

/**
 * Every user-facing sentence of the policy rules, in one place (house style §4): each builder
 * returns the violation's `message` (what is wrong) and `fix` (what to do, or how to allow it).
 * Messages about a commit never name the ref: the same problem reached through two refs then
 * reads the same and is reported once (see evaluatePush).
 */
type Text = { message: string; fix: string };

const list = (names: readonly string[]): string => (names.length === 0 ? '(nobody)' : names.join(', '));
const quote = (patterns: readonly string[]): string => patterns.map((p) => `/${p}/`).join(', ');
const short = (oid: string): string => oid.slice(0, 7);
const resign = 'then re-sign it (`git commit --amend --no-edit -S`; older commits: `git rebase -i --exec "git commit --amend --no-edit -S" <base>`) and push again';

/** The violation code for a commit or tag whose signature is not `good`. */
export const SIGNATURE_CODES: Record<Exclude<SignatureStatus, 'good'>, string> = {
  unsigned: 'COMMIT_UNSIGNED',
  bad: 'SIGNATURE_INVALID',
  untrusted: 'SIGNER_UNTRUSTED',
  unsupported: 'SIGNER_UNTRUSTED',
  expired: 'SIGNING_KEY_EXPIRED',
  revoked: 'SIGNING_KEY_REVOKED',
  'not-committer': 'SIGNER_NOT_COMMITTER',
};

function signatureFix(status: Exclude<SignatureStatus, 'good'>, you: string, email: string): string {
  const keyInPolicy = `ask an admin to add your public key to people.${you}.openpgp (or .ssh) in the server policy`;
  switch (status) {
    case 'unsigned': return `sign the commit: \`git commit --amend --no-edit -S\` (older commits: \`git rebase -i --exec "git commit --amend --no-edit -S" <base>\`), then push again; if your key is not known yet, ${keyInPolicy}`;
    case 'bad': return `the signature does not match the contents; ${resign}`;
    case 'untrusted': return `sign with a key the server policy lists, or ${keyInPolicy}; ${resign}`;
    case 'unsupported': return `sign with an OpenPGP or SSH key the server policy lists (X.509 is not supported); ${resign}`;
    case 'expired': return `extend the key (\`gpg --quick-set-expire <fingerprint> 1y\`) and give the admin the updated public key, or sign with a current key; ${resign}`;
    case 'revoked': return `the key is revoked: sign with a new key and ${keyInPolicy}; ${resign}`;
    case 'not-committer': return `commit with an email the signer owns (\`git config user.email\`, then \`git commit --amend --no-edit --reset-author -S\`), or ask an admin to add ${email} to people.${you}.emails`;
  }
}

const signatureProblem: Record<Exclude<SignatureStatus, 'good'>, string> = {
  unsigned: 'is not signed',
  bad: 'has a signature that does not verify',
  untrusted: 'is signed by a key the policy does not trust',
  unsupported: 'is signed in a format or algorithm gitward cannot verify',
  expired: 'is signed by an expired key',
  revoked: 'is signed by a revoked key',
  'not-committer': 'is signed by a trusted key whose owner is not the committer',
};

export const texts = {
  pusherNotAllowed: (pusher: string, allowed: readonly string[]): Text => ({
    message: `${pusher} may not push to this ref (allowed: ${list(allowed)})`,
    fix: `ask one of ${list(allowed)} to push it (or open a merge request), or ask an admin to add you to the ref's pushers`,
  }),
  pusherUnknown: (envVars: readonly string[]): Text => ({
    message: `this ref names its allowed pushers, but the push carries no identity (none of ${list(envVars)} is set)`,
    fix: 'push over an authenticated transport so the server knows who you are; an admin can point identity.env at the variable the server sets',
  }),
  forcePush: (oldOid: string, newOid: string): Text => ({
    message: `non-fast-forward update ${short(oldOid)} → ${short(newOid)} rewrites published history`,
    fix: 'rebase your work onto the current ref (`git pull --rebase`) and push without --force; an admin can allow it with forcePush: allow',
  }),
  deletion: (): Text => ({
    message: 'deleting this protected ref is not allowed',
    fix: 'keep the ref; an admin can allow it with deletion: allow',
  }),
  creation: (): Text => ({
    message: 'creating this ref is not allowed by the policy',
    fix: 'push to a ref name the policy allows to be created, or ask an admin to create it or set creation: allow',
  }),
  tagImmutable: (kind: 'update' | 'delete'): Text => ({
    message: kind === 'delete' ? 'this tag is immutable and cannot be deleted' : 'this tag is immutable and cannot be moved (not even fast-forward)',
    fix: 'leave the tag where it is and create a new tag (e.g. the next version) instead',
  }),
  nonLinear: (oid: string, parents: number): Text => ({
    message: `merge commit ${short(oid)} (${parents} parents) on a ref that requires linear history`,
    fix: 'rebase instead of merging (`git pull --rebase`, or `git rebase <base>`), then push again',
  }),
  signature: (what: 'commit' | 'tag', oid: string, verdict: SignatureVerdict, you: string, email: string): Text => {
    const status = verdict.status as Exclude<SignatureStatus, 'good'>;
    const detail = verdict.detail ? `: ${verdict.detail}` : '';
    const fix = what === 'tag'
      ? `re-create the tag signed (\`git tag -s -f <name> <commit>\`) with a key the policy trusts for your email, then push it again`
      : signatureFix(status, you, email);
    return { message: `${what} ${short(oid)} ${signatureProblem[status]}${detail}`, fix };
  },
  protectedPath: (path: string, more: number, glob: string, owners: readonly string[], verdict: SignatureVerdict): Text => ({
    message: `commit touches protected path ${path}${more > 0 ? ` (and ${more} more)` : ''} (${glob}) and ${
      verdict.status === 'good' ? `is signed by ${verdict.signer ?? 'an unnamed signer'}` : signatureProblem[verdict.status]
    }; it must be signed by one of: ${list(owners)}`,
    fix: `have one of ${list(owners)} review and sign the commit with their own key (\`git commit --amend --no-edit -S\`), or move the change to ${glob} out of it`,
  }),
  blockedPath: (path: string): Text => ({
    message: `adds or changes ${path}, which content.blockedPaths does not allow`,
    fix: `remove ${path} from the commits (\`git rm --cached ${path}\`, \`git commit --amend\`; older commits: \`git rebase -i\`) and add it to .gitignore`,
  }),
  fileTooLarge: (path: string, size: number, max: number): Text => ({
    message: `${path} is ${size} bytes, over content.maxFileSize (${max} bytes)`,
    fix: `remove ${path} from the commits (\`git rm --cached\`, \`git commit --amend\`; older commits: \`git rebase -i\` or \`git filter-repo\`) and store it outside git (e.g. Git LFS or an artifact store)`,
  }),
  commitMessage: (failed: readonly string[]): Text => ({
    message: `commit message does not match ${quote(failed)}`,
    fix: 'reword the commit (`git commit --amend`; older commits: `git rebase -i` with reword) so the message matches every metadata.commitMessage pattern',
  }),
  authorEmail: (email: string, failed: readonly string[]): Text => ({
    message: `author email ${email} does not match ${quote(failed)}`,
    fix: 'set `git config user.email` to an allowed address, then `git commit --amend --no-edit --reset-author` (older commits: `git rebase -i --exec`)',
  }),
  committerEmail: (email: string, failed: readonly string[]): Text => ({
    message: `committer email ${email} does not match ${quote(failed)}`,
    fix: 'set `git config user.email` to an allowed address and re-commit (`git commit --amend --no-edit`; older commits: `git rebase -i --exec "git commit --amend --no-edit"`)',
  }),
  refName: (ref: string, failed: readonly string[]): Text => ({
    message: `new ref ${ref} does not match ${quote(failed)}`,
    fix: 'push under an allowed name (`git push origin HEAD:refs/heads/<allowed-name>`), or ask an admin to widen metadata.refName',
  }),
  bypassNotAllowed: (pusher: string | undefined, option: string): Text => ({
    message: `${pusher ?? 'an unidentified pusher'} may not use ${option} (only breakGlass.allowed may); every violation stays in force`,
    fix: `fix the violations listed, or ask someone in breakGlass.allowed to push with -o ${option}="<reason>"`,
  }),
  bypassNoReason: (option: string): Text => ({
    message: `${option} needs a reason; every violation stays in force`,
    fix: `give the reason in the push option: git push -o ${option}="<why this cannot wait>"`,
  }),
  bypassNotice: (pusher: string, reason: string): string => `break-glass by ${pusher}: ${reason}`,
  bypassLifted: (lifted: ReadonlyArray<{ code: string; subject: string }>): string =>
    `break-glass lifted ${lifted.length} violation${lifted.length === 1 ? '' : 's'}: ${lifted.map((v) => `${v.code} ${v.subject}`).join('; ')}`,
};
