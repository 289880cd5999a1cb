const MASK_LENGTH = 12;

/**
 * The only view of a secret that leaves secrets/: at most a public vendor prefix (`ghp_`,
 * `AKIA`), a fixed-width mask and the length. The mask does not grow with the secret, so even
 * the length of each part stays hidden except for the total.
 */
export function redact(secret: string, publicPrefix = ''): string {
  const prefix = publicPrefix !== '' && secret.startsWith(publicPrefix) && publicPrefix.length < secret.length / 2 ? publicPrefix : '';
  return `${prefix}${'*'.repeat(MASK_LENGTH)}…(${secret.length} chars)`;
}
