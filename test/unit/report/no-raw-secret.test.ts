import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decide, type Finding } from '../../../src/model/index.js';
import { buildAuditRecord, renderDecision, renderRemoteLines, type RenderContext } from '../../../src/report/index.js';
import { githubToken } from '../../helpers/secret-samples.js';

/**
 * Findings carry only a redacted preview and a fingerprint. Build them the way the secret engine
 * does, from a raw value made at run time, and check that no output format ever contains the raw
 * value or any 8-character piece of its hidden part.
 */
function findingFrom(raw: string, overrides: Partial<Finding>): Finding {
  return {
    code: 'SECRET_DETECTED', ruleId: 'github-token', file: 'config/app.env', line: 2, column: 7,
    redacted: `${raw.slice(0, 4)}${'*'.repeat(raw.length - 4)}`,
    fingerprint: createHash('sha256').update(`github-token:${raw}`).digest('hex'),
    confidence: 'high', message: 'GitHub token', fix: 'Revoke it.', ...overrides,
  };
}

function pieces(raw: string): string[] {
  const hidden = raw.slice(4);
  return Array.from({ length: hidden.length - 7 }, (_, i) => hidden.slice(i, i + 8));
}

describe('report: no raw secret in any output', () => {
  const raws = [githubToken(), githubToken('gho_')];
  const decision = decide({
    findings: [findingFrom(raws[0] as string, {}), findingFrom(raws[1] as string, { file: 'b.ts', commit: 'abcdef0123456789abcdef0123456789abcdef01', confidence: 'medium' })],
    violations: [], skipped: [], notices: [],
  });

  async function everyOutput(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const context of ['staged', 'files', 'history', 'push', 'outgoing'] as RenderContext[]) {
      for (const format of ['text', 'json', 'sarif'] as const) {
        for (const color of [false, true]) out[`${context}/${format}/${color}`] = await renderDecision(decision, format, { context, scannedFiles: 2, color, version: '1.0.0' });
      }
    }
    out.remote = renderRemoteLines(decision);
    out.audit = JSON.stringify(buildAuditRecord({ time: new Date(0), repo: 'r', refs: [], decision, version: '1.0.0' }));
    return out;
  }

  it('the outputs do show the finding (so the check below is meaningful)', async () => {
    for (const [name, text] of Object.entries(await everyOutput())) assert.ok(text.includes('config/app.env'), name);
  });

  it('no output contains a raw secret or a piece of its hidden part', async () => {
    for (const [name, text] of Object.entries(await everyOutput())) {
      for (const raw of raws) {
        assert.ok(!text.includes(raw), `${name} contains the raw secret`);
        const leaked = pieces(raw).find((p) => text.includes(p));
        assert.equal(leaked, undefined, `${name} contains part of the secret`);
      }
    }
  });
});
