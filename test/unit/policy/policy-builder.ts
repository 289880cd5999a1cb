import type { ChangedPath, PushedCommit, PushedRef, PushInput, RefUpdateKind, SignatureStatus, SignatureVerdict } from '../../../src/model/index.js';
import type { RefRule, SecretsConfig, ServerPolicy } from '../../../src/config/types.js';
import type { PolicyResult } from '../../../src/policy/index.js';

/**
 * Pure data for policy tests: policy/ judges data the use-case collected, so its unit tests
 * build that data directly (git and signatures have their own tests against real repos and keys).
 */

const secretsConfig: SecretsConfig = {
  enabled: false, maxFileSize: 1024 * 1024, baseline: '', secretlint: false,
  allow: { paths: [], regexes: [], stopwords: [], inlineComments: false },
  rules: { disable: [], custom: [], allow: {} },
};

/** alice and bob are maintainers (group `maintainers`), carol is a contributor, dave is break-glass only. */
export function makePolicy(overrides: Partial<Omit<ServerPolicy, 'content'>> & { content?: Partial<ServerPolicy['content']>; refs?: RefRule[] } = {}): ServerPolicy {
  const { content, ...rest } = overrides;
  return {
    file: '/etc/gitward/policy.yaml',
    digest: 'test',
    identity: { env: ['GITWARD_PUSHER', 'GL_USERNAME', 'GITEA_PUSHER_NAME', 'GITHUB_USER_LOGIN', 'REMOTE_USER'] },
    people: {
      alice: { emails: ['alice@example.com'], openpgp: [], ssh: [] },
      bob: { emails: ['Bob@Example.com', 'bob@home.example'], openpgp: [], ssh: [] },
      carol: { emails: ['carol@example.com'], openpgp: [], ssh: [] },
      dave: { emails: ['dave@example.com'], openpgp: [], ssh: [] },
    },
    groups: { maintainers: ['alice', 'bob'], oncall: ['dave'] },
    refs: [],
    metadata: {},
    breakGlass: { option: 'gitward.bypass', allowed: ['oncall'] },
    audit: {},
    timeoutSeconds: 120,
    ...rest,
    content: { blockedPaths: [], secrets: 'block', secretsConfig, ...content },
  };
}

let counter = 0;
/** A fresh, unique 40-hex oid; `prefix` makes it readable in failure output. */
export function oid(prefix = 'c'): string {
  counter += 1;
  return `${prefix}${counter.toString(16)}`.padEnd(40, '0');
}

export const ZERO = '0'.repeat(40);

export interface CommitSpec {
  oid?: string;
  parents?: string[];
  message?: string;
  authorEmail?: string;
  committerEmail?: string;
  /** Status of the signature verdict (default `good`, signed by `signer`). */
  status?: SignatureStatus;
  signer?: string;
  changes?: Array<Partial<ChangedPath> & { path: string }>;
}

export function makeCommit(spec: CommitSpec = {}): PushedCommit {
  const id = spec.oid ?? oid();
  const person = (email: string) => ({ name: email.split('@')[0] ?? 'x', email, timestamp: 1_700_000_000, tzOffset: '+0000' });
  const status = spec.status ?? 'good';
  const verdict: SignatureVerdict = {
    status, detail: `test verdict ${status}`,
    ...(status === 'good' || status === 'not-committer' ? { signer: spec.signer ?? 'alice' } : {}),
  };
  return {
    commit: {
      oid: id, tree: 'f'.repeat(40), parents: spec.parents ?? [oid('p')],
      author: person(spec.authorEmail ?? 'alice@example.com'), committer: person(spec.committerEmail ?? 'alice@example.com'),
      message: spec.message ?? 'feat: a change\n',
    },
    verdict,
    changes: (spec.changes ?? []).map((c) => ({ status: 'M', oldMode: '100644', newMode: '100644', newOid: oid('b'), newSize: 10, ...c })),
  };
}

export interface RefSpec {
  kind?: RefUpdateKind;
  /** Commits the ref gains (PushedRef.commits). */
  commits?: PushedCommit[];
  fastForward?: boolean;
  tag?: PushedRef['tag'];
}

/** A ref update; `update` defaults to a fast-forward. */
export function makeRef(ref: string, spec: RefSpec = {}): PushedRef {
  const kind = spec.kind ?? 'update';
  const commits = spec.commits ?? [];
  const newOid = kind === 'delete' ? ZERO : (commits[0]?.commit.oid ?? oid('n'));
  const pushed: PushedRef = { update: { ref, kind, oldOid: kind === 'create' ? ZERO : oid('o'), newOid }, commits: commits.map((c) => c.commit.oid) };
  if (kind === 'update') pushed.fastForward = spec.fastForward ?? true;
  if (spec.tag) pushed.tag = spec.tag;
  return pushed;
}

export interface PushSpec {
  refs: PushedRef[];
  /** Every commit in the push; all are new to the repository unless `newCommits` says otherwise. */
  commits?: PushedCommit[];
  newCommits?: string[];
  pusher?: string;
  pushOptions?: string[];
}

export function makePush(spec: PushSpec): PushInput {
  const commits = spec.commits ?? [];
  return {
    refs: spec.refs,
    commits: new Map(commits.map((c) => [c.commit.oid, c])),
    newCommits: spec.newCommits ?? commits.map((c) => c.commit.oid),
    pushOptions: spec.pushOptions ?? [],
    ...(spec.pusher === undefined ? {} : { pusher: spec.pusher }),
  };
}

/** Codes in result order: the assertion most tests make. */
export const codes = (result: PolicyResult): string[] => result.violations.map((v) => v.code);
