import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureCodes, violationCodes, codeAnchor, GitwardError, toGitwardError } from '../../../src/errors/index.js';
import { PROJECT_ROOT } from '../../helpers/repo.js';
import { listSourceFiles } from '../../helpers/source-imports.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const sources = listSourceFiles(join(PROJECT_ROOT, 'src'))
  .filter((f) => !f.endsWith('errors/codes.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const allCodes = [...Object.keys(failureCodes), ...Object.keys(violationCodes)];

describe('error and violation codes', () => {
  it('every code is documented in the README code table', () => {
    const missing = allCodes.filter((code) => !readme.includes(`id="${codeAnchor(code).slice(1)}"`));
    assert.deepEqual(missing, []);
  });

  it('every code is used somewhere in src/ (no dead codes)', () => {
    const unused = allCodes.filter((code) => !new RegExp(`['"\`]${code}['"\`]`).test(sources));
    assert.deepEqual(unused, []);
  });

  it('codes are SCREAMING_SNAKE_CASE and unique across both registries', () => {
    assert.equal(new Set(allCodes).size, allCodes.length);
    for (const code of allCodes) assert.match(code, /^[A-Z][A-Z0-9_]+$/);
  });

  it('GitwardError serializes its code, message and hint, and wraps unknown errors as INTERNAL', () => {
    const error = new GitwardError('GIT_FAILED', 'git broke', { hint: 'reinstall git', data: { args: ['x'] } });
    assert.deepEqual(JSON.parse(JSON.stringify(error)), { code: 'GIT_FAILED', message: 'git broke', hint: 'reinstall git', data: { args: ['x'] } });
    assert.equal(toGitwardError(new TypeError('boom')).code, 'INTERNAL');
    assert.equal(toGitwardError(error), error);
  });
});
