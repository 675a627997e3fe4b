/**
 * The tagger's model: a linear scorer over feature strings (one weight per feature and BILOU tag)
 * plus tag-transition weights, decoded with Viterbi under the BILOU constraints.
 *
 * File format (little-endian), written by the trainer and read once at module load:
 *   "NERM2\n" | u32 header length | header JSON (padded to 4 bytes) | i32 hash1 x nFeatures
 *   | i32 hash2 x nFeatures | i16 weights, nFeatures x nTags, row-major (weight = value * scale)
 * A feature is stored as the two 32-bit hashes of its string (see mix()), not the string: no
 * hashing or string splitting at load. Transition weights are in the header (they are few).
 * Weights are quantised to 16 bits and used as integers: emission sums are scaled once.
 */
import { NEIGHBOUR_TEMPLATES, TAGS, allowed, extractFeatures, wordFeatures, type GazetteerFn, type Lexicon } from './features.js';
import type { Token } from './tokenize.js';

const MAGIC = 'NERM2\n';

export interface ModelHeader {
  version: 2;
  featureVersion: string;
  tags: string[];
  nFeatures: number;
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

// Feature lookup without building feature strings: two 32-bit hashes of the feature's UTF-16
// code units (FNV-1a and a murmur-style mix), computed incrementally over its pieces, index an
// open-addressing table. A false hit needs both hashes to collide (~1e-14 per lookup).
let h1 = 0;
let h2 = 0;
function reset(): void { h1 = 0x811c9dc5 | 0; h2 = 0x9747b28c | 0; }
/** Hash state after a template name (names are few constant strings). */
const nameStates = new Map<string, Int32Array>();
function startWith(name: string): void {
  let st = nameStates.get(name);
  if (st === undefined) {
    reset();
    mix(name, 0, name.length);
    st = Int32Array.of(h1, h2);
    nameStates.set(name, st);
  }
  h1 = st[0]!;
  h2 = st[1]!;
}
function mix(s: string, from: number, to: number): void {
  let a = h1;
  let b = h2;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  h1 = a;
  h2 = b;
}
const BAR = '|';

export class TaggerModel {
  readonly T: number;
  /** Subtracted from every token's O score: trades precision for recall (tuned on dev). */
  oBias = 0;
  private readonly mask: number;
  /** Open-addressing slots of [hash1, hash2, row] side by side (one cache line per probe). */
  private readonly table: Int32Array;

  constructor(
    /** The two hashes of each feature (see featureHashes). */
    keys1: Int32Array,
    keys2: Int32Array,
    /** nFeatures x T, quantised; real weight = value * scale. */
    readonly weights: Int16Array | Float32Array,
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
    let size = 1024;
    while (size < keys1.length * 2) size *= 2;
    this.mask = size - 1;
    const tab = new Int32Array(size * 4);
    for (let i = 2; i < tab.length; i += 4) tab[i] = -1;
    this.table = tab;
    for (let r = 0; r < keys1.length; r++) {
      const a = keys1[r]!;
      const b = keys2[r]!;
      let i = a & this.mask;
      while (tab[i * 4 + 2]! >= 0 && !(tab[i * 4] === a && tab[i * 4 + 1] === b)) i = (i + 1) & this.mask;
      if (tab[i * 4 + 2]! >= 0) continue; // same hashes as an earlier feature: keep the first
      tab[i * 4] = a;
      tab[i * 4 + 1] = b;
      tab[i * 4 + 2] = r;
    }
  }

  /** Row of the feature whose hashes are in h1/h2, or -1. */
  private find(): number {
    const mask = this.mask;
    const tab = this.table;
    let i = h1 & mask;
    for (;;) {
      const r = tab[i * 4 + 2]!;
      if (r < 0) return -1;
      if (tab[i * 4] === h1 && tab[i * 4 + 1] === h2) return r;
      i = (i + 1) & mask;
    }
  }

  /** Summed weights of each word's own features, and rows of its neighbour features. */
  private readonly wordCache = new Map<string, Float64Array>();
  private readonly neighbourCache = new Map<string, Int32Array>();

  private hashRow(name: string, a: string): number {
    reset(); mix(name, 0, name.length); mix(a, 0, a.length);
    return this.find();
  }

  private wordVector(form: string, lower: string, shape: string, lexClass: string, lex: Lexicon): Float64Array {
    // In a CAPS/Title line an unknown word's shape is '?C'/'?T': part of the key.
    const key = shape.charCodeAt(0) === 63 ? shape + '\u0000' + form : form;
    let v = this.wordCache.get(key);
    if (v !== undefined) return v;
    const T = this.T;
    const w = this.weights;
    const acc = new Float64Array(T);
    const add = (r: number): void => {
      if (r < 0) return;
      const o = r * T;
      for (let t = 0; t < T; t++) acc[t]! += w[o + t]!;
    };
    wordFeatures({
      token() {},
      word() {},
      neighbour() {},
      f: (name, a) => add(this.hashRow(name, a)),
      f2: () => { throw new Error('word features are unary'); },
      sub: (name, s, from, to) => { reset(); mix(name, 0, name.length); mix(s, from, to); add(this.find()); },
    }, form, lower, shape, lexClass, lex);
    if (this.wordCache.size >= 50_000) this.wordCache.clear(); // bounded memory on huge inputs
    this.wordCache.set(key, acc);
    return acc;
  }

  private neighbourRows(lower: string): Int32Array {
    let rows = this.neighbourCache.get(lower);
    if (rows !== undefined) return rows;
    rows = new Int32Array(NEIGHBOUR_TEMPLATES.length);
    for (let s = 0; s < rows.length; s++) rows[s] = this.hashRow(NEIGHBOUR_TEMPLATES[s]!, lower);
    if (this.neighbourCache.size >= 50_000) this.neighbourCache.clear();
    this.neighbourCache.set(lower, rows);
    return rows;
  }

  /** Emission scores, n x T, for a document's tokens. */
  emissions(tokens: Token[], lex: Lexicon, gazetteer?: GazetteerFn): Float64Array {
    const T = this.T;
    const out = new Float64Array(tokens.length * T);
    const w = this.weights;
    let base = 0;
    const addRow = (r: number): void => {
      if (r < 0) return;
      const o = r * T;
      for (let t = 0; t < T; t++) out[base + t]! += w[o + t]!;
    };
    const add = (): void => addRow(this.find());
    const byToken: (Int32Array | undefined)[] = new Array(tokens.length);
    extractFeatures(tokens, lex, gazetteer, {
      token(i) { base = i * T; },
      word: (form, lower, shape, lexClass) => {
        const v = this.wordVector(form, lower, shape, lexClass, lex);
        for (let t = 0; t < T; t++) out[base + t]! += v[t]!;
      },
      neighbour: (slot, lower, j) => {
        if (j < 0) { addRow(this.neighbourRows(lower)[slot]!); return; }
        let rows = byToken[j];
        if (rows === undefined) { rows = this.neighbourRows(lower); byToken[j] = rows; }
        addRow(rows[slot]!);
      },
      f(name, a) { startWith(name); mix(a, 0, a.length); add(); },
      f2(name, a, b) { startWith(name); mix(a, 0, a.length); mix(BAR, 0, 1); mix(b, 0, b.length); add(); },
      sub(name, s, from, to) { startWith(name); mix(s, from, to); add(); },
    });
    const scale = this.scale;
    for (let i = 0; i < out.length; i++) out[i]! *= scale;
    if (this.oBias !== 0) for (let i = 0; i < tokens.length; i++) out[i * T]! -= this.oBias;
    return out;
  }
}

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
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  const { list, offs } = predecessors(trans, T);
  for (let t = 0; t < T; t++) score[t] = start[t]! + em[from * T + t]!;
  for (let i = 1; i < n; i++) {
    const eBase = (from + i) * T;
    const pBase = (i - 1) * T;
    for (let b = 0; b < T; b++) {
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
  for (let i = n - 1; i >= 0; i--) {
    tags[from + i] = arg;
    arg = back[i * T + arg]!;
  }
}

/** The two hashes of each feature string, as stored in the model file. */
export function featureHashes(features: readonly string[]): { keys1: Int32Array; keys2: Int32Array } {
  const keys1 = new Int32Array(features.length);
  const keys2 = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    reset();
    mix(f, 0, f.length);
    keys1[i] = h1;
    keys2[i] = h2;
  }
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
  const header: ModelHeader = {
    version: 2,
    featureVersion,
    tags: TAGS,
    nFeatures: features.length,
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
  const { keys1, keys2 } = featureHashes(features);
  const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(n, 0); return b; };
  const bytesOf = (a: Int32Array | Int16Array): Buffer => {
    const b = Buffer.alloc(a.byteLength);
    if (a instanceof Int32Array) a.forEach((v, i) => b.writeInt32LE(v, i * 4));
    else a.forEach((v, i) => b.writeInt16LE(v, i * 2));
    return b;
  };
  return Buffer.concat([Buffer.from(MAGIC, 'utf8'), u32(headerBuf.length), headerBuf, bytesOf(keys1), bytesOf(keys2), bytesOf(q)]);
}

export function decodeModel(buf: Buffer): { model: TaggerModel; header: ModelHeader } {
  if (buf.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an annotate NER model (or an older format): retrain it');
  let p = MAGIC.length;
  const hLen = buf.readUInt32LE(p); p += 4;
  const header = JSON.parse(buf.toString('utf8', p, p + hLen)) as ModelHeader;
  p += hLen;
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error('model tag set does not match the code');
  const n = header.nFeatures;
  const T = TAGS.length;
  // Copy into a fresh, aligned buffer; typed arrays are little-endian on every platform Node runs on.
  const body = new Uint8Array(buf.subarray(p, p + n * 8 + n * T * 2));
  const keys1 = new Int32Array(body.buffer, 0, n);
  const keys2 = new Int32Array(body.buffer, n * 4, n);
  const weights = new Int16Array(body.buffer, n * 8, n * T);
  const model = new TaggerModel(keys1, keys2, weights, header.scale, Float64Array.from(header.trans), Float64Array.from(header.start), Float64Array.from(header.end));
  model.oBias = header.oBias ?? 0;
  return { model, header };
}
