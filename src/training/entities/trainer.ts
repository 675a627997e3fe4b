/**
 * Training of the entity tagger: a structured averaged perceptron over BILOU tags with
 * constrained Viterbi decoding (Collins 2002). Deterministic: data are read in sorted order,
 * shuffles use a seeded PRNG, features are indexed in code-unit order, so the same data and
 * options give the same model bytes.
 */
import { mapToCard, splitOf } from '../card.js';
import { basename } from 'node:path';
import { seededRandom } from '../../core/random.js';
import type { Span } from '../../core/types.js';
import { entityLine } from '../../eval/format.js';
import { EntityScorer, toGold } from '../../eval/score.js';
import { GoldError, openGold } from '../../eval/sources.js';
import type { EvalDoc, GoldSpan } from '../../eval/types.js';
import { FEATURE_VERSION, OUTPUT_TYPES, TAGS, TYPES, featureStrings, type GazetteerFn, type Lexicon } from '../../nlp/entities/features.js';
import { TaggerModel, encodeModel, featureHashes, viterbi } from '../../nlp/entities/model.js';
import { taggerOptions, type TaggerOptions } from '../../nlp/entities/options.js';
import { Tagger } from '../../nlp/entities/tagger.js';
import { tokenize, type Token } from '../../nlp/entities/tokenize.js';

/** A gold document of a training set: as `annotate eval` reads it, with the set's name. */
export interface GoldDoc extends EvalDoc { set: string }

/**
 * Reads a data set in the shared format (docs/<id>.txt + gold.jsonl) with the reader of
 * `annotate eval`, in the order of the documents' file names (code units), whatever the order
 * of gold.jsonl: splits and shuffles depend on it, and so the model's bytes.
 */
export async function loadSet(dir: string): Promise<GoldDoc[]> {
  const source = await openGold(dir);
  if (source.format !== 'shared') throw new GoldError(`${dir}: the trainer reads sets in the shared format (docs/*.txt + gold.jsonl)`);
  const set = basename(dir.replace(/\/+$/, ''));
  const docs: GoldDoc[] = [];
  for await (const doc of source.docs({ idsPrefix: null, limit: null })) docs.push(mapToCard({ ...doc, set }, dir));
  const name = (d: GoldDoc): string => d.fileName ?? d.id;
  return docs.sort((a, b) => cmp(name(a), name(b)));
}

export { splitOf };

/** BILOU gold tags for tokens; returns the number of entities whose edges fall inside a token. */
export function goldTags(tokens: Token[], entities: readonly Pick<GoldSpan, 'start' | 'end' | 'type'>[]): { tags: Int32Array; misaligned: number } {
  const tags = new Int32Array(tokens.length);
  let misaligned = 0;
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  for (const e of sorted) {
    const ti = TYPES.indexOf(e.type as (typeof TYPES)[number]);
    if (ti < 0) continue; // types other than PER/ORG/LOC/MISC: O
    while (k < tokens.length && tokens[k]!.end <= e.start) k++;
    let j = k;
    const inside: number[] = [];
    while (j < tokens.length && tokens[j]!.start < e.end) { inside.push(j); j++; }
    if (inside.length === 0) { misaligned++; continue; }
    if (tokens[inside[0]!]!.start !== e.start || tokens[inside[inside.length - 1]!]!.end !== e.end) misaligned++;
    if (inside.some((x) => tags[x] !== 0)) continue; // overlapping gold
    const base = 1 + ti * 4;
    if (inside.length === 1) tags[inside[0]!] = base + 3;
    else {
      tags[inside[0]!] = base;
      for (let x = 1; x < inside.length - 1; x++) tags[inside[x]!] = base + 1;
      tags[inside[inside.length - 1]!] = base + 2;
    }
  }
  return { tags, misaligned };
}

const BIAS_GRID = [0, 1, 2, 3, 4, 5, 6, 8, 10];
const NOT_FOR_TUNING = new Set(['uner-en-pud', 'europarl-ner', 'btc', 'wnut17']);

export interface TrainOptions {
  /** Also train on the sets' test splits. */
  withTest?: boolean;
  /** Tune the O bias on the dev documents (see TaggerModel.oBias). */
  tuneBias?: boolean;
  epochs: number;
  seed: number;
  minCount: number;
  /** Update weight per data set name (default 1). */
  setWeights: Record<string, number>;
  /** Share of training lines upper-cased, to learn headlines. */
  capsRate: number;
  /** Share of training lines set in Title Case. */
  titleRate?: number;
  log: (line: string) => void;
  gazetteer?: GazetteerFn;
  /**
   * The tagger's switches (defaults: DEFAULT_TAGGER_OPTIONS): orgFeatures and newsContext for
   * the training features and the evaluations, skipCommon and spreadNames for the evaluations of each epoch
   * and of the O bias.
   */
  tagger?: Partial<TaggerOptions>;
  /**
   * Share of training tokens whose identity features (w=, l=) are left out, drawn anew each
   * epoch with the seeded PRNG, so the model learns to lean on shape and context for unseen names.
   */
  dropout?: number;
}

/** Per token, the features from offs[i]; the first ids[i] of them are the word's identity (w=, l=). */
interface Seq { feats: Int32Array; offs: Int32Array; ids: Uint8Array; gold: Int32Array; weight: number }

/**
 * Sets some lines in CAPS or in Title Case (same length only), so that headlines are seen in
 * training: the training sets have none, news has many.
 */
function caseAugment(doc: GoldDoc, capsRate: number, titleRate: number, rand: () => number): GoldDoc {
  if (capsRate <= 0 && titleRate <= 0) return doc;
  const lines = doc.text.split('\n');
  let changed = false;
  const out = lines.map((l) => {
    const r = rand();
    let u: string;
    if (r < capsRate) u = l.toUpperCase();
    else if (r < capsRate + titleRate) u = l.replace(/(^|[\s"“(])(\p{Ll})(?=\p{L}{3})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
    else return l;
    if (u.length !== l.length) return l;
    changed = true;
    return u;
  });
  return changed ? { ...doc, text: out.join('\n') } : doc;
}

export interface TrainResult { bytes: Buffer; log: string[] }

export function train(docs: GoldDoc[], lex: Lexicon, opt: TrainOptions): TrainResult {
  const T = TAGS.length;
  const rand = seededRandom(opt.seed);
  const switches = taggerOptions(opt.tagger);
  const trainDocs: GoldDoc[] = [];
  const devDocs: GoldDoc[] = [];
  const bySet = new Map<string, number>();
  for (const d of docs) {
    const i = bySet.get(d.set) ?? 0;
    bySet.set(d.set, i + 1);
    const sp = splitOf(d, i, opt.withTest === true);
    if (sp === 'train' && opt.setWeights[d.set] !== 0) trainDocs.push(caseAugment(d, opt.capsRate, opt.titleRate ?? 0, rand));
    else if (sp === 'dev') devDocs.push(d);
  }
  opt.log(`train docs ${trainDocs.length}, dev docs ${devDocs.length}`);

  // Features of the training data, counted then indexed in code-unit order.
  const raw: { feats: string[][]; tokens: Token[]; gold: Int32Array; weight: number }[] = [];
  const counts = new Map<string, number>();
  let misaligned = 0;
  let ents = 0;
  for (const d of trainDocs) {
    const tokens = tokenize(d.text);
    const feats = featureStrings(tokens, lex, opt.gazetteer, true, switches);
    const g = goldTags(tokens, d.gold);
    misaligned += g.misaligned;
    ents += d.gold.length;
    for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
    raw.push({ feats, tokens, gold: g.tags, weight: opt.setWeights[d.set] ?? 1 });
  }
  const featNames = [...counts.entries()].filter(([, c]) => c >= opt.minCount).map(([f]) => f).sort(cmp);
  counts.clear();
  const index = new Map<string, number>();
  featNames.forEach((f, i) => index.set(f, i));
  opt.log(`entities ${ents} (misaligned with tokens ${misaligned}), features kept ${featNames.length}`);

  // One sequence per line.
  const seqs: Seq[] = [];
  for (const r of raw) {
    let from = 0;
    for (let i = 1; i <= r.tokens.length; i++) {
      if (i < r.tokens.length && r.tokens[i]!.line === r.tokens[from]!.line) continue;
      const offs = new Int32Array(i - from + 1);
      const ids = new Uint8Array(i - from);
      const list: number[] = [];
      for (let j = from; j < i; j++) {
        offs[j - from] = list.length;
        for (const f of r.feats[j]!) {
          if (!isIdentity(f)) continue;
          const x = index.get(f);
          if (x !== undefined) { list.push(x); ids[j - from]!++; }
        }
        for (const f of r.feats[j]!) {
          if (isIdentity(f)) continue;
          const x = index.get(f);
          if (x !== undefined) list.push(x);
        }
      }
      offs[i - from] = list.length;
      seqs.push({ feats: Int32Array.from(list), offs, ids, gold: r.gold.slice(from, i), weight: r.weight });
      from = i;
    }
  }
  raw.length = 0;

  const nF = featNames.length;
  const keys = featureHashes(featNames);
  const w = new Float64Array(nF * T);
  const u = new Float64Array(nF * T);
  const tr = new Float64Array(T * T);
  const tru = new Float64Array(T * T);
  const st = new Float64Array(T);
  const stu = new Float64Array(T);
  const en = new Float64Array(T);
  const enu = new Float64Array(T);
  let c = 1;
  const dropout = opt.dropout ?? 0;
  const order = seqs.map((_, i) => i);
  const avg = (x: Float64Array, xu: Float64Array): Float64Array => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i]! - xu[i]! / c;
    return out;
  };
  let best = { f: -1, epoch: 0 };
  const log: string[] = [];
  const say = (s: string): void => { log.push(s); opt.log(s); };
  let finalW: Float64Array = w as Float64Array;
  let finalT: { tr: Float64Array; st: Float64Array; en: Float64Array } = { tr, st, en };
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    // Fisher-Yates with the seeded PRNG.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!; order[i] = order[j]!; order[j] = t;
    }
    let errors = 0;
    for (const si of order) {
      const s = seqs[si]!;
      const n = s.gold.length;
      const em = new Float64Array(n * T);
      const first = Int32Array.from(s.offs.subarray(0, n));
      if (dropout > 0) for (let i = 0; i < n; i++) if (rand() < dropout) first[i]! += s.ids[i]!;
      for (let i = 0; i < n; i++) {
        for (let k = first[i]!; k < s.offs[i + 1]!; k++) {
          const o = s.feats[k]! * T;
          for (let t = 0; t < T; t++) em[i * T + t]! += w[o + t]!;
        }
      }
      const pred = new Int32Array(n);
      viterbi(em, 0, n, T, masked2(tr), masked1(st, startOk), masked1(en, endOk), pred);
      let same = true;
      for (let i = 0; i < n; i++) if (pred[i] !== s.gold[i]) { same = false; break; }
      if (!same) {
        errors++;
        const d = s.weight;
        const cd = c * d;
        for (let i = 0; i < n; i++) {
          const g = s.gold[i]!;
          const p = pred[i]!;
          if (g !== p) {
            for (let k = first[i]!; k < s.offs[i + 1]!; k++) {
              const o = s.feats[k]! * T;
              w[o + g]! += d; u[o + g]! += cd;
              w[o + p]! -= d; u[o + p]! -= cd;
            }
          }
          const gPrev = i > 0 ? s.gold[i - 1]! : -1;
          const pPrev = i > 0 ? pred[i - 1]! : -1;
          if (gPrev !== pPrev || g !== p) {
            if (gPrev < 0) { st[g]! += d; stu[g]! += cd; } else { tr[gPrev * T + g]! += d; tru[gPrev * T + g]! += cd; }
            if (pPrev < 0) { st[p]! -= d; stu[p]! -= cd; } else { tr[pPrev * T + p]! -= d; tru[pPrev * T + p]! -= cd; }
          }
        }
        const gl = s.gold[n - 1]!;
        const pl = pred[n - 1]!;
        if (gl !== pl) { en[gl]! += d; enu[gl]! += cd; en[pl]! -= d; enu[pl]! -= cd; }
      }
      c++;
    }
    const aw = avg(w, u);
    const at = { tr: avg(tr, tru), st: avg(st, stu), en: avg(en, enu) };
    const model = new TaggerModel({ ...keys, weights: Float32Array.from(aw) }, 1, Float64Array.from(at.tr), Float64Array.from(at.st), Float64Array.from(at.en));
    const res = evaluate(new Tagger(model, lex, opt.gazetteer, switches), devDocs);
    say(`epoch ${epoch}: sequences with errors ${errors}/${seqs.length}`);
    for (const line of res.lines) say('  ' + line);
    const f = res.f1;
    if (f > best.f) best = { f, epoch };
    finalW = aw;
    finalT = at;
  }
  say(`best dev micro-F1 ${(100 * best.f).toFixed(2)} at epoch ${best.epoch}; the model keeps the last epoch`);

  // Drop features whose weights all quantise to zero.
  let maxAbs = 0;
  for (let i = 0; i < finalW.length; i++) maxAbs = Math.max(maxAbs, Math.abs(finalW[i]!));
  const eps = (maxAbs / 32767) * 0.5;
  const keptNames: string[] = [];
  const keptRows: number[] = [];
  for (let r = 0; r < nF; r++) {
    let any = false;
    for (let t = 0; t < T; t++) if (Math.abs(finalW[r * T + t]!) >= eps) { any = true; break; }
    if (any) { keptNames.push(featNames[r]!); keptRows.push(r); }
  }
  const kw = new Float64Array(keptRows.length * T);
  keptRows.forEach((r, i) => { for (let t = 0; t < T; t++) kw[i * T + t] = finalW[r * T + t]!; });
  say(`features in the model ${keptNames.length}`);
  // Tune the O bias on the dev sets other than uner-en-pud (kept for evaluation only) and the
  // social-media sets (far from news).
  let oBias = 0;
  const tuneDocs = devDocs.filter((d) => !NOT_FOR_TUNING.has(d.set));
  if (opt.tuneBias && tuneDocs.length > 0) {
    const model = new TaggerModel({ ...keys, weights: Float32Array.from(finalW) }, 1, Float64Array.from(finalT.tr), Float64Array.from(finalT.st), Float64Array.from(finalT.en));
    const tagger = new Tagger(model, lex, opt.gazetteer, switches);
    let bestF = -1;
    for (const b of BIAS_GRID) {
      model.oBias = b;
      const f = evaluate(tagger, tuneDocs).f1;
      const pud = devDocs.filter((d) => d.set === 'uner-en-pud');
      const fp = pud.length ? evaluate(tagger, pud).f1 : 0;
      say(`O bias ${b}: tuning-dev micro-F1 ${(100 * f).toFixed(2)}` + (pud.length ? `, uner-en-pud ${(100 * fp).toFixed(2)}` : ''));
      if (f > bestF + 1e-9) { bestF = f; oBias = b; }
    }
    say(`O bias chosen: ${oBias}`);
  }
  const bytes = encodeModel(keptNames, kw, finalT.tr, finalT.st, finalT.en, {
    epochs: opt.epochs, seed: opt.seed, minCount: opt.minCount, setWeights: opt.setWeights, capsRate: opt.capsRate, titleRate: opt.titleRate ?? 0, dropout: opt.dropout ?? 0, withTest: opt.withTest === true,
    sets: [...bySet.keys()].sort(cmp),
  }, FEATURE_VERSION, oBias);
  return { bytes, log };
}

const allowedCache: boolean[] = [];
const startOk: boolean[] = [];
const endOk: boolean[] = [];
{
  const T = TAGS.length;
  // Lazy import cycle avoidance: compute from tag names here.
  const pre = (t: number): string => (t < 0 ? 'O' : TAGS[t]![0]!);
  const ty = (t: number): string => TAGS[t]!.slice(2);
  for (let a = 0; a < T; a++) {
    for (let b = 0; b < T; b++) {
      const open = pre(a) === 'B' || pre(a) === 'I';
      const cont = pre(b) === 'I' || pre(b) === 'L';
      allowedCache[a * T + b] = open ? cont && ty(a) === ty(b) : !cont;
    }
    startOk[a] = !(pre(a) === 'I' || pre(a) === 'L');
    endOk[a] = !(pre(a) === 'B' || pre(a) === 'I');
  }
}

function masked2(tr: Float64Array): Float64Array {
  const m = Float64Array.from(tr);
  for (let i = 0; i < m.length; i++) if (!allowedCache[i]) m[i] = -Infinity;
  return m;
}

function masked1(x: Float64Array, ok: boolean[]): Float64Array {
  const m = Float64Array.from(x);
  for (let i = 0; i < m.length; i++) if (!ok[i]) m[i] = -Infinity;
  return m;
}

/** The dev documents of loaded sets (see splitOf). */
export function devDocs(docs: GoldDoc[]): GoldDoc[] {
  const bySet = new Map<string, number>();
  return docs.filter((d) => {
    const i = bySet.get(d.set) ?? 0;
    bySet.set(d.set, i + 1);
    return splitOf(d, i) === 'dev';
  });
}

/** Scores of the dev documents: the exact-span micro-F1 over all, and a line per set (entityLine). */
export interface DevScores { f1: number; lines: string[] }

export function evaluate(tagger: Tagger, docs: GoldDoc[]): DevScores {
  return evaluateWith(docs, (text) => tagger.tag(text));
}

/** Scores an extractor with `annotate eval`'s scorer, on the types the tagger outputs. */
export function evaluateWith(docs: GoldDoc[], extract: (text: string) => Span[]): DevScores {
  const bySet = new Map<string, EntityScorer>();
  const all = new EntityScorer(OUTPUT_TYPES, false);
  for (const d of docs) {
    const pred = extract(d.text).map(toGold);
    let scorer = bySet.get(d.set);
    if (!scorer) { scorer = new EntityScorer(OUTPUT_TYPES, false); bySet.set(d.set, scorer); }
    scorer.add(d.id, d.text, d.gold, pred);
    all.add(d.id, d.text, d.gold, pred);
  }
  const lines = [...bySet.keys()].sort(cmp).map((k) => {
    const r = bySet.get(k)!.result();
    return entityLine(k, r.types, r.micro);
  });
  return { f1: all.result().micro.exact.f1, lines };
}

function isIdentity(f: string): boolean {
  return f.startsWith('w=') || f.startsWith('l=');
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
