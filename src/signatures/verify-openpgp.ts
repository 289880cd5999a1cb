import type { SignatureVerdict } from '../model/index.js';
import { bindSigner } from './bind-signer.js';
import { judgeOpenpgpKey } from './judge-openpgp-key.js';
import type { KeyIndex, OpenpgpMatch } from './key-index.js';
import { checkOpenpgpSignature, rejectedHash } from './openpgp-crypto.js';
import { parseOpenpgpSignature, SignatureFormatError, type OpenpgpSignature } from './parse-openpgp-signature.js';
import { time, verdicts } from './verdicts.js';

export interface VerifyContext {
  index: KeyIndex;
  now: number;
  bindCommitter: boolean;
}

/**
 * Verifies a detached OpenPGP signature over the exact signed bytes. Order: readable → issuer in
 * the trust store (without the key nothing can be checked: `untrusted`) → cryptographically valid
 * → key usable at signing time and now → signer bound to the committer email.
 */
export function verifyOpenpgp(signature: string, payload: Uint8Array, email: string, ctx: VerifyContext): SignatureVerdict {
  let sig: OpenpgpSignature;
  try {
    sig = parseOpenpgpSignature(signature);
  } catch (error) {
    if (error instanceof SignatureFormatError && error.unsupported) return verdicts.unsupported('openpgp', `This OpenPGP signature is not supported: ${error.message}`);
    return verdicts.malformed('openpgp', (error as Error).message);
  }
  const issuer = sig.issuerFingerprint ?? sig.issuerKeyId;
  if (!issuer) return verdicts.malformed('openpgp', 'it does not name the key that made it');
  const candidates = ctx.index.openpgpCandidates(sig.issuerFingerprint, sig.issuerKeyId);
  if (candidates.length === 0) return verdicts.untrusted({ format: 'openpgp', keyId: issuer });
  const keyId = (candidates[0] as OpenpgpMatch).record.primary.fingerprint;
  const weak = rejectedHash(sig.hashAlgorithm);
  if (weak) return verdicts.unsupported('openpgp', `The signature by key ${keyId} is not accepted: ${weak}`, keyId);
  if (sig.type !== 0x00 && sig.type !== 0x01) return verdicts.bad({ format: 'openpgp', keyId }, `it is not a document signature (type 0x${sig.type.toString(16)})`);
  const unsupported = candidates.find((c) => !c.component.jwk);
  const match = candidates.find((c) => c.component.jwk && cryptoHolds(sig, payload, c, ctx));
  if (!match) {
    if (unsupported) return verdicts.unsupported('openpgp', unsupported.component.unsupported ?? 'unsupported key', keyId);
    return verdicts.bad({ format: 'openpgp', keyId });
  }
  return judgeAndBind(sig, ctx.index.openpgpHolders(match.component.fingerprint), email, ctx);
}

function cryptoHolds(sig: OpenpgpSignature, payload: Uint8Array, match: OpenpgpMatch, ctx: VerifyContext): boolean {
  const { component } = match;
  if (sig.publicKeyAlgorithm !== component.algorithm) return false;
  try {
    return checkOpenpgpSignature(sig, payload, ctx.index.keyObject(component.fingerprint, component.jwk ?? {}));
  } catch {
    return false; // malformed values make OpenSSL throw: that is simply not a valid signature
  }
}

function judgeAndBind(sig: OpenpgpSignature, holders: OpenpgpMatch[], email: string, ctx: VerifyContext): SignatureVerdict {
  const judged = holders.map((holder) => ({ holder, problem: judgeOpenpgpKey(holder, sig.created, ctx.now) }));
  // The same key may sit in several people's entries; one copy carrying a revocation revokes it.
  const revoked = judged.find((j) => j.problem?.status === 'revoked');
  if (revoked?.problem) return revoked.problem;
  const usable = judged.filter((j) => !j.problem).map((j) => j.holder);
  const first = usable[0];
  if (!first) return (judged[0] as { problem: SignatureVerdict }).problem;
  const key = { format: 'openpgp' as const, keyId: first.record.primary.fingerprint };
  if (sig.expires !== undefined && ctx.now >= sig.expires) {
    return verdicts.expired({ ...key, owner: first.record.owner }, `made a signature that itself expired on ${time(sig.expires)}`);
  }
  const keyHolders = usable.map((h) => ({ owner: h.record.owner, principals: h.record.emails, patterns: false }));
  return bindSigner(keyHolders, key, email, ctx.bindCommitter);
}
