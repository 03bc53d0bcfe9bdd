// The native format counts character offsets in Unicode code points, as Python's str indexing and the
// Hugging Face tokenizers' offset mappings do; JavaScript strings index UTF-16 code units. They differ
// only when the text holds characters outside the Basic Multilingual Plane (emoji, some math letters).

const SURROGATE = /[\uD800-\uDFFF]/;

export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A function from code-point offset (0..length) to UTF-16 index; the identity for BMP-only text. */
export function codePointToUtf16(text: string): (offset: number) => number {
  if (!SURROGATE.test(text)) return (offset) => offset;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  map.push(text.length);
  return (offset) => map[offset] ?? offset;
}
