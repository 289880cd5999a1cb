import { verify, type KeyObject } from 'node:crypto';
import type { SignatureVerdict } from '../model/index.js';
import { allowsNamespace } from './allowed-signers.js';
import { bindSigner } from './bind-signer.js';
import { parseSshSignature, sshSignedData, type SshSignature } from './parse-ssh-signature.js';
import { SSH_ECDSA_CURVES, decodeSshPublicKey } from './ssh-public-key.js';
import type { SshKeyRecord } from './trust-store.js';
import type { VerifyContext } from './verify-openpgp.js';
import { time, verdicts } from './verdicts.js';
import { WireReader, leftPad } from './wire-reader.js';

const NAMESPACE = 'git';
const RSA_HASHES: Record<string, string> = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' };

/**
 * Verifies an SSHSIG signature. The signature embeds its public key, so the cryptography is
 * checked before the trust store: a tampered object is `bad` even when the key is unknown.
 * SSH signatures carry no time: allowed-signers `valid-after`/`valid-before` are applied at push
 * time (git applies them at the committer date, which the signer chooses).
 */
export function verifySsh(signature: string, payload: Uint8Array, email: string, ctx: VerifyContext): SignatureVerdict {
  let sig: SshSignature;
  let key: ReturnType<typeof decodeSshPublicKey>;
  try {
    sig = parseSshSignature(signature);
    key = decodeSshPublicKey(sig.publicKey);
  } catch (error) {
    return verdicts.malformed('ssh', (error as Error).message);
  }
  const signer = { format: 'ssh' as const, keyId: key.fingerprint };
  if (sig.namespace !== NAMESPACE) return verdicts.bad(signer, `it was made for namespace "${sig.namespace}", not "${NAMESPACE}"`);
  if (sig.hashAlgorithm !== 'sha256' && sig.hashAlgorithm !== 'sha512') {
    return verdicts.unsupported('ssh', `The SSH signature uses hash "${sig.hashAlgorithm}" (expected sha256 or sha512)`, key.fingerprint);
  }
  if (!key.jwk) return verdicts.unsupported('ssh', key.unsupported ?? 'unsupported SSH key', key.fingerprint);
  if (!sshCryptoHolds(sig, payload, ctx.index.keyObject(key.blob, key.jwk), key.keyType)) return verdicts.bad(signer);
  return judgeSshKey(ctx.index.ssh(key.blob), signer, email, ctx);
}

function judgeSshKey(records: SshKeyRecord[], signer: { format: 'ssh'; keyId: string }, email: string, ctx: VerifyContext): SignatureVerdict {
  if (records.length === 0) return verdicts.untrusted(signer);
  const inNamespace = records.filter((r) => allowsNamespace(r, NAMESPACE));
  if (inNamespace.length === 0) {
    return verdicts.untrusted(signer, ` for namespace "${NAMESPACE}" (its allowed-signers entry says namespaces="${records[0]?.namespaces}")`);
  }
  const timely = inNamespace.filter((r) => !(r.validAfter !== undefined && ctx.now < r.validAfter) && !(r.validBefore !== undefined && ctx.now > r.validBefore));
  if (timely.length === 0) {
    const r = inNamespace[0] as SshKeyRecord;
    const window = `${r.validAfter !== undefined ? ` from ${time(r.validAfter)}` : ''}${r.validBefore !== undefined ? ` until ${time(r.validBefore)}` : ''}`;
    return verdicts.expired({ ...signer, owner: r.owner }, `is trusted only${window} (allowed-signers), and this push is at ${time(ctx.now)}`);
  }
  return bindSigner(timely, signer, email, ctx.bindCommitter);
}

function sshCryptoHolds(sig: SshSignature, payload: Uint8Array, key: KeyObject, keyType: string): boolean {
  try {
    const data = sshSignedData(sig, payload);
    if (keyType === 'ssh-ed25519') return sig.algorithm === keyType && verify(null, data, key, sig.value);
    if (keyType === 'ssh-rsa') {
      const hash = RSA_HASHES[sig.algorithm]; // plain "ssh-rsa" means SHA-1: refused, as ssh-keygen does
      return hash !== undefined && verify(hash, data, key, sig.value);
    }
    const curve = SSH_ECDSA_CURVES[keyType.slice('ecdsa-sha2-'.length)];
    if (!curve || sig.algorithm !== keyType) return false;
    const inner = new WireReader(sig.value);
    const [r, s] = [inner.mpint(), inner.mpint()];
    if (r.length > curve.size || s.length > curve.size) return false;
    return verify(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([leftPad(r, curve.size), leftPad(s, curve.size)]));
  } catch {
    return false;
  }
}
