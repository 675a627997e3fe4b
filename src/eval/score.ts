/**
 * Scoring maths: exact and overlap precision / recall / F1 per type and micro-averaged, error
 * classification, and for dates the value accuracy of the overlapping matches.
 *
 * - exact: same start, end and type.
 * - overlap: same type and at least one character in common, matched one to one (each gold
 *   and each predicted span is used at most once; earliest candidates first).
 * Pure functions over spans; no I/O.
 */
import type { Span } from '../core/types.js';
import type { GoldSpan } from './types.js';
import { categorize, docErrors, type ErrorCategory } from './categories.js';
import { byPosition, overlaps, sameSpan } from './spans.js';

export interface Prf {
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeScore {
  gold: number;
  pred: number;
  exact: Prf;
  overlap: Prf;
}

export type ErrorKind = 'missed' | 'spurious' | 'boundary' | 'type' | 'value';

export interface EvalError {
  kind: ErrorKind;
  doc: string;
  /** 1-based line of the (gold, else predicted) span in the document. */
  line: number;
  /** JS string index of that span (orders the errors of one document). */
  at: number;
  gold?: GoldSpan;
  pred?: GoldSpan;
  /** About 40 characters either side, the span in [brackets]; for dates, the sentence. */
  context: string;
  /** Why it happened (entity errors only; categories.ts). */
  category?: ErrorCategory;
}

/** An engine's span as the scorers take it (its label is the type). */
export function toGold(s: Span): GoldSpan {
  const g: GoldSpan = { start: s.start, end: s.end, type: s.label, text: s.text };
  if (s.value !== undefined) g.value = s.value;
  return g;
}

export function prf(tp: number, gold: number, pred: number): Prf {
  const precision = pred === 0 ? 0 : tp / pred;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, precision, recall, f1 };
}


/** One-to-one overlap matching of same-type spans: pairs of (gold index, pred index). */
export function matchOverlaps(gold: GoldSpan[], pred: GoldSpan[], sameType = true): Array<[number, number]> {
  const used = new Uint8Array(pred.length);
  const pairs: Array<[number, number]> = [];
  // Exact matches first, so an overlap match never steals the span of an exact one.
  const goldDone = new Uint8Array(gold.length);
  gold.forEach((g, gi) => {
    const pi = pred.findIndex((p, i) => !used[i] && sameSpan(g, p) && (!sameType || p.type === g.type));
    if (pi >= 0) { used[pi] = 1; goldDone[gi] = 1; pairs.push([gi, pi]); }
  });
  gold.forEach((g, gi) => {
    if (goldDone[gi]) return;
    const pi = pred.findIndex((p, i) => !used[i] && overlaps(g, p) && (!sameType || p.type === g.type));
    if (pi >= 0) { used[pi] = 1; pairs.push([gi, pi]); }
  });
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Accumulates entity scores over documents. */
export class EntityScorer {
  private readonly counts = new Map<string, { gold: number; pred: number; exact: number; overlap: number }>();
  readonly errors: EvalError[] = [];
  documents = 0;

  /** @param types the scored types (PER, ORG, LOC); gold of other types only explains errors. */
  constructor(readonly types: readonly string[], private readonly collectErrors: boolean) {
    for (const t of types) this.counts.set(t, { gold: 0, pred: 0, exact: 0, overlap: 0 });
  }

  add(doc: string, text: string, allGold: GoldSpan[], allPred: GoldSpan[]): void {
    this.documents++;
    const scored = (s: GoldSpan): boolean => this.types.includes(s.type);
    const gold = allGold.filter(scored).sort(byPosition);
    const pred = allPred.filter(scored).sort(byPosition);
    for (const g of gold) this.counts.get(g.type)!.gold++;
    for (const p of pred) this.counts.get(p.type)!.pred++;
    const pairs = matchOverlaps(gold, pred);
    for (const [gi, pi] of pairs) {
      const c = this.counts.get(gold[gi]!.type)!;
      c.overlap++;
      if (sameSpan(gold[gi]!, pred[pi]!)) c.exact++;
    }
    if (this.collectErrors) this.classify(doc, text, gold, pred, allGold, allPred, pairs);
  }

  private classify(doc: string, text: string, gold: GoldSpan[], pred: GoldSpan[], allGold: GoldSpan[], allPred: GoldSpan[], pairs: Array<[number, number]>): void {
    const found: EvalError[] = [];
    const goldPaired = new Map<number, number>(pairs);
    const predPaired = new Set(pairs.map(([, pi]) => pi));
    const typePairs = new Set<string>();
    const typeError = (g: GoldSpan, p: GoldSpan): void => {
      const key = `${g.start}:${g.end}:${p.start}:${p.end}`;
      if (typePairs.has(key)) return;
      typePairs.add(key);
      found.push(entityError('type', doc, text, g, p));
    };
    gold.forEach((g, gi) => {
      const pi = goldPaired.get(gi);
      if (pi !== undefined) {
        const p = pred[pi]!;
        if (!sameSpan(g, p)) found.push(entityError('boundary', doc, text, g, p));
        return;
      }
      // Unmatched: a prediction of another type over it is a confusion, else it is missed
      // (also when it overlaps a same-type prediction already matched to another gold span).
      const other = pred.find((p, i) => !predPaired.has(i) && overlaps(g, p) && p.type !== g.type);
      if (other) typeError(g, other);
      else found.push(entityError('missed', doc, text, g, undefined));
    });
    pred.forEach((p, pi) => {
      if (predPaired.has(pi)) return;
      // Gold of another type, scored or not (MISC, or a type left out by --types).
      const g = allGold.find((x) => overlaps(x, p) && x.type !== p.type && !DATE_TYPES.includes(x.type));
      if (g) typeError(g, p);
      else found.push(entityError('spurious', doc, text, undefined, p));
    });
    found.sort((a, b) => a.at - b.at);
    if (found.length > 0) {
      const d = docErrors(text, allGold, allPred);
      for (const e of found) e.category = categorize(e, d);
    }
    this.errors.push(...found);
  }

  result(): { types: Record<string, TypeScore>; micro: TypeScore } {
    const types: Record<string, TypeScore> = {};
    let g = 0, p = 0, e = 0, o = 0;
    for (const t of this.types) {
      const c = this.counts.get(t)!;
      types[t] = { gold: c.gold, pred: c.pred, exact: prf(c.exact, c.gold, c.pred), overlap: prf(c.overlap, c.gold, c.pred) };
      g += c.gold; p += c.pred; e += c.exact; o += c.overlap;
    }
    return { types, micro: { gold: g, pred: p, exact: prf(e, g, p), overlap: prf(o, g, p) } };
  }
}

export interface DateScore extends TypeScore {
  /** Overlapping matches whose value equals the gold value. */
  valueCorrect: number;
  /** valueCorrect / overlap matches. */
  valueAccuracy: number;
  /** TempEval-3 style value F1: overlapping matches with the right value count as hits. */
  value: Prf;
}

export const DATE_TYPES: readonly string[] = ['DATE', 'TIME'];

/** Accumulates date scores over documents (gold DATE and TIME spans; predictions DATE). */
export class DateScorer {
  private gold = 0;
  private pred = 0;
  private exact = 0;
  private overlap = 0;
  private valueCorrect = 0;
  readonly errors: EvalError[] = [];
  documents = 0;

  constructor(private readonly collectErrors: boolean) {}

  add(doc: string, text: string, allGold: GoldSpan[], pred: GoldSpan[]): void {
    this.documents++;
    const gold = allGold.filter((s) => DATE_TYPES.includes(s.type)).sort(byPosition);
    const preds = [...pred].sort(byPosition);
    this.gold += gold.length;
    this.pred += preds.length;
    const pairs = matchOverlaps(gold, preds, false);
    const found: EvalError[] = [];
    const predPaired = new Set<number>();
    const goldPaired = new Set<number>();
    for (const [gi, pi] of pairs) {
      const g = gold[gi]!;
      const p = preds[pi]!;
      goldPaired.add(gi);
      predPaired.add(pi);
      this.overlap++;
      if (sameSpan(g, p)) this.exact++;
      else if (this.collectErrors) found.push(dateError('boundary', doc, text, g, p));
      if ((p.value ?? '') === (g.value ?? '')) this.valueCorrect++;
      else if (this.collectErrors) found.push(dateError('value', doc, text, g, p));
    }
    if (!this.collectErrors) return;
    gold.forEach((g, gi) => { if (!goldPaired.has(gi)) found.push(dateError('missed', doc, text, g, undefined)); });
    preds.forEach((p, pi) => { if (!predPaired.has(pi)) found.push(dateError('spurious', doc, text, undefined, p)); });
    found.sort((a, b) => a.at - b.at);
    this.errors.push(...found);
  }

  result(): DateScore {
    return {
      gold: this.gold,
      pred: this.pred,
      exact: prf(this.exact, this.gold, this.pred),
      overlap: prf(this.overlap, this.gold, this.pred),
      valueCorrect: this.valueCorrect,
      valueAccuracy: this.overlap === 0 ? 0 : this.valueCorrect / this.overlap,
      value: prf(this.valueCorrect, this.gold, this.pred),
    };
  }
}

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ');

/** ~width characters either side of [start, end), the span in brackets, on one line. */
export function context(text: string, start: number, end: number, width = 40): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const left = (from > 0 ? '…' : '') + oneLine(text.slice(from, start)).trimStart();
  const right = oneLine(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  return `${left}[${oneLine(text.slice(start, end))}]${right}`;
}

/** The sentence around [start, end): within its line, between sentence-final punctuation. */
export function sentence(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  // Not after an initial ("George H. W. Bush") or a common abbreviation ("Mr. Smith").
  const boundary = /(?<!(?:^|[^\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|No|vs|etc|U\.S|U\.K))[.!?]["'”’)]*\s+(?=["“‘(]?\p{Lu})/gu;
  let from = lineStart;
  let to = lineEnd;
  const line = text.slice(lineStart, lineEnd);
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const at = lineStart + m.index + m[0].length;
    if (at <= start) from = at;
    else if (lineStart + m.index >= end) { to = lineStart + m.index + 1; break; }
  }
  let s = `${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}`;
  s = oneLine(s).trim();
  return s.length > 300 ? context(text, start, end, 100) : s;
}

function entityError(kind: ErrorKind, doc: string, text: string, gold: GoldSpan | undefined, pred: GoldSpan | undefined): EvalError {
  const at = (gold ?? pred)!;
  const lo = Math.min(gold?.start ?? Infinity, pred?.start ?? Infinity);
  const hi = Math.max(gold?.end ?? -Infinity, pred?.end ?? -Infinity);
  const e: EvalError = { kind, doc, line: lineOf(text, at.start), at: lo, context: context(text, lo, hi) };
  if (gold) e.gold = gold;
  if (pred) e.pred = pred;
  return e;
}

function dateError(kind: ErrorKind, doc: string, text: string, gold: GoldSpan | undefined, pred: GoldSpan | undefined): EvalError {
  const at = (gold ?? pred)!;
  const lo = Math.min(gold?.start ?? Infinity, pred?.start ?? Infinity);
  const hi = Math.max(gold?.end ?? -Infinity, pred?.end ?? -Infinity);
  const e: EvalError = { kind, doc, line: lineOf(text, at.start), at: lo, context: sentence(text, lo, hi) };
  if (gold) e.gold = gold;
  if (pred) e.pred = pred;
  return e;
}

/** Body zoning scored by character: the article's characters found, against the gold's. */
export interface BodyScore extends Prf {
  documents: number;
  /** Non-blank characters: in the gold body, in the predicted one. */
  gold: number;
  pred: number;
  /** Non-blank characters in all. */
  chars: number;
  /** The same figures with the whole text taken as body (what an annotator without zoning does). */
  allBody: Prf;
}

/** One document's zoning: its characters, the gold's and the prediction's, and where they differ. */
export interface BodyDoc {
  doc: string;
  gold: number;
  pred: number;
  tp: number;
  f1: number;
}

/**
 * Scores body ranges over the non-blank characters of each text, so that where a range starts
 * or ends among spaces and line breaks makes no difference; micro-averaged over documents.
 */
export class BodyScorer {
  documents = 0;
  private gold = 0;
  private pred = 0;
  private tp = 0;
  private chars = 0;
  readonly perDoc: BodyDoc[] = [];

  add(doc: string, text: string, gold: readonly { start: number; end: number }[], pred: readonly { start: number; end: number }[]): void {
    const inGold = mark(text.length, gold);
    const inPred = mark(text.length, pred);
    let g = 0;
    let p = 0;
    let tp = 0;
    let chars = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Blank: spaces, tabs, line breaks, no-break spaces; the second half of a surrogate pair.
      if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0xdc00 && c <= 0xdfff)) continue;
      chars++;
      if (inGold[i]) g++;
      if (inPred[i]) p++;
      if (inGold[i] && inPred[i]) tp++;
    }
    this.documents++;
    this.gold += g;
    this.pred += p;
    this.tp += tp;
    this.chars += chars;
    this.perDoc.push({ doc, gold: g, pred: p, tp, f1: g === 0 && p === 0 ? 1 : prf(tp, g, p).f1 });
  }

  result(): BodyScore {
    return { documents: this.documents, gold: this.gold, pred: this.pred, chars: this.chars, ...prf(this.tp, this.gold, this.pred), allBody: prf(this.gold, this.gold, this.chars) };
  }
}

function mark(length: number, ranges: readonly { start: number; end: number }[]): Uint8Array {
  const m = new Uint8Array(length);
  for (const r of ranges) m.fill(1, Math.max(0, r.start), Math.min(length, r.end));
  return m;
}
