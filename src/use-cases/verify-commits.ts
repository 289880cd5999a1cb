import type { CommitInfo, SignatureVerdict } from '../model/index.js';
import type { GitContext } from '../git/index.js';
import { parseCommit, readObjects, runGit } from '../git/index.js';
import { GitwardError } from '../errors/index.js';
import { loadServerPolicy, readTeamTrust } from '../config/index.js';
import type { TeamConfig } from '../config/types.js';
import { buildTrustStore, trustStoreFromTeamKeys, verifyMany, type TrustStore } from '../signatures/index.js';

export interface VerifyCommitsInput {
  ctx: GitContext;
  revs: string[];
  /** Team config (client trust) unless `policyFile` is given (the server's people). */
  config: TeamConfig;
  policyFile?: string;
  gitDir: string;
  now: Date;
}

export interface VerifiedCommit {
  commit: CommitInfo;
  verdict: SignatureVerdict;
}

/** `gitward verify`: the verifier the hooks use, on commits named on the command line. */
export async function verifyCommits(input: VerifyCommitsInput): Promise<VerifiedCommit[]> {
  // git 2.39's rev-parse echoes `--end-of-options` instead of honouring it: refuse option-like
  // revisions here, and end the list with `--` so none is read as a path.
  const option = input.revs.find((r) => r.startsWith('-'));
  if (option) throw new GitwardError('USAGE', `'${option}' is not a commit`, { hint: 'Name commits, e.g. `gitward verify HEAD HEAD~1`.' });
  const { stdout } = await runGit(input.ctx, ['rev-parse', ...input.revs.map((r) => `${r}^{commit}`), '--']);
  const oids = stdout.toString('utf8').split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  const objects = await readObjects(input.ctx, oids);
  const commits = oids.map((oid) => parseCommit(oid, (objects.get(oid) as { bytes: Buffer }).bytes));
  const { trust, bind } = await trustFor(input);
  const verdicts = await verifyMany(
    commits.map((c) => ({ ...(c.signature ? { signature: c.signature } : {}), ...(c.signedPayload ? { payload: c.signedPayload } : {}), signerEmail: c.committer.email })),
    { trust, now: input.now, bindCommitter: bind },
  );
  return commits.map((commit, i) => ({ commit, verdict: verdicts[i] as SignatureVerdict }));
}

async function trustFor(input: VerifyCommitsInput): Promise<{ trust: TrustStore; bind: boolean }> {
  if (input.policyFile) {
    const policy = await loadServerPolicy({ explicitFile: input.policyFile, gitDir: input.gitDir });
    return { trust: await buildTrustStore(policy.people), bind: true };
  }
  return { trust: await trustStoreFromTeamKeys(await readTeamTrust(input.config.signing.trust)), bind: input.config.signing.bindCommitter };
}
