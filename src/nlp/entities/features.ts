/**
 * Feature extraction for the entity tagger, shared by training (src/training/entities/) and
 * inference (index.ts) so the two can never drift apart. Each token gets its word-only features
 * (wordFeatures, cached per word at run time) and a list of (template, piece, piece) triples of
 * interned ids (see pieces.ts): the trainer turns them into strings, the model into keys.
 *
 * Case is the strongest clue for names in English, and it lies in two places: the first word
 * of a sentence and lines set in CAPS or Title Case (headlines). For tokens in such a line the
 * word and shape features use the form the same word takes elsewhere in the document, when it
 * occurs in running text.
 */
import { WordCache } from '../cache.js';
import { DEFAULT_TAGGER_OPTIONS, type FeatureOptions } from './options.js';
import { NAME_SEP, PAIR_SEP, PieceTable } from './pieces.js';
import type { Token } from './tokenize.js';
import type { GazetteerSlot } from '../gazetteer/slot.js';

/** Word -> class map (e.g. FN first name, PL place), and multi-word phrases -> class. */
export interface Lexicon {
  words: Map<string, string>;
  phrases: Map<string, string>;
  /** Longest phrase length in tokens. */
  maxPhrase: number;
  /** The first words of the phrases, each with the second words that follow it. */
  phraseNext: Map<string, Set<string>>;
  /** Whether a lower-case word is in the English word list (model/words.txt), if loaded. */
  isWord?: (lower: string) => boolean;
}

/**
 * Optional per-token gazetteer tags (e.g. ["B-city", "U-given"]), aligned with tokens. `slots`,
 * when given, are one per token, the same object for the same word: the gazetteer may keep what
 * it works out about the word there (gazetteer/slot.ts), saving a cache lookup per token. The
 * tagger passes none: slots per token kept a WordInfo for every token of a document.
 */
export type GazetteerFn = (lower: string[], slots?: readonly GazetteerSlot[]) => string[][];

export const FEATURE_VERSION = 'f4';

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

/** WordInfo.plain values. */
const PLAIN = 1;
const COMMON = 2;

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

/**
 * What the features need to know about a word form; cached per form (news repeats words). The
 * piece ids (see pieces.ts) are valid while `gen` is PIECES.generation.
 */
export interface WordInfo {
  lower: string; shape: string; bits: number; up: boolean; lx: string; dict: string;
  gen: number; lowerId: number; shapeId: number; lxId: number; dictCode: number;
  /** A consumer's own per-word number (where the model keeps the word's summed weights), tagged with its owner. */
  memo: number; memoOwner: unknown;
  /** Written in lower case: has a lower-case letter and equals its lower case. */
  inLowerCase: boolean;
  /**
   * For skipping at run time (extractFeatures, options.skipCommon): COMMON for a lower-case word
   * of the word list that is not a connector (isCommonLower); PLAIN for other lower-case words of
   * the list and for punctuation without digits; else 0.
   */
  plain: number;
  /** When the word starts a lexicon phrase: the second words of its phrases; else null. */
  phraseNext: ReadonlySet<string> | null;
}
const infoCaches = new WeakMap<Lexicon, WordCache<WordInfo>>();
const NO_LEX: Lexicon = { words: new Map(), phrases: new Map(), maxPhrase: 1, phraseNext: new Map() };

function infoCache(lex: Lexicon): WordCache<WordInfo> {
  let cache = infoCaches.get(lex);
  if (!cache) { cache = new WordCache(50_000); infoCaches.set(lex, cache); }
  return cache;
}

function wordInfo(lex: Lexicon, w: string, cache = infoCache(lex)): WordInfo {
  let info = cache.get(w);
  if (info === undefined) {
    const lower = w.toLowerCase();
    const dict = dictFlag(lex, lower);
    const bits = caseBits(w);
    const shape = shapeOf(w);
    const plain = dict === 'D' && isCommonLower(w) ? COMMON
      : ((bits & LETTER) === 0 ? shape.indexOf('d') < 0 : dict === 'D' && (bits & UPPER) === 0) ? PLAIN : 0;
    info = {
      lower, shape, bits, up: startsUpper(w), inLowerCase: lower === w && (bits & LOWER) !== 0, plain,
      lx: lex.words.get(lower) ?? '-', dict,
      gen: -1, lowerId: 0, shapeId: 0, lxId: 0, dictCode: DICT_CODES.indexOf(dict), memo: -1, memoOwner: null,
      phraseNext: lex.phraseNext.get(lower) ?? null,
    };
    cache.set(w, info);
  }
  refreshIds(info);
  return info;
}

function refreshIds(info: WordInfo): void {
  if (info.gen !== PIECES.generation) {
    info.gen = PIECES.generation;
    info.lowerId = PIECES.id(info.lower);
    info.shapeId = PIECES.id(info.shape);
    info.lxId = PIECES.id(info.lx);
  }
}

/**
 * A fact about a whole document, computed once per token array and lexicon: extractFeatures and
 * the tagger's headline pass both need them.
 */
function perDocument<T>(compute: (tokens: Token[], lex: Lexicon) => T): (tokens: Token[], lex?: Lexicon) => T {
  const memo = new WeakMap<Token[], WeakMap<Lexicon, T>>();
  return (tokens, lex = NO_LEX) => {
    let byLex = memo.get(tokens);
    if (byLex === undefined) { byLex = new WeakMap(); memo.set(tokens, byLex); }
    let out = byLex.get(lex);
    if (out === undefined) { out = compute(tokens, lex); byLex.set(lex, out); }
    return out;
  };
}

/**
 * Whether the document's writer uses case: four sentences in five or more open with a capital
 * (sentences opened by a handle, a hashtag or a link are not counted: they said nothing of the
 * writer, and had most posts of the Broad Twitter Corpus taken for lower-case writing). Where
 * they do not (chat, e-mail written in lower case), "jill allen" or "san francisco" can be
 * names in lower case.
 */
function writesCase(tokens: Token[], infos: TokenWords): boolean {
  let starts = 0;
  let capitals = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.sentStart || (infos.bits(i) & LETTER) === 0 || NOT_A_WORD.test(tokens[i]!.text)) continue;
    starts++;
    if (infos.up(i)) capitals++;
  }
  return capitals >= 0.8 * starts;
}

/** Handles, hashtags and links: they open many a post, in whatever case the writer uses. */
const NOT_A_WORD = /^(?:[@#]|https?:\/\/|www\.)/i;

/** Bits of TokenWords.flags above caseBits' four, and of TokenWords.dicts above the dictionary code's two. */
const F_UP = 16;
const F_IN_LOWER = 32;
const PLAIN_SHIFT = 6;
const D_PHRASE = 4;

/**
 * The facts of each token's word (WordInfo), column by column: a document of distinct words
 * held a WordInfo for every token (about 250 bytes each) as long as it was tagged; here a token
 * takes 14 bytes, and its word's strings are the piece table's (valid while `generation` is
 * PIECES.generation). The WordInfos themselves stay in their bounded cache.
 */
export class TokenWords {
  readonly generation = PIECES.generation;
  private readonly lowerIds: Int32Array;
  private readonly shapeIds: Int32Array;
  private readonly lxIds: Int32Array;
  private readonly flags: Uint8Array;
  private readonly dicts: Uint8Array;

  constructor(tokens: readonly Token[], lex: Lexicon) {
    const n = tokens.length;
    this.lowerIds = new Int32Array(n);
    this.shapeIds = new Int32Array(n);
    this.lxIds = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.dicts = new Uint8Array(n);
    const cache = infoCache(lex);
    for (let i = 0; i < n; i++) {
      const info = wordInfo(lex, tokens[i]!.text, cache);
      this.lowerIds[i] = info.lowerId;
      this.shapeIds[i] = info.shapeId;
      this.lxIds[i] = info.lxId;
      this.flags[i] = info.bits | (info.up ? F_UP : 0) | (info.inLowerCase ? F_IN_LOWER : 0) | (info.plain << PLAIN_SHIFT);
      this.dicts[i] = info.dictCode | (info.phraseNext !== null ? D_PHRASE : 0);
    }
  }

  lowerId(i: number): number { return this.lowerIds[i]!; }
  lower(i: number): string { return PIECES.strings[this.lowerIds[i]!]!; }
  shapeId(i: number): number { return this.shapeIds[i]!; }
  shape(i: number): string { return PIECES.strings[this.shapeIds[i]!]!; }
  lxId(i: number): number { return this.lxIds[i]!; }
  lx(i: number): string { return PIECES.strings[this.lxIds[i]!]!; }
  /** caseBits of the word. */
  bits(i: number): number { return this.flags[i]! & 15; }
  up(i: number): boolean { return (this.flags[i]! & F_UP) !== 0; }
  inLowerCase(i: number): boolean { return (this.flags[i]! & F_IN_LOWER) !== 0; }
  plain(i: number): number { return this.flags[i]! >> PLAIN_SHIFT; }
  dictCode(i: number): number { return this.dicts[i]! & 3; }
  dict(i: number): string { return DICT_CODES[this.dicts[i]! & 3]!; }
  /** WordInfo.phraseNext of the word. */
  phraseNext(i: number, lex: Lexicon): ReadonlySet<string> | null {
    return (this.dicts[i]! & D_PHRASE) !== 0 ? lex.phraseNext.get(this.lower(i)) ?? null : null;
  }
}

const wordsMemo = new WeakMap<Token[], WeakMap<Lexicon, TokenWords>>();

/** The TokenWords of a document, made once per token array, lexicon and piece-table generation. */
function tokenWords(tokens: Token[], lex: Lexicon): TokenWords {
  let byLex = wordsMemo.get(tokens);
  if (byLex === undefined) { byLex = new WeakMap(); wordsMemo.set(tokens, byLex); }
  let out = byLex.get(lex);
  if (out === undefined || out.generation !== PIECES.generation) { out = new TokenWords(tokens, lex); byLex.set(lex, out); }
  return out;
}

/** Per line number: 'C' all caps, 'T' title case (headline), '' normal (undefined: no token). */
export const lineCaseKinds = perDocument(computeLineCaseKinds);

function computeLineCaseKinds(tokens: Token[], lex: Lexicon): string[] {
  const infos = tokenWords(tokens, lex);
  const out: string[] = [];
  // Tokens come in line order: one line's counts at a time.
  let up = 0;
  let low = 0;
  let cap = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text.length >= 2) {
      const bits = infos.bits(i);
      if ((bits & LETTER) !== 0) {
        words++;
        if ((bits & UPPER) !== 0 && (bits & LOWER) === 0) up++;
        else if ((bits & FIRST_UP) !== 0) cap++;
        else if (t.text.length >= 4) low++;
      }
    }
    if (i + 1 === tokens.length || tokens[i + 1]!.line !== t.line) {
      out[t.line] = words >= 2 && up >= 0.8 * words && up >= 2 ? 'C' : words >= 3 && low === 0 && cap + up >= 0.7 * words ? 'T' : '';
      up = low = cap = words = 0;
    }
  }
  return out;
}

/**
 * The features of a window of tokens, as integers: for token from + i, the triples (name, a, b)
 * of piece ids (PIECES, see pieces.ts; b = -1 for a unary feature) in feats[3*offs[i],
 * 3*offs[i+1]), plus the word-only features, which wordFeatures gives from form/lower/shape/
 * lexClass (the runtime caches their sum per word). No callbacks and no strings in the hot loop:
 * the runtime turns each triple into a key with a few integer operations, the trainer into a
 * string. Every array is indexed from the window's first token.
 */
export interface FeatureBuffer {
  feats: Int32Array;
  offs: Int32Array;
  /**
   * With options.skipCommon, 1 for the tokens given no features at all, which the decoder takes as
   * outside any name. In the running text of a cased document (writesCase): words of the English
   * word list in lower case (isCommonLower), and groups of plain tokens with no other kind
   * beside them (see markCommon).
   */
  common: Uint8Array | null;
  /** Per token: its WordInfo when its word features come from its own form (not in a CAPS/Title line), else null. */
  own: (WordInfo | null)[];
  form: string[];
  lower: string[];
  shape: string[];
  lexClass: string[];
}

/**
 * What the features of any token need to know of its whole document, worked out in one pass
 * before any token's features are made (documentFacts) and kept in a few bytes per token; the
 * features, their keys and scores are then made a window at a time (windowFeatures). A
 * document's memory is its tokens and these arrays, not a copy of every token's features: those
 * were about 450 bytes a token at once (1 MB of news, 190,000 tokens, held 85 MB of them).
 */
export interface DocumentFacts {
  readonly tokens: Token[];
  readonly lex: Lexicon;
  readonly orgFeatures: boolean;
  readonly newsContext: boolean;
  readonly infos: TokenWords;
  /** lineCaseKinds: per line 'C', 'T' or ''. */
  readonly lineKind: string[];
  /** The stamp of docMarks for this document: its marks are valid while it is the current one. */
  readonly stamp: number;
  /** 1 where the word as the features see it (formOf) starts with a capital. */
  readonly capital: Uint8Array;
  /** The piece id of the lexicon phrase tag ('B'/'I'/'L' + class), or -1. */
  readonly phrase: Int32Array;
  /** The token's place in a capitalised run (RUN_NAMES), 0 outside one. */
  readonly run: Uint8Array;
  /** In a run of two or more: the token whose lower case is the run's last word; else -1. */
  readonly runLast: Int32Array;
  /** "Name ( ACRONYM )": PAREN_NAMES index, 0 for none. */
  readonly paren: Uint8Array;
  /** resultsContext and nameCues, with newsContext. */
  readonly ctx: Uint8Array | null;
  readonly cue: Uint8Array | null;
  readonly common: Uint8Array | null;
  /** Gazetteer tags as piece ids: token i's are gazIds[gazOffs[i], gazOffs[i + 1]). */
  readonly gazOffs: Int32Array | null;
  readonly gazIds: Int32Array | null;
}

/**
 * The features of every token of one document; `feats` is only valid until the next call. (The
 * trainer and tests; the tagger takes a document a window at a time.)
 */
export function extractFeatures(tokens: Token[], lex: Lexicon, gazetteer: GazetteerFn | undefined, options: FeatureOptions): FeatureBuffer {
  return windowFeatures(documentFacts(tokens, lex, gazetteer, options), 0, tokens.length);
}

/** The line kind of token i: 'C', 'T' or '' (see lineCaseKinds). */
function kindOf(d: DocumentFacts, i: number): string {
  return d.lineKind[d.tokens[i]!.line] ?? '';
}

/**
 * The form the word features of token i use: its own, or in a CAPS/Title line the form the same
 * word takes in the running text of the document (its lower case when it has none there).
 */
function formOf(d: DocumentFacts, i: number, kind: string): string {
  if (kind === '') return d.tokens[i]!.text;
  const at = docMarks.form(d.infos.lowerId(i));
  return at >= 0 ? d.tokens[at]!.text : d.infos.lower(i);
}

/** The shape the features of token i use (see formOf): '?C' / '?T' for a word the running text lacks. */
function shapeAt(d: DocumentFacts, i: number, kind: string): string {
  if (kind === '') return d.infos.shape(i);
  const at = docMarks.form(d.infos.lowerId(i));
  return at >= 0 ? wordInfo(d.lex, d.tokens[at]!.text).shape : '?' + kind;
}

/** The acr= piece of token i ('s'/'l' + dictionary flag), or '' when it is not an acronym of running text. */
function acronymAt(d: DocumentFacts, i: number): string {
  if (kindOf(d, i) !== '') return '';
  const t = d.tokens[i]!.text;
  return t.length >= 2 && t.length <= 6 && ACRONYM.test(t) ? (t.length <= 3 ? 's' : 'l') + d.infos.dict(i) : '';
}

/**
 * The document-level facts of a document (see DocumentFacts); the options are read once, here,
 * not per token. Piece ids are renumbered only here, between documents, when the table has grown
 * large: they stay valid for every window of the document.
 */
export function documentFacts(tokens: Token[], lex: Lexicon, gazetteer: GazetteerFn | undefined, options: FeatureOptions): DocumentFacts {
  const { orgFeatures, skipCommon } = options;
  const newsContext = orgFeatures && options.newsContext;
  if (PIECES.size > MAX_PIECES) PIECES.reset();
  const n = tokens.length;
  const lineKind = lineCaseKinds(tokens, lex);
  const infos = tokenWords(tokens, lex);
  // Document-level evidence about each word, from running-text lines only, by the lower case's
  // piece id (DocMarks: no string-keyed maps per token).
  const doc = docMarks.next(PIECES.size);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if ((lineKind[t.line] ?? '') !== '') continue;
    const id = infos.lowerId(i);
    if (!t.sentStart) {
      doc.markForm(id, i);
      if (infos.up(i)) doc.mark(id, CAP_MID);
    }
    if (infos.inLowerCase(i)) doc.mark(id, LOW);
  }
  const capital = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = lineKind[tokens[i]!.line] ?? '';
    const up = k === '' ? infos.up(i) : wordInfo(lex, formOfMarks(tokens, infos, i, k)).up;
    if (up) capital[i] = 1;
  }
  const phrase = new Int32Array(n).fill(-1);
  if (lex.maxPhrase > 1) {
    for (let i = 0; i < n; i++) {
      // Most phrase starts ("the", "new") are not followed by a phrase's second word.
      const next = infos.phraseNext(i, lex);
      if (next === null || i + 1 === n || !next.has(infos.lower(i + 1))) continue;
      for (let len = Math.min(lex.maxPhrase, n - i); len >= 2; len--) {
        if (tokens[i + len - 1]!.line !== tokens[i]!.line) continue;
        let key = infos.lower(i);
        for (let j = 1; j < len; j++) key += ' ' + infos.lower(i + j);
        const cls = lex.phrases.get(key);
        if (cls) {
          phrase[i] = PIECES.id('B' + cls);
          for (let j = 1; j < len - 1; j++) phrase[i + j] = PIECES.id('I' + cls);
          phrase[i + len - 1] = PIECES.id('L' + cls);
          i += len - 1;
          break;
        }
      }
    }
  }
  const gaz = gazetteer ? gazetteer(Array.from({ length: n }, (_, i) => infos.lower(i))) : null;
  // Runs of capitalised words on one line ("Motion Picture Association of America"): length
  // bucket and position, connectors inside allowed.
  const run = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    if (!capital[i]) { i++; continue; }
    const line = tokens[i]!.line;
    let j = i + 1;
    for (;;) {
      if (j < n && tokens[j]!.line === line && capital[j]) { j++; continue; }
      if (j + 1 < n && RUN_JOIN.has(infos.lower(j)) && tokens[j + 1]!.line === line && capital[j + 1]) { j += 2; continue; }
      break;
    }
    const len = j - i;
    const bucket = Math.min(len, 5);
    for (let x = i; x < j; x++) run[x] = runCode(bucket, len === 1 ? RUN_U : x === i ? RUN_B : x === j - 1 ? RUN_L : RUN_I);
    i = j;
  }
  // Organisation clues (ORG is the weakest type): the last word of a capitalised run of two or
  // more words ("... Commission", "... Group") for every word of the run; acronyms in running
  // text; a run followed by "( ACRONYM )", and the acronym itself.
  const runLast = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; ) {
    const r = run[i]!;
    if (r === 0 || runPos(r) === RUN_U) { i++; continue; }
    let j = i;
    while (j < n && run[j] !== 0 && runPos(run[j]!) !== RUN_L) j++;
    for (let x = i; x <= j && x < n; x++) runLast[x] = Math.min(j, n - 1);
    i = j + 1;
  }
  const facts: DocumentFacts = {
    tokens, lex, orgFeatures, newsContext, infos, lineKind, stamp: doc.current, capital, phrase, run, runLast,
    paren: new Uint8Array(n), ctx: null, cue: null, common: null, gazOffs: null, gazIds: null,
  };
  const paren = facts.paren;
  for (let i = 1; i + 2 < n; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')' || acronymAt(facts, i + 1) === '' || run[i - 1] === 0) continue;
    if (tokens[i - 1]!.line !== tokens[i]!.line) continue;
    let f = i - 1;
    while (f > 0 && runPos(run[f]!) !== RUN_B && runPos(run[f]!) !== RUN_U) f--;
    let initials = '';
    for (let x = f; x < i; x++) if (capital[x]) initials += formOf(facts, x, kindOf(facts, x))[0]!;
    const match = initials.toUpperCase() === tokens[i + 1]!.text.replace(/[^A-Z]/g, '');
    for (let x = f; x < i; x++) paren[x] = match ? PAREN_RM : PAREN_RN;
    paren[i + 1] = match ? PAREN_AM : PAREN_AN;
  }
  const ctx = newsContext ? resultsContext(tokens, infos) : null;
  const cue = newsContext ? nameCues(tokens, capital, lineKind, infos, doc, gaz) : null;
  const common = skipCommon && writesCase(tokens, infos) ? markCommon(tokens, infos, lineKind) : null;
  let gazOffs: Int32Array | null = null;
  let gazIds: Int32Array | null = null;
  if (gaz) {
    gazOffs = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) total += gaz[i]!.length;
    gazIds = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < n; i++) {
      gazOffs[i] = at;
      for (const tag of gaz[i]!) gazIds[at++] = PIECES.id(tag);
    }
    gazOffs[n] = at;
  }
  return { ...facts, ctx, cue, common, gazOffs, gazIds };
}

/** formOf before the facts exist (for `capital`). */
function formOfMarks(tokens: readonly Token[], infos: TokenWords, i: number, kind: string): string {
  if (kind === '') return tokens[i]!.text;
  const at = docMarks.form(infos.lowerId(i));
  return at >= 0 ? tokens[at]!.text : infos.lower(i);
}

/**
 * With skipCommon in a cased document, 1 for the tokens given no features: plain tokens are
 * punctuation and lower-case words of the word list ("the", "to", "and"). Tokens not parted by a
 * space make one group ("al-Qaeda", "st."), plain when all of its tokens are. A plain group with
 * no other kind of group beside it on its line is outside any name as well: every name has a
 * capital, a digit or a word off the list in it or next to it ("Bank of the West"). One pass over
 * the groups, with the one before and the one after.
 */
function markCommon(tokens: readonly Token[], infos: TokenWords, lineKind: readonly string[]): Uint8Array {
  const n = tokens.length;
  const common = new Uint8Array(n);
  if (n === 0) return common;
  const plainAt = (i: number): boolean => {
    if ((lineKind[tokens[i]!.line] ?? '') !== '' || hyphenHalf(tokens, i)) return false;
    const p = infos.plain(i);
    if (p === COMMON) common[i] = 1;
    return p !== 0;
  };
  /** The end of the group that starts at i, and whether all of its tokens are plain. */
  let plain = false;
  const groupEnd = (i: number): number => {
    let all = plainAt(i);
    let j = i + 1;
    while (j < n && tokens[j]!.start === tokens[j - 1]!.end) {
      if (!plainAt(j)) all = false;
      j++;
    }
    plain = all;
    return j;
  };
  let prevPlain = false;
  let start = 0;
  let end = groupEnd(0);
  let curPlain = plain;
  while (start < n) {
    const nextEnd = end < n ? groupEnd(end) : n;
    const nextPlain = end < n ? plain : false;
    if (curPlain) {
      const line = tokens[start]!.line;
      const before = start === 0 || tokens[start - 1]!.line !== line || prevPlain;
      const after = end === n || tokens[end]!.line !== line || nextPlain;
      if (before && after) common.fill(1, start, end);
    }
    prevPlain = curPlain;
    start = end;
    end = nextEnd;
    curPlain = nextPlain;
  }
  return common;
}

/** Run codes: bucket (1-5) and position, 0 for none; RUN_NAMES[code] is the run= piece. */
const RUN_U = 0;
const RUN_B = 1;
const RUN_I = 2;
const RUN_L = 3;
function runCode(bucket: number, pos: number): number {
  return 1 + (bucket - 1) * 4 + pos;
}
/** The position of a run code (-1 for 0, no run). */
function runPos(code: number): number {
  return code === 0 ? -1 : (code - 1) % 4;
}
const RUN_NAMES = [''];
for (let b = 1; b <= 5; b++) for (const p of 'UBIL') RUN_NAMES.push(String(b) + p);
const PAREN_RM = 1;
const PAREN_RN = 2;
const PAREN_AM = 3;
const PAREN_AN = 4;
const PAREN_NAMES = ['', 'RM', 'RN', 'AM', 'AN'];

/**
 * The features of tokens [from, to) of a document (see FeatureBuffer); `feats` is only valid
 * until the next call. Neighbours two tokens out are read across the window's edges, so a
 * document cut into windows gets the features it would get whole.
 */
export function windowFeatures(d: DocumentFacts, from: number, to: number): FeatureBuffer {
  if (d.stamp !== docMarks.current) throw new Error('windowFeatures: the features of another document were begun since');
  const { tokens, infos, lex, orgFeatures, capital, phrase, run, runLast, paren, ctx, cue, gazOffs, gazIds } = d;
  const n = tokens.length;
  const m = to - from;
  const P = PIECES;
  const doc = docMarks;
  // Shape ids from two tokens before the window to two after (the neighbours' s-1= and s+1=).
  const lo = Math.max(0, from - 2);
  const hi = Math.min(n, to + 2);
  const shapeIds = new Int32Array(hi - lo);
  const form: string[] = new Array(m);
  const shape: string[] = new Array(m);
  const lower: string[] = new Array(m);
  const lexClass: string[] = new Array(m);
  const own: (WordInfo | null)[] = new Array(m);
  const cache = infoCache(lex);
  for (let i = lo; i < hi; i++) {
    const k = kindOf(d, i);
    const sh = shapeAt(d, i, k);
    shapeIds[i - lo] = k === '' ? infos.shapeId(i) : P.id(sh);
    if (i < from || i >= to) continue;
    form[i - from] = formOf(d, i, k);
    shape[i - from] = sh;
    lower[i - from] = infos.lower(i);
    lexClass[i - from] = infos.lx(i);
    own[i - from] = k === '' ? wordInfo(lex, tokens[i]!.text, cache) : null;
  }
  const L = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : infos.lowerId(i));
  const S = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : shapeIds[i - lo]!);
  const gazCount = (i: number): number => (gazOffs ? gazOffs[i + 1]! - gazOffs[i]! : 0);
  const common = d.common ? d.common.subarray(from, to) : null;
  // One buffer reused from window to window (valid until the next call): a fresh one per
  // document was zero-filled and collected 2,600 times in a run over small articles.
  let feats = scratch;
  const offs = new Int32Array(m + 1);
  let k3 = 0;
  const f = (name: number, a: number): void => {
    feats[k3++] = name; feats[k3++] = a; feats[k3++] = -1;
  };
  const f2 = (name: number, a: number, b: number): void => {
    feats[k3++] = name; feats[k3++] = a; feats[k3++] = b;
  };
  for (let i = from; i < to; i++) {
    // Room for this token's features: 25 fixed templates plus 5 per gazetteer hit around it.
    const need = k3 + 3 * (40 + (gazOffs ? 3 * gazCount(i) + (i > 0 ? gazCount(i - 1) : 0) + (i + 1 < n ? gazCount(i + 1) : 0) : 0));
    if (need > feats.length) {
      const grown = new Int32Array(Math.max(need, feats.length * 2));
      grown.set(feats.subarray(0, k3));
      feats = grown;
      // Keep it for the next window unless it grew huge: memory stays bounded.
      if (grown.length <= MAX_SCRATCH) scratch = grown;
    }
    offs[i - from] = k3 / 3;
    if (common !== null && common[i - from] === 1) continue;
    const t = tokens[i]!;
    const lw = infos.lowerId(i);
    const sh = shapeIds[i - lo]!;
    const k = kindOf(d, i);
    const ssCode = t.sentStart ? 0 : k === 'C' ? 2 : k === 'T' ? 3 : 1;
    const ss = SS_IDS[ssCode]!;
    const cap = capital[i]!;
    // Neighbours across a line break are not neighbours.
    const line = t.line;
    const hasP1 = i >= 1 && tokens[i - 1]!.line === line;
    const hasP2 = i >= 2 && tokens[i - 2]!.line === line;
    const hasN1 = i + 1 < n && tokens[i + 1]!.line === line;
    const hasN2 = i + 2 < n && tokens[i + 2]!.line === line;
    const lp1 = hasP1 ? L(i - 1) : BOS;
    const lp2 = hasP2 ? L(i - 2) : BOS;
    const ln1 = hasN1 ? L(i + 1) : EOS;
    const ln2 = hasN2 ? L(i + 2) : EOS;
    const sp1 = hasP1 ? S(i - 1) : BOS;
    const sn1 = hasN1 ? S(i + 1) : EOS;
    f(T_B, EMPTY);
    f2(T_DSS, DICT_IDS[infos.dictCode(i)]!, SS_CAP_IDS[ssCode * 2 + cap]!);
    f2(T_SS, ss, sh);
    f(T_LP1, lp1);
    f(T_LN1, ln1);
    f(T_LP2, lp2);
    f(T_LN2, ln2);
    f(T_SP1, sp1);
    f(T_SN1, sn1);
    f2(T_SP1S, sp1, sh);
    f2(T_SSN1, sh, sn1);
    f2(T_LP1S, lp1, sh);
    f2(T_SLN1, sh, ln1);
    f(T_LXP1, hasP1 ? infos.lxId(i - 1) : HASH);
    f(T_LXN1, hasN1 ? infos.lxId(i + 1) : HASH);
    if (phrase[i]! >= 0) f(T_MW, phrase[i]!);
    if (gazOffs && gazIds) {
      const capSs = CAP_SS_IDS[ssCode * 2 + cap]!;
      for (let g = gazOffs[i]!; g < gazOffs[i + 1]!; g++) { f(T_GZ, gazIds[g]!); f2(T_GZC, capSs, gazIds[g]!); }
      if (hasP1) for (let g = gazOffs[i - 1]!; g < gazOffs[i]!; g++) f(T_GZP1, gazIds[g]!);
      if (hasN1) for (let g = gazOffs[i + 1]!; g < gazOffs[i + 2]!; g++) f(T_GZN1, gazIds[g]!);
    }
    // Document-level: is this word capitalised mid-sentence elsewhere, or lower case elsewhere?
    const dc = doc.has(lw, CAP_MID) ? 1 : 0;
    const dl = doc.has(lw, LOW) ? 1 : 0;
    f(T_DOC, DOC_IDS[ssCode * 4 + dc * 2 + dl]!);
    if (k !== '') f(T_KIND, P.id(k));
    const r = run[i]!;
    if (r !== 0) f2(T_RUN, P.id(RUN_NAMES[r]!), ss);
    if (orgFeatures) {
      const last = runLast[i]!;
      if (last >= 0) {
        const rl = infos.lower(last);
        const pos = runPos(r);
        f2(T_RL, infos.lowerId(last), pos === RUN_L ? LAST : NOT_LAST);
        f2(T_RC, P.id(SUFFIX_CLASS.get(rl) ?? '-'), P.id('UBIL'[pos]!));
      }
      const acro = acronymAt(d, i);
      if (acro !== '') f2(T_ACR, P.id(acro), gazCount(i) > 0 ? IN_GAZ : NOT_IN_GAZ);
      if (paren[i] !== 0) f(T_PAR, P.id(PAREN_NAMES[paren[i]!]!));
    }
    if (ctx !== null && cue !== null) {
      const c = ctx[i]!;
      if (c > 0) {
        const cid = CTX_IDS[c]!;
        f(T_CTX, cid);
        if (gazOffs && gazIds) for (let g = gazOffs[i]!; g < gazOffs[i + 1]!; g++) f2(T_CTXGZ, cid, gazIds[g]!);
      }
      const q = cue[i]!;
      if (q > 0) f2(T_CUE, CUE_IDS[q]!, ss);
    }
  }
  offs[m] = k3 / 3;
  return { feats, offs, common, own, form, lower, shape, lexClass };
}

/** ctx= bits: a plain number right after / right before the capitalised run; a table line; a sports document. */
const NUM_AFTER = 1;
const NUM_BEFORE = 2;
const TABLE_LINE = 4;
const SPORTS_DOC = 8;
function ctxName(c: number): string {
  return (c & NUM_AFTER ? 'a' : '-') + (c & NUM_BEFORE ? 'b' : '-') + (c & TABLE_LINE ? 't' : '-') + (c & SPORTS_DOC ? 's' : '-');
}
/**
 * Every piece of every feature of the tagger, interned (see pieces.ts). The template names and a
 * few constant pieces come first and survive resets. The neighbours' lower case, by slot -1, +1,
 * -2, +2.
 *
 * f3 dropped three templates of f2: the word pairs l-1l= and ll+1= and the pair l-2s= (the word
 * two before, with this word's shape). Retrained without them, the dev micro-F1 of training was
 * 67.1 against 67.0, and `npm run eval` gave uner-en-pud 74.6 (73.0 with them), EWT dev 76.2
 * (75.7), wikigold 78.5 (78.3), gum-nonnews dev 67.0 (67.6), wnut17 dev 56.3 (57.4), btc dev 24.5
 * (24.6), annotations/ 87.1 (87.9): 3 of 20 lookups fewer per token, and a 37% smaller model.
 */
const NEIGHBOUR_TEMPLATES = ['l-1=', 'l+1=', 'l-2=', 'l+2='];
const TEMPLATES = ['b', 'dss=', 'ss=', 's-1=', 's+1=', 's-1s=', 'ss+1=', 'l-1s=', 'sl+1=',
  'lx-1=', 'lx+1=', 'mw=', 'gz=', 'gzc=', 'gz-1=', 'gz+1=', 'doc=', 'kind=', 'run=', 'rl=', 'rc=', 'acr=', 'par=',
  ...NEIGHBOUR_TEMPLATES, 'ctx=', 'ctxgz=', 'cue=', '', '<s>', '</s>', '#', 'L', 'N', 'g', '-'];
/** Sentence position codes 0-3 (start, middle, CAPS line, Title line) and dictionary flags. */
const SS = ['S', 'M', 'C', 'T'];
const DICT_CODES = ['D', 'N', 'x', '?'];
const COMBOS = {
  ss: SS,
  dict: DICT_CODES,
  ssCap: SS.flatMap((s) => [s + 'l', s + 'C']),
  capSs: SS.flatMap((s) => ['l' + s, 'C' + s]),
  doc: SS.flatMap((s) => [s, s + 'L', s + 'C', s + 'CL']),
  ctx: Array.from({ length: 16 }, (_, c) => ctxName(c)),
  cue: ['', 'O', 'P', 'OP'],
};
export const PIECES = new PieceTable([...TEMPLATES, ...Object.values(COMBOS).flat()]);
const NO_IDS = new Int32Array(0);

/**
 * Per-document facts about words, indexed by the piece id of their lower case. An entry counts
 * only when its `seen` stamp is the current document's, so nothing is cleared between documents
 * (stamps from before a piece-table reset, which reuses ids, are older than any current one).
 * Nine bytes per piece id, grown in steps of 64K ids with the piece table (at most MAX_PIECES
 * and a document's worth).
 */
class DocMarks {
  private stamp = 0;
  private seen: Int32Array = new Int32Array(0);
  private flags: Uint8Array = new Uint8Array(0);
  /** The first running-text, non-sentence-initial token of the word, with HAS_FORM. */
  private formToken: Int32Array = new Int32Array(0);

  /** The current document's stamp (DocumentFacts.stamp). */
  get current(): number {
    return this.stamp;
  }

  /** Starts a document whose piece ids are below `size` (ids made during it are not marked). */
  next(size: number): this {
    if (this.seen.length < size) {
      const length = Math.ceil(size / 65536) * 65536;
      const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => { const b = make(length); b.set(a); return b; };
      this.seen = grow(this.seen, (n) => new Int32Array(n));
      this.flags = grow(this.flags, (n) => new Uint8Array(n));
      this.formToken = grow(this.formToken, (n) => new Int32Array(n));
    }
    this.stamp++;
    return this;
  }

  private touch(id: number): void {
    if (this.seen[id] !== this.stamp) {
      this.seen[id] = this.stamp;
      this.flags[id] = 0;
    }
  }

  mark(id: number, flag: number): void {
    this.touch(id);
    this.flags[id]! |= flag;
  }

  /** Records the word's first running-text form (the first call per document wins). */
  markForm(id: number, token: number): void {
    this.touch(id);
    if ((this.flags[id]! & HAS_FORM) !== 0) return;
    this.flags[id]! |= HAS_FORM;
    this.formToken[id] = token;
  }

  has(id: number, flag: number): boolean {
    return this.seen[id] === this.stamp && (this.flags[id]! & flag) !== 0;
  }

  /** The token of markForm, or -1. */
  form(id: number): number {
    return this.has(id, HAS_FORM) ? this.formToken[id]! : -1;
  }
}
const HAS_FORM = 1;
/** Capitalised mid-sentence somewhere in the document; in lower case somewhere. */
const CAP_MID = 2;
const LOW = 4;
/** Somewhere in the document right before an organisation word or after "shares of"; right after a title or a given name. */
const CUE_ORG = 8;
const CUE_PER = 16;
const docMarks = new DocMarks();
const MAX_SCRATCH = 3 * 1024 * 1024;
let scratch = new Int32Array(3 * 64 * 1024);
const SS_IDS = COMBOS.ss.map((x) => PIECES.id(x));
const DICT_IDS = COMBOS.dict.map((x) => PIECES.id(x));
const SS_CAP_IDS = COMBOS.ssCap.map((x) => PIECES.id(x));
const CAP_SS_IDS = COMBOS.capSs.map((x) => PIECES.id(x));
const DOC_IDS = COMBOS.doc.map((x) => PIECES.id(x));
const MAX_PIECES = 200_000;
const [T_B, T_DSS, T_SS, T_SP1, T_SN1, T_SP1S, T_SSN1, T_LP1S, T_SLN1, T_LXP1, T_LXN1, T_MW,
  T_GZ, T_GZC, T_GZP1, T_GZN1, T_DOC, T_KIND, T_RUN, T_RL, T_RC, T_ACR, T_PAR, T_LP1, T_LN1, T_LP2, T_LN2,
  T_CTX, T_CTXGZ, T_CUE] = TEMPLATES.slice(0, 30).map((t) => PIECES.id(t)) as number[];
const CTX_IDS = COMBOS.ctx.map((x) => PIECES.id(x));
const CUE_IDS = COMBOS.cue.map((x) => PIECES.id(x));
const EMPTY = PIECES.id('');
const BOS = PIECES.id('<s>');
const EOS = PIECES.id('</s>');
const HASH = PIECES.id('#');
const LAST = PIECES.id('L');
const NOT_LAST = PIECES.id('N');
const IN_GAZ = PIECES.id('g');
const NOT_IN_GAZ = PIECES.id('-');

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

/**
 * The lower-case half of a hyphenated name ("ming" of "Ka-ming"): a token glued by a hyphen to
 * a capitalised one before it.
 */
export function hyphenHalf(tokens: readonly Token[], i: number): boolean {
  if (i < 2) return false;
  const h = tokens[i - 1]!;
  const w = tokens[i - 2]!;
  return h.text === '-' && h.start === w.end && tokens[i]!.start === h.end && startsUpper(w.text);
}

const PLAIN_NUMBER = /^\d{1,3}$/;
/** Words that make a document a sports report when three of them occur. */
const SPORT_CUES = new Set(['soccer', 'football', 'hockey', 'basketball', 'baseball', 'cricket', 'rugby', 'tennis', 'golf',
  'league', 'cup', 'goal', 'goals', 'striker', 'midfielder', 'goalkeeper', 'defender', 'coach', 'halftime', 'half-time',
  'innings', 'wicket', 'wickets', 'pitcher', 'inning', 'standings', 'scorers', 'referee', 'stadium', 'match', 'matches',
  'playoff', 'playoffs', 'penalty', 'seeded', 'semifinal', 'semifinals', 'quarterfinal', 'quarterfinals', 'tournament',
  'championship', 'division', 'olympic', 'medal', 'marathon', 'athletics', 'nba', 'nhl', 'nfl']);

/**
 * Where a capitalised word stands in a results page: the first cell of a results row
 * ("Rivertown 2 Lakeside 1"), a standings row ("Northfield 12 8 2 2"), a sports report. In
 * such places a city's name is most often a club's. Per token that starts with a capital as
 * written, in any kind of line (0 for the others).
 */
function resultsContext(tokens: readonly Token[], infos: TokenWords): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  let cues = 0;
  for (let i = 0; i < n && cues < 3; i++) if (SPORT_CUES.has(infos.lower(i))) cues++;
  const sports = cues >= 3 ? SPORTS_DOC : 0;
  const numbersOnLine = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (PLAIN_NUMBER.test(tokens[i]!.text)) numbersOnLine.set(tokens[i]!.line, (numbersOnLine.get(tokens[i]!.line) ?? 0) + 1);
  }
  // Runs of words that start with a capital as written (a CAPS results line too), connectors inside.
  for (let i = 0; i < n; ) {
    if (!infos.up(i)) { i++; continue; }
    const line = tokens[i]!.line;
    let j = i + 1;
    for (;;) {
      if (j < n && tokens[j]!.line === line && infos.up(j)) { j++; continue; }
      if (j + 1 < n && RUN_JOIN.has(infos.lower(j)) && tokens[j + 1]!.line === line && infos.up(j + 1)) { j += 2; continue; }
      break;
    }
    let c = sports;
    if ((numbersOnLine.get(line) ?? 0) >= 2) c |= TABLE_LINE;
    if (j < n && tokens[j]!.line === line && PLAIN_NUMBER.test(tokens[j]!.text)) c |= NUM_AFTER;
    if (i > 0 && tokens[i - 1]!.line === line && PLAIN_NUMBER.test(tokens[i - 1]!.text)) c |= NUM_BEFORE;
    for (let x = i; x < j; x++) if (infos.up(x)) out[x] = c;
    i = j;
  }
  return out;
}

/** Words that follow an organisation's name ("Chrysler Corp", "Volvo shares", "Westbury Rovers"). */
const ORG_NEXT = new Set(['corp', 'corp.', 'corporation', 'inc', 'inc.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'ag', 'sa', 'nv',
  'gmbh', 'spa', 'bv', 'ab', 'asa', 'group', 'holdings', 'industries', 'motors', 'airlines', 'shares', 'united', 'city',
  'rovers', 'wanderers', 'athletic', 'fc']);
/** Words that come before a person's name ("Mr Kovac", "coach Petrescu"). */
const PERSON_BEFORE = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'coach', 'striker', 'midfielder',
  'goalkeeper', 'defender', 'winger', 'forward', 'captain', 'manager', 'pitcher', 'batsman', 'bowler', 'champion', 'president',
  'senator', 'minister', 'premier', 'chancellor', 'chairman', 'spokesman', 'spokeswoman', 'judge', 'general', 'gen.']);

function placeTags(tags: readonly string[] | undefined): boolean {
  if (tags === undefined) return false;
  for (const t of tags) if (t.endsWith('country') || t.endsWith('city') || t.endsWith('region')) return true;
  return false;
}

/**
 * Document-level clues that a capitalised word names an organisation or a person: somewhere in
 * running text it is followed by an organisation word or comes after "shares of"; it comes after
 * a title or a given name. Every occurrence of the word gets them ("Chrysler Corp ... Chrysler
 * said", "Ana Petrescu ... Petrescu won"). A place of the gazetteer is not linked to a person
 * that way: "Michael Jordan ... the capital of Jordan". Per token: 1 organisation, 2 person.
 */
function nameCues(
  tokens: readonly Token[], capital: Uint8Array, lineKind: readonly string[],
  infos: TokenWords, doc: DocMarks, gaz: readonly string[][] | null,
): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  const lower = (i: number): string => infos.lower(i);
  let any = false;
  for (let i = 0; i < n; i++) {
    const line = tokens[i]!.line;
    if (!capital[i] || (lineKind[line] ?? '') !== '') continue;
    const next = i + 1 < n && tokens[i + 1]!.line === line ? lower(i + 1) : '';
    const prevSame = i >= 1 && tokens[i - 1]!.line === line;
    if (ORG_NEXT.has(next) || (i >= 2 && prevSame && (lower(i - 1) === 'of' || lower(i - 1) === 'in') && lower(i - 2) === 'shares')) {
      doc.mark(infos.lowerId(i), CUE_ORG);
      any = true;
    }
    if (!prevSame || ORG_NEXT.has(lower(i)) || placeTags(gaz?.[i])) continue;
    if (PERSON_BEFORE.has(lower(i - 1)) || (capital[i - 1] && gaz !== null && gaz[i - 1]!.includes('given') && !tokens[i]!.sentStart)) {
      doc.mark(infos.lowerId(i), CUE_PER);
      any = true;
    }
  }
  if (!any) return out;
  for (let i = 0; i < n; i++) {
    if (!capital[i]) continue;
    const id = infos.lowerId(i);
    out[i] = (doc.has(id, CUE_ORG) ? 1 : 0) | (doc.has(id, CUE_PER) && !placeTags(gaz?.[i]) ? 2 : 0);
  }
  return out;
}

const LOWER_WORD = /^[\p{Ll}]{3,}$/u;
/** Lower-case words that do occur inside names. */
const CONNECTORS = new Set([
  'of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'les', 'von', 'van', 'der', 'den', 'del', 'della',
  'di', 'da', 'dos', 'das', 'do', 'bin', 'ibn', 'al', 'el', 'y', 'on', 'upon', 'in', 'at', 'an', 'on', 'ter', 'ten', 'zu',
]);
/** A lower-case word of three letters or more that is not a connector: never inside a name's span (tagger.ts emit). */
export function isCommonLower(w: string): boolean {
  return LOWER_WORD.test(w) && !CONNECTORS.has(w);
}

const RUN_JOIN = new Set(['of', 'the', 'and', '&', 'for', 'de', 'la', 'du', 'des', 'von', 'van', 'der', 'bin', 'al', '-', '.']);

/**
 * Features of the word itself (its form, lower case, shape, affixes, word class): they depend on
 * nothing else, so the runtime caches their summed weights per word.
 */
export function wordFeatures(sink: WordSink, form: string, lower: string, shape: string, lexClass: string, lex: Lexicon): void {
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
/**
 * 'D' in the English word list, 'N' not, 'x' not a plain word, '?' no list loaded. Asked once
 * per new word form (WordInfo, the model's word vector); the list's hash index answers in a
 * probe or two, so no memo of its own.
 */
export function dictFlag(lex: Lexicon, lower: string): string {
  if (!lex.isWord) return '?';
  return !ALPHA.test(lower) ? 'x' : lex.isWord(lower) ? 'D' : 'N';
}


const PREFIX = ['', 'p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX = ['', 'x1=', 'x2=', 'x3=', 'x4='];

/** Receives the word-only features: (name, a), or (name, s[from, to)) for affixes. */
export interface WordSink {
  f(name: string, a: string): void;
  sub(name: string, s: string, from: number, to: number): void;
}

/**
 * Feature strings for every token of one document. Encoded (training: the model file stores
 * pieces.ts featureKey of each) they are `name \0 a` or `name \0 a \1 b`; readable (tests,
 * debugging) they are `name + a` or `name + a + '|' + b`. No token is skipped (skipCommon is
 * for tagging only).
 */
export function featureStrings(
  tokens: Token[], lex: Lexicon, gazetteer?: GazetteerFn, encoded = false,
  options: Pick<FeatureOptions, 'orgFeatures' | 'newsContext'> = DEFAULT_TAGGER_OPTIONS,
): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  const str = PIECES.strings;
  const ns = encoded ? NAME_SEP : '';
  const ps = encoded ? PAIR_SEP : '|';
  const words: WordSink = {
    f(name, a) { cur.push(name + ns + a); },
    sub(name, s, from, to) { cur.push(name + ns + s.slice(from, to)); },
  };
  const buf = extractFeatures(tokens, lex, gazetteer, { orgFeatures: options.orgFeatures, newsContext: options.newsContext, skipCommon: false });
  const { feats, offs } = buf;
  for (let i = 0; i < tokens.length; i++) {
    cur = [];
    out[i] = cur;
    // The bias feature first, then the word's own, then the rest (the trainer sums in this order).
    for (let k = offs[i]!; k < offs[i + 1]!; k++) {
      const name = feats[3 * k]!;
      const a = feats[3 * k + 1]!;
      const b = feats[3 * k + 2]!;
      cur.push(b < 0 ? str[name]! + ns + str[a]! : str[name]! + ns + str[a]! + ps + str[b]!);
      if (k === offs[i]) wordFeatures(words, buf.form[i]!, buf.lower[i]!, buf.shape[i]!, buf.lexClass[i]!, lex);
    }
  }
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
