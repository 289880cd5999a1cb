/** One path a commit touches, relative to its first parent (or to the empty tree for a root commit). */
export interface ChangedPath {
  path: string;
  /** Source of a rename or copy. */
  oldPath?: string;
  /** A added, M modified, D deleted, T type/mode change, R renamed, C copied. */
  status: 'A' | 'M' | 'D' | 'T' | 'R' | 'C';
  oldMode: string;
  newMode: string;
  /** New blob oid (absent for deletions). */
  newOid?: string;
  /** Size in bytes of the new blob, when the caller looked it up. */
  newSize?: number;
}
