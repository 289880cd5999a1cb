import type { Confidence } from '../model/index.js';
import type { Candidate } from './detector.js';

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

function better(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || RANK[b.confidence] - RANK[a.confidence] || (b.end - b.start) - (a.end - a.start) || a.start - b.start;
}

/**
 * One finding per secret: where candidates overlap (a JWT inside a `token =` assignment, a
 * glpat- token inside a URL), the most specific detector wins, then the higher confidence, then
 * the longer match. Returned in text order.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const kept: Candidate[] = [];
  for (const candidate of [...candidates].sort(better)) {
    if (!kept.some((k) => candidate.start < k.end && candidate.end > k.start)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
