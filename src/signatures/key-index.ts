import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { OpenpgpComponent, OpenpgpKeyRecord, SshKeyRecord, TrustStore } from './trust-store.js';

export interface OpenpgpMatch {
  record: OpenpgpKeyRecord;
  component: OpenpgpComponent;
}

/**
 * Lookup tables over a trust store, built once per store and per thread. node:crypto KeyObjects are
 * imported on first use and cached, so a push of thousands of commits imports each key once.
 */
export class KeyIndex {
  private readonly byKeyId = new Map<string, OpenpgpMatch[]>();
  private readonly byFingerprint = new Map<string, OpenpgpMatch[]>();
  private readonly sshByBlob = new Map<string, SshKeyRecord[]>();
  private readonly keyObjects = new Map<string, KeyObject>();

  constructor(trust: TrustStore) {
    for (const record of trust.openpgp) {
      for (const component of [record.primary, ...record.subkeys]) {
        // A subkey without a valid binding signature is not part of the key: it is not indexed.
        if (component.bindings.length === 0) continue;
        push(this.byKeyId, component.keyId, { record, component });
        push(this.byFingerprint, component.fingerprint, { record, component });
      }
    }
    for (const record of trust.ssh) push(this.sshByBlob, record.blob, record);
  }

  /** Keys that may have made a signature: by issuer fingerprint when the signature names one, else by key id. */
  openpgpCandidates(issuerFingerprint: string | undefined, issuerKeyId: string | undefined): OpenpgpMatch[] {
    if (issuerFingerprint) return this.byFingerprint.get(issuerFingerprint) ?? [];
    return issuerKeyId ? this.byKeyId.get(issuerKeyId) ?? [] : [];
  }

  /** Every record holding the component with this fingerprint (the same key may be listed for several people). */
  openpgpHolders(fingerprint: string): OpenpgpMatch[] {
    return this.byFingerprint.get(fingerprint) ?? [];
  }

  ssh(blob: string): SshKeyRecord[] {
    return this.sshByBlob.get(blob) ?? [];
  }

  keyObject(id: string, jwk: JsonWebKey): KeyObject {
    let key = this.keyObjects.get(id);
    if (!key) {
      key = createPublicKey({ key: jwk, format: 'jwk' });
      this.keyObjects.set(id, key);
    }
    return key;
  }
}

const indexes = new WeakMap<TrustStore, KeyIndex>();

export function keyIndexFor(trust: TrustStore): KeyIndex {
  let index = indexes.get(trust);
  if (!index) {
    index = new KeyIndex(trust);
    indexes.set(trust, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
