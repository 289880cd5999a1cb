import { bool, str, size, list, stringOrList, obj, map, num, type ObjectNode } from './schema-node.js';
import { DEFAULT_BREAK_GLASS_OPTION, DEFAULT_IDENTITY_ENV, DEFAULT_TIMEOUT_SECONDS } from './defaults.js';

/**
 * The server policy (admin-owned `policy.yaml`), key by key. The key names are a contract
 * (issue 4, "Admin policy"): extend, never rename. Unknown keys are errors here, because a
 * misspelt protection (`forcepush: deny`) must not be silently ignored on the enforcement point.
 */
const name = str('A person or group name from this policy.', { format: 'nonEmpty' });
const regexes = (what: string, example: string) =>
  stringOrList(str('A JavaScript regular expression.', { format: 'regex' }), `${what} A pattern or a list of patterns; all must match. JavaScript regular expressions, unanchored unless the pattern anchors itself.`, { examples: [example] });
const allowDeny = (what: string) => str(what, { enum: ['allow', 'deny'] as const });

const person = obj({
  emails: list(str('An email address.', { format: 'email' }), 'Emails this person commits with (compared case-insensitively). A signature counts only if the committer email is one of them.', { examples: [['alice@example.com']] }),
  openpgp: list(str('A key file.', { format: 'path' }), 'Armored OpenPGP public key files, relative to the policy file.', { examples: [['keys/alice.asc']] }),
  ssh: list(str('An SSH public key line.', { format: 'sshKey' }), 'SSH public keys, one `type base64 [comment]` line each.', { examples: [['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDxumZ76vjdr1wtaavnk189aoRVaNdoXhthNIdUN1E69 carol@laptop']] }),
}, 'A person: who they are (emails) and which keys sign for them.');

const refRule = obj({
  match: str('micromatch glob over full ref names.', { format: 'glob', examples: ['refs/heads/main', 'refs/tags/v*'] }),
  pushers: list(name, 'People or groups who may update matching refs. Absent = anyone.', { examples: [['release-managers']] }),
  signedCommits: str('Whether every new commit must carry a trusted, committer-bound signature.', { enum: ['required', 'optional'] as const }),
  forcePush: allowDeny('Non-fast-forward updates. Default on a matched ref: deny.'),
  deletion: allowDeny('Deleting the ref. Default on a matched ref: deny.'),
  creation: allowDeny('Creating a ref that matches. Default: allow.'),
  linearHistory: bool('Reject merge commits among the new commits. Default: false.'),
  protectedPaths: map(list(name, 'Owners.', { nonEmpty: true }), 'Glob → people/groups: a new commit touching a matching path must be signed by one of them.', 'glob', { keyFormat: 'glob', examples: [{ 'clusters/prod/**': ['sre'] }] }),
  immutable: bool('For tags: the ref can be neither moved (not even fast-forward) nor deleted. Default: false.'),
}, 'Rules for refs matching `match`. Where several entries match, all apply and the strictest value of each key wins.', { required: ['match'] });

const content = obj({
  maxFileSize: size('Reject pushed files larger than this. Bytes, or "5MB" (KB/MB/GB are powers of 1024). Also the size limit of secret scanning. Absent = no limit.', { examples: ['5MB'] }),
  blockedPaths: list(str('A glob.', { format: 'glob' }), 'micromatch globs of paths no pushed commit may add or change.', { examples: [['**/*.pem', '**/.env']] }),
  secrets: str('Secret scanning of added lines in new commits: block the push, warn only, or off.', { enum: ['block', 'warn', 'off'] as const }),
  allow: obj({
    paths: list(str('A glob.', { format: 'glob' }), 'micromatch globs of paths never scanned.', { examples: [['test/fixtures/**']] }),
    regexes: list(str('A regex.', { format: 'regex' }), 'Regexes matched against the secret value; a match suppresses the finding.', { examples: [['^ci-fake-token-[0-9]+$']] }),
    stopwords: list(str('A stopword.', { format: 'nonEmpty' }), 'Case-insensitive substrings of the secret value that mark a placeholder.', { examples: [['example']] }),
    inlineComments: bool('Honour inline `gitward:allow` comments in pushed content (pushers control them, so off by default).'),
  }, 'The server-owned secret allowlist; the repository\'s own team config is never read on the server.'),
  baseline: str('Baseline file of accepted findings (`gitward baseline` output), relative to the policy file.', { format: 'path', examples: ['baselines/infra.json'] }),
}, 'Content rules; they apply to every ref update.');

const metadata = obj({
  commitMessage: regexes('Every new commit message must match.', '^(feat|fix|chore|docs)(\\(.+\\))?: '),
  authorEmail: regexes('Every new commit author email must match.', '@example\\.com$'),
  committerEmail: regexes('Every new commit committer email must match.', '@example\\.com$'),
  refName: regexes('Full names of created refs must match.', '^refs/(heads/(main|feature/.+)|tags/v\\d+)'),
}, 'Metadata patterns; they apply to every ref update.');

export const policySchema: ObjectNode = obj({
  $schema: str('JSON Schema reference for editors; ignored by gitward.', { examples: ['./policy.schema.json'] }),
  identity: obj({
    env: list(str('A variable name.', { format: 'envName' }), 'Environment variables naming the pusher; the first non-empty one wins. Given, it replaces the default list.', { nonEmpty: true, examples: [['GL_USERNAME']] }),
  }, 'How the pusher is identified.'),
  people: map(person, 'Everyone the policy knows, by name.', 'person name', { keyFormat: 'nonEmpty' }),
  groups: map(list(name, 'Members (people).'), 'Named lists of people.', 'group name', { keyFormat: 'nonEmpty', examples: [{ sre: ['alice', 'bob'] }] }),
  refs: list(refRule, 'Protected refs. A ref matched by any entry is protected; refs matching none get only `content` and `metadata` rules.'),
  content,
  metadata,
  breakGlass: obj({
    option: str('Push option that carries the reason: `git push -o <option>="reason"`.', { format: 'pushOption' }),
    allowed: list(name, 'People or groups who may break glass. A bypass skips every rule except secret blocking, needs a non-empty reason, and is audited.', { examples: [['sre']] }),
  }, 'Emergency bypass.'),
  audit: obj({
    file: str('JSON-lines audit log, relative to the policy file; one record per push, appended atomically.', { format: 'path', examples: ['/var/log/gitward/audit.jsonl'] }),
  }, 'Audit log.'),
  timeout: num('Hook time limit in seconds; past it the push is rejected.', { exclusiveMinimum: 0, examples: [60] }),
}, 'gitward server policy. Read only from an admin path (--policy, GITWARD_POLICY, <git-dir>/gitward/, /etc/gitward/), never from pushed content.');

/** The documented defaults of the policy keys (for the schema and README); load-server-policy.ts applies them. */
export function policyDefaults(): Record<string, unknown> {
  return {
    identity: { env: [...DEFAULT_IDENTITY_ENV] },
    people: {},
    groups: {},
    refs: [],
    content: { blockedPaths: [], secrets: 'block', allow: { paths: [], regexes: [], stopwords: [], inlineComments: false } },
    breakGlass: { option: DEFAULT_BREAK_GLASS_OPTION, allowed: [] },
    timeout: DEFAULT_TIMEOUT_SECONDS,
  };
}
