import assert from 'node:assert/strict';
import { checkValue, formatProblem, type CheckContext } from '../../../src/config/check-value.js';
import { obj, str, stringOrList, map, list, joinKeyPath } from '../../../src/config/schema-node.js';
import { formatProblem as formatConfigProblem } from '../../../src/config/index.js';

const context = (unknownKeys: 'warning' | 'error' = 'warning'): CheckContext => ({ baseDir: '/base', unknownKeys, errors: [], warnings: [] });

describe('checkValue (schema walker)', () => {
  it('string formats', () => {
    assert.equal(formatProblem('email', 'a@b'), undefined);
    assert.match(formatProblem('email', 'ab') ?? '', /email/);
    assert.equal(formatProblem('envName', 'GL_USERNAME'), undefined);
    assert.ok(formatProblem('envName', '1X'));
    assert.equal(formatProblem('regex', '[\\w-]+'), undefined, 'valid without the u flag');
    assert.match(formatProblem('regex', '(') ?? '', /invalid regular expression/);
    assert.match(formatProblem('regex', '^') ?? '', /empty string/);
    assert.ok(formatProblem('pushOption', 'a=b'));
    assert.equal(formatProblem('glob', '  '), 'must not be empty');
    const ed25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDxumZ76vjdr1wtaavnk189aoRVaNdoXhthNIdUN1E69 c';
    assert.equal(formatProblem('sshKey', ed25519), undefined);
    assert.ok(formatProblem('sshKey', ed25519.replace('ssh-ed25519', 'ssh-rsa')), 'type must match the blob');
  });

  it('resolves paths against the base directory and turns a string into a one-item list', () => {
    const ctx = context();
    const node = obj({ file: str('f', { format: 'path' }), pattern: stringOrList(str('p', { format: 'regex' }), 'ps') }, 'root');
    assert.deepEqual(checkValue(node, { file: 'keys/a.asc', pattern: '^x' }, '', ctx), { file: '/base/keys/a.asc', pattern: ['^x'] });
    assert.deepEqual(ctx.errors, []);
  });

  it('drops invalid items but keeps the valid ones, and quotes non-identifier keys in key paths', () => {
    const ctx = context();
    const node = obj({ owners: map(list(str('n'), 'l'), 'm', 'glob') }, 'root');
    assert.deepEqual(checkValue(node, { owners: { 'deploy/**': ['a', 1], ok: ['b'] } }, '', ctx), { owners: { 'deploy/**': ['a'], ok: ['b'] } });
    assert.deepEqual(ctx.errors, [{ keyPath: 'owners["deploy/**"][1]', message: 'expected string' }]);
    assert.equal(joinKeyPath('', 'a-b'), 'a-b');
  });

  it('unknown keys: warnings in team config, errors in the policy', () => {
    const node = obj({ secrets: obj({}, 's') }, 'root');
    const warn = context('warning');
    checkValue(node, { secrest: 1 }, '', warn);
    assert.deepEqual(warn.warnings, [{ keyPath: 'secrest', message: 'unknown key (ignored); did you mean "secrets"?' }]);
    const fail = context('error');
    checkValue(node, { secrest: 1 }, '', fail);
    assert.deepEqual(fail.errors, [{ keyPath: 'secrest', message: 'unknown key; did you mean "secrets"?' }]);
  });

  it('formats problems as "file › key.path: message"', () => {
    assert.equal(formatConfigProblem({ file: '.gitwardrc.json', keyPath: 'secrets.allow.paths[2]', message: 'expected string' }), '.gitwardrc.json › secrets.allow.paths[2]: expected string');
    assert.equal(formatConfigProblem({ file: 'x.json', keyPath: '', message: 'cannot be parsed: y' }), 'x.json: cannot be parsed: y');
  });
});

describe('checkValue hardening', () => {
  it('rejects a `__proto__` key in maps and ignores it in objects, without touching prototypes', () => {
    const ctx: CheckContext = { baseDir: '/', unknownKeys: 'warning', errors: [], warnings: [] };
    const raw = JSON.parse('{"m": {"__proto__": ["x"], "ok": ["y"]}, "__proto__": {"polluted": true}}') as unknown;
    const cleaned = checkValue(obj({ m: map(list(str('n'), 'l'), 'm', 'k') }, 'root'), raw, '', ctx) as { m: Record<string, unknown> };
    assert.deepEqual(Object.keys(cleaned.m), ['ok']);
    assert.equal(Object.getPrototypeOf(cleaned.m), Object.prototype);
    assert.deepEqual(ctx.errors.map((e) => e.keyPath), ['m.__proto__']);
    assert.deepEqual(ctx.warnings.map((w) => w.keyPath), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
