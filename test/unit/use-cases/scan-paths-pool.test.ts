import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '../../helpers/repo.js';
import { githubToken, randomPassword } from '../../helpers/secret-samples.js';
import { defaultTeamConfig } from '../../../src/config/defaults.js';
import type { SecretsConfig } from '../../../src/config/types.js';
import { listPaths, type PathEntry } from '../../../src/fs/index.js';
import { scanPaths } from '../../../src/use-cases/scan-paths.js';
import { scanInPool, workersWorthStarting } from '../../../src/use-cases/scan-files-pool.js';
import { createBatchScanner, mergeBatches, type BatchScanner } from '../../../src/use-cases/scan-file-batch.js';

const config: SecretsConfig = { ...defaultTeamConfig().secrets, secretlint: false, maxFileSize: 50_000 };

function put(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** Worker threads run the TypeScript sources here (tsx), the same code dist/ and dist/bundle/ run. */
describe('scanPaths with worker threads', function () {
  this.timeout(30_000);
  let root: string;
  before(() => {
    root = makeTempDir('gitward-pool-');
    for (let i = 0; i < 400; i++) {
      const secret = i % 37 === 0 ? `\ntoken: ${githubToken()}\npassword = "${randomPassword(20)}"\n` : '';
      put(root, `d${i % 9}/e${i % 4}/f${i}.yml`, `name: item${i}${secret}\n`);
    }
    put(root, 'd1/blob.bin', Buffer.from([0, 1, 2]));
    put(root, 'd2/big.txt', 'y'.repeat(60_000));
    put(root, 'd3/enc.bin', Buffer.concat([Buffer.from('\0GITCRYPT\0'), Buffer.alloc(100, 9)]));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** The main thread's scanner, slowed down so that workers (booting tsx, ~1 s) get most batches. */
  function slowMain(delayMs: number): { scanBatch: BatchScanner; batches: () => number } {
    const inner = createBatchScanner(config);
    let count = 0;
    const scanBatch: BatchScanner = async (batch) => {
      count++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return inner(batch);
    };
    return { scanBatch, batches: () => count };
  }

  it('gives the same findings and skipped files, in the same order, with 0, 1 and 2 workers', async () => {
    const alone = await scanPaths({ cwd: root, paths: ['.'], config, workers: 0 });
    assert.equal(alone.scannedFiles, 403);
    assert.equal(alone.decision.findings.length, 22, 'a token and a password in each of 11 files');
    assert.deepEqual(alone.decision.skipped.map((s) => [s.file, s.reason]), [['d1/blob.bin', 'binary'], ['d2/big.txt', 'too-large'], ['d3/enc.bin', 'encrypted']]);
    const entries = listPaths(root, ['.']);
    for (const workers of [1, 2]) {
      const main = slowMain(150);
      const pooled = mergeBatches(await scanInPool({ entries, config, maxWorkers: workers, planAfterMs: 0, scanBatch: main.scanBatch }));
      assert.ok(main.batches() < Math.ceil(entries.length / 32), `the workers took no batch (${workers})`);
      assert.deepEqual(pooled, { findings: alone.decision.findings, skipped: alone.decision.skipped }, `${workers} worker(s)`);
    }
  });

  it('surfaces a read error from the main thread, whichever thread met it, and does not hang', async () => {
    const entries: PathEntry[] = listPaths(root, ['.']);
    // Last, so that the worker, which claims batches while the slow main thread sleeps, meets it.
    entries.push({ path: 'gone.txt', full: join(root, 'gone.txt') });
    const main = slowMain(150);
    await assert.rejects(scanInPool({ entries, config, maxWorkers: 1, planAfterMs: 0, scanBatch: main.scanBatch }), /ENOENT.*gone\.txt/);
    assert.ok(main.batches() < Math.ceil(entries.length / 32), `the worker took no batch (main: ${main.batches()})`);
    await assert.rejects(scanInPool({ entries, config, maxWorkers: 0, planAfterMs: 0, scanBatch: createBatchScanner(config) }), /ENOENT.*gone\.txt/);
  });

  it("starts workers only when the main thread's own pace predicts enough work left", async () => {
    assert.equal(workersWorthStarting(40, 20, 10, 7), 0, '20 ms left: not worth a thread');
    assert.equal(workersWorthStarting(40, 4, 50, 7), 3, '500 ms left: three workers');
    assert.equal(workersWorthStarting(40, 1, 500, 1), 1, 'never more than the machine spares');
    const entries = listPaths(root, ['.']);
    const batches = Math.ceil(entries.length / 32);
    const slow = slowMain(100);
    const pooled = mergeBatches(await scanInPool({ entries, config, maxWorkers: 1, planAfterMs: 50, scanBatch: slow.scanBatch }));
    assert.ok(slow.batches() < batches, 'a slow scan got a worker');
    assert.equal(pooled.findings.length, 22);
    const fast = slowMain(0);
    await scanInPool({ entries, config, maxWorkers: 1, planAfterMs: 60_000, scanBatch: fast.scanBatch });
    assert.equal(fast.batches(), batches, 'no plan before planAfterMs: the main thread scanned alone');
  });
});
