import type { Decision, Finding, RefUpdate, Violation } from '../model/index.js';
import { decide } from '../model/index.js';
import type { ServerPolicy } from '../config/types.js';
import type { GitContext } from '../git/index.js';
import { readBaseline } from '../config/index.js';
import { evaluatePush, resolvePusher } from '../policy/index.js';
import { buildTrustStore } from '../signatures/index.js';
import { serverFixFor } from '../secrets/index.js';
import { collectPushInput } from './collect-push-input.js';
import { scanHistory } from './scan-history.js';

export interface IncomingPushInput {
  ctx: GitContext;
  policy: ServerPolicy;
  updates: RefUpdate[];
  /** The hook's environment as plain data: pusher identity and push options come from it. */
  env: Record<string, string | undefined>;
  now: Date;
}

export interface IncomingPushResult {
  decision: Decision;
  pusher?: string;
  pushOptions: string[];
  bypass?: { pusher: string; reason: string };
}

/** `git push -o x` reaches the hook as GIT_PUSH_OPTION_COUNT / GIT_PUSH_OPTION_<n>. */
export function readPushOptions(env: Record<string, string | undefined>): string[] {
  const count = Number(env.GIT_PUSH_OPTION_COUNT ?? 0);
  const options: string[] = [];
  for (let i = 0; Number.isInteger(count) && i < Math.min(count, 1000); i++) options.push(env[`GIT_PUSH_OPTION_${i}`] ?? '');
  return options;
}

/**
 * The server decision for one push: policy rules over the pushed refs and commits, plus the
 * secret engine over the lines new commits add. Break-glass lifts policy violations but never
 * secret findings. Throws GitwardError on any failure; the face turns that into a rejection.
 */
export async function checkIncomingPush(input: IncomingPushInput): Promise<IncomingPushResult> {
  const { policy } = input;
  const pusher = resolvePusher(policy, input.env);
  const pushOptions = readPushOptions(input.env);
  // The secret scan is mostly git producing `log -p`: run it while keys load and signatures verify.
  const scanning = scanPushedSecrets(input, input.updates.some((u) => u.kind !== 'delete'));
  scanning.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const trust = await buildTrustStore(policy.people);
  const push = await collectPushInput({ ctx: input.ctx, policy, updates: input.updates, trust, now: input.now, pushOptions, ...(pusher ? { pusher } : {}) });
  const verdict = evaluatePush(policy, push);
  const secrets = await scanning;
  const warnings = policy.content.secrets === 'warn' ? secrets.findings.map(asWarning) : [];
  const decision = decide({
    findings: policy.content.secrets === 'block' ? secrets.findings : [],
    violations: [...verdict.violations, ...warnings],
    skipped: secrets.skipped,
    notices: verdict.notices,
  });
  return { decision, pushOptions, ...(pusher ? { pusher } : {}), ...(verdict.bypass ? { bypass: verdict.bypass } : {}) };
}

async function scanPushedSecrets(input: IncomingPushInput, hasNewCommits: boolean): Promise<Pick<Decision, 'findings' | 'skipped'>> {
  const config = input.policy.content.secretsConfig;
  if (input.policy.content.secrets === 'off' || !hasNewCommits || !config.enabled) return { findings: [], skipped: [] };
  const tips = [...new Set(input.updates.filter((u) => u.kind !== 'delete').map((u) => u.newOid))];
  const baseline = config.baseline ? await readBaseline(config.baseline) : new Set<string>();
  const { decision } = await scanHistory({
    ctx: input.ctx,
    config,
    baseline,
    inlineAllow: config.allow.inlineComments,
    revs: [...tips, '--not', '--all'],
  });
  return { findings: decision.findings.map((f) => ({ ...f, fix: serverFixFor(f.ruleId) })), skipped: decision.skipped };
}

function asWarning(finding: Finding): Violation {
  return {
    code: 'SECRET_DETECTED',
    subject: `${finding.file}:${finding.line}`,
    message: `${finding.ruleId}: ${finding.redacted} (not blocking: content.secrets is warn)`,
    fix: finding.fix,
    severity: 'warn',
    ...(finding.commit ? { commit: finding.commit } : {}),
  };
}
