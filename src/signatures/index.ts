export { buildTrustStore, trustStoreFromTeamKeys } from './build-trust-store.js';
export { verifySignature } from './verify-signature.js';
export type { VerifySignatureInput } from './verify-signature.js';
export { verifyMany, POOL_THRESHOLD } from './verify-many.js';
export type { VerifyManyOptions } from './verify-many.js';
export type { SignedItem } from './verify-item.js';
export { emptyTrustStore } from './trust-store.js';
export type { TrustStore, OpenpgpKeyRecord, SshKeyRecord } from './trust-store.js';
