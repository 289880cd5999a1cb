import type { CommitInfo, PushedCommit, PushedRef, PushInput, RefUpdate, SignatureVerdict, TagInfo } from '../model/index.js';
import type { ServerPolicy } from '../config/types.js';
import type { GitContext } from '../git/index.js';
import { isAncestor, listCommits, listRefs, objectTypes, openObjectStore, parseCommit, parseTag, readCommitChanges, type ObjectStore } from '../git/index.js';
import { rulesForRef } from '../policy/index.js';
import { verifyMany, type TrustStore } from '../signatures/index.js';
import { GitwardError } from '../errors/index.js';

export interface CollectPushOptions {
  ctx: GitContext;
  policy: ServerPolicy;
  updates: RefUpdate[];
  trust: TrustStore;
  now: Date;
  pusher?: string;
  pushOptions: string[];
}

/** Annotated tags can point at tags; git peels them, and so do we (bounded, against crafted loops). */
const MAX_TAG_DEPTH = 10;

/**
 * Reads everything policy evaluation needs, with a fixed number of git processes however large
 * the push: one for-each-ref, one batch-check, one rev-list per protected ref, one for new
 * commits, one cat-file --batch, one diff-tree. Signatures are verified in one batch.
 */
export async function collectPushInput(options: CollectPushOptions): Promise<PushInput> {
  const { ctx, updates } = options;
  const existing = await listRefs(ctx);
  const tips = await peelTips(ctx, updates);
  const refs: PushedRef[] = [];
  for (const update of updates) refs.push(await pushedRef(options, update, tips.get(update.newOid), existing));
  const tipOids = [...new Set([...tips.values()].map((t) => t.commit).filter((c): c is string => c !== undefined))];
  const newCommits = await listCommits(ctx, { include: tipOids, exclude: [], excludeAllRefs: true });
  const oids = [...new Set([...refs.flatMap((r) => r.commits), ...newCommits])];
  const commits = await readPushedCommits(options, oids);
  await verifyTags(options, refs);
  return { refs, commits, newCommits, pushOptions: options.pushOptions, ...(options.pusher ? { pusher: options.pusher } : {}) };
}

interface Tip {
  /** The commit the new value peels to (undefined for a tag of a tree or blob). */
  commit?: string;
  tag?: TagInfo;
}

async function peelTips(ctx: GitContext, updates: RefUpdate[]): Promise<Map<string, Tip>> {
  const wanted = [...new Set(updates.filter((u) => u.kind !== 'delete').map((u) => u.newOid))];
  const types = await objectTypes(ctx, wanted);
  const missing = wanted.find((oid) => !types.has(oid));
  if (missing) throw new GitwardError('GIT_OBJECT_MISSING', `pushed object ${missing} is missing`, { hint: 'The push is incomplete; push again.' });
  const tips = new Map<string, Tip>();
  const tags = wanted.filter((oid) => types.get(oid)?.type === 'tag');
  for (const oid of wanted) if (types.get(oid)?.type === 'commit') tips.set(oid, { commit: oid });
  if (tags.length === 0) return withOthers(tips, wanted);
  const store = await openObjectStore(ctx, { expected: tags.length });
  try {
    for (const oid of tags) tips.set(oid, await peelTag(store, oid));
  } finally {
    store.close();
  }
  return withOthers(tips, wanted);
}

/** A tree or blob under a ref: nothing to walk. */
function withOthers(tips: Map<string, Tip>, wanted: string[]): Map<string, Tip> {
  for (const oid of wanted) if (!tips.has(oid)) tips.set(oid, {});
  return tips;
}

async function peelTag(store: ObjectStore, oid: string): Promise<Tip> {
  const first = parseTag(oid, (await store.read(oid)).bytes);
  let target = { oid: first.object, type: first.objectType };
  for (let depth = 0; target.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
    const inner = parseTag(target.oid, (await store.read(target.oid)).bytes);
    target = { oid: inner.object, type: inner.objectType };
  }
  return target.type === 'commit' ? { commit: target.oid, tag: first } : { tag: first };
}

async function pushedRef(options: CollectPushOptions, update: RefUpdate, tip: Tip | undefined, existing: Map<string, string>): Promise<PushedRef> {
  const ref: PushedRef = { update, commits: [] };
  if (update.kind === 'delete' || !tip) return ref;
  if (update.kind === 'update') ref.fastForward = await isAncestor(options.ctx, update.oldOid, update.newOid);
  const rules = rulesForRef(options.policy, update.ref);
  if (rules.protected && tip.commit) {
    // Already verified under these rules: the ref's old value and refs protected by exactly the
    // same entries. Not `--all`: that would let a commit reach `main` through a feature branch.
    const key = rules.matched.join(',');
    const peers = [...existing].filter(([name]) => name !== update.ref && rulesForRef(options.policy, name).matched.join(',') === key);
    const exclude = [...(update.kind === 'update' ? [update.oldOid] : []), ...peers.map(([, oid]) => oid)];
    ref.commits = await listCommits(options.ctx, { include: [tip.commit], exclude });
  }
  if (tip.tag) ref.tag = { info: tip.tag, verdict: { status: 'unsigned', detail: 'not verified yet' } };
  return ref;
}

async function readPushedCommits(options: CollectPushOptions, oids: string[]): Promise<Map<string, PushedCommit>> {
  const store = await openObjectStore(options.ctx, { expected: oids.length });
  let parsed: CommitInfo[];
  try {
    parsed = await Promise.all(oids.map(async (oid) => parseCommit(oid, (await store.read(oid)).bytes)));
  } finally {
    store.close();
  }
  const verdicts = await verifyMany(
    parsed.map((c) => ({ ...(c.signature ? { signature: c.signature } : {}), ...(c.signedPayload ? { payload: c.signedPayload } : {}), signerEmail: c.committer.email })),
    { trust: options.trust, now: options.now, bindCommitter: true },
  );
  const changes = await readCommitChanges(options.ctx, oids);
  const commits = new Map<string, PushedCommit>();
  parsed.forEach((commit, i) => {
    commits.set(commit.oid, { commit, verdict: verdicts[i] as SignatureVerdict, changes: changes.get(commit.oid) ?? [] });
  });
  return commits;
}

async function verifyTags(options: CollectPushOptions, refs: PushedRef[]): Promise<void> {
  const tagged = refs.filter((r) => r.tag);
  const verdicts = await verifyMany(
    tagged.map((r) => {
      const info = (r.tag as { info: TagInfo }).info;
      return { ...(info.signature ? { signature: info.signature } : {}), ...(info.signedPayload ? { payload: info.signedPayload } : {}), signerEmail: info.tagger?.email ?? '' };
    }),
    { trust: options.trust, now: options.now, bindCommitter: true },
  );
  tagged.forEach((r, i) => {
    (r.tag as { verdict: SignatureVerdict }).verdict = verdicts[i] as SignatureVerdict;
  });
}
