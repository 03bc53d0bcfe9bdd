// Snappy compression (the raw block format Parquet's SNAPPY codec uses), written straight into one
// output buffer. hyparquet-writer's port appends byte by byte through a growable writer and allocates
// per page; on 10^6 prompts that was a sixth of the whole export.
// Format: https://github.com/google/snappy/blob/main/format_description.txt

/** Upper bound of the compressed size of `n` bytes (snappy's MaxCompressedLength). */
export const maxCompressedLength = (n: number) => 32 + n + Math.floor(n / 6);

// Plain functions with explicit parameters (no closures over the buffers): they ran ~20% faster than
// closures, as V8 keeps the arguments in registers.

function snappyLiteral(out: Uint8Array, op: number, input: Uint8Array, from: number, len: number): number {
  const n = len - 1;
  if (n < 60) out[op++] = n << 2;
  else if (n < 0x100) {
    out[op++] = 60 << 2;
    out[op++] = n;
  } else {
    out[op++] = 61 << 2;
    out[op++] = n & 0xff;
    out[op++] = n >>> 8;
  }
  // Short literals byte by byte: a subarray per literal costs more than the copy.
  if (len < 32) for (let i = 0; i < len; i++) out[op + i] = input[from + i] as number;
  else out.set(input.subarray(from, from + len), op);
  return op + len;
}

function snappyCopy(out: Uint8Array, op: number, offset: number, len: number): number {
  while (len >= 68) {
    out[op++] = 2 | (63 << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
    len -= 64;
  }
  if (len > 64) {
    out[op++] = 2 | (59 << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
    len -= 60;
  }
  if (len < 12 && offset < 2048) {
    out[op++] = 1 | ((len - 4) << 2) | ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
  } else {
    out[op++] = 2 | ((len - 1) << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
  }
  return op;
}

/** One block (at most 64 KiB) of input from `start`; returns the new output position. */
function snappyBlock(
  input: Uint8Array,
  view: DataView,
  table: Uint16Array,
  start: number,
  end: number,
  out: Uint8Array,
  op: number,
): number {
  const size = end - start;
  let bits = 8;
  while (bits < 14 && 1 << bits < size) bits++;
  const shift = 32 - bits;
  table.fill(0, 0, 1 << bits);
  let ip = start;
  let pending = start;
  if (size >= 15) {
    const limit = end - 15;
    ip++;
    for (;;) {
      // Find a 4-byte match, stepping faster the longer nothing matches (snappy's heuristic).
      let skip = 32;
      let candidate = 0;
      let next = ip;
      let found = false;
      while (!found) {
        ip = next;
        const step = skip++ >>> 5;
        next = ip + step;
        if (next > limit) break;
        // Unaligned little-endian 32-bit loads in one instruction (V8 inlines DataView reads).
        const h = Math.imul(view.getInt32(ip, true), 0x1e35a7bd) >>> shift;
        candidate = start + (table[h] as number);
        table[h] = ip - start;
        found = view.getInt32(ip, true) === view.getInt32(candidate, true);
      }
      if (!found) break;
      op = snappyLiteral(out, op, input, pending, ip - pending);
      // Emit copies while the bytes right after a copy match again.
      for (;;) {
        const base = ip;
        let matched = 4;
        while (
          ip + matched + 4 <= end &&
          view.getInt32(ip + matched, true) === view.getInt32(candidate + matched, true)
        )
          matched += 4;
        while (ip + matched < end && input[ip + matched] === input[candidate + matched]) matched++;
        op = snappyCopy(out, op, base - candidate, matched);
        ip += matched;
        pending = ip;
        if (ip >= limit) break;
        table[Math.imul(view.getInt32(ip - 1, true), 0x1e35a7bd) >>> shift] = ip - 1 - start;
        const h = Math.imul(view.getInt32(ip, true), 0x1e35a7bd) >>> shift;
        candidate = start + (table[h] as number);
        table[h] = ip - start;
        if (view.getInt32(ip, true) !== view.getInt32(candidate, true)) break;
      }
      if (ip >= limit) break;
      ip++;
    }
  }
  if (pending < end) op = snappyLiteral(out, op, input, pending, end - pending);
  return op;
}

/** Compresses `input` into `out` (at least maxCompressedLength(input.length) bytes); returns the compressed length. */
export function snappyCompress(input: Uint8Array, out: Uint8Array): number {
  const table = new Uint16Array(1 << 14);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let op = 0;
  let n = input.length;
  // Preamble: the uncompressed length as a varint.
  while (n >= 0x80) {
    out[op++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  out[op++] = n;
  for (let start = 0; start < input.length; start += 1 << 16)
    op = snappyBlock(input, view, table, start, Math.min(input.length, start + (1 << 16)), out, op);
  return op;
}
