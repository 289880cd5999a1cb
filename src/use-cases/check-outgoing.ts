import type { Decision, PushedCommit, PushedRef } from '../model/index.js';
import { decide } from '../model/index.js';
import type { ServerPolicy, TeamConfig } from '../config/types.js';
import type { GitContext, PushLine } from '../git/index.js';
import { listCommits, objectTypes, parseCommit, readObjects } from '../git/index.js';
import { readTeamTrust } from '../config/index.js';
import { evaluatePush, globMatcher } from '../policy/index.js';
import { trustStoreFromTeamKeys, verifyMany } from '../signatures/index.js';
import { scanHistory } from './scan-history.js';

export interface OutgoingInput {
  ctx: GitContext;
  config: TeamConfig;
  lines: PushLine[];
  /** The remote's name (or URL when pushing to a URL): commits its tracking refs have are not outgoing. */
  remote: string;
  now: Date;
  baseline?: ReadonlySet<string>;
}

export interface OutgoingResult {
  decision: Decision;
  checkedCommits: number;
}

/**
 * The pre-push twin of the server check: the outgoing commits of every pushed ref go through the
 * same verifier and the same `signedCommits: required` rule the server applies, with the team's
 * `signing.trust` as the trust store, so a rejection shows up before anything leaves the laptop.
 */
export async function checkOutgoing(input: OutgoingInput): Promise<OutgoingResult> {
  const { config } = input;
  const inScope = globMatcher(config.prePush.refs);
  const lines = input.lines.filter((l) => l.kind !== 'delete' && inScope(l.ref));
  const refs = await outgoingRefs(input, lines);
  const oids = [...new Set(refs.flatMap((r) => r.commits))];
  const violations = config.prePush.verifySignatures && oids.length > 0
    ? evaluatePush(clientPolicy(config), { refs, commits: await verifiedCommits(input, oids), newCommits: [], pushOptions: [] }).violations
    : [];
  const secrets = config.prePush.scanSecrets && config.secrets.enabled && oids.length > 0
    ? (await scanHistory({
        ctx: input.ctx, config: config.secrets,
        ...(input.baseline ? { baseline: input.baseline } : {}),
        revs: [...new Set(lines.map((l) => l.newOid))].concat('--not', ...knownOldOids(refs), `--remotes=${input.remote}`),
      })).decision
    : undefined;
  const decision = decide({ findings: secrets?.findings ?? [], violations, skipped: secrets?.skipped ?? [], notices: [] });
  return { decision, checkedCommits: oids.length };
}

async function outgoingRefs(input: OutgoingInput, lines: PushLine[]): Promise<PushedRef[]> {
  // The remote's old value may be a commit we never fetched: exclude it only when we have it.
  const known = await objectTypes(input.ctx, lines.filter((l) => l.kind === 'update').map((l) => l.oldOid));
  const refs: PushedRef[] = [];
  for (const line of lines) {
    const exclude = known.has(line.oldOid) ? [line.oldOid] : [];
    const commits = await listCommits(input.ctx, { include: [line.newOid], exclude, excludeRemote: input.remote });
    refs.push({ update: { ref: line.ref, oldOid: exclude[0] ?? line.oldOid, newOid: line.newOid, kind: line.kind }, commits, fastForward: true });
  }
  return refs;
}

function knownOldOids(refs: PushedRef[]): string[] {
  return refs.filter((r) => r.update.kind === 'update').map((r) => r.update.oldOid);
}

async function verifiedCommits(input: OutgoingInput, oids: string[]): Promise<Map<string, PushedCommit>> {
  const trust = await trustStoreFromTeamKeys(await readTeamTrust(input.config.signing.trust));
  const objects = await readObjects(input.ctx, oids);
  const commits = oids.map((oid) => parseCommit(oid, (objects.get(oid) as { bytes: Buffer }).bytes));
  const verdicts = await verifyMany(
    commits.map((c) => ({ ...(c.signature ? { signature: c.signature } : {}), ...(c.signedPayload ? { payload: c.signedPayload } : {}), signerEmail: c.committer.email })),
    { trust, now: input.now, bindCommitter: input.config.signing.bindCommitter },
  );
  return new Map(commits.map((commit, i) => [commit.oid, { commit, verdict: verdicts[i] as PushedCommit['verdict'], changes: [] }]));
}

/** The client's rules as a server policy: every in-scope ref requires signed commits; nothing else. */
function clientPolicy(config: TeamConfig): ServerPolicy {
  return {
    file: '(team config)', digest: '', identity: { env: [] }, people: {}, groups: {},
    refs: config.prePush.refs.map((match) => ({ match, signedCommits: 'required' as const, forcePush: 'allow' as const, deletion: 'allow' as const })),
    content: { blockedPaths: [], secrets: 'off', secretsConfig: config.secrets },
    metadata: {}, breakGlass: { option: 'gitward.bypass', allowed: [] }, audit: {}, timeoutSeconds: 120,
  };
}
