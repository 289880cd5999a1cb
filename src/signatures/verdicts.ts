import type { SignatureFormat, SignatureVerdict } from '../model/index.js';

/**
 * Every verdict sentence the verifier writes, in one place (house style §4: user-facing strings
 * are not scattered). Each says what happened and what to do about it.
 */
const LABEL: Record<SignatureFormat, string> = { openpgp: 'OpenPGP', ssh: 'SSH', x509: 'X.509' };
const RESIGN = 're-sign it (`git commit --amend --no-edit -S`, or `git rebase --exec "git commit --amend --no-edit -S"` for a series)';

export function time(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface Signer {
  format: SignatureFormat;
  keyId: string;
  owner?: string;
}

function base(status: SignatureVerdict['status'], signer: Signer, detail: string): SignatureVerdict {
  return { status, format: signer.format, keyId: signer.keyId, ...(signer.owner ? { signer: signer.owner } : {}), detail };
}

export const verdicts = {
  unsigned: (): SignatureVerdict => ({
    status: 'unsigned',
    detail: 'Not signed; sign commits with `git commit -S` (or set `commit.gpgSign=true`) and tags with `git tag -s`.',
  }),
  unknownFormat: (): SignatureVerdict => ({
    status: 'bad', detail: 'The signature is in no format git makes (OpenPGP, SSH or X.509 armor); ' + RESIGN + '.',
  }),
  noPayload: (format?: SignatureFormat): SignatureVerdict => ({
    status: 'bad', ...(format ? { format } : {}), detail: 'A signature was found but not the bytes it signs; the object could not be split (a gitward bug or a damaged object).',
  }),
  malformed: (format: SignatureFormat, reason: string): SignatureVerdict => ({
    status: 'bad', format, detail: `The ${LABEL[format]} signature cannot be read (${reason}); ${RESIGN}.`,
  }),
  unsupported: (format: SignatureFormat, reason: string, keyId?: string): SignatureVerdict => ({
    status: 'unsupported', format, ...(keyId ? { keyId } : {}),
    detail: `${reason}; sign with an OpenPGP (Ed25519, RSA, ECDSA) or SSH (ed25519, ecdsa, rsa) key.`,
  }),
  bad: (signer: Signer, reason = 'it does not match the signed content: the object changed after signing, or the signature is corrupt'): SignatureVerdict =>
    base('bad', signer, `The ${LABEL[signer.format]} signature by key ${signer.keyId} is invalid: ${reason}; ${RESIGN}.`),
  untrusted: (signer: Signer, extra = ''): SignatureVerdict =>
    base('untrusted', signer, `Signed with ${LABEL[signer.format]} key ${signer.keyId}, which is not in the trust store${extra}; ` +
      'sign with a trusted key, or ask an admin to add this public key to the signer\'s entry (server `people.<name>`, client `signing.trust`).'),
  expired: (signer: Signer, what: string): SignatureVerdict =>
    base('expired', signer, `${LABEL[signer.format]} key ${signer.keyId}${signer.owner ? ` (${signer.owner})` : ''} ${what}; ` +
      'extend the key\'s validity (e.g. `gpg --quick-set-expire`) and update the trust store, or sign with a valid key.'),
  revoked: (signer: Signer, at: number, reason?: string): SignatureVerdict =>
    base('revoked', signer, `${LABEL[signer.format]} key ${signer.keyId}${signer.owner ? ` (${signer.owner})` : ''} was revoked on ${time(at)}` +
      `${reason ? ` (${reason})` : ''}, so it is not accepted for pushes after that; ${RESIGN} with a new key.`),
  notCommitter: (signer: Signer, email: string): SignatureVerdict =>
    base('not-committer', signer, `Signed with ${signer.owner}'s trusted key ${signer.keyId}, but the committer/tagger email ` +
      `"${email}" is not one of ${signer.owner}'s emails; commit as one of them, or ask an admin to add this email to ${signer.owner}.`),
  good: (signer: Signer, email: string, bound: boolean): SignatureVerdict =>
    base('good', signer, `Good ${LABEL[signer.format]} signature by ${signer.owner} (key ${signer.keyId})` +
      `${bound ? `, bound to ${email}` : ''}.`),
};
