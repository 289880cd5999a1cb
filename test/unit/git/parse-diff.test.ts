import assert from 'node:assert/strict';
import { parseDiff } from '../../../src/git/parse-diff.js';
import { unquotePath } from '../../../src/git/unquote-path.js';

const OID = 'a'.repeat(40);

describe('parseDiff', () => {
  it('maps added lines to their real line numbers across hunks', () => {
    const patch = [
      'diff --git a/app.js b/app.js',
      `index ${'0'.repeat(40)}..${OID} 100644`,
      '--- a/app.js', '+++ b/app.js',
      '@@ -3,0 +4,2 @@', '+one', '+two',
      '@@ -10 +12 @@', '-old', '+twelve',
    ].join('\n');
    const [file] = parseDiff(patch);
    assert.ok(file);
    assert.equal(file.path, 'app.js');
    assert.equal(file.blobOid, OID);
    assert.deepEqual(file.lines, ['one', 'two', 'twelve']);
    assert.deepEqual(file.lineNumbers, [4, 5, 12]);
  });

  it('treats lines that look like headers inside a hunk as content', () => {
    const patch = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -0,0 +1,2 @@', '+++ not a header', '+diff --gitx'].join('\n');
    assert.deepEqual(parseDiff(patch)[0]?.lines, ['++ not a header', 'diff --gitx']);
  });

  it('follows renames, binary files, deletions and quoted paths', () => {
    const patch = [
      'diff --git a/old name.txt b/new name.txt', 'similarity index 90%', 'rename from old name.txt', 'rename to new name.txt',
      'diff --git a/img.png b/img.png', 'new file mode 100644', 'Binary files /dev/null and b/img.png differ',
      'diff --git a/gone b/gone', 'deleted file mode 100644', '--- a/gone', '+++ /dev/null',
      'diff --git "a/tab\\there" "b/tab\\there"', '--- "a/tab\\there"', '+++ "b/tab\\there"', '@@ -0,0 +1 @@', '+x',
    ].join('\n');
    const [renamed, image, gone, quoted] = parseDiff(patch);
    assert.equal(renamed?.path, 'new name.txt');
    assert.equal(renamed?.oldPath, 'old name.txt');
    assert.equal(image?.path, 'img.png');
    assert.equal(image?.binary, true);
    assert.equal(gone?.deleted, true);
    assert.equal(quoted?.path, 'tab\there');
  });

  it('keeps context lines only when asked (whole-blob mode)', () => {
    const patch = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,2 +1,3 @@', ' kept', '-gone', '+added', ' tail'].join('\n');
    assert.deepEqual(parseDiff(patch)[0]?.lines, ['added']);
    const whole = parseDiff(patch, { withContext: true })[0];
    assert.deepEqual(whole?.lines, ['kept', 'added', 'tail']);
    assert.deepEqual(whole?.lineNumbers, [1, 2, 3]);
  });
});

describe('unquotePath', () => {
  it('decodes C escapes and octal UTF-8 bytes', () => {
    assert.equal(unquotePath('"caf\\303\\251 \\"q\\".txt"'), 'café "q".txt');
    assert.equal(unquotePath('plain.txt'), 'plain.txt');
  });
});
