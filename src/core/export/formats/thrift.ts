// The little of Thrift's compact protocol that Parquet page headers and the file footer need: structs of
// i32, i64, binary, bool, nested structs and lists. Fields are given in ascending id order.
// Spec: https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md

export type ThriftValue =
  | { i32: number }
  | { i64: number }
  | { bin: Uint8Array | string }
  | { bool: boolean }
  | { struct: ThriftStruct }
  | { list: 'i32'; values: number[] }
  | { list: 'bin'; values: string[] }
  | { list: 'struct'; values: ThriftStruct[] };
/** Field id -> value; undefined values are left out. */
export type ThriftStruct = [number, ThriftValue | undefined][];

const TYPE = { bool: 1, i32: 5, i64: 6, bin: 8, list: 9, struct: 12 } as const;

export class ThriftWriter {
  private bytes = new Uint8Array(256);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.bytes[this.length++] = b;
  }

  /** Unsigned varint of a non-negative safe integer. */
  private varint(n: number): void {
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }

  private zigzag(n: number): void {
    this.varint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  private binary(v: Uint8Array | string): void {
    const data = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    this.varint(data.length);
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  struct(fields: ThriftStruct): this {
    let last = 0;
    for (const [id, value] of fields) {
      if (value === undefined) continue;
      const type =
        'bool' in value
          ? value.bool
            ? 1
            : 2
          : 'list' in value
            ? TYPE.list
            : TYPE[Object.keys(value)[0] as 'i32' | 'i64' | 'bin' | 'struct'];
      if (id > last && id - last <= 15) this.byte(((id - last) << 4) | type);
      else {
        this.byte(type);
        this.zigzag(id);
      }
      last = id;
      this.value(value);
    }
    this.byte(0);
    return this;
  }

  private value(v: ThriftValue): void {
    if ('i32' in v) this.zigzag(v.i32);
    else if ('i64' in v) this.zigzag(v.i64);
    else if ('bin' in v) this.binary(v.bin);
    else if ('struct' in v) this.struct(v.struct);
    else if ('list' in v) {
      const elem = TYPE[v.list];
      const n = v.values.length;
      if (n < 15) this.byte((n << 4) | elem);
      else {
        this.byte(0xf0 | elem);
        this.varint(n);
      }
      if (v.list === 'i32') for (const x of v.values) this.zigzag(x);
      else if (v.list === 'bin') for (const x of v.values) this.binary(x);
      else for (const x of v.values) this.struct(x);
    }
    // Booleans live in the field header.
  }

  get result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
