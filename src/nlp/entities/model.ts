/**
 * The tagger's model: a linear scorer over feature strings (one weight per feature and BILOU tag)
 * plus tag-transition weights, decoded with Viterbi under the BILOU constraints.
 *
 * File format (little-endian), written by the trainer and read once at module load:
 *   "NERM4\n" | u32 header length | header JSON (padded to 4 bytes) | i32 slots x (2 * header.slots)
 *   | i32 rows x header.rows
 * that is, the runtime's lookup table itself (SparseStore, below), used where it lies in the
 * file: building it at load took 100 ms. A feature is found by its two 32-bit keys (pieces.ts:
 * mixed from the hashes of its template name and pieces), not by a string: the runtime computes
 * a key from interned pieces with a few integer operations. Transition weights are in the header
 * (they are few). Weights are quantised to 16 bits and used as integers: emission sums are
 * scaled once.
 */
import { FEATURE_VERSION, PIECES, TAGS, allowed, extractFeatures, wordFeatures, type FeatureBuffer, type GazetteerFn, type Lexicon, type WordSink } from './features.js';
import { WordCache } from '../cache.js';
import type { FeatureOptions } from './options.js';
import { UNARY1, UNARY2, featureKey, hashPiece, key1, key2 } from './pieces.js';
import type { Token } from './tokenize.js';

const MAGIC = 'NERM4\n';

export interface ModelHeader {
  version: 4;
  featureVersion: string;
  tags: string[];
  nFeatures: number;
  /** Slots of the lookup table (a power of two) and length of its rows, in 32-bit words. */
  slots: number;
  rows: number;
  scale: number;
  /** T*T, trans[a*T+b] = weight of tag b after tag a. */
  trans: number[];
  start: number[];
  end: number[];
  /** See TaggerModel.oBias. */
  oBias: number;
  /** Free-form training metadata (data sets, epochs), for humans. */
  meta: Record<string, unknown>;
}

/**
 * The feature weights, found by the feature's two keys. Two layouts behind one interface: the
 * runtime's (16-bit weights, sparse rows, 8-byte table slots: about 7 MB for the shipped model,
 * where a dense table was 26 MB and random access into it, each a cache and TLB miss, was most of
 * the tagger's time), and the trainer's (float weights while it evaluates each epoch).
 */
interface WeightStore {
  /** A handle to the feature's weights, or 0 when the model does not have it. */
  find(k1: number, k2: number): number;
  /** Adds the feature's weights (as stored, before scaling) to out[base .. base + T). */
  add(handle: number, out: Float64Array, base: number): void;
}

/**
 * Slots of [key1, 1 + offset] (0 = empty) index `rows`: at the offset, key2, the count of
 * non-zero weights, then one int32 per weight, (tag << 16) | (16-bit weight). key2 is checked
 * there, on the cache line the weights are read from anyway. Half the rows of the shipped model
 * have 2 non-zero weights of 17.
 */
export class SparseStore implements WeightStore {
  private readonly mask: number;

  /** `slots` holds a power of two of [key1, 1 + offset] pairs (as built by SparseStore.build). */
  constructor(readonly slots: Int32Array, readonly rows: Int32Array) {
    this.mask = slots.length / 2 - 1;
  }

  /** The table of quantised weights, nFeatures x T (the first of features with the same keys wins). */
  static build(keys1: Int32Array, keys2: Int32Array, weights: Int16Array, T: number): SparseStore {
    let size = 1024;
    while (size * 0.6 < keys1.length) size *= 2;
    const mask = size - 1;
    const slots = new Int32Array(size * 2);
    let total = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) total++;
    const rows = new Int32Array(total + 2 * keys1.length);
    let at = 0;
    for (let r = 0; r < keys1.length; r++) {
      const a = keys1[r]!;
      const b = keys2[r]!;
      let i = a & mask;
      let dup = false;
      while (slots[i * 2 + 1] !== 0) {
        if (slots[i * 2] === a && rows[slots[i * 2 + 1]! - 1] === b) { dup = true; break; }
        i = (i + 1) & mask;
      }
      if (dup) continue; // same keys as an earlier feature: keep the first
      slots[i * 2] = a;
      slots[i * 2 + 1] = at + 1;
      rows[at] = b;
      let n = 0;
      for (let t = 0; t < T; t++) {
        const w = weights[r * T + t]!;
        if (w !== 0) rows[at + 2 + n++] = (t << 16) | (w & 0xffff);
      }
      rows[at + 1] = n;
      at += 2 + n;
    }
    // Rows of duplicate keys were not written: trim to what was.
    return new SparseStore(slots, at === rows.length ? rows : rows.slice(0, at));
  }

  find(k1: number, k2: number): number {
    const mask = this.mask;
    const slots = this.slots;
    const rows = this.rows;
    let i = k1 & mask;
    for (;;) {
      const at = slots[i * 2 + 1]!;
      if (at === 0) return 0;
      if (slots[i * 2] === k1 && rows[at - 1] === k2) return at;
      i = (i + 1) & mask;
    }
  }

  add(handle: number, out: Float64Array, base: number): void {
    const rows = this.rows;
    const from = handle + 1;
    const to = from + rows[handle]!;
    for (let e = from; e < to; e++) {
      const x = rows[e]!;
      out[base + (x >>> 16)]! += (x << 16) >> 16;
    }
  }
}

/** Open-addressing slots of [key1, key2, row + 1] over dense float rows: the trainer's layout. */
class DenseStore implements WeightStore {
  private readonly mask: number;
  private readonly table: Int32Array;

  constructor(keys1: Int32Array, keys2: Int32Array, private readonly weights: Float32Array, private readonly T: number) {
    let size = 1024;
    while (size < keys1.length * 2) size *= 2;
    this.mask = size - 1;
    const tab = new Int32Array(size * 3);
    for (let r = 0; r < keys1.length; r++) {
      const a = keys1[r]!;
      const b = keys2[r]!;
      let i = a & this.mask;
      while (tab[i * 3 + 2] !== 0 && !(tab[i * 3] === a && tab[i * 3 + 1] === b)) i = (i + 1) & this.mask;
      if (tab[i * 3 + 2] !== 0) continue;
      tab[i * 3] = a;
      tab[i * 3 + 1] = b;
      tab[i * 3 + 2] = r + 1;
    }
    this.table = tab;
  }

  find(k1: number, k2: number): number {
    const tab = this.table;
    let i = k1 & this.mask;
    for (;;) {
      const r = tab[i * 3 + 2]!;
      if (r === 0) return 0;
      if (tab[i * 3] === k1 && tab[i * 3 + 1] === k2) return r;
      i = (i + 1) & this.mask;
    }
  }

  add(handle: number, out: Float64Array, base: number): void {
    const T = this.T;
    const w = this.weights;
    const o = (handle - 1) * T;
    for (let t = 0; t < T; t++) out[base + t]! += w[o + t]!;
  }
}

/**
 * Sums a word's own features (features.ts wordFeatures) into `acc`: the keys featureKey would give
 * `name \0 s[from, to)`, from the template name's hashes (computed once) and the piece's. The
 * keys are collected first and looked up together (sum), so the CPU overlaps the lookups' cache
 * misses instead of waiting on each in turn.
 */
class WordKeys implements WordSink {
  private readonly names = new Map<string, Int32Array>();
  private readonly h = new Int32Array(2);
  /** wordFeatures gives a word at most 14 features (w, l, s, 8 affixes, len, lx, dict). */
  private readonly k1 = new Int32Array(32);
  private readonly k2 = new Int32Array(32);
  private n = 0;

  constructor(private readonly store: WeightStore) {}

  f(name: string, a: string): void {
    this.sub(name, a, 0, a.length);
  }

  sub(name: string, s: string, from: number, to: number): void {
    let nh = this.names.get(name);
    if (nh === undefined) {
      nh = new Int32Array(2);
      hashPiece(name, 0, name.length, nh, 0);
      this.names.set(name, nh);
    }
    const h = this.h;
    hashPiece(s, from, to, h, 0);
    if (this.n === this.k1.length) throw new Error('wordFeatures gave a word more features than WordKeys holds');
    this.k1[this.n] = key1(nh[0]!, h[0]!, UNARY1);
    this.k2[this.n++] = key2(nh[1]!, h[1]!, UNARY2);
  }

  /** Writes the summed weights of the features received since the last call to acc[base .. base + T). */
  sumInto(acc: Float64Array, base: number, T: number): void {
    acc.fill(0, base, base + T);
    const { k1, k2, n, store } = this;
    const handles = k1; // each key1 is read just before its handle is written
    for (let i = 0; i < n; i++) handles[i] = store.find(k1[i]!, k2[i]!);
    for (let i = 0; i < n; i++) if (handles[i] !== 0) store.add(handles[i]!, acc, base);
    this.n = 0;
  }
}

/**
 * A typed array kept from call to call: at least the length asked for, holding whatever the last
 * caller left. Grown by doubling; one longer than MAX_SCRATCH_CELLS (a 2 MB line has millions of
 * features) is made for that call alone, so memory stays bounded.
 */
class Scratch<A extends Int32Array | Float64Array> {
  private kept: A;

  constructor(private readonly make: (length: number) => A) {
    this.kept = make(0);
  }

  get(length: number): A {
    if (this.kept.length >= length) return this.kept;
    if (length > MAX_SCRATCH_CELLS) return this.make(length);
    this.kept = this.make(Math.min(MAX_SCRATCH_CELLS, Math.max(length, 2 * this.kept.length)));
    return this.kept;
  }
}

export class TaggerModel {
  readonly T: number;
  /** Subtracted from every token's O score: trades precision for recall (tuned on dev). */
  oBias = 0;
  private readonly store: WeightStore;
  private readonly wordSink: WordKeys;

  constructor(
    /**
     * The feature weights: the two keys of each feature (see featureHashes) with its row of T
     * weights, quantised (real weight = value * scale) or float while training; or the runtime's
     * table as read from a model file.
     */
    weights: { keys1: Int32Array; keys2: Int32Array; weights: Int16Array | Float32Array } | SparseStore,
    readonly scale: number,
    readonly trans: Float64Array,
    readonly start: Float64Array,
    readonly end: Float64Array,
  ) {
    this.T = TAGS.length;
    // Bake the BILOU constraints into the transitions.
    const T = this.T;
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) if (!allowed(a, b)) this.trans[a * T + b] = -Infinity;
      if (!allowed(-1, a)) this.start[a] = -Infinity;
      if (!allowed(a, -1)) this.end[a] = -Infinity;
    }
    if (weights instanceof SparseStore) this.store = weights;
    else {
      const { keys1, keys2, weights: w } = weights;
      this.store = w instanceof Int16Array ? SparseStore.build(keys1, keys2, w, T) : new DenseStore(keys1, keys2, w, T);
    }
    this.wordSink = new WordKeys(this.store);
  }

  /**
   * The summed weights of each word's own features (see wordFeatures), T per word, in one array:
   * a word's sums are read for every token, and a Float64Array per word was an object plus a
   * store allocated apart, cache misses on every token. A word's place (its index) is kept on
   * its WordInfo (memo) or in wordCache, with `vectorsOwner`, which changes when the array,
   * full, starts over: memory stays bounded, and the places from before are not used.
   */
  private vectors = new Float64Array(0);
  /** Words kept at most (a field, so that a test can make the array start over often). */
  maxVectors = MAX_VECTORS;
  private vectorsUsed = 0;
  private vectorsOwner: object = {};
  private wordCache = new WordCache<number>(50_000);

  /** The index in `vectors` of the word's sums, summed now if it has none. */
  private wordVector(form: string, lower: string, shape: string, lexClass: string, lex: Lexicon): number {
    // In a CAPS/Title line an unknown word's shape is '?C'/'?T': part of the key.
    const key = shape.charCodeAt(0) === 63 ? shape + '\u0000' + form : form;
    const at = this.wordCache.get(key);
    if (at !== undefined) return at;
    const T = this.T;
    if ((this.vectorsUsed + 1) * T > this.vectors.length) {
      if (this.vectors.length < this.maxVectors * T) {
        const grown = new Float64Array(Math.min(Math.max(1024, 2 * this.vectorsUsed), this.maxVectors) * T);
        grown.set(this.vectors);
        this.vectors = grown;
      } else {
        this.vectorsUsed = 0;
        this.vectorsOwner = {};
        this.wordCache = new WordCache<number>(50_000);
      }
    }
    const index = this.vectorsUsed++;
    // Once per distinct word, without building a feature string.
    wordFeatures(this.wordSink, form, lower, shape, lexClass, lex);
    this.wordSink.sumInto(this.vectors, index * T, T);
    this.wordCache.set(key, index);
    return index;
  }

  /**
   * Scratch for the feature keys and the emission scores, reused from document to document
   * (a new score array per document was 98 MB allocated outside the heap over the 2,618 shared
   * texts).
   */
  private readonly k1 = new Scratch((n) => new Int32Array(n));
  private readonly k2 = new Scratch((n) => new Int32Array(n));
  private readonly em = new Scratch((n) => new Float64Array(n));

  /**
   * Emission scores, n x T, for a document's tokens; valid until the next call on this model.
   * With options.skipCommon the skipped tokens can only be O.
   */
  emissions(tokens: Token[], lex: Lexicon, gazetteer: GazetteerFn | undefined, options: FeatureOptions): Float64Array {
    return this.score(extractFeatures(tokens, lex, gazetteer, options), lex);
  }

  /**
   * Emission scores, n x T, of the n tokens whose features `buf` holds (a document, or a window
   * of one: features.ts windowFeatures), row i for its token i; valid until the next call on
   * this model.
   */
  score(buf: FeatureBuffer, lex: Lexicon): Float64Array {
    const T = this.T;
    const n = buf.offs.length - 1;
    // Every cell is written below: no need to clear what the last document left.
    const out = this.em.get(n * T).subarray(0, n * T);
    const store = this.store;
    const common = buf.common;
    const { feats, offs } = buf;
    const h = PIECES.hashes;
    const nf = offs[n]!;
    // In three passes over all the document's features, each a loop of independent steps, so the
    // CPU overlaps the cache misses of many features (one feature at a time, each waited on the
    // last, about three times slower): keys from the pieces' hashes, then table lookups, then sums.
    const k1 = this.k1.get(nf);
    const k2 = this.k2.get(nf);
    for (let k = 0; k < nf; k++) {
      const name = feats[3 * k]!;
      const a = feats[3 * k + 1]!;
      const b = feats[3 * k + 2]!;
      k1[k] = key1(h[2 * name]!, h[2 * a]!, b < 0 ? UNARY1 : h[2 * b]!);
      k2[k] = key2(h[2 * name + 1]!, h[2 * a + 1]!, b < 0 ? UNARY2 : h[2 * b + 1]!);
    }
    const handles = k1; // reused: each key1 is read just before its handle is written
    for (let k = 0; k < nf; k++) handles[k] = store.find(k1[k]!, k2[k]!);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      if (common !== null && common[i] === 1) {
        // Outside any name: O, and no other tag.
        out[base] = 0;
        for (let t = 1; t < T; t++) out[base + t] = -Infinity;
        continue;
      }
      // The word's own features: summed once per word, found through its WordInfo or wordCache.
      const info = buf.own[i];
      let at: number;
      if (info && info.memoOwner === this.vectorsOwner) at = info.memo;
      else {
        at = this.wordVector(buf.form[i]!, buf.lower[i]!, buf.shape[i]!, buf.lexClass[i]!, lex);
        if (info) { info.memo = at; info.memoOwner = this.vectorsOwner; }
      }
      const v = this.vectors;
      for (let t = 0, from = at * T; t < T; t++) out[base + t] = v[from + t]!;
      for (let k = offs[i]!, end = offs[i + 1]!; k < end; k++) {
        const handle = handles[k]!;
        if (handle !== 0) store.add(handle, out, base);
      }
    }
    const scale = this.scale;
    for (let i = 0; i < out.length; i++) out[i]! *= scale;
    if (this.oBias !== 0) for (let i = 0; i < n; i++) out[i * T]! -= this.oBias;
    return out;
  }
}

/** Words whose own-feature sums TaggerModel keeps at once (17 tags: 8.9 MB). */
const MAX_VECTORS = 1 << 16;

/**
 * Best tag sequence for tokens [from, to) given emission scores (n x T, row i for token i),
 * transitions (T x T), start and end weights. Writes into `tags`.
 */
const predCache = new WeakMap<object, { list: Int32Array; offs: Int32Array }>();
/** For each tag b, the tags a (ascending) whose transition a -> b is not -Infinity. */
function predecessors(trans: ArrayLike<number>, T: number): { list: Int32Array; offs: Int32Array } {
  let p = predCache.get(trans as object);
  if (p) return p;
  const list: number[] = [];
  const offs = new Int32Array(T + 1);
  for (let b = 0; b < T; b++) {
    offs[b] = list.length;
    for (let a = 0; a < T; a++) if (trans[a * T + b]! !== -Infinity) list.push(a);
  }
  offs[T] = list.length;
  p = { list: Int32Array.from(list), offs };
  predCache.set(trans as object, p);
  return p;
}

export function viterbi(
  em: ArrayLike<number>, from: number, to: number, T: number,
  trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, tags: Int32Array,
): void {
  const n = to - from;
  if (n <= 0) return;
  // Scratch kept from call to call (every cell read is written first): a fresh pair per line,
  // zero-filled and collected, was a quarter of the decoder's time.
  const score = scoreScratch.get(n * T);
  const back = backScratch.get(n * T);
  const { list, offs } = predecessors(trans, T);
  for (let t = 0; t < T; t++) score[t] = start[t]! + em[from * T + t]!;
  for (let i = 1; i < n; i++) {
    const eBase = (from + i) * T;
    const pBase = (i - 1) * T;
    // A token that can only be O (every other emission -Infinity: the words emissions skips)
    // needs O's best predecessor alone; the other tags' scores are -Infinity whatever came
    // before, and their back pointers are never followed.
    let onlyO = true;
    for (let b = 1; b < T && onlyO; b++) onlyO = em[eBase + b] === -Infinity;
    for (let b = 0; b < T; b++) {
      if (onlyO && b > 0) {
        score[i * T + b] = -Infinity;
        back[i * T + b] = 0;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      // Only the tags that may precede b (BILOU): a third of all pairs.
      for (let k = offs[b]!; k < offs[b + 1]!; k++) {
        const a = list[k]!;
        const s = score[pBase + a]! + trans[a * T + b]!;
        if (s > best) { best = s; arg = a; }
      }
      score[i * T + b] = best + em[eBase + b]!;
      back[i * T + b] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    const s = score[last + t]! + end[t]!;
    if (s > best) { best = s; arg = t; }
  }
  for (let i = n - 1; i > 0; i--) {
    tags[from + i] = arg;
    arg = back[i * T + arg]!;
  }
  tags[from] = arg;
}

const MAX_SCRATCH_CELLS = 1 << 20;
const scoreScratch = new Scratch((n) => new Float64Array(n));
const backScratch = new Scratch((n) => new Int32Array(n));

/** The two keys of each encoded feature string (pieces.ts featureKey), as stored in the model file. */
export function featureHashes(features: readonly string[]): { keys1: Int32Array; keys2: Int32Array } {
  const keys1 = new Int32Array(features.length);
  const keys2 = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) [keys1[i], keys2[i]] = featureKey(features[i]!);
  return { keys1, keys2 };
}

/** Quantises weights to 16 bits: returns the values and the scale. */
export function quantise(weights: ArrayLike<number>): { q: Int16Array; scale: number } {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(weights[i]! / scale)));
  return { q, scale };
}

/** Serialises a model; deterministic for the same inputs. */
export function encodeModel(
  features: readonly string[], weights: ArrayLike<number>,
  trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, meta: Record<string, unknown>,
  featureVersion: string, oBias: number,
): Buffer {
  const { q, scale } = quantise(weights);
  const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);
  const { keys1, keys2 } = featureHashes(features);
  const store = SparseStore.build(keys1, keys2, q, TAGS.length);
  const header: ModelHeader = {
    version: 4,
    featureVersion,
    tags: TAGS,
    nFeatures: features.length,
    slots: store.slots.length / 2,
    rows: store.rows.length,
    scale,
    trans: Array.from(trans, round),
    start: Array.from(start, round),
    end: Array.from(end, round),
    oBias,
    meta,
  };
  let headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + headerBuf.length) % 4)) % 4;
  headerBuf = Buffer.concat([headerBuf, Buffer.from(' '.repeat(pad), 'utf8')]);
  const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(n, 0); return b; };
  const bytesOf = (a: Int32Array): Buffer => {
    const b = Buffer.alloc(a.byteLength);
    a.forEach((v, i) => b.writeInt32LE(v, i * 4));
    return b;
  };
  return Buffer.concat([Buffer.from(MAGIC, 'utf8'), u32(headerBuf.length), headerBuf, bytesOf(store.slots), bytesOf(store.rows)]);
}

export function decodeModel(buf: Buffer): { model: TaggerModel; header: ModelHeader } {
  if (buf.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an annotate NER model (or an older format): retrain it');
  let p = MAGIC.length;
  const hLen = buf.readUInt32LE(p); p += 4;
  const header = JSON.parse(buf.toString('utf8', p, p + hLen)) as ModelHeader;
  p += hLen;
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error('model tag set does not match the code');
  if (header.featureVersion !== FEATURE_VERSION) throw new Error(`model features ${header.featureVersion} do not match the code's ${FEATURE_VERSION}: retrain it`);
  const { slots, rows } = header;
  if (!(slots >= 1024 && (slots & (slots - 1)) === 0) || !(rows >= 0) || buf.length < p + (2 * slots + rows) * 4) {
    throw new Error('model file is truncated or damaged: reinstall or retrain it');
  }
  // The table as it lies in the file (typed arrays are little-endian on every platform Node
  // runs on), copied into a fresh buffer only if it does not start on a 4-byte boundary.
  let body: Uint8Array = buf.subarray(p, p + (2 * slots + rows) * 4);
  if (body.byteOffset % 4 !== 0) body = new Uint8Array(body);
  const ints = new Int32Array(body.buffer, body.byteOffset, 2 * slots + rows);
  const store = new SparseStore(ints.subarray(0, 2 * slots), ints.subarray(2 * slots));
  const model = new TaggerModel(store, header.scale, Float64Array.from(header.trans), Float64Array.from(header.start), Float64Array.from(header.end));
  model.oBias = header.oBias ?? 0;
  return { model, header };
}
