/**
 * A fast tokenizer for the entity tagger: one regular expression over the text, offsets in JS
 * string indices. compromise's tokenizer is ~1 MB/s and its tagging ~0.1 MB/s; this runs at
 * tens of MB/s and its tokens line up with the UD-style tokens the training sets were labelled on
 * (hyphens and possessive 's are their own tokens, "U.S." and "O'Brien" are one).
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** 0-based line (split on \n; a \r before it is whitespace). */
  line: number;
  /** First token of a sentence (line start, or after . ! ? and optional closing quotes). */
  sentStart: boolean;
}

/**
 * One token at one position (sticky): the first alternative that matches there wins. Every
 * alternative starts with a non-blank and the last matches any, so the next token starts at the
 * next non-blank: tokenize skips blanks itself and asks the pattern only where the token ends
 * (test(), unlike exec(), builds no match array: 720,826 of them over the shared texts).
 */
const TOKEN_AT = new RegExp(
  [
    // URLs and e-mail addresses stay whole.
    String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]}'’]`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    // Handles and hashtags.
    String.raw`[@#][\p{L}\p{N}_]+`,
    // Dotted abbreviations: U.S., x.x., U.K.
    String.raw`(?:\p{L}\.){2,}`,
    // Numbers with separators: 5,000  12:37  3.5  2016/09/13
    String.raw`\p{N}+(?:[.,:/]\p{N}+)+`,
    // Words: letters, marks, digits, underscore; inner apostrophes (O'Brien, don't) and
    // inner dots between letters are not allowed (sentence ends), & between capitals (AT&T).
    String.raw`[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*(?:&[\p{Lu}]+)?`,
    // Runs of the same punctuation (--, ..., !!).
    String.raw`([.\-!?*=_~])\1+`,
    // Anything else: one code point (emoji and other astral characters stay whole).
    String.raw`\S`,
  ].join('|'),
  'uy',
);

/** Ends in 's or ’s (tested by char codes: no regular expression per token). */
function isPossessive(t: string): boolean {
  const s = t.charCodeAt(t.length - 1);
  if (s !== 115 /* s */ && s !== 83 /* S */) return false;
  const q = t.charCodeAt(t.length - 2);
  return q === 39 /* ' */ || q === 0x2019 /* ’ */;
}

/** Whether code unit c is one that \s matches (a blank, a line break). */
export function isBlank(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Tokens of `text`, in order, with line numbers and sentence starts. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 0;
  let sentStart = true;
  const length = text.length;
  let start = 0;
  for (;;) {
    // Blanks up to the next token, counting line breaks.
    let c = 0;
    while (start < length && isBlank((c = text.charCodeAt(start)))) {
      if (c === 10) { line++; sentStart = true; }
      start++;
    }
    if (start >= length) break;
    TOKEN_AT.lastIndex = start;
    // (test() always matches: the last alternative takes any non-blank.)
    const end = TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : start + 1;
    let t = text.slice(start, end);
    // Possessive / clitic 's is its own token ("Telegram's" -> Telegram + 's), except in
    // one-letter words ("O's") where it is more likely part of the word.
    if (t.length > 3 && isPossessive(t)) {
      const head = t.slice(0, -2);
      out.push({ text: head, start, end: end - 2, line, sentStart });
      sentStart = false;
      t = t.slice(-2);
      out.push({ text: t, start: end - 2, end, line, sentStart });
    } else {
      out.push({ text: t, start, end, line, sentStart });
    }
    sentStart = isSentenceEnd(t, sentStart, out);
    start = end;
  }
  return out;
}

/** Whether the token after `t` (just pushed) starts a sentence. */
function isSentenceEnd(t: string, wasStart: boolean, out: Token[]): boolean {
  if (t === '.' || t === '!' || t === '?' || t === '...' || t === '…' || t === ':') {
    if (t !== '.') return true;
    // "Mr." / "Dr." / "St." / a single initial "J." do not end a sentence.
    const prev = out[out.length - 2];
    if (prev && prev.end === out[out.length - 1]!.start && isAbbrev(prev.text)) return false;
    return true;
  }
  // Closing quotes and brackets keep the pending sentence start.
  if (wasStart && (t === '"' || t === '”' || t === '’' || t === "'" || t === ')' || t === '»')) return true;
  // Anything else, dotted abbreviations ("U.S.") included, ends no sentence.
  return false;
}

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'gov', 'sen', 'rep', 'col', 'lt',
  'capt', 'sgt', 'rev', 'mt', 'ft', 'no', 'vs', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'messrs', 'hon', 'pres',
]);

function isAbbrev(w: string): boolean {
  if (w.length === 1 && /\p{Lu}/u.test(w)) return true;
  return ABBREV.has(w.toLowerCase());
}
