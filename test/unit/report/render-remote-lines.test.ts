import assert from 'node:assert/strict';
import { decide } from '../../../src/model/index.js';
import { MAX_REMOTE_LINES, renderFailure, renderRemoteLines } from '../../../src/report/index.js';
import { GitwardError, toGitwardError } from '../../../src/errors/index.js';
import { sampleFinding, sampleViolation } from './sample-decisions.js';

const only = (parts: Partial<Parameters<typeof decide>[0]>) => decide({ findings: [], violations: [], skipped: [], notices: [], ...parts });
const lines = (out: string) => out.replace(/\n$/, '').split('\n');

describe('report: remote lines (server)', () => {
  it('an accepted push is one header line', () => {
    assert.equal(renderRemoteLines(only({})), 'gitward: push accepted\n');
  });

  it('prints ref, short oid, code, message and fix for each violation', () => {
    const out = renderRemoteLines(only({ violations: [sampleViolation()] }));
    assert.deepEqual(lines(out), [
      'gitward: push rejected: 1 violation',
      'gitward: refs/heads/main 0123456789ab COMMIT_UNSIGNED: commit is not signed',
      'gitward:   fix: Sign it.',
    ]);
  });

  it('prints secrets redacted with commit and file:line, and a rotation hint', () => {
    const out = renderRemoteLines(only({ findings: [sampleFinding({ commit: 'abcdef0123456789' })] }));
    assert.match(out, /^gitward: push rejected: 1 secret$/m);
    assert.match(out, /^gitward: abcdef012345 SECRET_DETECTED: src\/app\.ts:3 github-token ghp_\*{4}$/m);
    assert.match(out, /^gitward: hint: .*rotate/m);
  });

  it('caps the output and counts what it left out; a repeated fix is printed once', () => {
    const many = Array.from({ length: 300 }, (_, i) => sampleViolation({ commit: `${String(i).padStart(4, '0')}${'a'.repeat(36)}` }));
    const out = lines(renderRemoteLines(only({ violations: many })));
    assert.ok(out.every((l) => l.startsWith('gitward: ')));
    assert.equal(out.length, 1 + MAX_REMOTE_LINES + 1);
    assert.equal(out.filter((l) => l.includes('fix:')).length, 1);
    // 1 header; 50 lines = 49 violations + 1 fix line; 300 - 49 left.
    assert.equal(out.at(-1), 'gitward: ... and 251 more not shown (the audit log has every one)');
  });

  it('cannot be made to forge lines: newlines and escapes in messages are shown escaped', () => {
    const out = renderRemoteLines(only({ violations: [sampleViolation({ message: 'x\nremote: push accepted\u001b[2K' })] }));
    assert.equal(lines(out).length, 3);
    assert.ok(!out.includes('\u001b'));
  });

  it('labels warnings and notices on an accepted push', () => {
    const out = renderRemoteLines(only({ violations: [sampleViolation({ severity: 'warn' })], notices: ['break-glass used by alice: outage'] }));
    assert.deepEqual(lines(out).slice(0, 3), [
      'gitward: push accepted (1 warning)',
      'gitward: note: break-glass used by alice: outage',
      'gitward: warning: refs/heads/main 0123456789ab COMMIT_UNSIGNED: commit is not signed',
    ]);
  });
});

describe('report: renderFailure', () => {
  it('server: push rejected (CODE) and a hint, every line prefixed', () => {
    const error = new GitwardError('CONFIG_INVALID', 'policy.yaml has 2 problems:\nrefs[0].match: expected string\npeople.x: unknown', { hint: 'Fix the policy file.' });
    assert.equal(renderFailure(error, { server: true }), [
      'gitward: push rejected (CONFIG_INVALID): policy.yaml has 2 problems:',
      'gitward:   refs[0].match: expected string',
      'gitward:   people.x: unknown',
      'gitward: hint: Fix the policy file.',
      '',
    ].join('\n'));
  });

  it('client: CODE: message and an indented hint', () => {
    assert.equal(renderFailure({ code: 'USAGE', message: 'bad flag', hint: 'see --help' }, { server: false }), 'gitward: USAGE: bad flag\n  hint: see --help\n');
    assert.equal(renderFailure({ code: 'USAGE', message: 'bad flag' }, { server: false }), 'gitward: USAGE: bad flag\n');
  });

  it('never prints a stack trace, even for an internal error', () => {
    const thrown = new TypeError('cannot read properties of undefined');
    const out = renderFailure(toGitwardError(thrown), { server: true });
    assert.ok(thrown.stack?.includes('    at '));
    assert.ok(!out.includes('    at '), out);
    assert.match(out, /^gitward: push rejected \(INTERNAL\): internal error: cannot read properties of undefined$/m);
  });

  it('caps a very long failure message on the server', () => {
    const message = Array.from({ length: 500 }, (_, i) => `problem ${i}`).join('\n');
    const out = lines(renderFailure({ code: 'CONFIG_INVALID', message }, { server: true }));
    assert.ok(out.length < 60 && out.every((l) => l.startsWith('gitward: ')));
    assert.match(out.at(-1) ?? '', /and 449 more lines/);
  });
});
