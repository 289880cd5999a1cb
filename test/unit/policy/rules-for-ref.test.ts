import assert from 'node:assert/strict';
import { globMatcher, matchesAnyGlob, rulesForRef } from '../../../src/policy/index.js';
import { makePolicy } from './policy-builder.js';

describe('policy: ref and path globs (ref-match)', () => {
  it('matches full ref names: * stays within one level, ** crosses levels', () => {
    assert.equal(matchesAnyGlob('refs/heads/main', ['refs/heads/*']), true);
    assert.equal(matchesAnyGlob('refs/heads/feature/x', ['refs/heads/*']), false);
    assert.equal(matchesAnyGlob('refs/heads/feature/x', ['refs/heads/**']), true);
    assert.equal(matchesAnyGlob('refs/tags/v1.2.0', ['refs/heads/**']), false);
  });

  it('matches dotfiles (dot: true), and an empty list matches nothing', () => {
    assert.equal(matchesAnyGlob('.github/workflows/deploy.yml', ['.github/**']), true);
    assert.equal(matchesAnyGlob('.env', ['**/.env']), true);
    assert.equal(globMatcher([])('anything'), false);
    const isConfig = globMatcher(['*.yaml', 'clusters/**']);
    assert.deepEqual(['a.yaml', 'clusters/prod/x', 'src/a.ts'].map(isConfig), [true, true, false]);
  });
});

describe('policy: rulesForRef', () => {
  it('a ref matching no entry is unprotected and fully permissive', () => {
    const rules = rulesForRef(makePolicy({ refs: [{ match: 'refs/heads/main' }] }), 'refs/heads/dev');
    assert.deepEqual(rules, {
      protected: false, matched: [], signedCommits: 'optional', forcePush: 'allow', deletion: 'allow',
      creation: 'allow', linearHistory: false, protectedPaths: [], immutable: false,
    });
  });

  it('a matched ref denies force push and deletion by default; every other key is permissive', () => {
    const rules = rulesForRef(makePolicy({ refs: [{ match: 'refs/heads/main' }] }), 'refs/heads/main');
    assert.deepEqual(rules, {
      protected: true, matched: [0], signedCommits: 'optional', forcePush: 'deny', deletion: 'deny',
      creation: 'allow', linearHistory: false, protectedPaths: [], immutable: false,
    });
  });

  it('an explicit allow on the only matching entry is honoured', () => {
    const rules = rulesForRef(makePolicy({ refs: [{ match: 'refs/heads/**', forcePush: 'allow', deletion: 'allow' }] }), 'refs/heads/dev');
    assert.equal(rules.forcePush, 'allow');
    assert.equal(rules.deletion, 'allow');
  });

  it('several matching entries: all apply and the strictest value of each key wins', () => {
    const policy = makePolicy({
      refs: [
        { match: 'refs/heads/**', forcePush: 'allow', deletion: 'allow', signedCommits: 'optional', pushers: ['maintainers'], protectedPaths: { 'clusters/**': ['alice'] } },
        { match: 'refs/heads/main', forcePush: 'allow', signedCommits: 'required', linearHistory: true, creation: 'deny', pushers: ['alice', 'carol'], protectedPaths: { 'clusters/**': ['bob'], 'infra/**': ['maintainers'] } },
        { match: 'refs/tags/**', immutable: true },
      ],
    });
    const main = rulesForRef(policy, 'refs/heads/main');
    assert.deepEqual(main.matched, [0, 1]);
    assert.equal(main.forcePush, 'allow');
    assert.equal(main.deletion, 'deny', 'entry 1 says nothing about deletion, so its default (deny) applies');
    assert.equal(main.signedCommits, 'required');
    assert.equal(main.linearHistory, true);
    assert.equal(main.creation, 'deny');
    assert.equal(main.immutable, false);
    assert.deepEqual(main.pushers, [['maintainers'], ['alice', 'carol']]);
    assert.deepEqual(main.protectedPaths, [
      { glob: 'clusters/**', owners: ['alice'], entry: 0 },
      { glob: 'clusters/**', owners: ['bob'], entry: 1 },
      { glob: 'infra/**', owners: ['maintainers'], entry: 1 },
    ]);
    const dev = rulesForRef(policy, 'refs/heads/dev');
    assert.deepEqual([dev.matched, dev.signedCommits, dev.deletion, dev.creation], [[0], 'optional', 'allow', 'allow']);
    assert.equal(rulesForRef(policy, 'refs/tags/v1').immutable, true);
  });

  it('an entry that says nothing about force push still denies it where it matches (per-entry defaults)', () => {
    const policy = makePolicy({ refs: [{ match: 'refs/heads/**', forcePush: 'allow' }, { match: 'refs/heads/main', signedCommits: 'required' }] });
    assert.equal(rulesForRef(policy, 'refs/heads/main').forcePush, 'deny');
    assert.equal(rulesForRef(policy, 'refs/heads/dev').forcePush, 'allow');
  });

  it('does not share state between calls (the result may be changed by the caller)', () => {
    const policy = makePolicy({ refs: [{ match: 'refs/heads/main', pushers: ['alice'] }] });
    rulesForRef(policy, 'refs/heads/main').pushers?.[0]?.push('carol');
    assert.deepEqual(rulesForRef(policy, 'refs/heads/main').pushers, [['alice']]);
    assert.deepEqual(policy.refs[0]?.pushers, ['alice']);
  });
});
