import type { Key, SignaturePacket, Subkey, enums as Enums } from 'openpgp';
import { isSigningAlgorithm, publicParamsToJwk } from './openpgp-jwk.js';
import type { KeyBinding, KeyRevocation, OpenpgpComponent } from './trust-store.js';

/** What one armored key contributes to the trust store: its components and the emails of its valid user IDs. */
export interface ReadOpenpgpKey {
  primary: OpenpgpComponent;
  subkeys: OpenpgpComponent[];
  emails: string[];
}

type KeyPacket = Key['keyPacket'];

/** Signature types (RFC 4880 §5.2.1) of the self-signatures checked here. */
const SIG = {
  certGeneric: 0x10, key: 0x1f, subkeyBinding: 0x18, keyBinding: 0x19, keyRevocation: 0x20, subkeyRevocation: 0x28, certRevocation: 0x30,
} as const;
const SIGN_DATA_FLAG = 0x02;
type SignatureData = Record<string, unknown>;

const REVOCATION_REASONS: Record<number, string> = { 1: 'superseded', 2: 'compromised', 3: 'retired', 32: 'user ID no longer valid' };

/**
 * Reads armored public keys with openpgp.js and checks every self-signature, binding signature,
 * back-signature and revocation cryptographically, once. Validity is not judged here: that
 * depends on the signature's time and the push time, so every valid self-signature is kept with
 * its time (see `judgeOpenpgpKey`).
 */
export async function readOpenpgpKeys(armored: string): Promise<ReadOpenpgpKey[]> {
  // Loaded on first use: openpgp.js costs ~110 ms to import, which SSH-only trust stores, empty
  // ones and the verification workers never need to pay.
  const openpgp = await import('openpgp');
  const keys = await openpgp.readKeys({ armoredKeys: armored });
  const out: ReadOpenpgpKey[] = [];
  for (const key of keys) {
    if (key.isPrivate()) throw new Error(`key ${fingerprintOf(key.keyPacket)} is a PRIVATE key; give only the public key`);
    out.push(await describeKey(key));
  }
  return out;
}

async function describeKey(key: Key): Promise<ReadOpenpgpKey> {
  const primary = key.keyPacket;
  const emails: string[] = [];
  const bindings: KeyBinding[] = [];
  for (const user of key.users) {
    if (!user.userID) continue; // photo IDs carry no email
    const data = { userID: user.userID, key: primary };
    const certs = await validSignatures(user.selfCertifications, primary, SIG.certGeneric, data);
    if (certs.length === 0 || (await validSignatures(user.revocationSignatures, primary, SIG.certRevocation, data)).length > 0) continue;
    bindings.push(...certs.map((sig) => toBinding(primary, sig, canSignWith(primary, sig))));
    const email = user.userID.email || (/^[^\s<>@]+@[^\s<>@]+$/.test(user.userID.userID) ? user.userID.userID : '');
    if (email) emails.push(email.toLowerCase());
  }
  const direct = (key as unknown as { directSignatures?: SignaturePacket[] }).directSignatures ?? [];
  const directValid = await validSignatures(direct, primary, SIG.key, { key: primary });
  bindings.push(...directValid.map((sig) => toBinding(primary, sig, canSignWith(primary, sig))));
  if (bindings.length === 0) throw new Error(`key ${fingerprintOf(primary)} has no valid self-signature (no usable user ID)`);
  const revocations = await validRevocations(key.revocationSignatures, primary, SIG.keyRevocation, { key: primary });
  const subkeys: OpenpgpComponent[] = [];
  for (const subkey of key.subkeys) subkeys.push(await describeSubkey(primary, subkey));
  return { primary: component(primary, bindings, revocations), subkeys, emails: [...new Set(emails)] };
}

async function describeSubkey(primary: KeyPacket, subkey: Subkey): Promise<OpenpgpComponent> {
  const data = { key: primary, bind: subkey.keyPacket };
  const bindings: KeyBinding[] = [];
  for (const sig of await validSignatures(subkey.bindingSignatures, primary, SIG.subkeyBinding, data)) {
    // A signing subkey must cross-certify its primary (embedded 0x19 back-signature), or anyone
    // could attach someone else's signing subkey to their own key.
    const back = sig.embeddedSignature;
    const crossCertified = back !== null && (await validSignatures([back], subkey.keyPacket, SIG.keyBinding, data)).length > 0;
    bindings.push(toBinding(subkey.keyPacket, sig, crossCertified && canSignWith(subkey.keyPacket, sig)));
  }
  const revocations = await validRevocations(subkey.revocationSignatures, primary, SIG.subkeyRevocation, data);
  return component(subkey.keyPacket, bindings, revocations);
}

function component(packet: KeyPacket | Subkey['keyPacket'], bindings: KeyBinding[], revocations: KeyRevocation[]): OpenpgpComponent {
  const converted = publicParamsToJwk(packet.algorithm, packet.publicParams as Parameters<typeof publicParamsToJwk>[1]);
  return {
    fingerprint: fingerprintOf(packet),
    keyId: packet.getKeyID().toHex().toUpperCase(),
    created: packet.created.getTime(),
    algorithm: packet.algorithm,
    ...converted,
    bindings: bindings.sort((a, b) => a.created - b.created),
    revocations: revocations.sort((a, b) => a.created - b.created),
  };
}

function toBinding(packet: KeyPacket | Subkey['keyPacket'], sig: SignaturePacket, canSign: boolean): KeyBinding {
  const binding: KeyBinding = { created: (sig.created as Date).getTime(), canSign };
  if (sig.keyNeverExpires === false && sig.keyExpirationTime) binding.keyExpires = packet.created.getTime() + sig.keyExpirationTime * 1000;
  const expires = sig.getExpirationTime();
  if (expires !== Infinity) binding.expires = (expires as Date).getTime();
  return binding;
}

/** Key flags allow signing data (no flags at all: the algorithm decides, as gpg and openpgp.js do). */
function canSignWith(packet: KeyPacket | Subkey['keyPacket'], sig: SignaturePacket): boolean {
  const flags = sig.keyFlags?.[0];
  return isSigningAlgorithm(packet.algorithm) && (flags === undefined || (flags & SIGN_DATA_FLAG) !== 0);
}

async function validSignatures(sigs: SignaturePacket[], signer: KeyPacket | Subkey['keyPacket'], type: number, data: SignatureData): Promise<SignaturePacket[]> {
  const valid: SignaturePacket[] = [];
  for (const sig of sigs) {
    try {
      // date null: check the cryptography only; validity over time is judged per signature later.
      await sig.verify(signer, type as Enums.signature, data, null as unknown as Date);
      if (sig.created) valid.push(sig);
    } catch {
      // an invalid self-signature is ignored, as gpg does
    }
  }
  return valid;
}

/** Only revocations made by the key itself count; third-party (designated revoker) ones cannot be checked. */
async function validRevocations(sigs: SignaturePacket[], primary: KeyPacket, type: number, data: SignatureData): Promise<KeyRevocation[]> {
  return (await validSignatures(sigs, primary, type, data)).map((sig) => {
    const reason = [REVOCATION_REASONS[sig.reasonForRevocationFlag ?? 0], sig.reasonForRevocationString].filter(Boolean).join(': ');
    return { created: (sig.created as Date).getTime(), ...(reason ? { reason } : {}) };
  });
}

function fingerprintOf(packet: KeyPacket | Subkey['keyPacket']): string {
  return packet.getFingerprint().toUpperCase();
}
