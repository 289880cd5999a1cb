import assert from 'node:assert/strict';
import { parseSize, formatSize } from '../../../src/config/parse-size.js';

describe('parseSize / formatSize', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [0, 0], [1024, 1024], ['1024', 1024], ['5MB', 5 * 1024 ** 2], ['5 mb', 5 * 1024 ** 2], ['512KB', 512 * 1024],
    ['1.5GB', 1.5 * 1024 ** 3], ['2MiB', 2 * 1024 ** 2], ['10B', 10], [' 3 KB ', 3 * 1024],
    [-1, undefined], [1.5, undefined], ['5 XB', undefined], ['MB', undefined], ['', undefined], [null, undefined], [true, undefined],
    ['-5MB', undefined], [Number.MAX_SAFE_INTEGER + 1, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseSize(input), expected));
  }

  it('formats whole units and falls back to bytes', () => {
    assert.equal(formatSize(5 * 1024 ** 2), '5MB');
    assert.equal(formatSize(1024), '1KB');
    assert.equal(formatSize(1536), '1536');
    assert.equal(formatSize(2 * 1024 ** 3), '2GB');
  });
});
