import type { Confidence } from '../model/index.js';

/** A rule as listed in docs and `rules.disable`. */
export interface RuleInfo {
  id: string;
  description: string;
}

/** How much a candidate outranks others overlapping it: a vendor match beats a generic assignment. */
export const PRIORITY = { generic: 10, decoded: 20, vendor: 30 } as const;

/**
 * A possible secret in a text. Offsets index the text the detector was given. The raw `secret`
 * is only hashed into the fingerprint; it never leaves secrets/.
 */
export interface Candidate {
  ruleId: string;
  start: number;
  end: number;
  secret: string;
  confidence: Confidence;
  message: string;
  /** Public vendor prefix kept in the redacted preview (`ghp_`, `AKIA`). */
  publicPrefix?: string;
  /** Text shown instead of a masked value (manifest findings name the manifest, not a value). */
  preview?: string;
  metadata?: Record<string, string>;
  priority: number;
}

export interface DetectInput {
  text: string;
  path: string;
  /** Start offsets of this detector's keyword hits, ascending. */
  hits: readonly number[];
  /** Runs the vendor detectors over a decoded value (k8s `data:`); offsets index the decoded text. */
  scanDecoded?: (decoded: string) => Candidate[];
  /** Marks an encoded range the generic detector must not judge raw (its decoded value is judged instead). */
  claim?: (start: number, end: number) => void;
}

export interface Detector {
  rules: readonly RuleInfo[];
  /** Lower-case ASCII keywords for the prefilter; the detector runs only when one occurs. */
  keywords: readonly string[];
  detect(input: DetectInput): Candidate[];
}

/** Runs a sticky regex at `index`; null when it does not match exactly there. */
export function matchAt(regex: RegExp, text: string, index: number): RegExpExecArray | null {
  regex.lastIndex = index;
  return regex.exec(text);
}

/** True when the character before `index` would glue the match to a longer word. */
export function isGlued(text: string, index: number, word = /[A-Za-z0-9_]/): boolean {
  return index > 0 && word.test(text.charAt(index - 1));
}
