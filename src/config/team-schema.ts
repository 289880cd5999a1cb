import { bool, str, size, list, stringOrList, obj, map, num, type ObjectNode } from './schema-node.js';

/**
 * The team config (`gitward.config.json`, `.gitwardrc*`, `package.json#gitward`), key by key.
 * Defaults come from defaults.ts; json-schema.ts turns this into gitward.schema.json.
 */
const customRule = obj({
  id: str('Rule id shown in findings; a later rule with the same id (across `extends`) replaces the earlier one.', { format: 'ruleId', examples: ['acme-api-key'] }),
  regex: str('JavaScript regular expression. The first capture group, if any, is the secret; otherwise the whole match.', { format: 'regex', examples: ['acme_(?:live|test)_[0-9a-zA-Z]{24}'] }),
  keywords: list(str('A keyword.', { format: 'nonEmpty' }), 'Keywords (case-insensitive) for the prefilter: the regex runs only on text containing one of them. Empty = always runs (slower).', { examples: [['acme_']] }),
  entropy: num('Minimum Shannon entropy (bits per character) of the secret; below it the match is ignored.', { minimum: 0, maximum: 8, examples: [3.5] }),
  description: str('What the rule finds, shown in reports.', { examples: ['Acme API key'] }),
}, 'A team-defined secret rule.', { required: ['id', 'regex'] });

const ruleAllow = obj({
  regexes: list(str('A regex.', { format: 'regex' }), 'Regexes matched against the secret value; a match suppresses the finding.', { examples: [['^acme_test_']] }),
  stopwords: list(str('A stopword.', { format: 'nonEmpty' }), 'Case-insensitive substrings of the secret value that mark a placeholder.', { examples: [['example']] }),
}, 'Allowlist for one rule.');

const secrets = obj({
  enabled: bool('Master switch for secret scanning in the hooks and `gitward scan`.'),
  maxFileSize: size('Files and blobs larger than this are not scanned and are reported as skipped. Bytes, or a string such as "5MB" (KB/MB/GB are powers of 1024).', { examples: ['5MB', 2097152] }),
  allow: obj({
    paths: list(str('A glob.', { format: 'glob' }), 'micromatch globs (relative to the repository root) of paths never scanned.', { examples: [['test/fixtures/**', '**/*.snap']] }),
    regexes: list(str('A regex.', { format: 'regex' }), 'Regexes matched against the secret value, for every rule; a match suppresses the finding.', { examples: [['^ci-fake-token-[0-9]+$']] }),
    stopwords: list(str('A stopword.', { format: 'nonEmpty' }), 'Case-insensitive substrings of the secret value that mark it as a placeholder, for every rule.', { examples: [['dummy', 'changeme']] }),
    inlineComments: bool('Honour an inline `gitward:allow` comment on the same line.'),
  }, 'What is never reported.'),
  baseline: str('Baseline file of accepted findings (written by `gitward baseline`), relative to the repository root.', { format: 'nonEmpty', examples: ['.gitward-baseline.json'] }),
  secretlint: bool("Also run the secretlint preset-recommend rules gitward has no detector of its own for (today: vercel), only on text whose keywords they need."),
  rules: obj({
    disable: list(str('A rule id.', { format: 'ruleId' }), 'Rule ids to turn off.', { examples: [['generic-env-assignment']] }),
    custom: list(customRule, 'Team-defined rules, added to the built-in ones.', { mergeKey: 'id' }),
    allow: map(ruleAllow, 'Per-rule allowlists, keyed by rule id.', 'rule id', { keyFormat: 'ruleId', examples: [{ 'acme-api-key': { stopwords: ['example'] } }] }),
  }, 'Rule selection and team rules.'),
}, 'Secret scanning (pre-commit, pre-push, `gitward scan`).');

const signing = obj({
  required: bool('pre-commit refuses to commit unless commit signing is set up (`commit.gpgsign`) and the key is usable. `gitward init --require-signing` sets it.'),
  trust: obj({
    openpgp: list(str('A key file.', { format: 'path' }), 'Armored OpenPGP public key files, relative to the config file that names them. A key\'s user IDs give the emails it may sign for.', { examples: [['keys/alice.asc']] }),
    allowedSignersFile: str('A git allowed-signers file (`principals keytype base64 [comment]` per line), relative to the config file that names it.', { format: 'path', examples: ['.gitward/allowed_signers'] }),
  }, 'Keys the pre-push hook trusts (the server uses its own policy).'),
  bindCommitter: bool("A signature counts only if the key's owner emails contain the committer email."),
}, 'Commit signing.');

const prePush = obj({
  verifySignatures: bool('Verify the signatures of outgoing commits against `signing.trust`.', { defaultNote: 'the value of `signing.required`' }),
  refs: list(str('A glob.', { format: 'glob' }), 'micromatch globs over remote ref names whose outgoing commits are checked.', { merge: 'replace', examples: [['refs/heads/main', 'refs/heads/release/*']] }),
  scanSecrets: bool('Scan the added lines of outgoing commits for secrets.'),
}, 'The pre-push hook.');

export const teamSchema: ObjectNode = obj({
  $schema: str('JSON Schema reference for editors; ignored by gitward.', { examples: ['./node_modules/gitward/gitward.schema.json'] }),
  extends: stringOrList(str('An npm package name or a relative file.', { format: 'nonEmpty' }), 'Configs applied before this file, in order: npm package names (resolved from the repository root) or relative files (`./`, `../`). Later entries override earlier ones; this file is applied last. Lists concatenate.', { examples: [['@acme/gitward-config', './gitward.base.json']] }),
  secrets,
  signing,
  prePush,
}, 'gitward team config. Every key is optional; defaults apply to what is left out.');
