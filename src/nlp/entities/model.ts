/**
 * The tagger's model: a linear scorer over feature strings (one weight per feature and BILOU tag)
 * plus tag-transition weights, decoded with Viterbi under the BILOU constraints.
 *
 * File format (little-endian), written by the trainer and read once at module load:
 *   "NERM1\n" | u32 header length | header JSON | u32 features length | features, UTF-8, '\n'-joined
 *   | i16 weights, nFeatures x nTags, row-major (weight = value * header.scale)
 * Transition weights are in the header (they are few). Weights are quantised to 16 bits: the
 * model stays well under 20 MB and loads quickly; the loss is below 0.1 F1.
 */
import { TAGS, allowed } from './features.js';

const MAGIC = 'NERM1\n';

export interface ModelHeader {
  version: 1;
  featureVersion: string;
  tags: string[];
  nFeatures: number;
  scale: number;
  /** T*T, trans[a*T+b] = weight of tag b after tag a. */
  trans: number[];
  start: number[];
  end: number[];
  /** Free-form training metadata (data sets, epochs), for humans. */
  meta: Record<string, unknown>;
}

export class TaggerModel {
  readonly T: number;
  constructor(
    readonly featIndex: Map<string, number>,
    /** nFeatures x T */
    readonly weights: Float32Array,
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
  }

  /** Emission scores, n x T, for tokens' feature strings. */
  emissions(feats: string[][]): Float64Array {
    const T = this.T;
    const out = new Float64Array(feats.length * T);
    const w = this.weights;
    const idx = this.featIndex;
    for (let i = 0; i < feats.length; i++) {
      const base = i * T;
      for (const f of feats[i]!) {
        const r = idx.get(f);
        if (r === undefined) continue;
        const o = r * T;
        for (let t = 0; t < T; t++) out[base + t]! += w[o + t]!;
      }
    }
    return out;
  }
}

/**
 * Best tag sequence for tokens [from, to) given emission scores (n x T, row i for token i),
 * transitions (T x T), start and end weights. Writes into `tags`.
 */
export function viterbi(
  em: ArrayLike<number>, from: number, to: number, T: number,
  trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, tags: Int32Array,
): void {
  const n = to - from;
  if (n <= 0) return;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = start[t]! + em[from * T + t]!;
  for (let i = 1; i < n; i++) {
    const eBase = (from + i) * T;
    const pBase = (i - 1) * T;
    for (let b = 0; b < T; b++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < T; a++) {
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

/** Serialises a model; deterministic for the same inputs. */
export function encodeModel(
  features: string[], weights: Float64Array | Float32Array,
  trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, meta: Record<string, unknown>,
  featureVersion: string,
): Buffer {
  const T = TAGS.length;
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);
  const header: ModelHeader = {
    version: 1,
    featureVersion,
    tags: TAGS,
    nFeatures: features.length,
    scale,
    trans: Array.from(trans, round),
    start: Array.from(start, round),
    end: Array.from(end, round),
    meta,
  };
  const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const featBuf = Buffer.from(features.join('\n'), 'utf8');
  const w = Buffer.alloc(features.length * T * 2);
  for (let i = 0; i < features.length * T; i++) {
    w.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round(weights[i]! / scale))), i * 2);
  }
  const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(n, 0); return b; };
  return Buffer.concat([Buffer.from(MAGIC, 'utf8'), u32(headerBuf.length), headerBuf, u32(featBuf.length), featBuf, w]);
}

export function decodeModel(buf: Buffer): { model: TaggerModel; header: ModelHeader } {
  if (buf.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an annotate NER model');
  let p = MAGIC.length;
  const hLen = buf.readUInt32LE(p); p += 4;
  const header = JSON.parse(buf.toString('utf8', p, p + hLen)) as ModelHeader;
  p += hLen;
  const fLen = buf.readUInt32LE(p); p += 4;
  const feats = buf.toString('utf8', p, p + fLen).split('\n');
  p += fLen;
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error('model tag set does not match the code');
  const T = TAGS.length;
  const index = new Map<string, number>();
  for (let i = 0; i < feats.length; i++) index.set(feats[i]!, i);
  const count = header.nFeatures * T;
  const weights = new Float32Array(count);
  const raw = new Int16Array(buf.buffer.slice(buf.byteOffset + p, buf.byteOffset + p + count * 2));
  for (let i = 0; i < count; i++) weights[i] = raw[i]! * header.scale;
  const model = new TaggerModel(index, weights, Float64Array.from(header.trans), Float64Array.from(header.start), Float64Array.from(header.end));
  return { model, header };
}
