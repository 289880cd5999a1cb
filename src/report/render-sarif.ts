import type { Decision } from '../model/index.js';
import type { RenderOptions } from './render-options.js';
import { HELP_URI } from './messages.js';
import { buildSarifRules } from './sarif-rules.js';
import { findingResult, noticeNotification, skippedNotification, violationResult } from './sarif-results.js';
import { sortFindings } from './sort-findings.js';

/**
 * SARIF 2.1.0 (validated against the OASIS schema in the tests). One run; secrets are results
 * with physical locations, violations results with logical ones (ref, commit), skipped items
 * and notices are invocation notifications. No timestamps: the output is a pure function of
 * the decision, so goldens are stable.
 */
export function renderSarif(decision: Decision, opts: Pick<RenderOptions, 'version'>): string {
  const { rules, indexOf } = buildSarifRules(decision);
  const index = (id: string) => indexOf.get(id) ?? -1;
  const results = [
    ...sortFindings(decision.findings).map((f) => findingResult(f, index(f.ruleId))),
    ...decision.violations.map((v) => violationResult(v, index(v.code))),
  ];
  const notifications = [...decision.skipped.map(skippedNotification), ...decision.notices.map(noticeNotification)];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: { name: 'gitward', ...(opts.version ? { version: opts.version } : {}), informationUri: HELP_URI, rules },
      },
      invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
