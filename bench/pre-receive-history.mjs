// bench/pre-receive-history.mjs [corpus-dir] — a real `git push` of a whole ≥5,000-commit history
// (default /tmp/hist-corpus, built by bench/build-history.mjs) into an empty bare repository guarded
// by gitward's real pre-receive shim with `content.secrets: block`, beside `git log -p` over the
// same commits, same run, medians. Policies: A = secrets only (the corpus is unsigned, so the push
// can be accepted); B = A + `signedCommits: required` on main (rejected, after the same full check);
// C = secrets off (memory only: what the policy evaluation alone holds). Then where the time goes
// (probe, timeline, CPU profile: see bench/pre-receive.mjs), and the peak memory of the hook's node
// process and of its whole process tree at the oldest quarter, the older half and the full history.
// Needs `npm run build`. Env: BENCH_RUNS (3), GITWARD_BIN, BENCH_ALT_BIN (a second build, policy A).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isolatedEnv, run, tempDir } from './lib.mjs';
import {
  project, makeServer, timedPush, median, nodeWrapper, rssReporter, machine, readProbe, printPhases, profile, timelineTools, printTimeline,
} from './pre-receive.mjs';

const POLICIES = {
  A: 'content:\n  secrets: block\n',
  B: 'refs:\n  - match: refs/heads/main\n    signedCommits: required\ncontent:\n  secrets: block\n',
  C: 'content:\n  secrets: "off"\n',
};

/** Runs git with stdout drained by this process through a pipe (a real consumer). */
function timeGit(ctx, args) {
  return new Promise((resolveP, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('git', args, { cwd: ctx.corpus, env: ctx.env, stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    child.stdout.on('data', (c) => (bytes += c.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolveP({ ms: Number(process.hrtime.bigint() - start) / 1e6, bytes }) : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
  });
}

/** One push into a fresh server; the decision comes from the push's audit record. */
function push(ctx, name, hook, policy, rev, extraEnv = {}) {
  const gitDir = makeServer(ctx.root, name, { hook, policy, env: ctx.env });
  const p = timedPush(ctx.corpus, gitDir, `${rev}:refs/heads/main`, { ...ctx.env, ...extraEnv });
  const audit = join(gitDir, 'gitward', 'audit.jsonl');
  const record = existsSync(audit) ? JSON.parse(readFileSync(audit, 'utf8').trim().split('\n').pop()) : undefined;
  return { ...p, gitDir, record };
}

function outcome(p) {
  const r = p.record;
  if (!r) return `exit ${p.status}, no audit record`;
  if (r.error) return `${r.decision ?? 'failed'}: ${r.error.code} ${r.error.message}`;
  return `${r.decision} (${r.findings?.length ?? 0} findings, ${r.violations?.length ?? 0} violations, ${r.skipped?.length ?? 0} skipped)`;
}

/** Pushes and git passes interleaved, rotated each round. */
async function measure(ctx, runs, logPatchesArgs) {
  const hookSteps = { A: [POLICIES.A, {}], B: [POLICIES.B, {}], noop: [POLICIES.A, {}, 'noop'], ...(ctx.alt ? { alt: [POLICIES.A, { GITWARD_BIN: ctx.alt }] } : {}) };
  const gitSteps = { logp: ['log', '-p', ctx.tip], logpU0: ['log', '-p', '-U0', ctx.tip], ownPass: logPatchesArgs({ revs: [ctx.tip] }) };
  const series = Object.fromEntries([...Object.keys(hookSteps), ...Object.keys(gitSteps)].map((k) => [k, { ms: [], push: [], cpu: [], note: '' }]));
  for (let i = 0; i < runs; i++) {
    const order = Object.keys(series);
    for (let r = 0; r < i; r++) order.push(order.shift());
    for (const name of order) {
      const s = series[name];
      if (gitSteps[name]) {
        const res = await timeGit(ctx, gitSteps[name]);
        s.ms.push(res.ms);
        s.note = `${(res.bytes / 2 ** 20).toFixed(0)} MiB of output`;
      } else {
        const [policy, env, hook = 'gitward'] = hookSteps[name];
        const res = push(ctx, `srv-${name}-${i}`, hook, policy, ctx.tip, env);
        s.ms.push(res.hookMs);
        s.push.push(res.pushMs);
        s.cpu.push(res.cpuMs);
        s.note = hook === 'noop' ? '' : outcome(res);
        rmSync(res.gitDir, { recursive: true, force: true });
      }
      process.stderr.write(`  run ${i + 1} ${name}: ${s.ms.at(-1).toFixed(0)} ms ${s.note}\n`);
    }
  }
  return series;
}

function printRows(ctx, series) {
  const logp = median(series.logp.ms);
  const labels = {
    A: 'gitward hook, policy A (secrets: block)', B: 'gitward hook, policy B (A + signedCommits: required)', noop: 'no-op hook (the push itself)',
    alt: 'BENCH_ALT_BIN hook, policy A', logp: `git log -p ${ctx.tip.slice(0, 10)}`, logpU0: 'git log -p -U0', ownPass: "gitward's own git pass alone (-U0 -M remerge)",
  };
  console.log(`\nmedians of ${series.logp.ms.length}: wall time, ratio to \`git log -p\` over the same ${ctx.count} commits`);
  for (const [name, s] of Object.entries(series)) {
    const extra = s.push.length ? `  (whole push ${(median(s.push) / 1000).toFixed(2)} s, hook CPU ${(median(s.cpu) / 1000).toFixed(2)} s)` : '';
    console.log(`  ${labels[name].padEnd(54)} ${(median(s.ms) / 1000).toFixed(2).padStart(7)} s  ${(median(s.ms) / logp).toFixed(2)}x${extra}  ${s.note}`);
  }
  console.log(`  gitward hook (A) / git log -p: ${(median(series.A.ms) / logp).toFixed(2)}x (target <= 2x)`);
  return { logpMs: Math.round(logp), hookA: Math.round(median(series.A.ms)), hookB: Math.round(median(series.B.ms)), ratioA: Number((median(series.A.ms) / logp).toFixed(2)) };
}

/** Probe, timeline and CPU profile of one policy-A push. */
function explain(ctx, hookMedian) {
  printPhases(readProbe(push(ctx, 'srv-probe', 'probe', POLICIES.A, ctx.tip).gitDir), hookMedian);
  const timeline = timelineTools(ctx.root);
  printTimeline(timeline.log, push(ctx, 'srv-timeline', 'gitward', POLICIES.A, ctx.tip, timeline.env));
  profile(ctx.root, 'prof', (nodeEnv) => push(ctx, 'srv-prof', 'gitward', POLICIES.A, ctx.tip, nodeEnv));
}

/** Peak RSS of the node process (all threads) and, with GNU time, of the largest process of its tree. */
function peakMemory(ctx) {
  console.log('\npeak memory of the hook (maximum resident set size): node process | largest process of the tree under node (GNU time)');
  const at = (fraction) => ctx.chain[Math.floor(ctx.chain.length * fraction) - 1];
  const lengths = [['oldest quarter', at(0.25), ['A', 'C']], ['older half', at(0.5), ['A', 'B', 'C']], ['full history', ctx.tip, ['A', 'B', 'C']]];
  const rows = [];
  for (const [label, rev, policies] of lengths) {
    const commits = ctx.chain.indexOf(rev) + 1;
    for (const policy of policies) {
      const rss = join(ctx.root, `rss-${commits}-${policy}`);
      const tree = join(ctx.root, `tree-${commits}-${policy}`);
      const timePrefix = existsSync('/usr/bin/time') ? `/usr/bin/time -f %M -o '${tree}' ` : '';
      const wrapper = nodeWrapper(ctx.root, `node-mem-${commits}-${policy}`, `--import '${rssReporter(rss)}'`, timePrefix);
      const p = push(ctx, `srv-mem-${commits}-${policy}`, 'gitward', POLICIES[policy], rev, { GITWARD_NODE: wrapper });
      const nodeKb = Number(readFileSync(rss, 'utf8'));
      const treeKb = existsSync(tree) ? Number(readFileSync(tree, 'utf8').trim().split('\n').pop()) : NaN;
      rows.push({ label, policy, commits, nodeKb, treeKb, hookMs: Math.round(p.hookMs) });
      const mib = (kb) => (kb / 1024).toFixed(1).padStart(6);
      console.log(`  ${`${label} (${commits} commits), policy ${policy}`.padEnd(40)} ${mib(nodeKb)} MiB | ${mib(treeKb)} MiB   hook ${(p.hookMs / 1000).toFixed(2)} s, ${outcome(p)}`);
      rmSync(p.gitDir, { recursive: true, force: true });
    }
  }
  return rows;
}

async function main() {
  const corpus = resolve(process.argv[2] ?? '/tmp/hist-corpus');
  if (!existsSync(join(corpus, '.git'))) throw new Error(`no corpus at ${corpus}: node bench/build-history.mjs ${corpus}`);
  if (!existsSync(join(project, 'dist/cli/bin.js'))) throw new Error('run `npm run build` first');
  const { logPatchesArgs } = await import(join(project, 'dist/git/log-patches.js'));
  const root = tempDir('gitward-bench-pre-receive-history-');
  const env = { ...isolatedEnv(join(root, 'home')), GITWARD_NODE: process.execPath };
  const git = (...args) => run('git', args, { cwd: corpus, env }).stdout.trim();
  const tip = git('rev-parse', 'HEAD');
  const chain = git('rev-list', '--reverse', tip).split('\n');
  const ctx = { corpus, root, env, tip, chain, count: chain.length, alt: process.env.BENCH_ALT_BIN };
  const description = existsSync(join(corpus, 'CORPUS.md')) ? readFileSync(join(corpus, 'CORPUS.md'), 'utf8').trim() : '';
  console.log('bench/pre-receive-history: push of a whole history into an empty bare repo (file://), fresh server each push');
  console.log(`  corpus ${corpus}: ${ctx.count} commits (${git('rev-list', '--count', '--merges', tip)} merges), pack ${git('count-objects', '-vH').match(/size-pack: (.*)/)?.[1]}; ${description}`);
  console.log(`  ${machine()}`);
  const series = await measure(ctx, Number(process.env.BENCH_RUNS ?? 3), logPatchesArgs);
  const summary = printRows(ctx, series);
  explain(ctx, summary.hookA);
  summary.memory = peakMemory(ctx);
  console.log(`summary-json ${JSON.stringify({ commits: ctx.count, ...summary })}`);
  console.log(`uptime at end: ${run('uptime', []).stdout.trim()}`);
  rmSync(root, { recursive: true, force: true });
  if (summary.ratioA > 2) {
    console.error('above the 2x target');
    process.exitCode = 1;
  }
}

await main();
