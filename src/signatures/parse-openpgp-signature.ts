/**
 * A small reader for the one thing git stores: an armored, detached OpenPGP v4 signature packet
 * (RFC 4880 §4–5.2, RFC 9580 §5.2). openpgp.js takes ~200–330 µs to read one, more than the
 * signature check itself, so the hot path reads the packet here and leaves keys to openpgp.js.
 * Anything it does not understand is reported, never guessed.
 */
export interface OpenpgpSignature {
  /** 0x00 binary document or 0x01 canonical text. */
  type: number;
  publicKeyAlgorithm: number;
  hashAlgorithm: number;
  /** Version byte through the hashed subpackets: what the v4 trailer hashes. */
  hashedPart: Uint8Array;
  /** Signature creation time, epoch ms (from the hashed area only: it is covered by the signature). */
  created: number;
  /** Signature expiration, epoch ms, if the signer set one. */
  expires?: number;
  issuerKeyId?: string;
  issuerFingerprint?: string;
  /** The algorithm-specific signature values: MPIs (RSA: one; ECDSA/EdDSA legacy: r, s) or native bytes. */
  values: Uint8Array[];
}

export class SignatureFormatError extends Error {
  constructor(message: string, readonly unsupported = false) {
    super(message);
  }
}

const BEGIN = /^-----BEGIN PGP (SIGNATURE|MESSAGE)-----$/;
const END = /^-----END PGP (SIGNATURE|MESSAGE)-----$/;
/** Subpacket types a data signature may mark critical that this reader understands. */
const KNOWN_CRITICAL = new Set([2, 3, 16, 33]);

/** ASCII armor → bytes. Armor headers (`Key: value`) and the CRC line are skipped; the signature itself protects the content. */
export function dearmorOpenpgp(text: string): Uint8Array {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const begin = lines.findIndex((l) => BEGIN.test(l));
  const end = lines.findIndex((l, i) => i > begin && END.test(l));
  if (begin === -1 || end === -1) throw new SignatureFormatError('the OpenPGP armor is incomplete');
  const body = lines.slice(begin + 1, end).filter((l) => l !== '' && !/^[A-Za-z][\w-]*: /.test(l) && !l.startsWith('='));
  const base64 = body.join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new SignatureFormatError('the OpenPGP armor is not valid base64');
  return Buffer.from(base64, 'base64');
}

/** Splits binary OpenPGP data into packets: [tag, body]. Partial (streamed) lengths are refused. */
export function readPackets(bytes: Uint8Array): Array<[number, Uint8Array]> {
  const packets: Array<[number, Uint8Array]> = [];
  let pos = 0;
  while (pos < bytes.length) {
    const head = bytes[pos++] as number;
    if ((head & 0x80) === 0) throw new SignatureFormatError('not an OpenPGP packet');
    let tag: number;
    let length: number;
    if (head & 0x40) {
      tag = head & 0x3f;
      const first = byteAt(bytes, pos++);
      if (first < 192) length = first;
      else if (first < 224) length = ((first - 192) << 8) + byteAt(bytes, pos++) + 192;
      else if (first === 255) [length, pos] = [readUint32(bytes, pos), pos + 4];
      else throw new SignatureFormatError('partial packet lengths are not allowed in a signature');
    } else {
      tag = (head >> 2) & 0x0f;
      const size = [1, 2, 4, 0][head & 3] as number;
      length = size === 0 ? bytes.length - pos : readBigEndian(bytes, pos, size);
      pos += size;
    }
    if (pos + length > bytes.length) throw new SignatureFormatError('truncated OpenPGP packet');
    packets.push([tag, bytes.subarray(pos, pos + length)]);
    pos += length;
  }
  return packets;
}

/** Parses the single signature packet of an armored detached signature. */
export function parseOpenpgpSignature(armored: string): OpenpgpSignature {
  const packets = readPackets(dearmorOpenpgp(armored));
  if (packets.some(([tag]) => tag !== 2)) throw new SignatureFormatError('this is an inline-signed OpenPGP message, not a detached signature', true);
  if (packets.length !== 1) throw new SignatureFormatError(`expected one signature packet, found ${packets.length}`, true);
  return parseSignaturePacket((packets[0] as [number, Uint8Array])[1]);
}

function parseSignaturePacket(body: Uint8Array): OpenpgpSignature {
  const version = byteAt(body, 0);
  if (version !== 4) throw new SignatureFormatError(`OpenPGP v${version} signatures are not supported (gpg and git make v4)`, true);
  const hashedLength = readBigEndian(body, 4, 2);
  const hashedEnd = 6 + hashedLength;
  const unhashedLength = readBigEndian(body, hashedEnd, 2);
  const valuesStart = hashedEnd + 2 + unhashedLength + 2; // skipping the two "left 16 bits" of the digest
  const sig: OpenpgpSignature = {
    type: byteAt(body, 1), publicKeyAlgorithm: byteAt(body, 2), hashAlgorithm: byteAt(body, 3),
    hashedPart: body.subarray(0, hashedEnd), created: NaN,
    values: readValues(body.subarray(valuesStart), byteAt(body, 2)),
  };
  readSubpackets(body.subarray(6, hashedEnd), sig, true);
  readSubpackets(body.subarray(hashedEnd + 2, hashedEnd + 2 + unhashedLength), sig, false);
  if (Number.isNaN(sig.created)) throw new SignatureFormatError('the signature has no (hashed) creation time');
  if (sig.expires !== undefined) sig.expires += sig.created; // the subpacket counts seconds after creation
  return sig;
}

function readSubpackets(area: Uint8Array, sig: OpenpgpSignature, hashed: boolean): void {
  let pos = 0;
  while (pos < area.length) {
    const first = byteAt(area, pos++);
    let length = first;
    if (first >= 255) [length, pos] = [readUint32(area, pos), pos + 4];
    else if (first >= 192) length = ((first - 192) << 8) + byteAt(area, pos++) + 192;
    if (length < 1 || pos + length > area.length) throw new SignatureFormatError('malformed signature subpacket');
    const type = byteAt(area, pos) & 0x7f;
    const data = area.subarray(pos + 1, pos + length);
    pos += length;
    if (hashed && (byteAt(area, pos - length) & 0x80) && !KNOWN_CRITICAL.has(type)) {
      throw new SignatureFormatError(`the signature has a critical subpacket (type ${type}) gitward does not understand`);
    }
    applySubpacket(sig, type, data, hashed);
  }
}

function applySubpacket(sig: OpenpgpSignature, type: number, data: Uint8Array, hashed: boolean): void {
  // Only hashed times count: unhashed subpackets are not covered by the signature.
  if (type === 2 && hashed && data.length === 4) sig.created = readUint32(data, 0) * 1000;
  else if (type === 3 && hashed && data.length === 4 && readUint32(data, 0) > 0) sig.expires = readUint32(data, 0) * 1000; // relative until parsed
  else if (type === 16 && data.length === 8) sig.issuerKeyId ??= Buffer.from(data).toString('hex').toUpperCase();
  else if (type === 33 && data.length > 1) sig.issuerFingerprint ??= Buffer.from(data.subarray(1)).toString('hex').toUpperCase();
}

function readValues(bytes: Uint8Array, algorithm: number): Uint8Array[] {
  if (algorithm === 27) return [bytes.subarray(0, 64)]; // native Ed25519: 64 octets, not MPIs
  if (algorithm === 28) return [bytes.subarray(0, 114)];
  const values: Uint8Array[] = [];
  let pos = 0;
  while (pos + 2 <= bytes.length) {
    const bits = readBigEndian(bytes, pos, 2);
    const size = Math.ceil(bits / 8);
    if (pos + 2 + size > bytes.length) throw new SignatureFormatError('truncated signature value');
    values.push(bytes.subarray(pos + 2, pos + 2 + size));
    pos += 2 + size;
  }
  return values;
}

function byteAt(bytes: Uint8Array, pos: number): number {
  const value = bytes[pos];
  if (value === undefined) throw new SignatureFormatError('truncated OpenPGP signature');
  return value;
}

function readBigEndian(bytes: Uint8Array, pos: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + byteAt(bytes, pos + i);
  return value;
}

function readUint32(bytes: Uint8Array, pos: number): number {
  return readBigEndian(bytes, pos, 4);
}
