import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../src/config/did-you-mean.js';

describe('didYouMean', () => {
  it('measures edits case-insensitively', () => {
    assert.equal(editDistance('secrets', 'secrest'), 2);
    assert.equal(editDistance('forcepush', 'forcePush'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests close keys only', () => {
    const keys = ['secrets', 'signing', 'prePush', 'extends'];
    assert.equal(didYouMean('secret', keys), 'secrets');
    assert.equal(didYouMean('prepush', keys), 'prePush');
    assert.equal(didYouMean('extend', keys), 'extends');
    assert.equal(didYouMean('audit', keys), undefined);
    assert.equal(didYouMean('a', ['ab', 'audit']), undefined, 'one letter is not a typo of two');
  });
});
