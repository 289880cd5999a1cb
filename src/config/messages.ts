/**
 * Every user-facing string of the config layer, in one place (lint-staged `messages.js`):
 * problem texts appear after `file › key.path: `.
 */
const quoteList = (values: readonly string[]): string => {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
};

export const messages = {
  expected: (what: string) => `expected ${what}`,
  expectedOneOf: (values: readonly string[]) => `expected ${quoteList(values)}`,
  expectedSize: () => 'expected a size: a number of bytes or a string such as "5MB" (KB/MB/GB are powers of 1024)',
  required: () => 'required',
  mustNotBeEmpty: () => 'must not be empty',
  reservedKey: () => 'is a reserved name',
  listMustNotBeEmpty: () => 'must list at least one value (omit the key to get the default)',
  tooSmall: (min: number, exclusive: boolean) => `must be ${exclusive ? 'greater than' : 'at least'} ${min}`,
  tooLarge: (max: number) => `must be at most ${max}`,
  badRegex: (reason: string) => `invalid regular expression: ${reason}`,
  regexMatchesEmpty: () => 'regular expression matches the empty string, so it would match everywhere',
  badFormat: (format: string) => {
    const what: Record<string, string> = {
      envName: 'an environment variable name (letters, digits, _)',
      email: 'an email address',
      sshKey: 'an SSH public key line: "type base64 [comment]"',
      ruleId: 'a rule id (letters, digits, "-", "_", ".")',
      pushOption: 'a push option name (no "=" and no whitespace)',
    };
    return `expected ${what[format] ?? format}`;
  },
  unknownKey: (suggestion: string | undefined) =>
    suggestion === undefined ? 'unknown key (ignored)' : `unknown key (ignored); did you mean "${suggestion}"?`,
  unknownPolicyKey: (suggestion: string | undefined) =>
    suggestion === undefined ? 'unknown key' : `unknown key; did you mean "${suggestion}"?`,
  importUnsupported: () => '`$import` is not supported: use `extends` (gitward resolves packages and reports cycles)',
  parseFailed: (reason: string) => `cannot be parsed: ${reason}`,
  notAnObject: () => 'expected an object at the top level',
  extendsNotFound: (spec: string, from: string) => {
    if (spec.startsWith('.') || spec.startsWith('/')) return `cannot resolve "${spec}" (no such file)`;
    // `shared/base.json` is a package name to node; people usually mean a file.
    const fileHint = /\.(json|ya?ml|[cm]?js|ts)$/.test(spec) ? `; for a file, write "./${spec}"` : '';
    return `cannot resolve "${spec}" (no such package from ${from}; run npm install${fileHint})`;
  },
  extendsCycle: (chain: string[]) => `extends cycle: ${chain.join(' → ')}`,
  extendsTooDeep: (spec: string, limit: number) => `"${spec}" is nested deeper than ${limit} levels of extends`,
  severalConfigFiles: (used: string, ignored: string[]) => `several config files found; using ${used}, ignoring ${ignored.join(', ')}`,
  unknownName: (name: string) => `"${name}" is neither a person nor a group in this policy`,
  unknownPerson: (name: string) => `"${name}" is not a person in this policy (groups list people)`,
  nameClash: (name: string) => `"${name}" is both a person and a group`,
  fileMissing: (path: string) => `file not found: ${path}`,
  policyInvalid: (count: number) => `the server policy has ${count} error(s):`,
  policyInvalidHint: () => 'Fix the keys above; policy.schema.json describes every key. Every push is rejected until the policy is valid.',
  configNotFound: (what: string, path: string) => `${what} ${path} does not exist`,
  configNotFoundHint: () => 'Check the path; gitward does not fall back to another file when one is named explicitly.',
  policyNotFound: (places: string[]) => `no server policy found (looked in ${places.join(', ')})`,
  policyNotFoundHint: () => 'Write a policy (examples/server-policy/policy.yaml) or pass --policy / GITWARD_POLICY. Every push is rejected until one exists.',
  keyUnreadable: (path: string, owner: string, reason: string) => `cannot read key file ${path} (${owner}): ${reason}`,
  keyUnreadableHint: () => 'Make the file readable by the hook user, or fix the path; paths are relative to the file that names them.',
  notArmoredPublicKey: () => 'not an ASCII-armored OpenPGP public key (expected "-----BEGIN PGP PUBLIC KEY BLOCK-----")',
  privateKeyInTrustStore: () => 'contains a PRIVATE key block; publish only public keys (gpg --export --armor)',
};
