/**
 * Token patterns of a project's config, e.g. `[Cap]+ Newsroom` or `[Cap] Inc|Corp`:
 *
 * - elements are separated by blanks; each matches one token, or a run of them;
 * - `[Cap]` a word that starts with a capital, `[Upper]` a word in capitals, `[Lower]` one that
 *   starts in lower case, `[Num]` digits, `[Word]` any word, `[Punct]` one sign;
 * - a class takes `?` (optional), `+` (one or more) or `*` (any number), at most MAX_REPEAT times;
 * - anything else is literal text, case and all, with `|` between alternatives (`Inc|Corp`);
 *   `Co.` is the word `Co` then the sign `.`.
 *
 * A text's tokens are words (letters, marks and digits) and single signs; blanks between them
 * do not matter, but a match never crosses a line break.
 */
import type { PatternElement, TokenClass } from './types.js';

export const MAX_ELEMENTS = 16;
export const MAX_REPEAT = 8;
const CLASSES: readonly TokenClass[] = ['Cap', 'Upper', 'Lower', 'Num', 'Word', 'Punct'];

/** What a pattern parses to, or why it does not (`column` 1-based in the pattern). */
export type ParsedPattern = { ok: true; elements: PatternElement[] } | { ok: false; column: number; why: string };

export function parsePattern(source: string): ParsedPattern {
  const elements: PatternElement[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const word = m[0];
    const column = m.index + 1;
    const cls = /^\[([^\]]*)\]([?+*]?)$/.exec(word);
    if (cls) {
      const name = cls[1] as TokenClass;
      if (!CLASSES.includes(name)) {
        return { ok: false, column, why: `unknown token class [${cls[1]}]; use one of ${CLASSES.map((c) => `[${c}]`).join(' ')}` };
      }
      const q = cls[2];
      elements.push({ literals: null, cls: name, min: q === '?' || q === '*' ? 0 : 1, max: q === '+' || q === '*' ? MAX_REPEAT : 1 });
    } else if (word.startsWith('[')) {
      return { ok: false, column, why: `"${word}" opens a token class but does not close it; write e.g. [Cap] or [Cap]+` };
    } else {
      const alternatives = word.split('|');
      if (alternatives.some((a) => a === '')) return { ok: false, column, why: `"${word}" has an empty alternative; write e.g. Inc|Corp` };
      elements.push({ literals: alternatives.map((a) => tokenTexts(a)), cls: null, min: 1, max: 1 });
    }
    if (elements.length > MAX_ELEMENTS) return { ok: false, column, why: `a pattern has at most ${MAX_ELEMENTS} elements` };
  }
  if (elements.length === 0) return { ok: false, column: 1, why: 'the pattern is empty; write e.g. "[Cap] Newsroom"' };
  if (elements.every((e) => e.min === 0)) return { ok: false, column: 1, why: 'every element is optional, so it could match nothing; make one required' };
  return { ok: true, elements };
}

/** A word or a single sign, with whether a line break comes before it. */
export interface Token {
  start: number;
  end: number;
  text: string;
  word: boolean;
  /** A line break lies between this token and the one before it. */
  newLine: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const WORD_RUN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Whether the code point at `i` is part of a word (letters, marks, digits). */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  WORD_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RUN.exec(text)) !== null) {
    const between = text.slice(last, m.index);
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], word: isWordAt(text, m.index), newLine: tokens.length > 0 && /[\n\r]/.test(between) });
    last = m.index + m[0].length;
  }
  return tokens;
}

function tokenTexts(literal: string): string[] {
  return tokenize(literal).map((t) => t.text);
}

function inClass(t: Token, cls: TokenClass): boolean {
  if (cls === 'Punct') return !t.word;
  if (!t.word) return false;
  const first = t.text.codePointAt(0)!;
  const ch = String.fromCodePoint(first);
  switch (cls) {
    case 'Word':
      return true;
    case 'Num':
      return /^\p{Nd}+$/u.test(t.text);
    case 'Cap':
      return /\p{Lu}|\p{Lt}/u.test(ch);
    case 'Lower':
      return /\p{Ll}/u.test(ch);
    case 'Upper':
      return /\p{L}/u.test(t.text) && !/\p{Ll}/u.test(t.text);
  }
}

/**
 * The token index just past the longest match of `elements` starting at token `i`, or -1. The
 * match runs as a set of positions reached element by element, so its cost is bounded by the
 * pattern's size, whatever its quantifiers.
 */
export function matchAt(tokens: Token[], i: number, elements: PatternElement[]): number {
  let positions = [i];
  for (const el of elements) {
    const next = new Set<number>();
    for (const p of positions) {
      if (el.literals) {
        for (const seq of el.literals) if (literalAt(tokens, p, seq, p === i)) next.add(p + seq.length);
        continue;
      }
      if (el.min === 0) next.add(p);
      for (let k = 0; k < el.max; k++) {
        const t = tokens[p + k];
        if (!t || (t.newLine && p + k !== i) || !inClass(t, el.cls!)) break;
        if (k + 1 >= el.min) next.add(p + k + 1);
      }
    }
    if (next.size === 0) return -1;
    positions = [...next];
  }
  const end = Math.max(...positions);
  return end > i ? end : -1;
}

function literalAt(tokens: Token[], p: number, seq: string[], first: boolean): boolean {
  for (let k = 0; k < seq.length; k++) {
    const t = tokens[p + k];
    if (!t || t.text !== seq[k] || (t.newLine && !(first && k === 0))) return false;
  }
  return true;
}
