import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { buildKeywordMatcher } from '../../../src/secrets/keyword-matcher.js';

function naive(keywords: string[], text: string): string[] {
  const lower = text.toLowerCase();
  const hits: string[] = [];
  keywords.forEach((k, i) => {
    for (let at = lower.indexOf(k); at !== -1; at = lower.indexOf(k, at + 1)) hits.push(`${i}@${at}`);
  });
  return hits.sort();
}

function scan(keywords: string[], text: string): string[] {
  const hits: string[] = [];
  buildKeywordMatcher(keywords).scan(text, (k, at) => hits.push(`${k}@${at}`));
  return hits.sort();
}

describe('keyword prefilter (Aho-Corasick DFA)', () => {
  it('finds every occurrence, case-insensitively, including overlapping and nested keywords', () => {
    const keywords = ['_auth', '_authtoken', 'sk-', 'sk-ant-', 'token', 'en', 'ghp_'];
    const text = '//r/:_authToken=x SK-ANT-api token TOKEN ghp_ ENen';
    assert.deepEqual(scan(keywords, text), naive(keywords, text));
    assert.ok(scan(keywords, text).includes(`3@${text.indexOf('SK-ANT-')}`));
  });

  it('matches a naive search on random text with non-ASCII characters', () => {
    const keywords = ['aab', 'ab', 'b', 'bab', 'abba', 'ké'.replace('é', 'e'), '://'];
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 400 }, () => 'abAB:/é\n'[randomInt(8)]).join('');
      assert.deepEqual(scan(keywords, text), naive(keywords, text));
    }
  });

  it('rejects keywords it cannot match', () => {
    assert.throws(() => buildKeywordMatcher(['']), /non-empty ASCII/);
    assert.throws(() => buildKeywordMatcher(['clé']), /non-empty ASCII/);
  });
});
