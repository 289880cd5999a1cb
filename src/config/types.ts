import type { FailureCode } from '../errors/index.js';

/**
 * Normalized, typed configuration. Raw input (files, `extends`) is validated and turned into these
 * shapes by `config/`; domain modules only `import type` from here.
 */

/** A team-defined secret rule (team config `secrets.rules.custom[]`). */
export interface CustomRule {
  id: string;
  /** JavaScript regular expression source; the first capture group (if any) is the secret. */
  regex: string;
  /** Lower-cased keywords for the prefilter; the rule runs only on text containing one of them. */
  keywords: string[];
  /** Minimum Shannon entropy (bits per char) of the secret; absent = no entropy check. */
  entropy?: number;
  description?: string;
}

export interface RuleAllow {
  /** Regexes matched against the secret value; a match suppresses the finding. */
  regexes: string[];
  /** Substrings (case-insensitive) of the secret value that mark it as a placeholder. */
  stopwords: string[];
}

export interface SecretsConfig {
  /** Master switch for secret scanning in hooks and `gitward scan`. */
  enabled: boolean;
  /** Blobs/files larger than this many bytes are skipped and reported as skipped. */
  maxFileSize: number;
  allow: {
    /** micromatch globs of paths never scanned. */
    paths: string[];
    /** Regexes matched against the secret value (all rules). */
    regexes: string[];
    /** Substrings of the secret value (all rules). */
    stopwords: string[];
    /** Honour inline `gitward:allow` comments (always true on the client; the server policy decides there). */
    inlineComments: boolean;
  };
  /** Path of the baseline file, relative to the repository root. */
  baseline: string;
  /** Run secretlint's recommended preset in addition to gitward's detectors (only on prefilter hits). */
  secretlint: boolean;
  rules: {
    /** Rule ids to turn off. */
    disable: string[];
    custom: CustomRule[];
    /** Per-rule allowlists, keyed by rule id. */
    allow: Record<string, RuleAllow>;
  };
}

export interface SigningTrust {
  /** Armored OpenPGP public key files (absolute after normalization). A key's UIDs give the emails it may sign for. */
  openpgp: string[];
  /** A git allowed-signers file (absolute after normalization): `principals keytype base64 [comment]` per line. */
  allowedSignersFile?: string;
}

export interface SigningConfig {
  /** pre-commit refuses to commit unless commit signing is set up and the key usable. */
  required: boolean;
  /** Keys the pre-push hook trusts; the same verifier as the server. */
  trust: SigningTrust;
  /** A signature counts only if the key's owner emails contain the committer email. */
  bindCommitter: boolean;
}

export interface PrePushConfig {
  /** Verify signatures of outgoing commits (default: the value of `signing.required`). */
  verifySignatures: boolean;
  /** Remote ref globs whose outgoing commits are verified (default: all). */
  refs: string[];
  /** Scan the added lines of outgoing commits for secrets. */
  scanSecrets: boolean;
}

export interface TeamConfig {
  secrets: SecretsConfig;
  signing: SigningConfig;
  prePush: PrePushConfig;
}

/** The result of loading config: never thrown, always collected (changesets' parse shape). */
export interface ConfigProblem {
  /** e.g. `.gitwardrc.json` or `node_modules/@acme/gitward-config/index.json` */
  file: string;
  /** e.g. `secrets.allow.paths[2]` */
  keyPath: string;
  message: string;
  /** Set for problems with their own failure code (`CONFIG_EXTENDS_NOT_FOUND`, `CONFIG_EXTENDS_CYCLE`, `CONFIG_EXTENDS_TOO_DEEP`). */
  code?: FailureCode;
}

export interface LoadedTeamConfig {
  config: TeamConfig;
  /** Files that contributed, in the order applied (extends first). */
  sources: string[];
  warnings: ConfigProblem[];
  errors: ConfigProblem[];
}

/* ---------------- Server policy (admin-owned; never read from pushed content) ---------------- */

export type Strictness = 'allow' | 'deny';

export interface RefRule {
  match: string;
  pushers?: string[];
  signedCommits?: 'required' | 'optional';
  forcePush?: Strictness;
  deletion?: Strictness;
  creation?: Strictness;
  linearHistory?: boolean;
  /** glob → people/groups whose signature is required on commits touching a matching path. */
  protectedPaths?: Record<string, string[]>;
  immutable?: boolean;
}

export interface PolicyPerson {
  emails: string[];
  /** Armored public keys, already read from the files named in the policy. */
  openpgp: string[];
  /** SSH public key lines: `type base64 [comment]`. */
  ssh: string[];
}

export interface ServerPolicy {
  /** Absolute path of the policy file that was read. */
  file: string;
  /** sha256 of the policy file bytes and every key file it names: goes into each audit record. */
  digest: string;
  identity: { env: string[] };
  people: Record<string, PolicyPerson>;
  groups: Record<string, string[]>;
  refs: RefRule[];
  content: {
    maxFileSize?: number;
    blockedPaths: string[];
    secrets: 'block' | 'warn' | 'off';
    /** Server-owned secret allowlist/baseline and detector settings. */
    secretsConfig: SecretsConfig;
  };
  metadata: {
    commitMessage?: string[];
    authorEmail?: string[];
    committerEmail?: string[];
    refName?: string[];
  };
  breakGlass: { option: string; allowed: string[] };
  audit: { file?: string };
  /** Hook time limit in seconds (default 120). */
  timeoutSeconds: number;
}
