import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRepo, PROJECT_ROOT } from '../helpers/repo.js';
import { IsoObjectReader, QuarantineFs, objectDirectories, objectBackendFor, openObjectStore, parseAlternates, readObjects } from '../../src/git/index.js';

type Repo = ReturnType<typeof createRepo>;

/**
 * Runs inside the server's pre-receive, in git's real quarantine: reads every pushed object (and
 * the old tips, which live in the real store) with both backends, and once with isomorphic-git on
 * plain node:fs; writes what it saw to a report and rejects the push, so nothing leaves quarantine.
 */
const PROBE = `
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join, resolve } from 'node:path';
const git = await import(${JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'src/git/index.ts')).href)});
const ctx = { cwd: process.cwd(), env: { ...process.env } };
const lines = readFileSync(0, 'utf8').trim().split('\\n').map((l) => l.split(' '));
const olds = lines.map(([o]) => o).filter((o) => !/^0+$/.test(o));
const tips = lines.map(([, n]) => n);
const listed = await git.runGit(ctx, ['rev-list', '--objects', '--no-object-names', ...tips, '--not', '--all']);
const oids = [...listed.stdout.toString().trim().split('\\n'), ...olds];
const q = process.env.GIT_QUARANTINE_PATH;
const loose = readdirSync(q).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(join(q, d)));
const packs = existsSync(join(q, 'pack')) ? readdirSync(join(q, 'pack')).filter((f) => f.endsWith('.pack')) : [];
const cat = await git.openObjectStore(ctx, { expected: oids.length, backend: 'cat-file' });
const iso = await git.openObjectStore(ctx, { expected: oids.length, backend: 'isomorphic-git' });
const objects = [];
for (const oid of oids) {
  const seen = (o) => ({ type: o.type, bytes: o.bytes.toString('base64') });
  const failed = (e) => ({ error: String(e.code ?? e) });
  objects.push({ oid, cat: await cat.read(oid).then(seen, failed), iso: await iso.read(oid).then(seen, failed) });
}
cat.close();
iso.close();
const plain = new git.IsoObjectReader({ gitdir: resolve(process.env.GIT_DIR), fs: nodeFs });
const attempt = (oid) => plain.read(oid).then(() => ({ ok: true }), (e) => ({ code: e.code, cause: e.cause?.code }));
const plainNew = await attempt(tips[0]);
const plainOld = olds.length > 0 ? await attempt(olds[0]) : undefined;
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^GIT_(DIR|OBJECT_DIRECTORY|QUARANTINE_PATH|ALTERNATE_OBJECT_DIRECTORIES)$/.test(k)));
writeFileSync(process.argv[2], JSON.stringify({ env, loose: loose.length, packs: packs.length, objects, plainNew, plainOld, olds }));
process.exit(1);
`;

interface Report {
  env: Record<string, string>;
  loose: number;
  packs: number;
  objects: Array<{ oid: string; cat: { type: string; bytes: string; error?: string }; iso: { type: string; bytes: string; error?: string } }>;
  plainNew: { ok?: boolean; code?: string; cause?: string };
  plainOld?: { ok?: boolean; code?: string; cause?: string };
  olds: string[];
}

/** git's own object id of (type, bytes): the bytes are exactly the object iff this is its oid. */
const objectId = (type: string, bytes: Buffer) => createHash('sha1').update(`${type} ${bytes.length}\0`).update(bytes).digest('hex');

/** A bare server (under `parent`) with one commit of history, then the probe installed as pre-receive. */
function serverWithProbe(client: Repo, parent: string, options: { repack: boolean }): { gitDir: string; report: string } {
  const gitDir = join(parent, 'victim.git');
  mkdirSync(parent, { recursive: true });
  client.git('init', '-q', '--bare', '-b', 'main', gitDir);
  client.write('base.txt', 'base\n');
  client.git('add', '.');
  client.git('commit', '-qm', 'base');
  client.git('push', '-q', gitDir, 'main');
  if (options.repack) client.git('--git-dir', gitDir, 'repack', '-adq');
  const root = dirname(client.dir);
  const probe = join(root, 'probe.mjs');
  const report = join(root, 'report.json');
  writeFileSync(probe, PROBE);
  const tsx = pathToFileURL(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('tsx')).href;
  writeFileSync(join(gitDir, 'hooks/pre-receive'), `#!/bin/sh\nexec '${process.execPath}' --import '${tsx}' '${probe}' '${report}'\n`);
  chmodSync(join(gitDir, 'hooks/pre-receive'), 0o755);
  return { gitDir, report };
}

function commitFiles(client: Repo, count: number): void {
  for (let i = 0; i < count; i++) {
    client.write(`f${i}/file.txt`, `content ${i}\n`);
    client.git('add', '.');
    client.git('commit', '-qm', `commit ${i}`);
  }
}

function pushAndReadReport(client: Repo, server: { gitDir: string; report: string }): Report {
  const before = client.git('--git-dir', server.gitDir, 'rev-parse', 'main').trim();
  const push = client.gitResult('push', server.gitDir, 'main');
  assert.notEqual(push.status, 0, 'the probe rejects the push');
  assert.match(push.stderr, /pre-receive hook declined/);
  assert.equal(client.git('--git-dir', server.gitDir, 'rev-parse', 'main').trim(), before, 'nothing left quarantine');
  return JSON.parse(readFileSync(server.report, 'utf8')) as Report;
}

function assertBothReadersRight(client: Repo, report: Report, pushed: number): void {
  assert.equal(report.objects.length, pushed + report.olds.length);
  for (const o of report.objects) {
    assert.deepEqual([o.cat.error, o.iso.error], [undefined, undefined], `both readers read ${o.oid}`);
    const [cat, iso] = [Buffer.from(o.cat.bytes, 'base64'), Buffer.from(o.iso.bytes, 'base64')];
    assert.equal(objectId(o.cat.type, cat), o.oid, `cat-file bytes of ${o.oid}`);
    assert.equal(o.iso.type, o.cat.type);
    assert.ok(iso.equals(cat), `isomorphic-git bytes of ${o.oid} are byte-identical`);
  }
  const commits = report.objects.filter((o) => o.cat.type === 'commit');
  const head = client.git('rev-parse', 'HEAD').trim();
  assert.ok(commits.some((c) => c.oid === head), 'the pushed tip was read');
  assert.deepEqual(report.plainNew, { code: 'GIT_OBJECT_MISSING', cause: 'NotFoundError' }, 'isomorphic-git alone cannot see the quarantine');
  assert.deepEqual(report.plainOld, { ok: true }, '…but it does read the real store');
}

describe('object store inside a real pre-receive quarantine', function () {
  this.timeout(120_000);
  let client: Repo;
  beforeEach(() => {
    client = createRepo();
  });
  afterEach(() => client.cleanup());

  it('loose push: cat-file and isomorphic-git (through the overlay) read every pushed object identically', () => {
    const server = serverWithProbe(client, join(dirname(client.dir), 'srv'), { repack: false });
    const base = client.git('rev-parse', 'HEAD').trim();
    commitFiles(client, 2);
    const pushed = client.git('rev-list', '--objects', `${base}..HEAD`).trim().split('\n').length;
    const report = pushAndReadReport(client, server);
    assert.ok(report.loose >= pushed && report.packs === 0, `a loose push (${report.loose} loose, ${report.packs} packs)`);
    assertBothReadersRight(client, report, pushed);
  });

  it('packed push (≥ 100 objects) into a packed repository whose path git must quote', () => {
    const server = serverWithProbe(client, join(dirname(client.dir), 'srv:quoted'), { repack: true });
    const base = client.git('rev-parse', 'HEAD').trim();
    commitFiles(client, 40);
    const pushed = client.git('rev-list', '--objects', `${base}..HEAD`).trim().split('\n').length;
    assert.ok(pushed >= 100, `${pushed} objects reach receive.unpackLimit`);
    const report = pushAndReadReport(client, server);
    assert.equal(report.packs, 1, 'the push stayed a pack in quarantine');
    assert.match(report.env.GIT_ALTERNATE_OBJECT_DIRECTORIES ?? '', /^"/, 'git quoted the alternate because of the colon');
    assertBothReadersRight(client, report, pushed);
  });

  it('follows objects/info/alternates (clone --shared), as git does', async () => {
    client.write('a.txt', 'a\n');
    client.git('add', '.');
    client.git('commit', '-qm', 'a');
    const head = client.git('rev-parse', 'HEAD').trim();
    const shared = join(dirname(client.dir), 'shared.git');
    client.git('clone', '-q', '--bare', '--shared', client.dir, shared);
    const ctx = { cwd: shared, env: { ...client.env, GIT_DIR: shared } };
    const iso = await openObjectStore(ctx, { expected: 1, backend: 'isomorphic-git' });
    const viaIso = await iso.read(head);
    const viaCat = (await readObjects(ctx, [head])).get(head);
    assert.ok(viaCat && viaIso.bytes.equals(viaCat.bytes));
    const plain = new IsoObjectReader({ gitdir: shared, fs: nodeFs });
    await assert.rejects(plain.read(head), { code: 'GIT_OBJECT_MISSING' });
    await assert.rejects(iso.read('0'.repeat(40)), { code: 'GIT_OBJECT_MISSING' });
  });
});

describe('quarantine overlay parts', () => {
  it('parses alternates lists by git rules: quoting, comments, empty entries, broken quotes', () => {
    assert.deepEqual(parseAlternates('/a:/b', ':'), ['/a', '/b']);
    assert.deepEqual(parseAlternates('"/x:y/objects":/b', ':'), ['/x:y/objects', '/b']);
    assert.deepEqual(parseAlternates('"/caf\\303\\251\\t":', ':'), ['/café\t']);
    assert.deepEqual(parseAlternates('#note:/c::', ':'), ['/c']);
    assert.deepEqual(parseAlternates('"/open:/e', ':'), ['"/open', '/e']);
    assert.deepEqual(parseAlternates('../pool/objects\n# c\n', '\n'), ['../pool/objects']);
  });

  it('orders object directories quarantine first, resolved and without duplicates', async () => {
    const dirs = await objectDirectories({ gitdir: '/srv/r.git', cwd: '/srv/r.git', env: { GIT_OBJECT_DIRECTORY: './objects/incoming', GIT_QUARANTINE_PATH: '/srv/r.git/objects/incoming', GIT_ALTERNATE_OBJECT_DIRECTORIES: '"/srv/r.git/./objects"' } });
    assert.deepEqual(dirs, ['/srv/r.git/objects/incoming', '/srv/r.git/objects']);
  });

  it('is promise-style everywhere and read-only', async () => {
    const overlay = new QuarantineFs('/nonexistent', ['/nonexistent/a', '/nonexistent/b']);
    const probe = overlay.readFile(undefined as unknown as string); // isomorphic-git's style probe
    assert.ok(probe instanceof Promise);
    await assert.rejects(probe);
    await assert.rejects(overlay.readdir('/nonexistent/objects/pack'), { code: 'ENOENT' });
    await assert.rejects(overlay.writeFile(), { code: 'EROFS' });
    await assert.rejects(overlay.mkdir(), { code: 'EROFS' });
  });

  it('chooses cat-file at every size (bench/object-read.mjs)', () => {
    for (const n of [0, 1, 10, 100, 10_000]) assert.equal(objectBackendFor(n), 'cat-file');
  });
});
