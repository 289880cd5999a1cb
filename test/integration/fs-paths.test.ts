import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { makeTempDir } from '../helpers/repo.js';
import { createPathReader, listPaths } from '../../src/fs/index.js';
import { GitwardError } from '../../src/errors/index.js';

describe('fs: listing and reading the paths to scan', () => {
  let root: string;
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  before(() => {
    root = makeTempDir('gitward-fs-');
    for (const name of ['Zeta.txt', 'alpha.txt', 'Alpha2.txt', '_under.txt', 'ä.txt', '.env', 'b10.txt', 'b9.txt']) put(`t/${name}`, name);
    put('t/sub/deep/x.txt', 'x');
    put('t/node_modules/dep/index.js', 'dep');
    put('t/.git/config', 'git');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks depth-first in the order localeCompare gives, skipping .git and node_modules met on the way', () => {
    const paths = listPaths(root, ['t']).map((e) => e.path);
    const names = ['Zeta.txt', 'alpha.txt', 'Alpha2.txt', '_under.txt', 'ä.txt', '.env', 'b10.txt', 'b9.txt', 'sub'];
    const expected = names.sort((a, b) => a.localeCompare(b)).map((n) => (n === 'sub' ? 't/sub/deep/x.txt' : `t/${n}`));
    assert.deepEqual(paths, expected);
  });

  it('walks a named node_modules or .git, and shows paths as given: trailing slash, parent dir, absolute', () => {
    assert.deepEqual(listPaths(root, ['t/node_modules/', 't/.git']).map((e) => e.path), ['t/node_modules/dep/index.js', 't/.git/config']);
    const inSub = join(root, 't/sub');
    assert.deepEqual(listPaths(inSub, ['../node_modules']).map((e) => e.path), ['../node_modules/dep/index.js']);
    const absolute = listPaths(inSub, [join(root, 't/sub/../sub/deep')]);
    assert.deepEqual(absolute, [{ path: 'deep/x.txt', full: join(root, 't/sub/deep/x.txt') }]);
    assert.equal(relative(inSub, absolute[0]!.full), absolute[0]!.path);
    assert.deepEqual(listPaths(root, ['t/.env']), [{ path: 't/.env', full: join(root, 't/.env') }]);
  });

  it('fails with USAGE on a path that does not exist', () => {
    assert.throws(() => listPaths(root, ['t', 'missing']), (e: unknown) => e instanceof GitwardError && e.code === 'USAGE' && /missing/.test(e.message));
  });

  it('reads text whole, stops a large binary at its head, and reports the size of a file over the limit', () => {
    put('r/text.txt', 'a'.repeat(100_000));
    put('r/big.bin', Buffer.concat([Buffer.from([0]), Buffer.alloc(200_000, 1)]));
    put('r/late-nul.txt', Buffer.concat([Buffer.alloc(9_000, 98), Buffer.from([0])]));
    put('r/empty.txt', '');
    put('r/huge.txt', 'h'.repeat(300_001));
    let heads = 0;
    const read = createPathReader({ maxBytes: 300_000, headBytes: 8000, skipHead: (head) => (heads++, head.includes(0)) });
    const at = (path: string) => read({ path, full: join(root, path) });
    assert.equal(at('r/text.txt').bytes?.toString(), 'a'.repeat(100_000));
    assert.deepEqual(at('r/big.bin'), { path: 'r/big.bin', size: 200_001, skippedByHead: true });
    assert.equal(at('r/late-nul.txt').bytes?.length, 9_001);
    assert.equal(at('r/empty.txt').bytes?.length, 0);
    assert.deepEqual(at('r/huge.txt'), { path: 'r/huge.txt', size: 300_001 });
    assert.equal(heads, 4, 'every file read is checked once, the file over the limit is not opened for reading');
  });
});
