#!/usr/bin/env node
// `npm run demo`: gitward end to end on throwaway repositories under the temp directory.
// Client: the hooks block a staged secret and let a clean commit through. Server: a bare
// repository guarded by the real pre-receive shim rejects an unsigned push, accepts a signed
// one, and writes an audit record of each. Nothing outside the temp directory is touched.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, symlinkSync, realpathSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'gitward-demo-')));
const home = join(root, 'home');
const binDir = join(root, 'bin');
mkdirSync(home, { recursive: true });
mkdirSync(binDir);
// The hooks find `gitward` on PATH, as after `npm install -g gitward`.
writeFileSync(join(binDir, 'gitward'), `#!/bin/sh\nexec "${process.execPath}" "${join(project, 'dist/bundle/bin.js')}" "$@"\n`, { mode: 0o755 });
writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Alice\n\temail = alice@example.com\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n');
const env = { PATH: `${binDir}:${process.env.PATH}`, HOME: home, GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', LANG: 'C.UTF-8' };

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (title) => console.log(`\n${bold(`== ${title}`)}`);
function sh(cwd, cmd, args, { show = true, expect } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (show) console.log(`$ ${[cmd, ...args].join(' ')}`);
  const out = `${r.stdout}${r.stderr}`.trimEnd();
  if (show && out) console.log(out.replace(/^/gm, '  '));
  if (expect !== undefined && (expect === 0 ? r.status !== 0 : r.status === 0)) {
    throw new Error(`demo: expected ${cmd} ${args.join(' ')} to ${expect === 0 ? 'succeed' : 'fail'} (status ${r.status})`);
  }
  return r;
}

/** A GitHub-token-shaped value with a valid checksum, built now so no token sits in this file. */
function fakeGithubToken() {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const body = Array.from(randomBytes(30), (b) => alphabet[b % 62]).join('');
  let sum = '';
  for (let v = crc32(body); v > 0; v = Math.floor(v / 62)) sum = alphabet[v % 62] + sum;
  return `${'ghp'}_${body}${sum.padStart(6, '0')}`;
}

try {
  const client = join(root, 'app');
  mkdirSync(client);
  step('1. A developer installs gitward in a repository');
  sh(client, 'git', ['init', '-q']);
  sh(client, 'gitward', ['init'], { expect: 0 });

  step('2. A staged secret is blocked before the commit exists');
  writeFileSync(join(client, 'deploy.env'), `REGION=eu-west-1\nGITHUB_TOKEN=${fakeGithubToken()}\n`);
  sh(client, 'git', ['add', 'deploy.env']);
  sh(client, 'git', ['commit', '-m', 'add deploy settings'], { expect: 1 });

  step('3. Without the secret, the commit goes through');
  sh(client, 'git', ['rm', '-q', '--cached', 'deploy.env']);
  unlinkSync(join(client, 'deploy.env'));
  writeFileSync(join(client, 'deploy.env'), 'REGION=eu-west-1\nGITHUB_TOKEN=${GITHUB_TOKEN}\n');
  sh(client, 'git', ['add', 'deploy.env']);
  sh(client, 'git', ['commit', '-q', '-m', 'add deploy settings'], { expect: 0 });

  step('4. The server: a bare repository whose pre-receive is gitward, with an admin policy');
  const server = join(root, 'server.git');
  sh(root, 'git', ['init', '-q', '--bare', server], { show: false });
  symlinkSync(join(project, 'server-hooks/pre-receive'), join(server, 'hooks/pre-receive'));
  sh(root, 'ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'alice', '-f', join(home, 'id_ed25519')], { show: false });
  const aliceKey = readFileSync(join(home, 'id_ed25519.pub'), 'utf8').trim();
  mkdirSync(join(server, 'gitward'));
  const policy = [
    'people:', '  alice:', '    emails: [alice@example.com]', `    ssh: ["${aliceKey}"]`,
    'refs:', '  - match: refs/heads/main', '    signedCommits: required',
    'content:', '  secrets: block', `audit:`, `  file: ${join(root, 'audit.jsonl')}`, '',
  ].join('\n');
  writeFileSync(join(server, 'gitward/policy.yaml'), policy);
  console.log(policy.replace(/^/gm, '  '));
  sh(client, 'git', ['remote', 'add', 'origin', server], { show: false });

  step('5. An unsigned commit is rejected by the server (the client hook could have been skipped)');
  sh(client, 'git', ['push', '--no-verify', 'origin', 'main'], { expect: 1 });

  step('6. Signed with a key the admin trusts, the same change is accepted');
  sh(client, 'git', ['config', 'gpg.format', 'ssh'], { show: false });
  sh(client, 'git', ['config', 'user.signingkey', join(home, 'id_ed25519.pub')], { show: false });
  sh(client, 'git', ['commit', '--amend', '--no-edit', '-q', '-S'], { expect: 0 });
  sh(client, 'git', ['push', '--no-verify', 'origin', 'main'], { expect: 0 });

  step('7. The audit log: one record per push decision');
  for (const line of readFileSync(join(root, 'audit.jsonl'), 'utf8').trim().split('\n')) {
    const r = JSON.parse(line);
    console.log(`  ${r.time}  ${r.decision.padEnd(8)}  pusher=${r.pusher ?? '-'}  ${r.refs.map((x) => `${x.ref} ${x.new.slice(0, 8)}`).join(', ')}  violations=${(r.violations ?? []).map((v) => v.code).join(',') || '-'}`);
  }
  console.log(`\n${bold('Demo finished.')} Everything ran under ${root} (now removed).`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
