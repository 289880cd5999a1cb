import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectFile } from '../../helpers/expect-file.js';
import { buildAuditRecord, renderDecision, renderRemoteLines } from '../../../src/report/index.js';
import { loadReportFixtures } from './report-fixture.js';

const fixtures = loadReportFixtures();

describe('report goldens (test/fixtures/report)', () => {
  it('has the cases the contract names, ok and ng', () => {
    const names = fixtures.map((f) => f.name);
    for (const name of ['ok.clean-staged', 'ng.staged-two-files', 'ok.skipped-binary', 'ng.push-violations', 'ng.history-commits']) {
      assert.ok(names.includes(name), `missing fixture ${name}`);
    }
  });

  for (const fx of fixtures) {
    describe(fx.name, () => {
      const opts = { context: fx.context, scannedFiles: fx.scannedFiles, color: false, version: fx.version };

      it(`is ${fx.name.startsWith('ok.') ? 'allowed' : 'blocked'} as its name says`, () => {
        assert.equal(fx.decision.allowed, fx.name.startsWith('ok.'));
      });
      it('text', async () => expectFile(join(fx.dir, 'expected.txt'), await renderDecision(fx.decision, 'text', opts)));
      it('json', async () => expectFile(join(fx.dir, 'expected.json'), await renderDecision(fx.decision, 'json', opts)));
      it('sarif', async () => expectFile(join(fx.dir, 'expected.sarif'), await renderDecision(fx.decision, 'sarif', opts)));
      if (fx.context === 'push') {
        it('remote lines', () => expectFile(join(fx.dir, 'expected.remote.txt'), renderRemoteLines(fx.decision)));
      }
      const audit = fx.audit;
      if (audit) {
        it('audit record', () => {
          const record = buildAuditRecord({ ...audit, time: new Date(audit.time), decision: fx.decision });
          expectFile(join(fx.dir, 'expected.audit.json'), `${JSON.stringify(record, null, 2)}\n`);
        });
      }
    });
  }
});
