import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo, GITWARD_BIN } from '../helpers/repo.js';
import { githubToken } from '../helpers/secret-samples.js';
import { makeSshSigner, configureGitSigning } from '../helpers/keys.js';

type Repo = ReturnType<typeof createRepo>;
interface Report { findings: Array<{ file: string; line: number; fingerprint: string }> }

describe('gitward baseline (CLI)', () => {
  let repo: Repo;
  before(() => assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)'));
  beforeEach(() => (repo = createRepo()));
  afterEach(() => repo.cleanup());

  const scan = (...args: string[]) => {
    const r = repo.gitward(['scan', ...args, '--format', 'json']);
    return { status: r.status, report: JSON.parse(r.stdout || '{"findings":[]}') as Report, stderr: r.stderr };
  };

  it('accepts existing findings, keeps accepting them after lines move, and still blocks new ones', () => {
    const old = githubToken();
    repo.write('app/settings.env', `A=1\nTOKEN=${old}\n`);
    assert.equal(scan('app').status, 1);
    const written = repo.gitward(['baseline', 'app']);
    assert.equal(written.status, 0, written.stderr);
    const file = readFileSync(join(repo.dir, '.gitward-baseline.json'), 'utf8');
    assert.ok(!file.includes(old), 'the baseline holds a hash, never the secret');
    assert.equal(scan('app').status, 0, 'the accepted finding no longer blocks');

    // An unrelated edit moves the secret down five lines: the baseline does not churn or stop matching.
    repo.write('app/settings.env', `# header\n# more\nB=2\nC=3\nD=4\nA=1\nTOKEN=${old}\n`);
    assert.equal(scan('app').status, 0);
    assert.equal(readFileSync(join(repo.dir, '.gitward-baseline.json'), 'utf8'), file);

    const fresh = githubToken();
    repo.write('app/other.env', `TOKEN=${fresh}\n`);
    const r = scan('app');
    assert.equal(r.status, 1);
    assert.deepEqual(r.report.findings.map((f) => [f.file, f.line]), [['app/other.env', 1]]);
  });
});

describe('gitward verify (CLI)', () => {
  let repo: Repo;
  beforeEach(() => (repo = createRepo()));
  afterEach(() => repo.cleanup());

  it('exits 0 for a commit signed by a key in signing.trust, 1 for an unsigned one', () => {
    const signer = makeSshSigner(join(repo.home, 'ssh'), 'test@example.com');
    repo.write('gitward.config.json', JSON.stringify({ signing: { trust: { allowedSignersFile: signer.allowedSignersPath } } }));
    repo.git('add', '.');
    configureGitSigning(repo, { format: 'ssh', privateKeyPath: signer.privateKeyPath }, 'test@example.com');
    repo.git('commit', '-q', '-m', 'signed');
    const good = repo.gitward(['verify', 'HEAD', '--format', 'json']);
    assert.equal(good.status, 0, good.stderr);
    const [verdict] = (JSON.parse(good.stdout) as { commits: Array<{ status: string; format: string }> }).commits;
    assert.equal(verdict?.status, 'good');
    assert.equal(verdict?.format, 'ssh');

    repo.git('config', 'commit.gpgSign', 'false');
    repo.git('commit', '-q', '--allow-empty', '-m', 'unsigned');
    const bad = repo.gitward(['verify', 'HEAD', 'HEAD~1']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /unsigned/);
    assert.match(bad.stdout, /good/);
    assert.equal(repo.gitward(['verify']).status, 2, 'no commit named is a usage error');
  });
});
