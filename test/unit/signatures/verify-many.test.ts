import assert from 'node:assert/strict';
import { join } from 'node:path';
import { POOL_THRESHOLD, verifyMany, verifySignature, type SignedItem, type TrustStore } from '../../../src/signatures/index.js';
import { makeGpgKey, makeSshKey, revokeGpgKey } from '../../helpers/keys.js';
import { DAY, Lab, person, tamper, trustOf } from './lab.js';

/**
 * verifyMany is the fast path (a worker-thread pool for big pushes); it must give exactly the
 * verdicts verifySignature gives, item by item, in order.
 */
describe('signatures: verifyMany equals verifySignature', function () {
  this.timeout(180_000);
  let lab: Lab;
  let items: SignedItem[];
  let trust: TrustStore;
  let now: Date;

  before(async () => {
    lab = new Lab();
    const g = lab.gnupghome;
    const ed = makeGpgKey(g, { name: 'Ed', email: 'ed@example.com' });
    const rsa = makeGpgKey(g, { name: 'Rsa', email: 'rsa@example.com', algo: 'rsa2048' });
    const old = makeGpgKey(g, { name: 'Old', email: 'old@example.com', expire: '1d', createdAt: new Date(Date.now() - 10 * DAY) });
    const gone = makeGpgKey(g, { name: 'Gone', email: 'gone@example.com' });
    const stranger = makeGpgKey(g, { name: 'Stranger', email: 'stranger@example.com' });
    const ssh = makeSshKey(join(lab.repo.home, 'ssh'));
    const pgp = (fingerprint: string, at?: Date) => ({ format: 'openpgp' as const, key: fingerprint, ...(at ? { at } : {}) });
    const objects = [
      lab.commit(pgp(ed.fingerprint), ed.email),
      lab.commit(pgp(rsa.fingerprint), rsa.email),
      lab.commit({ format: 'ssh', privateKeyPath: ssh.privateKeyPath }, 'ssh@example.com'),
      lab.commit(pgp(old.fingerprint, new Date(Date.now() - 10 * DAY + DAY / 2)), old.email),
      lab.commit(pgp(gone.fingerprint), gone.email),
      lab.commit(pgp(stranger.fingerprint), stranger.email),
      lab.commit(pgp(ed.fingerprint), 'someone-else@example.com'),
      lab.tag(pgp(ed.fingerprint), ed.email, 'v1'),
    ];
    const goneRevoked = revokeGpgKey(g, gone.fingerprint);
    trust = await trustOf({
      ed: person([ed.email], { openpgp: [ed.publicArmored] }),
      rsa: person([rsa.email], { openpgp: [rsa.publicArmored] }),
      old: person([old.email], { openpgp: [old.publicArmored] }),
      gone: person([gone.email], { openpgp: [goneRevoked] }),
      ssh: person(['ssh@example.com'], { ssh: [ssh.publicLine] }),
    });
    const base: SignedItem[] = objects.map((o) => ({ signature: o.signature as string, payload: o.payload, signerEmail: o.email }));
    const first = objects[0] as { payload: Buffer; email: string; signature?: string };
    base.push({ signature: first.signature as string, payload: tamper(first.payload), signerEmail: first.email });
    base.push({ payload: first.payload, signerEmail: first.email }); // unsigned
    base.push({ signature: '-----BEGIN SIGNED MESSAGE-----\nMIIB\n-----END SIGNED MESSAGE-----\n', payload: first.payload, signerEmail: first.email });
    items = Array.from({ length: 20 }, () => base).flat(); // 220 items: several chunks
    now = new Date(Date.now() + 1000); // push time: after the revocation above
  });
  after(() => lab.cleanup());

  const expected = () => Promise.all(items.map((item) => verifySignature({
    signature: item.signature ?? '', payload: item.payload as Uint8Array, signerEmail: item.signerEmail, trust, now, bindCommitter: true,
  })));

  it('the mixed batch covers every status', async () => {
    const statuses = new Set((await expected()).map((v) => v.status));
    assert.deepEqual([...statuses].sort(), ['bad', 'expired', 'good', 'not-committer', 'revoked', 'unsigned', 'unsupported', 'untrusted']);
  });

  for (const workers of [0, 1, 2]) {
    it(`gives identical verdicts in order with ${workers} worker thread(s)`, async () => {
      const verdicts = await verifyMany(items, { trust, now, bindCommitter: true, workers });
      assert.deepEqual(verdicts, await expected());
    });
  }

  it(`batches of ${POOL_THRESHOLD}+ signatures (automatic worker count) give the same verdicts`, async () => {
    const big = Array.from({ length: Math.ceil(POOL_THRESHOLD / items.length) + 1 }, () => items).flat();
    const verdicts = await verifyMany(big, { trust, now, bindCommitter: true });
    const single = await expected();
    assert.deepEqual(verdicts, big.map((_, i) => single[i % items.length]));
  });

  it('an empty batch gives no verdicts', async () => {
    assert.deepEqual(await verifyMany([], { trust, now, bindCommitter: true, workers: 1 }), []);
  });
});
