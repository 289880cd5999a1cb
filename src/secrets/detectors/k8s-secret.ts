import { decodeBase64Text } from '../codec.js';
import { isTemplateReference } from '../placeholders.js';
import { isSopsValue } from '../encrypted-content.js';
import { assessAssignment } from './assess-value.js';
import { parseSecretManifests, type ManifestEntry, type SecretManifest } from './k8s-manifest.js';
import { PRIORITY, type Candidate, type DetectInput, type Detector } from '../detector.js';

const isPlaintext = (e: ManifestEntry): boolean => e.value !== '' && !isTemplateReference(e.value) && !isSopsValue(e.value);

function manifestCandidate(manifest: SecretManifest, plain: ManifestEntry[]): Candidate {
  const secret = [manifest.name, ...plain.map((e) => `${e.block}.${e.key}=${e.value}`).sort()].join('\n');
  return {
    ruleId: 'k8s-plaintext-secret', start: manifest.kindOffset, end: manifest.kindLineEnd, secret, confidence: 'high',
    message: `Kubernetes Secret '${manifest.name}' with plaintext data (base64 is an encoding, not encryption)`,
    preview: `Secret/${manifest.name} (${plain.length} plaintext ${plain.length === 1 ? 'entry' : 'entries'})`, priority: PRIORITY.vendor,
  };
}

/** A `data:` value decoded and judged on its own, reported at the encoded value's position. */
function decodedCandidates(entry: ManifestEntry, input: DetectInput): Candidate[] {
  const end = entry.start + entry.value.length;
  input.claim?.(entry.start, end);
  const decoded = decodeBase64Text(entry.value.replace(/\s+/g, ''));
  if (decoded === undefined) return [];
  const place = (c: Omit<Candidate, 'start' | 'end' | 'priority'>, priority: number): Candidate =>
    ({ ...c, start: entry.start, end, priority, message: `${c.message} (base64-decoded from Secret data '${entry.key}')` });
  const vendor = input.scanDecoded?.(decoded) ?? [];
  if (vendor.length > 0) return vendor.map((c) => place(c, PRIORITY.decoded + 1));
  const verdict = assessAssignment(entry.key, decoded.trim(), input.path);
  return verdict ? [place({ ...verdict, secret: decoded.trim() }, PRIORITY.decoded)] : [];
}

function jsonManifests(text: string): SecretManifest[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const m = doc as { kind?: unknown; metadata?: { name?: unknown }; data?: unknown; stringData?: unknown; sops?: unknown };
  if (m === null || typeof m !== 'object' || m.kind !== 'Secret') return [];
  const kindOffset = text.search(/"kind"\s*:\s*"Secret"/);
  const entries = (['data', 'stringData'] as const).flatMap((block) => Object.entries((m[block] ?? {}) as Record<string, unknown>)
    .map(([key, value]) => ({ block, key, value: String(value), start: text.indexOf(JSON.stringify(String(value))) + 1 })));
  const name = typeof m.metadata?.name === 'string' ? m.metadata.name : '(unnamed)';
  return [{ kindOffset, kindLineEnd: text.indexOf('\n', kindOffset) < 0 ? text.length : text.indexOf('\n', kindOffset), name, entries, sops: m.sops !== undefined }];
}

export const k8sSecretDetector: Detector = {
  rules: [{ id: 'k8s-plaintext-secret', description: 'Kubernetes `kind: Secret` manifest with plaintext data/stringData (one finding per manifest, unless SOPS-encrypted)' }],
  keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'", 'kind:secret', '"kind": "secret"', '"kind":"secret"'],
  detect(input) {
    const manifests = input.text.trimStart().startsWith('{') ? jsonManifests(input.text) : parseSecretManifests(input.text);
    const found: Candidate[] = [];
    for (const manifest of manifests.filter((m) => !m.sops)) {
      const plain = manifest.entries.filter(isPlaintext);
      if (plain.length === 0) continue;
      found.push(manifestCandidate(manifest, plain));
      for (const entry of plain.filter((e) => e.block === 'data')) found.push(...decodedCandidates(entry, input));
    }
    return found;
  },
};
