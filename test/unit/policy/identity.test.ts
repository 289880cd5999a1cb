import assert from 'node:assert/strict';
import { expandPrincipals, identifyPerson, isPrincipal, resolvePusher } from '../../../src/policy/index.js';
import { makePolicy } from './policy-builder.js';

describe('policy: resolvePusher', () => {
  const policy = makePolicy();

  it('takes the first non-empty variable of identity.env, in list order', () => {
    assert.equal(resolvePusher(policy, { GL_USERNAME: 'bob', REMOTE_USER: 'carol' }), 'bob');
    assert.equal(resolvePusher(policy, { GITWARD_PUSHER: '', GL_USERNAME: '  ', REMOTE_USER: 'carol' }), 'carol');
    assert.equal(resolvePusher(policy, { GITWARD_PUSHER: 'alice', GL_USERNAME: 'bob' }), 'alice');
  });

  it('no variable set: no pusher', () => {
    assert.equal(resolvePusher(policy, {}), undefined);
    assert.equal(resolvePusher(policy, { UNRELATED: 'alice' }), undefined);
  });

  it('identity.env given by the policy replaces the default list', () => {
    const custom = makePolicy({ identity: { env: ['FORGE_USER'] } });
    assert.equal(resolvePusher(custom, { GL_USERNAME: 'bob' }), undefined, 'GL_USERNAME is no longer consulted');
    assert.equal(resolvePusher(custom, { GL_USERNAME: 'bob', FORGE_USER: 'carol' }), 'carol');
  });

  it('maps an email to its person, case-insensitively; an unknown identity stays raw', () => {
    assert.equal(resolvePusher(policy, { REMOTE_USER: 'BOB@example.COM' }), 'bob');
    assert.equal(resolvePusher(policy, { REMOTE_USER: 'bob@home.example' }), 'bob');
    assert.equal(resolvePusher(policy, { REMOTE_USER: 'mallory' }), 'mallory');
    assert.equal(resolvePusher(policy, { REMOTE_USER: 'Alice' }), 'Alice', 'person names compare exactly');
  });

  it('identifyPerson is idempotent', () => {
    assert.equal(identifyPerson(policy, identifyPerson(policy, 'alice@EXAMPLE.com')), 'alice');
  });
});

describe('policy: expandPrincipals (groups)', () => {
  const policy = makePolicy({ groups: { maintainers: ['alice', 'bob'], ghosts: ['nobody', 'carol'] } });

  it('expands groups to their people and keeps people as they are', () => {
    assert.deepEqual([...expandPrincipals(policy, ['maintainers', 'carol'])].sort(), ['alice', 'bob', 'carol']);
  });

  it('an unknown name, a group name used as an identity and a non-person member stand for nobody', () => {
    assert.deepEqual([...expandPrincipals(policy, ['mallory'])], []);
    assert.deepEqual([...expandPrincipals(policy, ['ghosts'])], ['carol']);
    assert.equal(isPrincipal(policy, 'maintainers', ['maintainers']), false, 'a pusher called like a group is not in it');
    assert.equal(isPrincipal(policy, 'bob', ['maintainers']), true);
    assert.equal(isPrincipal(policy, undefined, ['maintainers']), false);
  });
});
