import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { createRepo, GITWARD_BIN, PROJECT_ROOT, type TestRepo } from '../helpers/repo.js';
import { githubToken, npmToken, randomPassword } from '../helpers/secret-samples.js';
import { defaultTeamConfig } from '../../src/config/defaults.js';
import { listPaths } from '../../src/fs/index.js';
import { createBatchClaims } from '../../src/use-cases/batch-claims.js';
import { mergeBatches, type BatchResult } from '../../src/use-cases/scan-file-batch.js';
import type { ScanWorkerSetup } from '../../src/use-cases/scan-files-worker.js';

interface JsonReport {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  skipped: Array<{ file: string; reason: string; detail?: string }>;
}

/** Many files, several batches: the CLI reads and scans them in batches of 32. */
const CLEAN_FILES = 1600;

function put(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A tree of many clean files with secrets at several depths, a binary, a too-large file and dirs that must be skipped. */
function buildTree(repo: TestRepo): Map<string, number> {
  const root = join(repo.dir, 'tree');
  for (let i = 0; i < CLEAN_FILES; i++) put(root, `pkg${i % 40}/lib/sub${i % 7}/file${i}.js`, `export const value${i} = ${i};\n// a clean file\n`);
  const secrets = new Map<string, number>([
    ['tree/.env', 2],
    ['tree/pkg3/config.yml', 3],
    ['tree/pkg3/lib/sub2/deep/deeper/settings.json', 1],
    ['tree/pkg39/lib/late-nul.txt', 1],
  ]);
  put(root, '.env', `NAME=demo\nGITHUB_TOKEN=${githubToken()}\n`);
  put(root, 'pkg3/config.yml', `service:\n  name: api\n  token: ${githubToken()}\n`);
  put(root, 'pkg3/lib/sub2/deep/deeper/settings.json', `{ "npm": "${npmToken()}" }\n`);
  // Over 64 kB with a NUL after git's 8,000-byte window: text, read in full, scanned.
  put(root, 'pkg39/lib/late-nul.txt', Buffer.concat([Buffer.from(`password = "${randomPassword(20)}"\n`), Buffer.alloc(70_000, 'a'), Buffer.from([0])]));
  put(root, 'assets/logo.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 0]), Buffer.alloc(100_000, 7)]));
  put(root, 'assets/small.bin', Buffer.from([1, 0, 2, 3]));
  put(root, 'dump/huge.sql', `-- ${githubToken()}\n${'x'.repeat(300_000)}\n`);
  put(root, 'pkg5/node_modules/dep/.env', `TOKEN=${githubToken()}\n`);
  put(root, 'nested/.git/config', `token = ${githubToken()}\n`);
  return secrets;
}

describe('gitward scan <dir> (real CLI, many files)', function () {
  let repo: ReturnType<typeof createRepo>;
  let secrets: Map<string, number>;
  before(function () {
    assert.ok(existsSync(GITWARD_BIN), 'run `npm run build` first (npm test does)');
    repo = createRepo();
    repo.write('.gitwardrc.json', JSON.stringify({ secrets: { maxFileSize: 200_000 } }));
    secrets = buildTree(repo);
  });
  after(() => repo.cleanup());

  it('finds the secrets at every depth, and reports binary and too-large files as skipped', () => {
    const r = repo.gitward(['scan', 'tree', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.findings.map((f) => [f.file, f.line]), [...secrets]);
    assert.deepEqual(report.skipped, [
      { file: 'tree/assets/logo.png', reason: 'binary' },
      { file: 'tree/assets/small.bin', reason: 'binary' },
      { file: 'tree/dump/huge.sql', reason: 'too-large', detail: '300045 bytes' },
    ]);
    const text = repo.gitward(['scan', 'tree']);
    assert.match(text.stdout, new RegExp(`\\(${CLEAN_FILES + 7} files checked, 3 not scanned\\)`));
  });

  it('reports the same findings and skipped files for the whole tree as for its parts named one by one', () => {
    const whole = JSON.parse(repo.gitward(['scan', 'tree', '--format', 'json']).stdout) as JsonReport;
    const parts = ['tree/.env', 'tree/assets', 'tree/dump', 'tree/pkg3', 'tree/pkg39'];
    const small = JSON.parse(repo.gitward(['scan', ...parts, '--format', 'json']).stdout) as JsonReport;
    assert.deepEqual(small.findings, whole.findings);
    assert.deepEqual(small.skipped, whole.skipped);
  });

  it('scans node_modules and .git when the path named is inside them', () => {
    const r = repo.gitward(['scan', 'tree/pkg5/node_modules', 'tree/nested/.git/config', '--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['tree/nested/.git/config', 'tree/pkg5/node_modules/dep/.env']);
  });

  it('ships a scan worker beside the bundle that loads its chunks and scans the batches it claims', async () => {
    const bundled = join(PROJECT_ROOT, 'dist/bundle/scan-files-worker.js');
    assert.ok(existsSync(bundled), 'the build script must list dist/use-cases/scan-files-worker.js as an esbuild entry');
    const entries = listPaths(repo.dir, ['tree/pkg3', 'tree/assets']);
    const claims = createBatchClaims(entries.length, 1);
    const setup: ScanWorkerSetup = { config: { ...defaultTeamConfig().secrets, maxFileSize: 200_000 }, entries, claims, slot: 0 };
    const worker = new Worker(bundled, { workerData: setup });
    const replies: Array<{ index: number; result?: BatchResult }> = [];
    worker.on('message', (reply: { index: number; result?: BatchResult }) => replies.push(reply));
    const code = await new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject));
    assert.equal(code, 0);
    assert.deepEqual(replies.map((r) => r.index), [0, 1], 'two batches of 32 files, both claimed by the worker');
    const merged = mergeBatches(replies.map((r) => r.result!));
    assert.deepEqual(merged.findings.map((f) => f.file), ['tree/pkg3/config.yml', 'tree/pkg3/lib/sub2/deep/deeper/settings.json']);
    assert.deepEqual(merged.skipped.map((s) => s.file), ['tree/assets/logo.png', 'tree/assets/small.bin']);
  });

  it('exits 2 naming a path that does not exist', () => {
    const r = repo.gitward(['scan', 'tree/no-such-dir']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-dir/);
  });
});
