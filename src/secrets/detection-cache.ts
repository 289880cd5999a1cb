import type { Fragment } from '../model/index.js';
import type { Detection, DetectionEngine } from './detection-engine.js';
import { pathProfile } from './detectors/assess-value.js';

/** Bounded, so a history scan's memory stays flat; oldest entries go first. */
const MAX_ENTRIES = 20_000;

export interface DetectionCache {
  /** The detection for a fragment, or undefined when this very blob was already reported at this path. */
  detect(fragment: Fragment, engine: DetectionEngine): Detection | undefined;
}

/**
 * Identical blobs are scanned once, by object id. Hashing content instead was measured and dropped:
 * SHA-1 of a JS string (UTF-8 re-encoding included) cost 8% of a whole-tree scan of
 * node_modules/typescript and saved nothing on trees without copies.
 */
export function createDetectionCache(): DetectionCache {
  const entries = new Map<string, { path: string; detection: Detection }>();
  return {
    detect(fragment, engine) {
      // The verdict depends on the path only through its profile (test path, code file), so copies
      // of a blob with the same profile share one detection.
      const key = fragment.blobOid ? `${fragment.blobOid}\0${pathProfile(fragment.path)}` : undefined;
      const cached = key === undefined ? undefined : entries.get(key);
      if (cached) return cached.path === fragment.path ? undefined : cached.detection;
      const detection = engine.detect(fragment.text, fragment.path);
      if (key !== undefined) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(key, { path: fragment.path, detection });
      }
      return detection;
    },
  };
}
