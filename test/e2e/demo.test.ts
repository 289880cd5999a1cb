import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/repo.js';

/** The README's first command must keep working: the demo checks each step's outcome itself and exits non-zero on any surprise. */
describe('npm run demo', () => {
  it('runs the whole client + server story on temporary repositories', function () {
    this.timeout(120_000);
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'examples/demo/run-demo.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /commit blocked: 1 secret/);
    assert.match(r.stdout, /remote: gitward: push rejected: 1 violation/);
    assert.match(r.stdout, /remote: gitward: push accepted/);
    assert.match(r.stdout, /rejected .*COMMIT_UNSIGNED[\s\S]*accepted/);
  });
});
