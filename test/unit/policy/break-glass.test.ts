import assert from 'node:assert/strict';
import { evaluatePush, readBreakGlass } from '../../../src/policy/index.js';
import { codes, makeCommit, makePolicy, makePush, makeRef } from './policy-builder.js';

const MAIN = 'refs/heads/main';
const policy = makePolicy({ refs: [{ match: MAIN, signedCommits: 'required' }] });

/** A forced, unsigned push to main: two violations to lift. */
function push(pusher: string | undefined, pushOptions: string[]) {
  const commit = makeCommit({ status: 'unsigned' });
  return makePush({ refs: [makeRef(MAIN, { fastForward: false, commits: [commit] })], commits: [commit], pushOptions, ...(pusher ? { pusher } : {}) });
}

describe('policy: break-glass', () => {
  it('without the option nothing is lifted and nothing is reported', () => {
    const result = evaluatePush(policy, push('dave', ['ci.skip']));
    assert.deepEqual(codes(result), ['FORCE_PUSH_DENIED', 'COMMIT_UNSIGNED']);
    assert.deepEqual(result.notices, []);
    assert.equal(result.bypass, undefined);
  });

  it('from an allowed pusher (through a group) with a reason: every violation lifted, reason kept verbatim', () => {
    const reason = ' prod down: revert 4f2a (INC-7) ';
    const result = evaluatePush(policy, push('dave', [`gitward.bypass=${reason}`]));
    assert.deepEqual(codes(result), []);
    assert.deepEqual(result.bypass, { pusher: 'dave', reason });
    assert.equal(result.notices[0], `break-glass by dave: ${reason}`);
    assert.match(result.notices[1] ?? '', /lifted 2 violations: FORCE_PUSH_DENIED refs\/heads\/main; COMMIT_UNSIGNED refs\/heads\/main@/);
  });

  it('from a pusher not in breakGlass.allowed: violations stay and BYPASS_DENIED is added', () => {
    const result = evaluatePush(policy, push('carol', ['gitward.bypass=urgent']));
    assert.deepEqual(codes(result), ['FORCE_PUSH_DENIED', 'COMMIT_UNSIGNED', 'BYPASS_DENIED']);
    assert.match(result.violations[2]?.message ?? '', /carol may not use gitward\.bypass/);
    assert.equal(result.bypass, undefined);
    assert.deepEqual(result.notices, []);
  });

  it('from an unidentified pusher: denied', () => {
    assert.deepEqual(codes(evaluatePush(policy, push(undefined, ['gitward.bypass=urgent']))), ['FORCE_PUSH_DENIED', 'COMMIT_UNSIGNED', 'BYPASS_DENIED']);
  });

  it('without a reason (bare option, empty or blank value): denied even for an allowed pusher', () => {
    for (const option of ['gitward.bypass', 'gitward.bypass=', 'gitward.bypass=   ']) {
      const result = evaluatePush(policy, push('dave', [option]));
      assert.deepEqual(codes(result), ['FORCE_PUSH_DENIED', 'COMMIT_UNSIGNED', 'BYPASS_DENIED'], option);
      assert.match(result.violations[2]?.fix ?? '', /-o gitward\.bypass="/);
    }
  });

  it('an accepted break-glass with nothing to lift is still reported (and audited by the caller)', () => {
    const clean = makePush({ refs: [makeRef('refs/heads/dev')], pusher: 'dave', pushOptions: ['gitward.bypass=drill'] });
    const result = evaluatePush(policy, clean);
    assert.deepEqual(result.notices, ['break-glass by dave: drill']);
    assert.deepEqual(result.bypass, { pusher: 'dave', reason: 'drill' });
  });

  it('honours a custom option name and only that name', () => {
    const custom = makePolicy({ refs: [{ match: MAIN }], breakGlass: { option: 'emergency', allowed: ['alice'] } });
    const forced = (options: string[]) => makePush({ refs: [makeRef(MAIN, { fastForward: false })], pusher: 'alice', pushOptions: options });
    assert.deepEqual(codes(evaluatePush(custom, forced(['gitward.bypass=why']))), ['FORCE_PUSH_DENIED']);
    assert.deepEqual(codes(evaluatePush(custom, forced(['emergency=why']))), []);
  });

  it('readBreakGlass: the first occurrence with a reason wins; values may contain "="', () => {
    assert.equal(readBreakGlass(['x=1'], 'gitward.bypass'), undefined);
    assert.deepEqual(readBreakGlass(['gitward.bypass', 'gitward.bypass=a=b'], 'gitward.bypass'), { reason: 'a=b' });
    assert.deepEqual(readBreakGlass(['gitward.bypassed=x'], 'gitward.bypass'), undefined);
  });
});
