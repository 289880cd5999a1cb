import type { SignedItem } from './verify-item.js';

/**
 * A chunk of items as one worker message. Payloads are copied into one fresh ArrayBuffer that is
 * transferred, not cloned: a small Buffer usually views Node's shared 8 KB pool, and cloning it
 * would copy the whole pool slab per item.
 */
export interface ChunkMessage {
  start: number;
  signatures: Array<string | undefined>;
  emails: string[];
  payloads: Uint8Array;
  /** End offset of each item's payload in `payloads`; -1 when the item has none. */
  ends: number[];
}

export function packChunk(start: number, items: SignedItem[]): { message: ChunkMessage; transfer: ArrayBuffer[] } {
  const payloads = new Uint8Array(items.reduce((n, item) => n + (item.payload?.length ?? 0), 0));
  const ends: number[] = [];
  let offset = 0;
  for (const item of items) {
    if (!item.payload) {
      ends.push(-1);
      continue;
    }
    payloads.set(item.payload, offset);
    offset += item.payload.length;
    ends.push(offset);
  }
  const message = { start, signatures: items.map((i) => i.signature), emails: items.map((i) => i.signerEmail), payloads, ends };
  return { message, transfer: [payloads.buffer] };
}

export function unpackChunk(message: ChunkMessage): SignedItem[] {
  let offset = 0;
  return message.ends.map((end, i) => {
    const item: SignedItem = { signerEmail: message.emails[i] ?? '' };
    const signature = message.signatures[i];
    if (signature !== undefined) item.signature = signature;
    if (end >= 0) {
      item.payload = message.payloads.subarray(offset, end);
      offset = end;
    }
    return item;
  });
}
