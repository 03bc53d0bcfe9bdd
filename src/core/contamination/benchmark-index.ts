// Everything needed to test one training prompt against a set of benchmark items, built once per check: exact and
// template keys, n-gram tables and MinHash band tables. Matching a prompt reports every method that fired, each with
// its own score, so a curator sees why it was flagged. Matching allocates little: tables are StaticMultimaps and the
// per-item counters are reused from prompt to prompt.
import { bandKeys } from './lsh';
import type { LshParams } from './lsh';
import { createMinHasher, jaccardEstimate } from './minhash';
import type { MinHasher } from './minhash';
import { ngramHashes } from './ngrams';
import type { ContaminationSettings } from './settings';
import { SHINGLE_SIZE } from './settings';
import { StaticMultimap } from './static-multimap';
import { uint32Column } from '../util/columns';
import { analyzeText, sameTokens, sequenceKey } from './text';
import type { AnalyzedText } from './text';

export type MatchMethod = 'exact' | 'templated' | 'ngram' | 'minhash';

export interface BenchmarkItem {
  /** The benchmark prompt's id in the workspace. */
  id: number;
  text: string;
}

export interface ItemMatch {
  /** Index of the benchmark item (in the order given to the index). */
  item: number;
  method: MatchMethod;
  /** exact/templated: 1; ngram: share of the item's n-grams found; minhash: estimated Jaccard similarity. */
  score: number;
}

/** The shingles MinHash works on: token 3-grams, or the tokens themselves for very short texts. */
export function shinglesOf(tokens: Uint32Array, scratch?: Uint32Array): Uint32Array {
  return tokens.length < SHINGLE_SIZE ? tokens : ngramHashes(tokens, SHINGLE_SIZE, scratch);
}

/** Distinct values of `hashes`, sorted (in place when it may be overwritten). */
function distinctSorted(hashes: Uint32Array): Uint32Array {
  hashes.sort();
  let k = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[k++] = hashes[i] as number;
  return hashes.subarray(0, k);
}

export class BenchmarkIndex {
  readonly hasher: MinHasher;
  readonly lsh: LshParams;
  private readonly analyzed: AnalyzedText[] = [];
  private readonly signatures: Uint32Array[] = [];
  /** Per item: its n for the n-gram test (0: too short) and its number of distinct n-grams. */
  private readonly itemN: Int32Array;
  private readonly itemNgrams: Int32Array;
  private readonly exact = new Map<number, number[]>();
  private readonly templates = new Map<number, number[]>();
  private readonly ngrams = new Map<number, StaticMultimap>();
  private readonly bands: StaticMultimap;
  // Reused per match: n-gram hits per item, and a stamp so each LSH candidate is scored once.
  private readonly hits: Int32Array;
  private readonly stamps: Int32Array;
  private stamp = 0;
  private readonly bandScratch: Uint32Array;
  private ngramScratch = new Uint32Array(1024);

  constructor(
    readonly items: readonly BenchmarkItem[],
    readonly settings: ContaminationSettings,
  ) {
    this.hasher = createMinHasher(settings.numPerm, settings.seed);
    this.lsh = { bands: settings.benchBands, rows: settings.numPerm / settings.benchBands };
    this.itemN = new Int32Array(items.length);
    this.itemNgrams = new Int32Array(items.length);
    this.hits = new Int32Array(items.length);
    this.stamps = new Int32Array(items.length);
    this.bandScratch = new Uint32Array(this.lsh.bands);
    // Pairs in typed columns: hashes above 2^31 would be boxed numbers in plain arrays (~10x the memory).
    const pairs = () => ({ keys: uint32Column(), items: uint32Column() });
    const ngramPairs = new Map<number, ReturnType<typeof pairs>>();
    const bandPairs = pairs();
    items.forEach((item, index) => {
      const analyzed = analyzeText(item.text);
      this.analyzed.push(analyzed);
      const length = analyzed.tokens.length;
      const signature = this.hasher.signature(shinglesOf(analyzed.tokens));
      this.signatures.push(signature);
      if (length === 0) return;
      push(this.exact, sequenceKey(analyzed.tokens), index);
      if (analyzed.hasNumbers && length >= settings.templateMinTokens)
        push(this.templates, sequenceKey(analyzed.template), index);
      for (const key of bandKeys(signature, this.lsh)) {
        bandPairs.keys.push(key);
        bandPairs.items.push(index);
      }
      const n =
        length >= 4 * settings.ngramLong
          ? settings.ngramLong
          : length >= 2 * settings.ngramShort
            ? settings.ngramShort
            : 0;
      if (n === 0) return;
      const distinct = distinctSorted(ngramHashes(analyzed.tokens, n));
      this.itemN[index] = n;
      this.itemNgrams[index] = distinct.length;
      let forN = ngramPairs.get(n);
      if (!forN) ngramPairs.set(n, (forN = pairs()));
      for (const h of distinct) {
        forN.keys.push(h);
        forN.items.push(index);
      }
    });
    for (const [n, forN] of ngramPairs) this.ngrams.set(n, new StaticMultimap(forN.keys.values, forN.items.values));
    this.bands = new StaticMultimap(bandPairs.keys.values, bandPairs.items.values);
  }

  /**
   * Every benchmark item the text matches, by every method over its threshold, given the text's MinHash signature
   * (computed by the caller, which keeps it for the near-duplicate clusters).
   */
  match(analyzed: AnalyzedText, signature: Uint32Array): ItemMatch[] {
    const out: ItemMatch[] = [];
    if (analyzed.tokens.length === 0) return out;
    for (const item of this.exact.get(sequenceKey(analyzed.tokens)) ?? []) {
      if (sameTokens((this.analyzed[item] as AnalyzedText).tokens, analyzed.tokens))
        out.push({ item, method: 'exact', score: 1 });
    }
    if (analyzed.hasNumbers && analyzed.tokens.length >= this.settings.templateMinTokens) {
      for (const item of this.templates.get(sequenceKey(analyzed.template)) ?? []) {
        const other = this.analyzed[item] as AnalyzedText;
        if (sameTokens(other.template, analyzed.template) && !sameTokens(other.tokens, analyzed.tokens))
          out.push({ item, method: 'templated', score: 1 });
      }
    }
    if (this.ngramScratch.length < analyzed.tokens.length) this.ngramScratch = new Uint32Array(analyzed.tokens.length);
    for (const [n, table] of this.ngrams) this.matchNgrams(analyzed.tokens, n, table, out);
    this.matchSignature(signature, out);
    return out;
  }

  private matchNgrams(tokens: Uint32Array, n: number, table: StaticMultimap, out: ItemMatch[]): void {
    if (tokens.length < n) return;
    const hashes = ngramHashes(tokens, n, this.ngramScratch);
    const hits = this.hits;
    const values = table.values;
    // Most n-grams are in no benchmark item (the table's filter rejects them at once); the few that are, are
    // counted once per item even when the prompt repeats them (coverage counts an item's distinct n-grams).
    const seen: number[] = [];
    const touched: number[] = [];
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k] as number;
      const slot = table.find(h);
      if (slot < 0 || seen.includes(h)) continue;
      seen.push(h);
      for (let i = table.startOf(slot), end = table.endOf(slot); i < end; i++) {
        const item = values[i] as number;
        if (hits[item] === 0) touched.push(item);
        hits[item] = (hits[item] as number) + 1;
      }
    }
    for (const item of touched) {
      const score = (hits[item] as number) / (this.itemNgrams[item] as number);
      hits[item] = 0;
      if (score >= this.settings.ngramCoverage) out.push({ item, method: 'ngram', score });
    }
  }

  private matchSignature(signature: Uint32Array, out: ItemMatch[]): void {
    const stamp = ++this.stamp;
    const stamps = this.stamps;
    const table = this.bands;
    for (const key of bandKeys(signature, this.lsh, this.bandScratch)) {
      const slot = table.find(key);
      if (slot < 0) continue;
      for (let i = table.startOf(slot), end = table.endOf(slot); i < end; i++) {
        const item = table.values[i] as number;
        if (stamps[item] === stamp) continue;
        stamps[item] = stamp;
        const score = jaccardEstimate(this.signatures[item] as Uint32Array, signature);
        if (score >= this.settings.jaccard) out.push({ item, method: 'minhash', score });
      }
    }
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
