// 32-bit hashing of strings for in-memory indexes (contamination tokens): fast, well mixed, and the same on every
// machine. Not for anything that needs collision resistance: use SHA-1/256 there.
import { fmix32 } from '../../shared/random';

/** FNV-1a over the UTF-16 code units of `text`, finalised with fmix32 (FNV alone mixes short strings poorly). */
export function hashString32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}
