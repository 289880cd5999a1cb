/** How sure a detector is: `high` means a checksum or structure check passed. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * A secret found in content. It never carries the raw secret: only a redacted preview
 * and a fingerprint (a hash of rule + secret value) that baselines and allowlists key on.
 */
export interface Finding {
  code: 'SECRET_DETECTED';
  ruleId: string;
  /** Path relative to the repository root, or as given on the command line. */
  file: string;
  /** 1-based line and column in the file (the blob), not in a diff. */
  line: number;
  column: number;
  redacted: string;
  fingerprint: string;
  confidence: Confidence;
  message: string;
  fix: string;
  /** Set when the finding comes from a commit (history, range or push scans). */
  commit?: string;
  /** Detector extras, e.g. the AWS account id decoded from a key id. Never the secret. */
  metadata?: Record<string, string>;
}

/** Something the scanner deliberately did not read (binary, too large), reported so nobody assumes it was clean. */
export interface SkippedItem {
  file: string;
  reason: 'binary' | 'too-large' | 'encrypted';
  detail?: string;
  commit?: string;
}
