// Per-token arrays are stored as little-endian Float32 / Uint32 BLOBs: 4 bytes a token, no JSON, no row
// per token. On little-endian hosts (all the platforms Node ships for) a typed array's bytes already are
// that layout, so encoding is a zero-copy view; the DataView path keeps big-endian hosts correct.
import os from 'node:os';

const LITTLE_ENDIAN_HOST = os.endianness() === 'LE';

function viewBytes(array: Float32Array | Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

export function float32Blob(values: Float32Array): Buffer {
  if (LITTLE_ENDIAN_HOST) return viewBytes(values);
  const out = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeFloatLE(values[i] as number, i * 4);
  return out;
}

export function uint32Blob(values: Uint32Array): Buffer {
  if (LITTLE_ENDIAN_HOST) return viewBytes(values);
  const out = Buffer.allocUnsafe(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i] as number, i * 4);
  return out;
}

function checkLength(blob: Uint8Array, what: string): number {
  if (blob.byteLength % 4 !== 0) throw new Error(`${what} BLOB has ${blob.byteLength} bytes, not a multiple of 4`);
  return blob.byteLength / 4;
}

export function readFloat32Blob(blob: Uint8Array): Float32Array {
  const n = checkLength(blob, 'Float32');
  const out = new Float32Array(n);
  // Copy through a DataView: the BLOB's byte offset need not be 4-aligned.
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export function readUint32Blob(blob: Uint8Array): Uint32Array {
  const n = checkLength(blob, 'Uint32');
  const out = new Uint32Array(n);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
