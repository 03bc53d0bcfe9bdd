// The one piece of Markdown the rendered view honours: **bold**, which models use for step labels
// ("**Step 1.**"). Anything unbalanced stays as typed, since a truncated rollout can end mid-pair.
export interface TextPart {
  text: string;
  strong: boolean;
}

export function emphasisParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('**', at);
    if (open === -1) break;
    const close = text.indexOf('**', open + 2);
    if (close === -1) break;
    const inner = text.slice(open + 2, close);
    // "** spaced **" or an empty pair is not emphasis.
    if (inner.trim() === '' || inner !== inner.trim() || inner.includes('\n')) {
      if (open > at) parts.push({ text: text.slice(at, open + 2), strong: false });
      else parts.push({ text: '**', strong: false });
      at = open + 2;
      continue;
    }
    if (open > at) parts.push({ text: text.slice(at, open), strong: false });
    parts.push({ text: inner, strong: true });
    at = close + 2;
  }
  if (at < text.length) parts.push({ text: text.slice(at), strong: false });
  // Neighbouring plain parts are merged back.
  return parts.reduce<TextPart[]>((out, part) => {
    const last = out[out.length - 1];
    if (last && !last.strong && !part.strong) last.text += part.text;
    else out.push({ ...part });
    return out;
  }, []);
}
