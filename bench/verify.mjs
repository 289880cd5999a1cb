// bench/verify.mjs — signature verification of a push of 1,000 signed commits per key type
// (OpenPGP ed25519, OpenPGP rsa3072, SSH ed25519): a shell loop of `git verify-commit` per commit
// (what a naive pre-receive does) beside gitward's pipeline in a fresh node process, as the hook
// runs it: build the trust store, one `git rev-list`, one `git cat-file --batch`, parseCommit,
// verifyMany. Needs `npm run build` (it imports dist/). Env: BENCH_COMMITS (1000), BENCH_RUNS (3).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { isolatedEnv, medianMs, printTable, run, tempDir } from './lib.mjs';

const self = fileURLToPath(import.meta.url);
const project = resolve(dirname(self), '..');
const dist = (path) => pathToFileURL(join(project, 'dist', path)).href;

if (process.argv[2] === '--child') {
  await child(JSON.parse(process.argv[3]));
} else {
  await main();
}

async function main() {
  const commits = Number(process.env.BENCH_COMMITS ?? 1000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const root = tempDir('gitward-bench-verify-');
  const env = { ...isolatedEnv(join(root, 'home')), GNUPGHOME: join(root, 'gnupg') };
  mkdirSync(env.GNUPGHOME, { mode: 0o700 });
  const gpg = (args, input) => run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env, input });
  const keys = [
    { name: 'ed25519', format: 'openpgp', algo: 'ed25519' },
    { name: 'rsa3072', format: 'openpgp', algo: 'rsa3072' },
    { name: 'ssh-ed25519', format: 'ssh' },
  ];
  console.log(`bench/verify: ${commits} signed commits per key type, ${runs} runs each; node ${process.version}, git ${run('git', ['--version']).stdout.trim()}`);
  const summary = [];
  for (const key of keys) {
    const email = `${key.name}@example.com`;
    const repo = join(root, key.name);
    run('git', ['init', '-q', repo], { env });
    const git = (...args) => run('git', args, { cwd: repo, env });
    const signer = makeSigner(key, email, { root, env, gpg, git });
    const started = process.hrtime.bigint();
    const tip = buildChain(repo, signer.sign, email, commits);
    git('update-ref', 'refs/heads/main', tip);
    console.log(`\n[${key.name}] made ${commits} signed commits in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
    const check = git('verify-commit', tip);
    if (check.status !== 0) throw new Error(`git verify-commit rejects the bench commits:\n${check.stderr}`);
    const job = { repo, people: { dev: { emails: [email], openpgp: signer.openpgp, ssh: signer.ssh } }, ref: 'refs/heads/main', expect: commits };
    const loopMs = medianMs(() => {
      const r = run('sh', ['-c', 'for c in $(git rev-list refs/heads/main); do git verify-commit "$c" >/dev/null 2>&1 || exit 1; done'], { cwd: repo, env });
      if (r.status !== 0) throw new Error('the verify-commit loop failed');
    }, { runs, warmup: 0 });
    let phases;
    // A fresh node process per run, as git starts the hook: start-up and imports are part of the cost.
    const timeGitward = (workers) => medianMs(() => (phases = runChild({ ...job, workers }, env)), { runs: Math.max(runs, 5), warmup: 1 });
    const pooled = timeGitward(undefined);
    const pooledPhases = phases;
    const inThread = timeGitward(0);
    const forcedPool = timeGitward(1);
    printTable(`[${key.name}] median wall time (fresh process each run; ratio vs the git loop)`, [
      { name: 'shell loop: git verify-commit per commit', ms: loopMs },
      { name: 'gitward (default)', ms: pooled },
      { name: 'gitward (workers: 0, one thread)', ms: inThread },
      { name: 'gitward (workers: 1, pool from dist/)', ms: forcedPool },
    ], loopMs);
    console.log(`  phases (auto): ${Object.entries(pooledPhases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  speed-up: ${(loopMs / pooled).toFixed(1)}x (target >= 10x)`);
    summary.push({ key: key.name, loopMs, gitwardMs: pooled, inThreadMs: inThread, poolMs: forcedPool, speedup: loopMs / pooled, phases: pooledPhases });
  }
  run('gpgconf', ['--kill', 'gpg-agent'], { env });
  rmSync(root, { recursive: true, force: true });
  console.log(`\nsummary ${JSON.stringify(summary.map((s) => ({ ...s, loopMs: Math.round(s.loopMs), gitwardMs: Math.round(s.gitwardMs), inThreadMs: Math.round(s.inThreadMs), poolMs: Math.round(s.poolMs), speedup: Number(s.speedup.toFixed(1)) })))}`);
  const slow = summary.filter((s) => s.speedup < 10);
  if (slow.length > 0) {
    console.error(`below the 10x target: ${slow.map((s) => s.key).join(', ')}`);
    process.exitCode = 1;
  }
}

function makeSigner(key, email, { root, env, gpg, git }) {
  if (key.format === 'ssh') {
    const path = join(root, `id_${key.name}`);
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', email, '-f', path]);
    const line = readFileSync(`${path}.pub`, 'utf8').trim();
    writeFileSync(join(root, 'allowed_signers'), `${email} ${line}\n`);
    git('config', 'gpg.ssh.allowedSignersFile', join(root, 'allowed_signers'));
    const sign = (payload) => run('ssh-keygen', ['-Y', 'sign', '-n', 'git', '-f', path, '-q'], { input: payload }).stdout;
    return { sign, openpgp: [], ssh: [line] };
  }
  const status = gpg(['--status-fd', '1', '--quick-gen-key', `Bench <${email}>`, key.algo, 'sign', '2y']).stdout;
  const fingerprint = /KEY_CREATED [BP] ([0-9A-F]{40})/.exec(status)?.[1];
  if (!fingerprint) throw new Error(`gpg made no key: ${status}`);
  const sign = (payload) => gpg(['-bsau', fingerprint], payload).stdout;
  return { sign, openpgp: [gpg(['--armor', '--export', fingerprint]).stdout], ssh: [] };
}

/**
 * A linear chain of signed commits on the empty tree, written as loose objects directly: each
 * commit is signed exactly as git signs it (detached signature over the object without gpgsig),
 * without paying a `git commit` process per commit.
 */
function buildChain(repo, sign, email, count) {
  const tree = run('git', ['mktree'], { cwd: repo, input: '' }).stdout.trim();
  let parent;
  for (let i = 0; i < count; i++) {
    const time = 1_700_000_000 + i;
    const header = `tree ${tree}\n${parent ? `parent ${parent}\n` : ''}author Bench <${email}> ${time} +0000\ncommitter Bench <${email}> ${time} +0000\n`;
    const message = `\ncommit ${i}\n`;
    const signature = sign(header + message);
    const raw = `${header}gpgsig ${signature.trimEnd().split('\n').join('\n ')}\n${message}`;
    parent = writeLooseObject(repo, 'commit', Buffer.from(raw));
  }
  return parent;
}

function writeLooseObject(repo, type, body) {
  const object = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const oid = createHash('sha1').update(object).digest('hex');
  const dir = join(repo, '.git', 'objects', oid.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, oid.slice(2)), deflateSync(object));
  return oid;
}

function runChild(job, env) {
  const r = run(process.execPath, [self, '--child', JSON.stringify(job)], { env });
  if (r.status !== 0) throw new Error(`gitward child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** What the hook does for signatures, in a fresh process; prints its phase times as JSON. */
async function child(job) {
  const t = [performance.now()];
  const { buildTrustStore, verifyMany } = await import(dist('signatures/index.js'));
  const { readObjects, parseCommit } = await import(dist('git/index.js'));
  t.push(performance.now());
  const trust = await buildTrustStore(job.people);
  t.push(performance.now());
  const oids = spawnSync('git', ['rev-list', job.ref], { cwd: job.repo, encoding: 'utf8' }).stdout.trim().split('\n');
  const objects = await readObjects({ cwd: job.repo, env: process.env }, oids);
  const commits = oids.map((oid) => parseCommit(oid, objects.get(oid).bytes));
  t.push(performance.now());
  const items = commits.map((c) => ({ signature: c.signature, payload: c.signedPayload, signerEmail: c.committer.email }));
  const verdicts = await verifyMany(items, { trust, now: new Date(), bindCommitter: true, ...(job.workers === undefined ? {} : { workers: job.workers }) });
  t.push(performance.now());
  const good = verdicts.filter((v) => v.status === 'good').length;
  if (good !== job.expect) throw new Error(`expected ${job.expect} good signatures, got ${good}: ${JSON.stringify(verdicts.find((v) => v.status !== 'good'))}`);
  const ms = (i) => `${(t[i + 1] - t[i]).toFixed(0)} ms`;
  console.log(JSON.stringify({ 'node start-up': `${t[0].toFixed(0)} ms`, import: ms(0), 'trust store': ms(1), 'rev-list+cat-file+parse': ms(2), verifyMany: ms(3) }));
}
