import type { Detector, RuleInfo } from './detector.js';
import { githubDetector } from './detectors/github.js';
import { npmDetector } from './detectors/npm.js';
import { gitlabDetector } from './detectors/gitlab.js';
import { awsDetector } from './detectors/aws.js';
import { jwtDetector } from './detectors/jwt.js';
import { privateKeyDetector } from './detectors/private-key.js';
import { vendorTokenDetectors } from './detectors/vendor-tokens.js';
import { urlCredentialsDetector } from './detectors/url-credentials.js';
import { authorizationHeaderDetector } from './detectors/authorization-header.js';
import { dockerConfigDetector } from './detectors/docker-config.js';
import { genericAssignmentDetector } from './detectors/generic-assignment.js';
import { k8sSecretDetector } from './detectors/k8s-secret.js';

/**
 * `vendor` detectors know a token format; `generic` judges assignments by statistics and is
 * silenced in encrypted files; `manifest` reads whole documents (k8s) and decodes their values;
 * `secretlint` only marks texts that need secretlint's second opinion; `marker` texts that may be encrypted.
 */
export type DetectorRole = 'vendor' | 'generic' | 'manifest' | 'custom' | 'secretlint' | 'marker';

export interface CatalogEntry {
  detector: Detector;
  role: DetectorRole;
}

export const BUILTIN_DETECTORS: readonly CatalogEntry[] = [
  ...[githubDetector, npmDetector, gitlabDetector, awsDetector, jwtDetector, privateKeyDetector, ...vendorTokenDetectors,
    urlCredentialsDetector, authorizationHeaderDetector, dockerConfigDetector].map((detector) => ({ detector, role: 'vendor' as const })),
  { detector: k8sSecretDetector, role: 'manifest' },
  { detector: genericAssignmentDetector, role: 'generic' },
];

/** Every built-in rule id with a one-line description (docs, `rules.disable` validation). */
export function listRules(): RuleInfo[] {
  return BUILTIN_DETECTORS.flatMap((entry) => entry.detector.rules.map((rule) => ({ ...rule })));
}
