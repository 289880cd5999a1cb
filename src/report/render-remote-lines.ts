import type { Decision, Finding, SkippedItem, Violation } from '../model/index.js';
import { describeSkip, REMOTE_SECRET_HINT } from './messages.js';
import { plural, printable, shortOid } from './printable.js';
import { sortFindings } from './sort-findings.js';

/** Detail lines shown to the pusher; the rest is summarised so a huge push cannot flood the terminal. */
export const MAX_REMOTE_LINES = 50;

const PREFIX = 'gitward: ';

/**
 * The server face's output: every line starts with `gitward: ` (git adds `remote: `). A header,
 * then notices, blocking violations, secrets, warnings and skipped items, each with its fix; a
 * fix text repeated by many entries (50 unsigned commits) is printed once, at its first entry.
 */
export function renderRemoteLines(decision: Decision): string {
  const entries = [
    ...decision.notices.map((n): Entry => ({ head: `note: ${printable(n)}` })),
    ...decision.violations.filter((v) => v.severity !== 'warn').map((v) => violationEntry(v, '')),
    ...sortFindings(decision.findings).map(findingEntry),
    ...decision.violations.filter((v) => v.severity === 'warn').map((v) => violationEntry(v, 'warning: ')),
    ...decision.skipped.map(skippedEntry),
  ];
  const lines = [header(decision), ...capEntries(entries)];
  if (decision.findings.length > 0) lines.push(`hint: ${REMOTE_SECRET_HINT}`);
  return lines.map((line) => `${PREFIX}${line}\n`).join('');
}

function header(decision: Decision): string {
  const blocking = decision.violations.filter((v) => v.severity !== 'warn').length;
  const warnings = decision.violations.length - blocking;
  if (decision.allowed) return warnings > 0 ? `push accepted (${plural(warnings, 'warning')})` : 'push accepted';
  const parts = [
    ...(decision.findings.length > 0 ? [plural(decision.findings.length, 'secret')] : []),
    ...(blocking > 0 ? [plural(blocking, 'violation')] : []),
  ];
  return `push rejected: ${parts.length > 0 ? parts.join(', ') : 'blocked'}`;
}

type Entry = { head: string; fix?: string };

function violationEntry(v: Violation, label: string): Entry {
  const where = [v.ref ?? v.subject, ...(v.commit ? [shortOid(v.commit)] : [])].map(printable).join(' ');
  return { head: `${label}${where} ${v.code}: ${printable(v.message)}`, fix: printable(v.fix) };
}

function findingEntry(f: Finding): Entry {
  const commit = f.commit ? `${shortOid(f.commit)} ` : '';
  const head = `${commit}${f.code}: ${printable(f.file)}:${f.line} ${printable(f.ruleId)} ${printable(f.redacted)}`;
  return { head, fix: printable(f.fix) };
}

function skippedEntry(s: SkippedItem): Entry {
  const commit = s.commit ? `${shortOid(s.commit)} ` : '';
  return { head: `not scanned: ${commit}${printable(s.file)} (${printable(describeSkip(s))})` };
}

/** Whole entries only (a violation never loses its fix line), then one line counting the rest. */
function capEntries(entries: Entry[]): string[] {
  const out: string[] = [];
  const fixesShown = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const showFix = entry.fix !== undefined && !fixesShown.has(entry.fix);
    const lines = showFix ? [entry.head, `  fix: ${entry.fix}`] : [entry.head];
    if (out.length + lines.length > MAX_REMOTE_LINES) {
      out.push(`... and ${entries.length - i} more not shown (the audit log has every one)`);
      break;
    }
    out.push(...lines);
    if (showFix) fixesShown.add(entry.fix as string);
  }
  return out;
}
