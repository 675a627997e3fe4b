/**
 * Text -> entity spans with a given model: tokenize, the document's facts, then features, scores
 * and Viterbi a window of lines at a time, BILOU tags -> spans. Used by the runtime (index.ts) and by the trainer's evaluation.
 */
import type { EntityLabel, Span } from '../../core/types.js';
import { TAGS, dictFlag, documentFacts, hyphenHalf, isCommonLower, lineCaseKinds, windowFeatures, type DocumentFacts, type GazetteerFn, type Lexicon } from './features.js';
import { viterbi, type TaggerModel } from './model.js';
import { taggerOptions, type TaggerOptions } from './options.js';
import { tokenize, type Token } from './tokenize.js';

/** A model with its lexicon, gazetteer and options (options.ts): tags one text at a time. */
export class Tagger {
  readonly options: Readonly<TaggerOptions>;
  /** Tokens scored at once (a field, so that a test can tag a document in one window or many). */
  window = WINDOW;

  constructor(readonly model: TaggerModel, readonly lexicon: Lexicon, readonly gazetteer?: GazetteerFn, options: Partial<TaggerOptions> = {}) {
    this.options = taggerOptions(options);
  }

  /** PER/ORG/LOC mentions: sorted, non-overlapping, trimmed, `text === slice`. */
  tag(text: string): Span[] {
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const { model, lexicon: lex, options } = this;
    const tags = decode(model, documentFacts(tokens, lex, this.gazetteer, options), this.window);
    const spans = relabelHeadlines(tokens, dropSignOffs(text, tagsToSpans(text, tokens, tags)), lex);
    return options.spreadNames ? harmonise(text, tokens, spans, lex) : spans;
  }
}

/**
 * Document-level consistency: a name the tagger found once is tagged again where the same words
 * recur untagged in the document, with the label it gets most often ("Kassim ... Kassim said").
 * Single words only when they are not English words (not "House", "Harrow"), and never a piece
 * of a longer capitalised run.
 */
export function harmonise(text: string, tokens: Token[], spans: Span[], lex: Lexicon): Span[] {
  if (spans.length === 0) return spans;
  const votes = new Map<string, Map<string, number>>();
  for (const s of spans) {
    let v = votes.get(s.text);
    if (!v) { v = new Map(); votes.set(s.text, v); }
    v.set(s.label, (v.get(s.label) ?? 0) + 1);
  }
  // Tokens inside a tagged name, and each name's words.
  const covered = new Uint8Array(tokens.length);
  const words = new Map<string, string[]>();
  for (const s of spans) {
    if (!words.has(s.text)) words.set(s.text, tokenize(s.text).map((t) => t.text));
    let i = tokenStartingAt(tokens, s.start);
    if (i < 0) continue;
    while (i < tokens.length && tokens[i]!.start < s.end) covered[i++] = 1;
  }
  // The names to spread, in the order they are tried (by code units; an earlier one takes the
  // tokens first), and where each occurs.
  const keys: { key: string; ks: string[]; label: EntityLabel }[] = [];
  for (const key of [...votes.keys()].sort(byCodeUnits)) {
    if (!CAPITALISED.test(key)) continue;
    const ks = words.get(key);
    if (ks === undefined || ks.length === 0 || ks.length > MAX_SPREAD_TOKENS) continue;
    if (ks.length === 1 && (key.length < 3 || dictFlag(lex, key.toLowerCase()) === 'D' || dictFlag(lex, key.toLowerCase()) === '?')) continue;
    const v = votes.get(key)!;
    // Most frequent label; a tie keeps ORG.
    let label = 'ORG';
    let best = v.get('ORG') ?? 0;
    for (const l of ['PER', 'LOC']) {
      const c = v.get(l) ?? 0;
      if (c > best) { best = c; label = l; }
    }
    keys.push({ key, ks, label: label as EntityLabel });
  }
  const occurrences = occurrencesOf(tokens, keys.map((k) => k.ks));
  const added: Span[] = [];
  for (const [k, { key, ks, label }] of keys.entries()) {
    for (const i of occurrences[k]!) {
      let ok = true;
      for (let j = 0; j < ks.length; j++) {
        if (covered[i + j]) { ok = false; break; }
      }
      if (!ok) continue;
      const prev = tokens[i - 1];
      const next = tokens[i + ks.length];
      // ("The Kassim report" may spread; "Rachid Kassim" is another name.)
      if (prev && prev.line === tokens[i]!.line && prev.end === tokens[i]!.start - 1 && CAPITALISED.test(prev.text) && !tokens[i]!.sentStart
        && !(prev.sentStart && dictFlag(lex, prev.text.toLowerCase()) === 'D')) continue;
      if (next && next.line === tokens[i]!.line && CAPITALISED.test(next.text) && !next.sentStart) continue;
      const st = tokens[i]!.start;
      const en = tokens[i + ks.length - 1]!.end;
      if (text.slice(st, en) !== key) continue;
      added.push({ start: st, end: en, label, text: key });
      for (let j = 0; j < ks.length; j++) covered[i + j] = 1;
    }
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((x, y) => x.start - y.start);
}

/**
 * Names longer than this many tokens are not spread: names are far shorter, and the longest
 * name bounds the work at each token.
 */
const MAX_SPREAD_TOKENS = 32;

/**
 * For each token sequence of `names`, the indices of the tokens where it occurs within one line,
 * in text order. One walk of a trie of the sequences from each token: looking through every
 * occurrence of a name's first word for each name was quadratic on text where thousands of
 * names share first words.
 */
function occurrencesOf(tokens: readonly Token[], names: readonly string[][]): number[][] {
  const children: Map<string, number>[] = [new Map()];
  /** The names (indices into `names`) that end at each trie node. */
  const ending: number[][] = [[]];
  for (const [k, ks] of names.entries()) {
    let node = 0;
    for (const w of ks) {
      let child = children[node]!.get(w);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        ending.push([]);
        children[node]!.set(w, child);
      }
      node = child;
    }
    ending[node]!.push(k);
  }
  const out: number[][] = names.map(() => []);
  const root = children[0]!;
  for (let i = 0; i < tokens.length; i++) {
    let node = root.get(tokens[i]!.text);
    for (let j = i; node !== undefined; ) {
      for (const k of ending[node]!) out[k]!.push(i);
      j++;
      if (j >= tokens.length || tokens[j]!.line !== tokens[i]!.line) break;
      node = children[node]!.get(tokens[j]!.text);
    }
  }
  return out;
}

/**
 * The index of the token that starts at `offset`, or -1: a binary search, as tokens are in text
 * order (a map of every token's start, built per document for a few spans, was the tagger's
 * largest allocation after the features).
 */
function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = tokens[mid]!.start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/**
 * In a CAPS or Title Case line case says little, so a name that running text of the same
 * document tags takes the label the running text gives it most often ("EU" in
 * "FRANCE AND GERMANY URGE EU TO ACT").
 */
function relabelHeadlines(tokens: Token[], spans: Span[], lex: Lexicon): Span[] {
  const kinds = lineCaseKinds(tokens, lex);
  if (!kinds.some((k) => k !== '') || spans.length === 0) return spans;
  // Line of each span, from its first token.
  const lineOf = (s: Span): number => {
    const i = tokenStartingAt(tokens, s.start);
    return i < 0 ? -1 : tokens[i]!.line;
  };
  const votes = new Map<string, Map<string, number>>();
  for (const s of spans) {
    if ((kinds[lineOf(s)] ?? '') !== '') continue;
    const key = s.text.toLowerCase();
    let v = votes.get(key);
    if (!v) { v = new Map(); votes.set(key, v); }
    v.set(s.label, (v.get(s.label) ?? 0) + 1);
  }
  return spans.map((s) => {
    if ((kinds[lineOf(s)] ?? '') === '') return s;
    const v = votes.get(s.text.toLowerCase());
    if (!v) return s;
    let best: string = s.label;
    let n = v.get(s.label) ?? 0;
    for (const label of ['PER', 'ORG', 'LOC']) {
      const c = v.get(label) ?? 0;
      if (c > n) { best = label; n = c; }
    }
    return best === s.label ? s : { ...s, label: best as EntityLabel };
  });
}

/** News agencies' sign-offs and tags ("REUTER" closing a story, "(AP)" in a dateline). */
const AGENCY_TAGS = new Set(['reuter', 'reuters', 'ap', 'afp', 'upi', 'dpa', 'ansa', 'efe', 'kyodo', 'xinhua', 'tass', 'itar-tass', 'pa', 'aap', 'cp', 'bloomberg']);

/**
 * Drops an agency's name where it only signs the story: alone on its line, or alone in
 * brackets ("LONDON (Reuters) -"). Elsewhere it is the agency, an organisation ("Reuters
 * reported").
 */
export function dropSignOffs(text: string, spans: Span[]): Span[] {
  return spans.filter((s) => {
    if (!AGENCY_TAGS.has(s.text.toLowerCase())) return true;
    if (text[s.start - 1] === '(' && text[s.end] === ')') return false;
    return wordOnLine(text, s.start, -1) || wordOnLine(text, s.end, 1);
  });
}

/** Whether a letter or digit stands between `from` and the line's end in direction `dir` (a bounded look). */
function wordOnLine(text: string, from: number, dir: 1 | -1): boolean {
  for (let i = dir < 0 ? from - 1 : from, k = 0; i >= 0 && i < text.length; i += dir, k++) {
    const ch = text[i]!;
    if (ch === '\n' || k >= 200) return k >= 200;
    if (WORD_CHAR.test(ch)) return true;
  }
  return false;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

const MAX_SEGMENT = 1000;

/**
 * The end of the stretch of tokens decoded together that starts at `from`: its line (entities
 * never cross a line break), or on a very long line a piece cut at a sentence start (or at a hard
 * limit), so the Viterbi tables stay small.
 */
function segmentEnd(tokens: readonly Token[], from: number): number {
  const line = tokens[from]!.line;
  for (let i = from + 1; i < tokens.length; i++) {
    const long = i - from >= MAX_SEGMENT && (tokens[i]!.sentStart || i - from >= 4 * MAX_SEGMENT);
    if (tokens[i]!.line !== line || long) return i;
  }
  return tokens.length;
}

/**
 * Tokens whose features and scores are made at once: whole segments, added to a window until it
 * holds this many, so that the memory they take is bounded whatever the document's size (a
 * window's features and scores are about 2 MB), and each window's fixed work is small beside
 * its tokens'.
 */
const WINDOW = 4096;

/**
 * The best tags of a document's tokens: features and emission scores a window at a time, Viterbi
 * over each segment (segmentEnd) of the window. A token's features are the same in any window
 * (windowFeatures reads its neighbours across the window's edges, and the document's facts were
 * made before), so the tags are those of the whole document at once.
 */
function decode(model: TaggerModel, facts: DocumentFacts, window: number): Int32Array {
  const { tokens, lex } = facts;
  const n = tokens.length;
  const tags = new Int32Array(n);
  for (let from = 0; from < n; ) {
    let to = from;
    while (to < n && to - from < window) to = segmentEnd(tokens, to);
    const em = model.score(windowFeatures(facts, from, to), lex);
    const windowTags = tags.subarray(from);
    for (let s = from; s < to; ) {
      const e = segmentEnd(tokens, s);
      viterbi(em, s - from, e - from, model.T, model.trans, model.start, model.end, windowTags);
      s = e;
    }
    from = to;
  }
  return tags;
}

const CAPITALISED = /^[\p{Lu}\p{Lt}]/u;

const TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice-president', 'pres.', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'minister', 'chancellor',
  'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'reverend', 'judge', 'justice',
  'general', 'gen.', 'colonel', 'col.', 'captain', 'capt.', 'lieutenant', 'lt.', 'sergeant', 'sgt.', 
  'mp', 'rep.', 'representative', 'secretary', 'ambassador', 'imam', 'rabbi', 'cardinal', 'bishop',
  'archbishop', 'chairman', 'chairwoman', 'ceo', 'inspector', 'detective', 'mme', 'mlle', 'm.',
]);

const TRIM_HEAD = /^[\s"'“”‘’«»()\[\]{}<>.,;:!?*_\-–—]+/u;
const TRIM_TAIL = /[\s"'“”‘’«»()\[\]{}<>,;:!?*_\-–—]+$|['’][sS]?$/u;

/** BILOU tag indices -> trimmed, sorted, non-overlapping spans. */
export function tagsToSpans(text: string, tokens: Token[], tags: Int32Array): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tag = TAGS[tags[i]!]!;
    const p = tag[0];
    if (p === 'B') open = i;
    else if (p === 'U' || p === 'L') {
      const first = p === 'U' ? i : open;
      open = -1;
      if (first < 0) continue;
      const label = tag.slice(2) as EntityLabel | 'MISC';
      if (label === 'MISC') continue;
      // Brackets and quotes inside a tagged run split it ("[Phil] Gramm" is two mentions).
      let seg = first;
      for (let j = first; j <= i; j++) {
        if (BREAKER.test(tokens[j]!.text)) {
          if (j > seg) emit(text, tokens, seg, j - 1, label, out);
          seg = j + 1;
        }
      }
      if (seg <= i) emit(text, tokens, seg, i, label, out);
    } else if (p === 'O') open = -1;
  }
  return out;
}

const BREAKER = /^[\[\](){}"“”«»]$/u;

/** Cleans the token range [f, l] of a mention and adds its span. */
function emit(text: string, tokens: Token[], f: number, l: number, label: EntityLabel, out: Span[]): void {
  // A name does not hold lower-case common words at its edges ("German agency BND",
  // "the East Delta region"); connectors inside ("Bank of England", "bin Laden") stay.
  if (l > f && tokens.slice(f, l + 1).some((t) => CAPITALISED.test(t.text))) {
    // The lower-case half of a hyphenated name is a part of it ("Lee Ka-ming").
    const common = (j: number): boolean => isCommonLower(tokens[j]!.text) && !hyphenHalf(tokens, j);
    for (let j = l; j > f; j--) {
      if (common(j)) { f = j + 1; break; }
    }
    while (l > f && common(l)) l--;
    if (f > l) return;
  }
  // A sentence's capital "The" is not part of the name ("The Financial Conduct Authority").
  if (l > f && tokens[f]!.sentStart && tokens[f]!.text === 'The' && CAPITALISED.test(tokens[f + 1]!.text)) f++;
  // Titles stay outside a person's span ("Mr Osborne" -> "Osborne").
  if (label === 'PER') {
    while (f < l && TITLES.has(tokens[f]!.text.toLowerCase())) f += tokens[f + 1]!.text === '.' && f + 1 < l ? 2 : 1;
  }
  const span = trimmed(text, tokens[f]!.start, tokens[l]!.end, label);
  if (span) out.push(span);
}

function trimmed(text: string, start: number, end: number, label: EntityLabel): Span | null {
  let s = start;
  let e = end;
  for (;;) {
    const slice = text.slice(s, e);
    const h = TRIM_HEAD.exec(slice);
    if (h && h[0].length > 0) { s += h[0].length; continue; }
    const t = TRIM_TAIL.exec(slice);
    if (t && t[0].length > 0 && t[0].length < slice.length) {
      // Keep a final period of an abbreviation or initial ("U.S.", "Corp.").
      e -= t[0].length;
      continue;
    }
    break;
  }
  const slice = text.slice(s, e);
  if (e <= s || !/\p{L}|\p{N}/u.test(slice)) return null;
  return { start: s, end: e, label, text: slice };
}
