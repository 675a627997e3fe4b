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
 *
 * E-mail addresses, which come second (after URLs), are found by EmailFinder instead of an
 * alternative here: as an alternative, `local-part@` was tried at every token start of a run
 * such as `a-b-c-...` and scanned to the end of the run each time, quadratic in its length.
 */
const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]}'’]`;
const TOKEN_AT = new RegExp(
  [
    // URLs stay whole.
    URL,
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
const URL_AT = new RegExp(URL, 'uy');

/** An e-mail address is `local@domain`: local-part characters, then the domain after the @. */
const LOCAL_CHAR = /^[\p{L}\p{N}._%+-]$/u;
const DOMAIN_AT = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;

/**
 * Where an e-mail address starting at a given position ends: the regular expression
 * `[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+` at that position, in linear time
 * over a whole text asked at increasing positions. The local part cannot hold an @, so an address
 * starting at p exists only when the @ is the next one after p and every character between is a
 * local-part character; its end is then the end of the domain after that @, the same for every
 * such p. Each @ is looked at once: the run of local-part characters before it (scanned back from
 * it) and the domain after it.
 */
class EmailFinder {
  /** The next @ at or after the positions asked so far (-1: none left), or -2 before the first ask. */
  private at = -2;
  /** The run of local-part characters just before `at` starts here. */
  private runStart = 0;
  /** Where an address ending at `at`'s domain ends, or -1 when the domain does not match. */
  private end = -1;

  constructor(private readonly text: string) {}

  endAt(p: number): number {
    if (this.at === -2 || (this.at >= 0 && this.at < p)) this.advance(p);
    if (this.at < 0 || p < this.runStart || p >= this.at) return -1;
    return this.end;
  }

  private advance(p: number): void {
    const text = this.text;
    this.at = text.indexOf('@', p);
    if (this.at < 0) return;
    let s = this.at;
    while (s > 0) {
      // One code point back (an astral letter is two code units).
      const low = text.charCodeAt(s - 1);
      const width = low >= 0xdc00 && low <= 0xdfff && s >= 2 && isHighSurrogate(text.charCodeAt(s - 2)) ? 2 : 1;
      if (!isLocalChar(text, s - width, width)) break;
      s -= width;
    }
    this.runStart = s;
    DOMAIN_AT.lastIndex = this.at + 1;
    this.end = s < this.at && DOMAIN_AT.test(text) ? DOMAIN_AT.lastIndex : -1;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLocalChar(text: string, i: number, width: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
  }
  return LOCAL_CHAR.test(text.slice(i, i + width));
}

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
  const emails = new EmailFinder(text);
  for (;;) {
    // Blanks up to the next token, counting line breaks.
    let c = 0;
    while (start < length && isBlank((c = text.charCodeAt(start)))) {
      if (c === 10) { line++; sentStart = true; }
      start++;
    }
    if (start >= length) break;
    let end: number;
    const email = emails.endAt(start);
    URL_AT.lastIndex = start;
    if (email >= 0 && !URL_AT.test(text)) end = email;
    else {
      TOKEN_AT.lastIndex = start;
      // (test() always matches: the last alternative takes any non-blank.)
      end = TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : start + 1;
    }
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
