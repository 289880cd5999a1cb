import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PROJECT_ROOT } from '../../helpers/repo.js';
import { renderDecision } from '../../../src/report/index.js';
import { decide } from '../../../src/model/index.js';
import { loadReportFixtures } from './report-fixture.js';

/**
 * The OASIS SARIF 2.1.0 schema ships inside the platform package of @microsoft/sarif-multitool
 * (a devDependency). Validating with ajv needs neither the .NET binary nor its postinstall chmod.
 */
function loadSarifSchema(): object {
  const scope = join(PROJECT_ROOT, 'node_modules/@microsoft');
  const candidates = readdirSync(scope).filter((d) => d.startsWith('sarif-multitool')).map((d) => join(scope, d, 'sarif-2.1.0.json'));
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`no sarif-2.1.0.json in ${candidates.join(', ')}: run npm ci (devDependency @microsoft/sarif-multitool)`);
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(loadSarifSchema());

function assertValidSarif(text: string): void {
  const ok = validate(JSON.parse(text));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

describe('SARIF output against the SARIF 2.1.0 JSON schema', () => {
  for (const fx of loadReportFixtures()) {
    it(`validates: ${fx.name}`, async () => {
      assertValidSarif(await renderDecision(fx.decision, 'sarif', { context: fx.context, scannedFiles: fx.scannedFiles, color: false, version: fx.version }));
    });
  }

  it('validates without a version and with an absolute path', async () => {
    const decision = decide({
      findings: [{ code: 'SECRET_DETECTED', ruleId: 'r', file: '/tmp/a b#c.txt', line: 1, column: 1, redacted: 'x***', fingerprint: 'f', confidence: 'high', message: 'm', fix: 'f' }],
      violations: [], skipped: [], notices: [],
    });
    const text = await renderDecision(decision, 'sarif', { context: 'files', scannedFiles: 1, color: false });
    assertValidSarif(text);
    const log = JSON.parse(text) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.equal(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'file:///tmp/a%20b%23c.txt');
  });

  it('the validator rejects a broken log (so the checks above can fail)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  });
});
