import type { Decision } from '../model/index.js';
import type { RenderOptions } from './render-options.js';
import { painter, type Painter } from './paint.js';
import { CONTEXT_WORDS } from './messages.js';
import { plural } from './printable.js';
import { findingLines, fixBlock, noticeLines, skippedLines, violationLines } from './text-sections.js';

/**
 * The default, human format: a summary line, findings grouped by file, what was not scanned,
 * policy/signing problems with their fixes, then one block on how to fix and how to allow.
 * A clean result with nothing to add is a single line.
 */
export function renderText(decision: Decision, opts: RenderOptions): string {
  const p = painter(opts.color);
  const sections = [
    [summaryLine(decision, opts, p)],
    findingLines(decision.findings, p),
    skippedLines(decision.skipped, p),
    violationLines(decision.violations, p),
    noticeLines(decision.notices, p),
    decision.findings.length > 0 ? fixBlock(CONTEXT_WORDS[opts.context].removeStep) : [],
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function summaryLine(decision: Decision, opts: RenderOptions, p: Painter): string {
  const words = CONTEXT_WORDS[opts.context];
  const blocking = decision.violations.filter((v) => v.severity !== 'warn').length;
  const warnings = decision.violations.length - blocking;
  const notScanned = decision.skipped.length > 0 ? [`${decision.skipped.length} not scanned`] : [];
  const warned = warnings > 0 ? [plural(warnings, 'warning')] : [];
  if (decision.allowed) {
    const extras = [...notScanned, ...warned];
    return p.green(`gitward: ${words.clean(opts.scannedFiles)}`) + (extras.length > 0 ? ` (${extras.join(', ')})` : '');
  }
  const files = new Set(decision.findings.map((f) => f.file)).size;
  const parts = [
    ...(decision.findings.length > 0 ? [`${plural(decision.findings.length, 'secret')} in ${plural(files, 'file')}`] : []),
    ...(blocking > 0 ? [plural(blocking, 'violation')] : []),
    ...warned,
  ];
  const checked = plural(opts.scannedFiles, words.unit, words.unitPlural);
  const what = parts.length > 0 ? parts.join(', ') : 'blocked';
  return `${p.red(`gitward: ${words.blocked}`)}: ${what} (${checked} checked${notScanned.length > 0 ? `, ${notScanned[0]}` : ''})`;
}
