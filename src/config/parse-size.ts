const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i;

/**
 * Bytes from a size value: a non-negative integer (bytes), or a string such as `5MB`, `512 KB`, `1.5GB`.
 * KB/MB/GB are powers of 1024 (the policy contract); KiB/MiB/GiB are accepted as the same units. Returns undefined when the value is not a size.
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = SIZE.exec(value.trim());
  if (!match) return undefined;
  const unit = UNITS[(match[2] ?? 'B').toUpperCase()] ?? 1;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `5242880` → `5MB`, for messages and docs; falls back to bytes when not a whole unit. */
export function formatSize(bytes: number): string {
  for (const unit of ['GB', 'MB', 'KB'] as const) {
    const factor = UNITS[unit] as number;
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return `${bytes}`;
}
