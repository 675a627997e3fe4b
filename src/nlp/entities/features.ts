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
}

/** Optional per-token gazetteer tags (e.g. ["B-city", "U-given"]), aligned with tokens. */
export type GazetteerFn = (lower: string[]) => string[][];

export const FEATURE_VERSION = 'f1';

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

const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const FIRST_UPPER = /^[\p{Lu}\p{Lt}]/u;

/** Per line: 'C' all caps, 'T' title case (headline), '' normal. */
function lineCaseKinds(tokens: Token[]): Map<number, string> {
  const stats = new Map<number, { up: number; low: number; cap: number; words: number }>();
  for (const t of tokens) {
    let s = stats.get(t.line);
    if (!s) { s = { up: 0, low: 0, cap: 0, words: 0 }; stats.set(t.line, s); }
    if (t.text.length < 2 || !/\p{L}/u.test(t.text)) continue;
    s.words++;
    const hasLow = HAS_LOWER.test(t.text);
    const hasUp = HAS_UPPER.test(t.text);
    if (hasUp && !hasLow) s.up++;
    else if (FIRST_UPPER.test(t.text)) s.cap++;
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

/** Feature strings for every token of one document. */
export function extractFeatures(tokens: Token[], lex: Lexicon, gazetteer?: GazetteerFn): string[][] {
  const n = tokens.length;
  const lineKind = lineCaseKinds(tokens);
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
    const lw = t.text.toLowerCase();
    lower[i] = lw;
    const k = lineKind.get(t.line) ?? '';
    kind[i] = k;
    if (k === '') {
      if (!docForm.has(lw) && !t.sentStart) docForm.set(lw, t.text);
      if (!t.sentStart && FIRST_UPPER.test(t.text)) docCapMid.add(lw);
      if (lw === t.text && HAS_LOWER.test(lw)) docLow.add(lw);
    }
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (kind[i] !== '') {
      const f = docForm.get(lower[i]!);
      form[i] = f ?? lower[i]!;
      shape[i] = f ? shapeOf(f) : '?' + kind[i];
    } else {
      form[i] = t.text;
      shape[i] = shapeOf(t.text);
    }
  }
  const lexClass = (i: number): string => (i < 0 || i >= n ? '#' : (lex.words.get(lower[i]!) ?? '-'));
  const phraseTag: string[] = new Array(n).fill('');
  if (lex.maxPhrase > 1) {
    for (let i = 0; i < n; i++) {
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
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const lw = lower[i]!;
    const sh = shape[i]!;
    const k = kind[i]!;
    const ss = t.sentStart ? 'S' : k !== '' ? k : 'M';
    // Neighbours across a line break are not neighbours.
    const sameLine = (j: number): boolean => j >= 0 && j < n && tokens[j]!.line === t.line;
    const lp1 = sameLine(i - 1) ? L(i - 1) : '<s>';
    const lp2 = sameLine(i - 2) ? L(i - 2) : '<s>';
    const ln1 = sameLine(i + 1) ? L(i + 1) : '</s>';
    const ln2 = sameLine(i + 2) ? L(i + 2) : '</s>';
    const sp1 = sameLine(i - 1) ? S(i - 1) : '<s>';
    const sn1 = sameLine(i + 1) ? S(i + 1) : '</s>';
    const f: string[] = [
      'b',
      'w=' + form[i],
      'l=' + lw,
      's=' + sh,
      'ss=' + ss + sh,
      'l-1=' + lp1,
      'l+1=' + ln1,
      'l-2=' + lp2,
      'l+2=' + ln2,
      's-1=' + sp1,
      's+1=' + sn1,
      's-1s=' + sp1 + '|' + sh,
      'ss+1=' + sh + '|' + sn1,
      'l-1l=' + lp1 + '|' + lw,
      'l-1s=' + lp1 + '|' + sh,
      'sl+1=' + sh + '|' + ln1,
      'l-2s=' + lp2 + '|' + sh,
      'll+1=' + lw + '|' + ln1,
      'lx=' + lexClass(i),
      'lx-1=' + (sameLine(i - 1) ? lexClass(i - 1) : '#'),
      'lx+1=' + (sameLine(i + 1) ? lexClass(i + 1) : '#'),
    ];
    const len = lw.length;
    for (let a = 1; a <= 4 && a < len; a++) {
      f.push('p' + a + '=' + lw.slice(0, a));
      f.push('x' + a + '=' + lw.slice(len - a));
    }
    if (len > 14) f.push('len>14');
    if (phraseTag[i]) f.push('mw=' + phraseTag[i]);
    if (gaz) {
      const cap = FIRST_UPPER.test(form[i]!) ? 'C' : 'l';
      for (const g of gaz[i]!) { f.push('gz=' + g); f.push('gzc=' + cap + ss + g); }
      if (sameLine(i - 1)) for (const g of gaz[i - 1]!) f.push('gz-1=' + g);
      if (sameLine(i + 1)) for (const g of gaz[i + 1]!) f.push('gz+1=' + g);
    }
    // Document-level: is this word capitalised mid-sentence elsewhere, or lower case elsewhere?
    const dc = docCapMid.has(lw) ? 'C' : '';
    const dl = docLow.has(lw) ? 'L' : '';
    f.push('doc=' + ss + dc + dl);
    if (k !== '') f.push('kind=' + k);
    out[i] = f;
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
