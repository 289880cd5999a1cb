import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/repo.js';
import { decide, type Decision } from '../../../src/model/index.js';
import type { AuditInput, RenderContext } from '../../../src/report/index.js';

export const REPORT_FIXTURES = join(PROJECT_ROOT, 'test/fixtures/report');

/** One `test/fixtures/report/{ok,ng}.<case>/input.json`; `allowed` is computed, so a fixture cannot contradict decide(). */
export interface ReportFixture {
  name: string;
  dir: string;
  context: RenderContext;
  scannedFiles: number;
  version: string;
  decision: Decision;
  audit?: Omit<AuditInput, 'time' | 'decision'> & { time: string };
}

export function loadReportFixtures(): ReportFixture[] {
  return readdirSync(REPORT_FIXTURES).sort().map((name) => {
    const dir = join(REPORT_FIXTURES, name);
    const raw = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as Omit<ReportFixture, 'name' | 'dir' | 'decision'> & { decision: Omit<Decision, 'allowed'> };
    return { ...raw, name, dir, decision: decide(raw.decision) };
  });
}
