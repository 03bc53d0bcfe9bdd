// Native lines through the one line splitter (../../io/lines.ts) and the block parser: line numbers, byte
// offsets (resume points), BOM, CRLF, blank lines, a last line without '\n', lines longer than a block, invalid
// UTF-8, and the parse workers agreeing with the calling thread.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { writeSyntheticFile } from '../synthetic';
import { readLineBlocks } from '../../io/lines';
import { parseNativeFile } from './parallel';
import { parseNativeBlock } from './parse-block';

const BUILT_WORKER = path.resolve(__dirname, '../../../../out/node/rollout-parse-worker.mjs');
const HAS_WORKER = fs.existsSync(BUILT_WORKER);

const line = (i: number, pad = 0, tail = '') =>
  JSON.stringify({ question: `q${i}`, response: `answer ${i}${'x'.repeat(pad)}${tail}`, reward: i % 2 });

async function parseAll(file: string, from = { offset: 0, line: 0 }, blockBytes = 64) {
  const out: { line: number; endOffset: number | null; response: string }[] = [];
  const bad: { line: number; endOffset: number; message: string }[] = [];
  for await (const b of readLineBlocks(file, from, { blockBytes })) {
    for (const item of parseNativeBlock(b, 'f').items) {
      if (item.kind === 'rollout')
        out.push({ line: item.rollout.line, endOffset: item.rollout.endOffset, response: item.rollout.response });
      else bad.push({ line: item.line, endOffset: item.endOffset, message: item.issues[0]?.message ?? '' });
    }
  }
  return { out, bad };
}

describe('native line blocks', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('numbers lines and gives each record the byte offset just after it', async () => {
    // Non-ASCII text (2- and 4-byte UTF-8) makes characters and bytes differ.
    const text = `\uFEFF${line(1, 0, 'é')}\r\n\n${line(2, 200, '𝑥²')}\n   \n${line(3)}`;
    const file = path.join(tmp.dir, 'a.jsonl');
    fs.writeFileSync(file, text);
    const { out, bad } = await parseAll(file);
    expect(bad).toEqual([]);
    expect(out.map((r) => [r.line, r.response])).toEqual([
      [1, 'answer 1é'],
      [3, `answer 2${'x'.repeat(200)}𝑥²`],
      [5, 'answer 3'],
    ]);
    const bytes = Buffer.from(text);
    // Each end offset is just after the record's '\n' (the file's end for the last line).
    expect(out.map((r) => r.endOffset)).toEqual([
      bytes.indexOf('\n') + 1,
      bytes.indexOf('\n', bytes.indexOf('answer 2')) + 1,
      bytes.length,
    ]);
  });

  it('resumes from a committed offset and line without re-reading earlier lines', async () => {
    const file = path.join(tmp.dir, 'b.jsonl');
    fs.writeFileSync(file, Array.from({ length: 50 }, (_, i) => line(i + 1, i * 7)).join('\n') + '\n');
    const all = await parseAll(file);
    expect(all.out).toHaveLength(50);
    const cut = all.out[19] as { line: number; endOffset: number };
    const rest = await parseAll(file, { offset: cut.endOffset, line: cut.line });
    expect(rest.out.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 21));
    expect(rest.out).toEqual(all.out.slice(20));
  });

  it('reports invalid UTF-8 and broken JSON per line and keeps going', async () => {
    const file = path.join(tmp.dir, 'c.jsonl');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${line(1)}\n{"question":"q","response":"`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`"}\n{"question":\n${line(4)}\n`),
      ]),
    );
    const { out, bad } = await parseAll(file, { offset: 0, line: 0 }, 16);
    expect(out.map((r) => r.line)).toEqual([1, 4]);
    expect(bad.map((b) => [b.line, b.message.slice(0, 14)])).toEqual([
      [2, 'line is not va'],
      [3, 'invalid JSON: '],
    ]);
  });

  it.skipIf(!HAS_WORKER)(
    `parses in worker threads exactly as in-thread, line numbers and offsets ` +
      `included${HAS_WORKER ? '' : ' (needs npm run build:node)'}`,
    async () => {
      const file = path.join(tmp.dir, 'p.jsonl');
      writeSyntheticFile(file, { rollouts: 600, tokensPerRollout: 40, groupSize: 8, rolloutsPerStep: 100, seed: 2 });
      const collect = async (workerScript: string | null, from = { offset: 0, line: 0 }) => {
        const items: [number, number | null, number][] = [];
        for await (const block of parseNativeFile(file, 'p.jsonl', from, {
          workerScript,
          workers: 2,
          blockBytes: 16 * 1024,
        })) {
          for (const item of block.items)
            if (item.kind === 'rollout')
              items.push([item.rollout.line, item.rollout.endOffset, item.rollout.signals[0]?.values[3] ?? NaN]);
        }
        return items;
      };
      const inThread = await collect(null);
      expect(inThread.map((i) => i[0])).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
      expect(await collect(BUILT_WORKER)).toEqual(inThread);
      const cut = inThread[299] as [number, number, number];
      expect(await collect(BUILT_WORKER, { offset: cut[1], line: cut[0] })).toEqual(inThread.slice(300));
    },
  );
});
