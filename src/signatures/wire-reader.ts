/** Reads the SSH wire encoding (RFC 4251 §5): uint32, length-prefixed strings and mpints. Throws on truncation. */
export class WireReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset === this.bytes.length;
  }

  raw(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) throw new Error('truncated SSH data');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint32(): number {
    const b = this.raw(4);
    return ((b[0] as number) * 2 ** 24) + (((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number));
  }

  string(): Uint8Array {
    return this.raw(this.uint32());
  }

  text(): string {
    return Buffer.from(this.string()).toString('utf8');
  }

  /** An unsigned mpint with its sign-padding zero bytes removed. */
  mpint(): Uint8Array {
    const value = this.string();
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    return value.subarray(start);
  }
}

/** SSH wire `string`: uint32 length + bytes. */
export function wireString(value: Uint8Array | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const out = Buffer.alloc(4 + bytes.length);
  out.writeUInt32BE(bytes.length, 0);
  out.set(bytes, 4);
  return out;
}

/** Left-pads a big-endian integer to `size` bytes (signatures whose leading bytes are zero are stored shorter). */
export function leftPad(value: Uint8Array, size: number): Uint8Array {
  if (value.length >= size) return value.length === size ? value : value.subarray(value.length - size);
  const out = new Uint8Array(size);
  out.set(value, size - value.length);
  return out;
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
