/**
 * A piece of text handed to the secret engine: a whole blob, or the added lines of one file
 * in a diff. `lineNumbers[i]` is the real 1-based line of the i-th line of `text`; when absent,
 * line i of `text` is line i+1 of the file.
 */
export interface Fragment {
  path: string;
  text: string;
  lineNumbers?: number[];
  commit?: string;
  /** Blob object id when known: identical blobs are scanned once. */
  blobOid?: string;
}
