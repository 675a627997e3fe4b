/**
 * Feature extraction for the entity tagger, shared by training (src/tools/train.ts) and
 * inference (index.ts) so the two can never drift apart. Each token gets a list of feature
 * strings; the model maps them to weight rows.
 *
 * Case is the strongest clue for names in English, and it lies in two places: the first word
 * of a sentence and lines set in CAPS or Title Case (headlines). For tokens in such a line the
 * word and shape features use the form the same word takes elsewhere in the document, when it
 * occurs in running text.
 */
import type { Token } from './tokenize.js';

/** Word -> class map (e.g. FN first name, PL place), and multi-word phrases -> class. */
export interface Lexicon {
  words: Map<string, string>;
  phrases: Map<string, string>;
  /** Longest phrase length in tokens. */
  maxPhrase: number;
  /** First words of the phrases. */
  phraseStarts: Set<string>;
  /** Whether a lower-case word is in the English word list (model/words.txt), if loaded. */
  isWord?: (lower: string) => boolean;
}

/** Optional per-token gazetteer tags (e.g. ["B-city", "U-given"]), aligned with tokens. */
export type GazetteerFn = (lower: string[]) => string[][];

export const FEATURE_VERSION = 'f2';

export function shapeOf(w: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}|\p{Lt}/u.test(ch)) c = 'X';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else if (/\p{L}/u.test(ch)) c = 'o';
    else if (ch.length > 1 || /\p{So}/u.test(ch)) c = 'E';
    else c = ch;
    if (c === prev) {
      run++;
      if (run >= 2) continue;
    } else {
      run = 0;
    }
    prev = c;
    out += c;
  }
  return out;
}

function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return FIRST_UPPER.test(w);
}

const FIRST_UPPER = /^[\p{Lu}\p{Lt}]/u;

const LETTER = 1;
const LOWER = 2;
const UPPER = 4;
const FIRST_UP = 8;
/** Letter-case facts about a word: ASCII by char codes, the rest by Unicode properties. */
function caseBits(w: string): number {
  let bits = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let b: number;
    if (c >= 97 && c <= 122) b = LETTER | LOWER;
    else if (c >= 65 && c <= 90) b = LETTER | UPPER;
    else if (c < 128) b = 0;
    else {
      const ch = String.fromCharCode(c);
      b = /\p{Ll}/u.test(ch) ? LETTER | LOWER : /\p{Lu}|\p{Lt}/u.test(ch) ? LETTER | UPPER : /\p{L}/u.test(ch) ? LETTER : 0;
    }
    if (i === 0 && (b & UPPER) !== 0) bits |= FIRST_UP;
    bits |= b;
  }
  return bits;
}

/** What the features need to know about a word form; cached per form (news repeats words). */
interface WordInfo { lower: string; shape: string; bits: number; up: boolean; lx: string; dict: string }
const infoCaches = new WeakMap<Lexicon, Map<string, WordInfo>>();
const NO_LEX: Lexicon = { words: new Map(), phrases: new Map(), maxPhrase: 1, phraseStarts: new Set() };

function wordInfo(lex: Lexicon, w: string): WordInfo {
  let cache = infoCaches.get(lex);
  if (!cache) { cache = new Map(); infoCaches.set(lex, cache); }
  let info = cache.get(w);
  if (info === undefined) {
    const lower = w.toLowerCase();
    info = {
      lower, shape: shapeOf(w), bits: caseBits(w), up: startsUpper(w),
      lx: lex.words.get(lower) ?? '-', dict: dictFlag(lex, lower),
    };
    if (cache.size >= 50_000) cache.clear(); // bounded memory on huge inputs
    cache.set(w, info);
  }
  return info;
}

/** Per line: 'C' all caps, 'T' title case (headline), '' normal. Memoised per token array. */
export function lineCaseKinds(tokens: Token[], lex: Lexicon = NO_LEX): Map<number, string> {
  let byLex = kindMemo.get(tokens);
  if (byLex === undefined) { byLex = new WeakMap(); kindMemo.set(tokens, byLex); }
  let out = byLex.get(lex);
  if (out === undefined) { out = computeLineCaseKinds(tokens, lex); byLex.set(lex, out); }
  return out;
}
const kindMemo = new WeakMap<Token[], WeakMap<Lexicon, Map<number, string>>>();

function computeLineCaseKinds(tokens: Token[], lex: Lexicon): Map<number, string> {
  const stats = new Map<number, { up: number; low: number; cap: number; words: number }>();
  for (const t of tokens) {
    let s = stats.get(t.line);
    if (!s) { s = { up: 0, low: 0, cap: 0, words: 0 }; stats.set(t.line, s); }
    if (t.text.length < 2) continue;
    const bits = wordInfo(lex, t.text).bits;
    if ((bits & LETTER) === 0) continue;
    s.words++;
    if ((bits & UPPER) !== 0 && (bits & LOWER) === 0) s.up++;
    else if ((bits & FIRST_UP) !== 0) s.cap++;
    else if (t.text.length >= 4) s.low++;
  }
  const out = new Map<number, string>();
  for (const [line, s] of stats) {
    if (s.words >= 2 && s.up >= 0.8 * s.words && s.up >= 2) out.set(line, 'C');
    else if (s.words >= 3 && s.low === 0 && s.cap + s.up >= 0.7 * s.words) out.set(line, 'T');
    else out.set(line, '');
  }
  return out;
}

/** Sends the features of every token of one document to `sink`, token by token. */
export function extractFeatures(tokens: Token[], lex: Lexicon, gazetteer: GazetteerFn | undefined, sink: FeatureSink): void {
  const n = tokens.length;
  const lineKind = lineCaseKinds(tokens, lex);
  const infos: WordInfo[] = new Array(n);
  const lower: string[] = new Array(n);
  const form: string[] = new Array(n);
  const shape: string[] = new Array(n);
  const kind: string[] = new Array(n);
  // Document-level evidence about each word, from running-text lines only.
  const docForm = new Map<string, string>();
  const docCapMid = new Set<string>();
  const docLow = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const info = wordInfo(lex, t.text);
    infos[i] = info;
    const lw = info.lower;
    lower[i] = lw;
    const k = lineKind.get(t.line) ?? '';
    kind[i] = k;
    if (k === '') {
      if (!docForm.has(lw) && !t.sentStart) docForm.set(lw, t.text);
      if (!t.sentStart && info.up) docCapMid.add(lw);
      if (lw === t.text && (info.bits & LOWER) !== 0) docLow.add(lw);
    }
  }
  const capital: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (kind[i] !== '') {
      const f = docForm.get(lower[i]!);
      form[i] = f ?? lower[i]!;
      shape[i] = f ? wordInfo(lex, f).shape : '?' + kind[i];
      capital[i] = wordInfo(lex, form[i]!).up;
    } else {
      form[i] = t.text;
      shape[i] = infos[i]!.shape;
      capital[i] = infos[i]!.up;
    }
  }
  const phraseTag: string[] = new Array(n).fill('');
  if (lex.maxPhrase > 1) {
    for (let i = 0; i < n; i++) {
      if (!lex.phraseStarts.has(lower[i]!)) continue;
      for (let len = Math.min(lex.maxPhrase, n - i); len >= 2; len--) {
        if (tokens[i + len - 1]!.line !== tokens[i]!.line) continue;
        let key = lower[i]!;
        for (let j = 1; j < len; j++) key += ' ' + lower[i + j]!;
        const cls = lex.phrases.get(key);
        if (cls) {
          phraseTag[i] = 'B' + cls;
          for (let j = 1; j < len - 1; j++) phraseTag[i + j] = 'I' + cls;
          phraseTag[i + len - 1] = 'L' + cls;
          i += len - 1;
          break;
        }
      }
    }
  }
  const gaz = gazetteer ? gazetteer(lower) : null;

  const L = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const S = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : shape[i]!);
  // Runs of capitalised words on one line ("Motion Picture Association of America"): length
  // bucket and position, connectors inside allowed.
  const run: string[] = new Array(n).fill('');
  for (let i = 0; i < n; ) {
    if (!capital[i]) { i++; continue; }
    let j = i + 1;
    for (;;) {
      if (j < n && tokens[j]!.line === tokens[i]!.line && capital[j]) { j++; continue; }
      if (j + 1 < n && RUN_JOIN.has(lower[j]!) && tokens[j + 1]!.line === tokens[i]!.line && capital[j + 1]) { j += 2; continue; }
      break;
    }
    const len = j - i;
    const bucket = len >= 5 ? '5' : String(len);
    for (let x = i; x < j; x++) run[x] = bucket + (len === 1 ? 'U' : x === i ? 'B' : x === j - 1 ? 'L' : 'I');
    i = j;
  }
  const dict: string[] = new Array(n);
  const lxs: string[] = new Array(n);
  for (let i = 0; i < n; i++) { dict[i] = infos[i]!.dict; lxs[i] = infos[i]!.lx; }
  // Organisation clues (ORG is the weakest type): the last word of a capitalised run of two or
  // more words ("... Commission", "... Group") for every word of the run; acronyms in running
  // text; a run followed by "( ACRONYM )", and the acronym itself.
  const runLast: string[] = new Array(n).fill('');
  for (let i = 0; i < n; ) {
    const r = run[i]!;
    if (!r || r[1] === 'U') { i++; continue; }
    let j = i;
    while (j < n && run[j] && run[j]![1] !== 'L') j++;
    for (let x = i; x <= j && x < n; x++) runLast[x] = lower[Math.min(j, n - 1)]!;
    i = j + 1;
  }
  const acro: string[] = new Array(n).fill('');
  for (let i = 0; i < n; i++) {
    if (kind[i] !== '') continue;
    const t = tokens[i]!.text;
    if (t.length >= 2 && t.length <= 6 && ACRONYM.test(t)) acro[i] = (t.length <= 3 ? 's' : 'l') + dict[i]!;
  }
  const paren: string[] = new Array(n).fill('');
  for (let i = 1; i + 2 < n; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')' || !acro[i + 1] || !run[i - 1]) continue;
    if (tokens[i - 1]!.line !== tokens[i]!.line) continue;
    let f = i - 1;
    while (f > 0 && run[f]![1] !== 'B' && run[f]![1] !== 'U') f--;
    let initials = '';
    for (let x = f; x < i; x++) if (capital[x]) initials += form[x]![0]!;
    const m = initials.toUpperCase() === tokens[i + 1]!.text.replace(/[^A-Z]/g, '') ? 'M' : 'N';
    for (let x = f; x < i; x++) paren[x] = 'R' + m;
    paren[i + 1] = 'A' + m;
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const lw = lower[i]!;
    const sh = shape[i]!;
    const k = kind[i]!;
    const ss = t.sentStart ? 'S' : k !== '' ? k : 'M';
    // Neighbours across a line break are not neighbours.
    const line = t.line;
    const hasP1 = i >= 1 && tokens[i - 1]!.line === line;
    const hasP2 = i >= 2 && tokens[i - 2]!.line === line;
    const hasN1 = i + 1 < n && tokens[i + 1]!.line === line;
    const hasN2 = i + 2 < n && tokens[i + 2]!.line === line;
    const lp1 = hasP1 ? L(i - 1) : '<s>';
    const lp2 = hasP2 ? L(i - 2) : '<s>';
    const ln1 = hasN1 ? L(i + 1) : '</s>';
    const ln2 = hasN2 ? L(i + 2) : '</s>';
    const sp1 = hasP1 ? S(i - 1) : '<s>';
    const sn1 = hasN1 ? S(i + 1) : '</s>';
    sink.token(i);
    sink.f('b', '');
    sink.word(form[i]!, lw, sh, lxs[i]!);
    sink.f2('dss=', dict[i]!, ss + (capital[i] ? 'C' : 'l'));
    sink.f2('ss=', ss, sh);
    sink.neighbour(0, lp1, hasP1 ? i - 1 : -1);
    sink.neighbour(1, ln1, hasN1 ? i + 1 : -1);
    sink.neighbour(2, lp2, hasP2 ? i - 2 : -1);
    sink.neighbour(3, ln2, hasN2 ? i + 2 : -1);
    sink.f('s-1=', sp1);
    sink.f('s+1=', sn1);
    sink.f2('s-1s=', sp1, sh);
    sink.f2('ss+1=', sh, sn1);
    sink.f2('l-1l=', lp1, lw);
    sink.f2('l-1s=', lp1, sh);
    sink.f2('sl+1=', sh, ln1);
    sink.f2('l-2s=', lp2, sh);
    sink.f2('ll+1=', lw, ln1);
    sink.f('lx-1=', hasP1 ? lxs[i - 1]! : '#');
    sink.f('lx+1=', hasN1 ? lxs[i + 1]! : '#');
    if (phraseTag[i]) sink.f('mw=', phraseTag[i]!);
    if (gaz) {
      const cap = capital[i] ? 'C' : 'l';
      for (const g of gaz[i]!) { sink.f('gz=', g); sink.f2('gzc=', cap + ss, g); }
      if (hasP1) for (const g of gaz[i - 1]!) sink.f('gz-1=', g);
      if (hasN1) for (const g of gaz[i + 1]!) sink.f('gz+1=', g);
    }
    // Document-level: is this word capitalised mid-sentence elsewhere, or lower case elsewhere?
    const dc = docCapMid.has(lw) ? 'C' : '';
    const dl = docLow.has(lw) ? 'L' : '';
    sink.f('doc=', ss + dc + dl);
    if (k !== '') sink.f('kind=', k);
    if (run[i]) sink.f2('run=', run[i]!, ss);
    if (ORG_FEATURES) {
      const rl = runLast[i]!;
      if (rl) {
        const pos = run[i]![1]!;
        sink.f2('rl=', rl, pos === 'L' ? 'L' : 'N');
        sink.f2('rc=', SUFFIX_CLASS.get(rl) ?? '-', pos);
      }
      if (acro[i]) sink.f2('acr=', acro[i]!, gaz && gaz[i]!.length > 0 ? 'g' : '-');
      if (paren[i]) sink.f('par=', paren[i]!);
    }
  }
}

/** Whether the organisation clue features are extracted (FEATURE_VERSION f2). */
export let ORG_FEATURES = true;
export function setOrgFeatures(on: boolean): void { ORG_FEATURES = on; }

const ACRONYM = /^[A-Z][A-Z&]*[A-Z]$/;
const SUFFIX_CLASS = new Map<string, string>();
for (const w of ['inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'sa', 'gmbh', 'group',
  'agency', 'commission', 'ministry', 'council', 'party', 'university', 'bank', 'association', 'institute', 'committee', 'company',
  'department', 'office', 'authority', 'organization', 'organisation', 'federation', 'union', 'foundation', 'society', 'service',
  'services', 'court', 'board', 'league', 'club', 'fc', 'news', 'times', 'post', 'press', 'airlines', 'airways', 'college', 'school',
  'academy', 'parliament', 'assembly', 'congress', 'senate', 'army', 'police', 'force', 'navy', 'bureau', 'fund', 'trust',
  'network', 'media', 'holdings', 'partners', 'industries', 'systems', 'technologies', 'motors', 'tribunal', 'alliance', 'movement',
  'front', 'coalition', 'administration', 'government', 'centre', 'center', 'hospital', 'church', 'team', 'band', 'records'])
  SUFFIX_CLASS.set(w, 'O');
for (const w of ['river', 'street', 'st', 'st.', 'road', 'avenue', 'county', 'island', 'islands', 'mountain', 'mountains', 'mount',
  'lake', 'sea', 'ocean', 'city', 'valley', 'province', 'state', 'region', 'district', 'bay', 'park', 'square', 'bridge', 'airport',
  'station', 'desert', 'peninsula', 'coast', 'hills', 'heights', 'beach'])
  SUFFIX_CLASS.set(w, 'L');

const RUN_JOIN = new Set(['of', 'the', 'and', '&', 'for', 'de', 'la', 'du', 'des', 'von', 'van', 'der', 'bin', 'al', '-', '.']);

/**
 * Features of the word itself (its form, lower case, shape, affixes, word class): they depend on
 * nothing else, so the runtime caches their summed weights per word.
 */
export function wordFeatures(sink: FeatureSink, form: string, lower: string, shape: string, lexClass: string, lex: Lexicon): void {
  sink.f('w=', form);
  sink.f('l=', lower);
  sink.f('s=', shape);
  const len = lower.length;
  for (let a = 1; a <= 4 && a < len; a++) {
    sink.sub(PREFIX[a]!, lower, 0, a);
    sink.sub(SUFFIX[a]!, lower, len - a, len);
  }
  if (len > 14) sink.f('len>14', '');
  sink.f('lx=', lexClass);
  sink.f('dict=', dictFlag(lex, lower));
}

const ALPHA = /^[a-z]+$/;
const dictMemo = new Map<string, string>();
/** 'D' in the English word list, 'N' not, 'x' not a plain word, '?' no list loaded. */
export function dictFlag(lex: Lexicon, lower: string): string {
  if (!lex.isWord) return '?';
  let f = dictMemo.get(lower);
  if (f === undefined) {
    f = !ALPHA.test(lower) ? 'x' : lex.isWord(lower) ? 'D' : 'N';
    if (dictMemo.size >= 50_000) dictMemo.clear();
    dictMemo.set(lower, f);
  }
  return f;
}

/** Templates of the neighbouring words' lower case, by slot (-1, +1, -2, +2). */
export const NEIGHBOUR_TEMPLATES = ['l-1=', 'l+1=', 'l-2=', 'l+2='];

const PREFIX = ['', 'p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX = ['', 'x1=', 'x2=', 'x3=', 'x4='];

/**
 * Receives the features of each token in turn. The feature's string is `name + a`, or
 * `name + a + '|' + b` for f2, or `name + s.slice(from, to)` for sub: the trainer builds these
 * strings, the runtime hashes the same characters without building them.
 */
export interface FeatureSink {
  token(i: number): void;
  /** The word-only features: same as calling wordFeatures(this, ...). */
  word(form: string, lower: string, shape: string, lexClass: string): void;
  /** Same as f(NEIGHBOUR_TEMPLATES[slot], lower); `token` is the neighbour's index, -1 at a line edge. */
  neighbour(slot: number, lower: string, token: number): void;
  f(name: string, a: string): void;
  f2(name: string, a: string, b: string): void;
  sub(name: string, s: string, from: number, to: number): void;
}

/** Feature strings for every token of one document (training). */
export function featureStrings(tokens: Token[], lex: Lexicon, gazetteer?: GazetteerFn): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  extractFeatures(tokens, lex, gazetteer, {
    token(i) { cur = []; out[i] = cur; },
    word(form, lower, shape, lexClass) { wordFeatures(this, form, lower, shape, lexClass, lex); },
    neighbour(slot, lower) { cur.push(NEIGHBOUR_TEMPLATES[slot]! + lower); },
    f(name, a) { cur.push(name + a); },
    f2(name, a, b) { cur.push(name + a + '|' + b); },
    sub(name, s, from, to) { cur.push(name + s.slice(from, to)); },
  });
  return out;
}

/**
 * BILOU tags; index 0 is O. MISC (nationalities, works, events, products) is learned where the
 * training data marks it, so that capitalised non-names do not have to be learned as O, and is
 * dropped from the output.
 */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const OUTPUT_TYPES = ['PER', 'ORG', 'LOC'] as const;
export const TAGS: string[] = ['O'];
for (const ty of TYPES) for (const p of ['B', 'I', 'L', 'U']) TAGS.push(p + '-' + ty);

/** Whether tag b may follow tag a (BILOU). -1 = sequence start / end. */
export function allowed(a: number, b: number): boolean {
  const pa = a < 0 ? 'O' : TAGS[a]![0]!;
  const pb = b < 0 ? 'O' : TAGS[b]![0]!;
  const open = pa === 'B' || pa === 'I';
  if (open) {
    if (pb !== 'I' && pb !== 'L') return false;
    return TAGS[a]!.slice(2) === TAGS[b]!.slice(2);
  }
  return pb !== 'I' && pb !== 'L';
}
