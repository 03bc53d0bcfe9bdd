// Building blocks of the flat Parquet writer: a growable byte buffer, the RLE / bit-packing hybrid for
// levels and dictionary indices, and snappy-compressed pages with their Thrift headers.
// Spec: https://parquet.apache.org/docs/file-format/data-pages/encodings/
import { maxCompressedLength, snappyCompress } from './snappy';
import { ThriftWriter } from './thrift';

export class Bytes {
  buf: Buffer;
  length = 0;

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    while (n >= 0x80) {
      this.byte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.byte(n);
  }

  append(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** A PLAIN BYTE_ARRAY value: 4-byte little-endian length, then the UTF-8 bytes. */
  text(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    this.ensure(4 + s.length * 3);
    const n = this.buf.write(s, this.length + 4, 'utf8');
    this.buf.writeUInt32LE(n, this.length);
    this.length += 4 + n;
  }

  get bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** Definition levels 0/1 of rows [from, to) as RLE runs, behind the 4-byte length a v1 data page wants. */
export function writeDefinitionLevels(out: Bytes, defs: Uint8Array, from: number, to: number): void {
  const at = out.length;
  out.ensure(4);
  out.length += 4;
  let i = from;
  while (i < to) {
    const v = defs[i] as number;
    let j = i + 1;
    while (j < to && defs[j] === v) j++;
    out.varint((j - i) * 2);
    out.byte(v);
    i = j;
  }
  out.buf.writeUInt32LE(out.length - at - 4, at);
}

/** Dictionary indices: bit width byte, then one bit-packed run (padded to a multiple of 8 values). */
export function writeDictionaryIndices(out: Bytes, indices: Int32Array, count: number, dictionarySize: number): void {
  const width = Math.max(1, Math.ceil(Math.log2(Math.max(2, dictionarySize))));
  out.byte(width);
  if (count === 0) return;
  const groups = Math.ceil(count / 8);
  out.varint(groups * 2 + 1);
  out.ensure(groups * width);
  const buf = out.buf;
  let pos = out.length;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < groups * 8; i++) {
    acc |= (i < count ? (indices[i] as number) : 0) << bits;
    bits += width;
    while (bits >= 8) {
      buf[pos++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  }
  out.length = pos;
}

export const ENCODING = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
const DATA_PAGE = 0;
const DICTIONARY_PAGE = 2;

export interface PageSizes {
  uncompressed: number;
  compressed: number;
}

/** Compresses a page body and appends header + body to `out`; sizes include the header. */
export class PageWriter {
  private compressed = Buffer.allocUnsafe(1 << 16);

  write(out: Bytes, body: Uint8Array, page: { dictionary: boolean; values: number; encoding: number }): PageSizes {
    if (this.compressed.length < maxCompressedLength(body.length))
      this.compressed = Buffer.allocUnsafe(maxCompressedLength(body.length));
    const n = snappyCompress(body, this.compressed);
    const header = new ThriftWriter().struct([
      [1, { i32: page.dictionary ? DICTIONARY_PAGE : DATA_PAGE }],
      [2, { i32: body.length }],
      [3, { i32: n }],
      [
        5,
        page.dictionary
          ? undefined
          : {
              struct: [
                [1, { i32: page.values }],
                [2, { i32: page.encoding }],
                [3, { i32: ENCODING.RLE }],
                [4, { i32: ENCODING.RLE }],
              ],
            },
      ],
      [
        7,
        page.dictionary
          ? {
              struct: [
                [1, { i32: page.values }],
                [2, { i32: ENCODING.PLAIN }],
              ],
            }
          : undefined,
      ],
    ]).result;
    out.append(header);
    out.append(this.compressed.subarray(0, n));
    return { uncompressed: header.length + body.length, compressed: header.length + n };
  }
}
