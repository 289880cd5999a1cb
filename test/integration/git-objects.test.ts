import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, withRepo } from '../helpers/repo.js';
import { parseCommit, parseTag, readObjects, readCommitChanges, listCommits, parseReceiveInput, parsePushInput, isAncestor } from '../../src/git/index.js';

type Repo = ReturnType<typeof createRepo>;

/** SSH signing needs no agent: a throwaway key made with ssh-keygen, as git's own t/lib-gpg.sh does. */
function enableSshSigning(repo: Repo): void {
  const key = join(repo.home, 'id_ed25519');
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
  assert.equal(r.status, 0, String(r.stderr));
  repo.git('config', 'gpg.format', 'ssh');
  repo.git('config', 'user.signingkey', `${key}.pub`);
}

/** ssh-keygen is the oracle: the payload we split off must be exactly the bytes git signed. */
function sshSignatureMatches(repo: Repo, signature: string, payload: Uint8Array): boolean {
  const sig = join(repo.home, 'sig');
  writeFileSync(sig, signature);
  const r = spawnSync('ssh-keygen', ['-Y', 'check-novalidate', '-n', 'git', '-s', sig], { input: payload });
  return r.status === 0;
}

async function readCommit(repo: Repo, rev: string) {
  const oid = repo.git('rev-parse', rev).trim();
  const objects = await readObjects({ cwd: repo.dir, env: repo.env }, [oid]);
  return parseCommit(oid, (objects.get(oid) as { bytes: Buffer }).bytes);
}

describe('git object adapters (real repositories)', () => {
  let repo: Repo;
  beforeEach(() => {
    repo = createRepo();
    enableSshSigning(repo);
  });
  afterEach(() => repo.cleanup());

  it('splits off the exact signed bytes for CRLF, verbatim and ISO-8859-1 messages', async () => {
    repo.write('a.txt', 'a\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-S', '--cleanup=verbatim', '-m', 'crlf line\r\nsecond\r\n\r\n\r\n');
    const crlf = await readCommit(repo, 'HEAD');
    assert.equal(crlf.signatureFormat, 'ssh');
    assert.ok(crlf.signature && crlf.signedPayload);
    assert.ok(sshSignatureMatches(repo, crlf.signature, crlf.signedPayload), 'CRLF payload must verify');
    assert.ok(!Buffer.from(crlf.signedPayload).includes('gpgsig'), 'the signature header is not part of the payload');

    repo.git('config', 'i18n.commitEncoding', 'ISO-8859-1');
    const msg = join(repo.home, 'msg');
    writeFileSync(msg, Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'));
    repo.write('b.txt', 'b\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-S', '-F', msg);
    const latin = await readCommit(repo, 'HEAD');
    assert.equal(latin.message, 'café crème\n');
    assert.ok(sshSignatureMatches(repo, latin.signature as string, latin.signedPayload as Uint8Array), 'ISO-8859-1 payload must verify');
  });

  it('parses unsigned commits and signed annotated tags', async () => {
    repo.write('a.txt', 'a\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'plain');
    const plain = await readCommit(repo, 'HEAD');
    assert.equal(plain.signature, undefined);
    assert.equal(plain.committer.email, 'test@example.com');
    assert.deepEqual(plain.parents, []);
    repo.git('tag', '-s', '-m', 'release one', 'v1');
    const oid = repo.git('rev-parse', 'v1').trim();
    const tag = parseTag(oid, (await readObjects({ cwd: repo.dir, env: repo.env }, [oid])).get(oid)?.bytes as Buffer);
    assert.equal(tag.tag, 'v1');
    assert.equal(tag.object, plain.oid);
    assert.equal(tag.tagger?.email, 'test@example.com');
    assert.ok(sshSignatureMatches(repo, tag.signature as string, tag.signedPayload as Uint8Array), 'tag payload must verify');
  });

  it('lists touched paths: renames as delete + add, mode changes, merges by combined diff, sizes', async () => {
    const ctx = { cwd: repo.dir, env: repo.env };
    repo.write('old.txt', 'x'.repeat(100));
    repo.write('run.sh', 'echo\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'one');
    repo.git('mv', 'old.txt', 'new.txt');
    chmodSync(join(repo.dir, 'run.sh'), 0o755);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'rename + chmod');
    const changes = await readCommitChanges(ctx, [repo.git('rev-parse', 'HEAD').trim()]);
    const [list] = [...changes.values()];
    const byPath = new Map(list?.map((c) => [c.path, c]));
    assert.equal(byPath.get('old.txt')?.status, 'D');
    assert.equal(byPath.get('new.txt')?.status, 'A');
    assert.equal(byPath.get('new.txt')?.newSize, 100);
    assert.equal(byPath.get('run.sh')?.newMode, '100755');

    repo.git('checkout', '-qb', 'side', 'HEAD~1');
    repo.write('side.txt', 'side\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'side');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-edit', 'side');
    const merge = repo.git('rev-parse', 'HEAD').trim();
    const mergeChanges = (await readCommitChanges(ctx, [merge])).get(merge);
    assert.deepEqual(mergeChanges, [], 'a clean merge changes nothing of its own');
    assert.equal(await isAncestor(ctx, repo.git('rev-parse', 'side').trim(), merge), true);
    assert.equal(await isAncestor(ctx, merge, repo.git('rev-parse', 'side').trim()), false);
    const fromSide = await listCommits(ctx, { include: [merge], exclude: [repo.git('rev-parse', 'HEAD~1').trim()] });
    assert.equal(fromSide.length, 2, 'the merge and the side commit');
  });
});

describe('ObjectReader', () => {
  it('reads large and many objects intact, pipelined through one cat-file', async () => {
    await withRepo(async (repo) => {
      const big = Buffer.alloc(6 * 1024 * 1024, 'gitward ');
      repo.write('big.txt', big);
      repo.write('small.txt', 'small\n');
      const oids = ['big.txt', 'small.txt'].map((f) => repo.git('hash-object', '-w', f).trim());
      const objects = await readObjects({ cwd: repo.dir, env: repo.env }, [...oids, ...oids]);
      assert.equal(objects.get(oids[0] as string)?.bytes.equals(big), true);
      assert.equal(objects.get(oids[1] as string)?.bytes.toString(), 'small\n');
      await assert.rejects(readObjects({ cwd: repo.dir, env: repo.env }, ['1'.repeat(40)]), /GIT_OBJECT_MISSING|missing/);
    });
  });
});

describe('hook stdin parsing', () => {
  const a = 'a'.repeat(40);
  const z = '0'.repeat(40);
  it('classifies create, update and delete, for SHA-1 and SHA-256 lengths', () => {
    const updates = parseReceiveInput(`${z} ${a} refs/heads/new\n${a} ${'b'.repeat(40)} refs/heads/main\n${'c'.repeat(64)} ${'0'.repeat(64)} refs/tags/v1\n`);
    assert.deepEqual(updates.map((u) => u.kind), ['create', 'update', 'delete']);
  });
  it('rejects anything malformed instead of guessing', () => {
    assert.throws(() => parseReceiveInput(`${a} refs/heads/main`), /HOOK_INPUT_INVALID|bad hook input/);
    assert.throws(() => parseReceiveInput(`${a} ${a} --upload-pack=evil`), /bad hook input/);
    assert.throws(() => parseReceiveInput(`${z} ${z} refs/heads/x`), /both old and new are zero/);
  });
  it('reads pre-push lines from the remote side, deletions included', () => {
    const [push, del] = parsePushInput(`refs/heads/main ${a} refs/heads/main ${z}\n(delete) ${z} refs/heads/gone ${a}\n`);
    assert.equal(push?.kind, 'create');
    assert.equal(push?.newOid, a);
    assert.equal(del?.kind, 'delete');
    assert.equal(del?.oldOid, a);
  });
});
