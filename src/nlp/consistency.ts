/**
 * Document-level consistency: a name tagged in one place is tagged alike elsewhere in the same
 * document, and titles (Mr, President) stay out of spans. Runs after the tagger, before aliases.
 *
 * Like GATE's orthographic matcher, the tagger's decisions are taken as evidence about the whole
 * document:
 * 1. every span is cleaned (surrounding punctuation, quotes and possessive 's out; a person's
 *    titles out: "President Hollande" -> "Hollande");
 * 2. the same string (case and diacritics aside) tagged with different labels gets the majority
 *    label (ties: first mention);
 * 3. each tagged string, and the surname of each multi-token person name, is looked up at every
 *    other whole-word occurrence in one linear pass over the text (an index keyed by the first
 *    word), and the untagged occurrences are added, unless the occurrence is only capitalised
 *    because it opens a sentence, or it is part of a longer capitalised sequence that is some
 *    other name ("Paris" in "Paris Hilton").
 * The output is sorted and never has overlapping spans.
 */
import type { Label, Span } from '../core/types.js';
import {
  DOTTED_ABBREVIATIONS,
  FUNCTION_WORDS,
  NAME_SUFFIXES,
  PARTICLES,
  TITLE_MODIFIERS,
  TITLES,
  fold,
  isWordChar,
  startsLower,
  startsUpper,
  wordCharWidth,
} from './aliases/words.js';
import { gazetteerLookup } from './gazetteer/index.js';

/** Each step can be switched off, to measure what it brings (all on by default). */
export interface HarmonizeOptions {
  /** Punctuation, quotes, possessive 's and titles out of spans. */
  clean?: boolean;
  /** One label per string, by majority. */
  vote?: boolean;
  /** Tag the other occurrences of tagged strings and surnames. */
  propagate?: boolean;
  /** Also look for tagged names written in capitals ("TELEGRAM" after "Telegram"). */
  upperCase?: boolean;
  /**
   * Which untagged occurrences are added: 'majority' (the default) adds a tagged string's other
   * occurrences only while the tagger's own tags stay at least half of them, and surnames of
   * full names always; 'all' adds every acceptable occurrence; 'surnames' only surnames.
   * Measured: with a tagger that already uses document context, 'all' spreads its one-off
   * slips ("Firefox" as a person once, then six times more).
   */
  spread?: SpreadMode;
}

export function harmonizeEntities(text: string, spans: Span[], options: HarmonizeOptions = {}): Span[] {
  const { clean = true, vote = true, propagate: spread = true, upperCase = true, spread: mode = 'majority' } = options;
  const cleaned: Span[] = [];
  for (const s of spans) {
    const c = clean ? cleanSpan(text, s) : s;
    if (c) cleaned.push(c);
  }
  const kept = dropOverlaps(cleaned);
  if (kept.length === 0) return kept;
  const labels = voteLabels(kept);
  const voted = vote
    ? kept.map((s) => {
        const label = labels.get(fold(s.text)) ?? s.label;
        return label === s.label ? s : { ...s, label };
      })
    : kept;
  if (!spread) return voted;
  const defined = acronymsDefined(text, voted);
  const known = defined.length === 0 ? voted : [...voted, ...defined].sort(byPosition);
  for (const d of defined) labels.set(fold(d.text), labels.get(fold(d.text)) ?? d.label);
  const added = propagate(text, known, buildCandidates(known, labels, upperCase), mode);
  if (added.length === 0) return known;
  return [...known, ...added].sort(byPosition);
}

const DEFINED_ACRONYM_RE = /^[ \t]?\((\p{Lu}[\p{Lu}&]{1,7})\)/u;

/**
 * "the European Commission (EC)", "Bundesnachrichtendienst (BND)": capitals in brackets right
 * after an organisation or place define its short form, which is then tagged alike.
 */
function acronymsDefined(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.label === 'PER' || text.charCodeAt(s.end) > 41 /* ')' */) continue;
    const m = DEFINED_ACRONYM_RE.exec(text.slice(s.end, s.end + 14));
    if (!m) continue;
    const start = s.end + m[0].indexOf('(') + 1;
    const end = start + m[1]!.length;
    const next = spans[i + 1];
    if (next && next.start < end) continue;
    out.push({ start, end, label: s.label, text: m[1]! });
  }
  return out;
}

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Sorted by start; of overlapping spans the longer (then the earlier) stays. */
function dropOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end - s.start > prev.end - prev.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. Cleaning one span

const APOSTROPHES = "'’";
/** Organisation names that end in 's without being possessive. */
const POSSESSIVE_NAMES: ReadonlySet<string> = new Set(
  "McDonald Macy Sainsbury Denny Wendy Domino Kellogg Levi Lloyd Moody Sotheby Christie Dillard Applebee Hardee Friendly Chili Carl Nathan Ben Jerry Bloomingdale Kohl Lowe Walgreen".split(' '),
);

const HYPHEN_PREFIXES: ReadonlySet<string> = new Set(
  'anti pro non ex post pre neo pan trans inter intra counter mid semi multi sub super ultra co self'.split(' '),
);

/** The span without surrounding punctuation, quotes, possessive 's and (for people) titles. */
export function cleanSpan(text: string, span: Span): Span | null {
  let s = Math.max(0, span.start);
  let e = Math.min(text.length, span.end);
  for (let changed = true; changed && s < e; ) {
    changed = false;
    while (s < e && !isWordChar(codePointStringAt(text, s))) s += codePointStringAt(text, s).length;
    while (e > s && !isWordChar(codePointStringBefore(text, e)) && !(text[e - 1] === '.' && keepsPeriod(text, s, e))) {
      e -= codePointStringBefore(text, e).length;
      changed = true;
    }
    if (e - s > 2 && (text[e - 1] === 's' || text[e - 1] === 'S') && APOSTROPHES.includes(text[e - 2]!) && isWordChar(text[e - 3])) {
      const word = /[\p{L}\p{M}\p{N}]+$/u.exec(text.slice(s, e - 2))?.[0] ?? '';
      if (!(span.label === 'ORG' && POSSESSIVE_NAMES.has(word))) {
        e -= 2;
        changed = true;
      }
    }
  }
  // "EUROPE Anti" in "EUROPE Anti-Terrorism Group": a prefix cut off its word is not a name.
  if (text[e] === '-' && isWordChar(text[e + 1])) {
    const last = /(\s+)([\p{L}]+)$/u.exec(text.slice(s, e));
    if (last && HYPHEN_PREFIXES.has(last[2]!.toLowerCase())) e -= last[0].length;
  }
  if (span.label === 'PER') {
    if (onlyTitles(text.slice(s, e))) return null;
    s = skipTitles(text, s, e);
  }
  if (e <= s) return null;
  const slice = text.slice(s, e);
  if (!/\p{L}/u.test(slice)) return null;
  if (s === span.start && e === span.end && slice === span.text) return span;
  return { ...span, start: s, end: e, text: slice };
}

/** The code point at i, as a string ('' at the end). */
function codePointStringAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code point that ends at i, as a string ('' at the start). */
function codePointStringBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** "U.S.", "Mark H.", "Enron Corp.": the final period belongs to the name. */
function keepsPeriod(text: string, s: number, e: number): boolean {
  const word = /([\p{L}\p{M}]+)\.$/u.exec(text.slice(s, e))?.[1];
  if (!word) return false;
  return (word.length === 1 && startsUpper(word)) || DOTTED_ABBREVIATIONS.has(word);
}

const DEMONYM_RE = /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|i)$/u;
const SHORT_ABBREV_RE = /^(?:\p{Lu}\.){2,4}$|^\p{Lu}{2,4}$/u;

/**
 * Start of the name after any leading titles: "President Hollande" -> "Hollande", "French
 * President François Hollande" -> "François Hollande", "Secretary of State John Kerry" ->
 * "John Kerry". Words before a title count only if they can qualify one (Prime, Foreign, former,
 * a demonym, U.S.); at least one word of the name always stays.
 */
function skipTitles(text: string, s: number, e: number): number {
  const slice = text.slice(s, e);
  const toks = [...slice.matchAll(/\S+/g)];
  if (toks.length < 2) return s;
  let cut = -1;
  for (let i = 0; i < toks.length - 1; i++) {
    const w = toks[i]![0].replace(/[.,:]+$/, '');
    if (isTitle(w)) {
      cut = i;
      continue;
    }
    if (TITLE_MODIFIERS.has(w)) {
      // A modifier after a title belongs to it ("Secretary of State", "Attorney General").
      if (cut >= 0 && cut === i - 1 && !/^(?:of|the|for|and)$/.test(w)) cut = i;
      else if (cut >= 0 && /^(?:of|the|for|and)$/.test(w) && i + 1 < toks.length - 1) {
        const next = toks[i + 1]![0].replace(/[.,:]+$/, '');
        if (TITLE_MODIFIERS.has(next) || isTitle(next)) {
          cut = i + 1;
          i++;
        }
      }
      continue;
    }
    if (cut < 0 && (DEMONYM_RE.test(w) || SHORT_ABBREV_RE.test(w))) continue;
    break;
  }
  if (cut < 0) return s;
  const rest = toks[cut + 1]!;
  const first = rest[0];
  const bare = first.replace(/[.,]+$/, '');
  if (NAME_SUFFIXES.has(bare)) return s;
  if (!startsUpper(first) && !PARTICLES.has(bare.toLowerCase())) return s;
  let start = s + rest.index!;
  while (start < e && !isWordChar(text[start])) start++;
  return start < e ? start : s;
}

/** Words that never name a person on their own. */
const BARE_TITLES: ReadonlySet<string> = new Set(
  'Mr Mrs Ms Mx Mme Mlle Messrs Dr Prof Sen Gen Rep Gov Sir Madam President Senator Minister Chancellor Secretary Premier Congressman Congresswoman Ambassador Commissioner'.split(' '),
);

/** "Chief Justice", "Mr.", "Vice President": a title with no name ("Larry King" and "King" stay). */
function onlyTitles(slice: string): boolean {
  const toks = slice.split(/\s+/).map((w) => w.replace(/[.,:]+$/, '')).filter((w) => w.length > 0);
  if (toks.length === 0) return false;
  if (toks.length === 1) return BARE_TITLES.has(toks[0]!);
  return toks.every((w) => isTitle(w) || TITLE_MODIFIERS.has(w)) && toks.some((w) => isTitle(w));
}

function isTitle(w: string): boolean {
  if (TITLES.has(w)) return true;
  return startsLower(w) && w !== 'general' && TITLES.has(w[0]!.toUpperCase() + w.slice(1));
}

// ---------------------------------------------------------------------------------------------
// 2. Label voting

/**
 * Majority label per string, case and diacritics aside ("TELEGRAM" and "Telegram" are one
 * entity in one list, as groupEntities will merge them). A multi-token person name also votes PER for its surname
 * alone ("Rachid Kassim" makes a lone "Kassim" a person), at the full name's position.
 * Ties go to the label of the earliest vote.
 */
function voteLabels(spans: Span[]): Map<string, Label> {
  const tally = new Map<string, Map<Label, { n: number; first: number }>>();
  const vote = (key: string, label: Label, pos: number): void => {
    let t = tally.get(key);
    if (!t) tally.set(key, (t = new Map()));
    const v = t.get(label);
    if (v) v.n++;
    else t.set(label, { n: 1, first: pos });
  };
  for (const s of spans) vote(fold(s.text), s.label, s.start);
  for (const s of spans) {
    if (s.label === 'ORG') {
      // "Chrysler Corp" is a company, and so is "Chrysler" in the same article.
      const stem = companyStem(s.text);
      if (stem !== null && tally.has(fold(stem))) vote(fold(stem), 'ORG', s.start);
      continue;
    }
    if (s.label !== 'PER') continue;
    for (const short of surnameForms(s.text)) {
      const key = fold(short);
      if (tally.has(key)) vote(key, 'PER', s.start);
    }
  }
  const out = new Map<string, Label>();
  for (const [key, t] of tally) {
    let best: Label | null = null;
    let bestN = -1;
    let bestFirst = Infinity;
    for (const [label, v] of t) {
      if (v.n > bestN || (v.n === bestN && v.first < bestFirst)) {
        best = label;
        bestN = v.n;
        bestFirst = v.first;
      }
    }
    if (best) out.set(key, best);
  }
  return out;
}

const COMPANY_SUFFIXES = new Set(['corp', 'corporation', 'inc', 'co', 'ltd', 'plc', 'ag', 'sa', 'nv', 'gmbh', 'spa', 'llc']);

/** The name before a company's legal suffix ("Chrysler" of "Chrysler Corp."), or null. */
export function companyStem(name: string): string | null {
  const toks = name.split(/\s+/).filter((t) => t.length > 0);
  if (toks.length < 2 || !COMPANY_SUFFIXES.has(toks[toks.length - 1]!.replace(/[.,]+$/, '').toLowerCase())) return null;
  return toks.slice(0, -1).join(' ').replace(/,+$/, '');
}

/**
 * The shorter forms a person is referred to by: the surname ("Kassim" for "Rachid Kassim"),
 * with its particles ("Van Leeuw" and "Leeuw" for "Frédéric Van Leeuw"); "Jr." and the like are
 * skipped. Empty for single-token names.
 */
export function surnameForms(name: string): string[] {
  const toks = name.split(/\s+/).filter((t) => t.length > 0);
  while (toks.length > 1 && NAME_SUFFIXES.has(toks[toks.length - 1]!.replace(/[.,]+$/, ''))) toks.pop();
  if (toks.length < 2) return [];
  const last = toks[toks.length - 1]!.replace(/,+$/, '');
  if (!isNameWord(last)) return [];
  const out: string[] = [];
  let i = toks.length - 2;
  while (i >= 1 && PARTICLES.has(toks[i]!.toLowerCase())) i--;
  if (i < toks.length - 2) out.push(toks.slice(i + 1).join(' ').replace(/,+$/, ''));
  out.push(last);
  return out;
}

/** Capitalised, at least two letters, not a function word, title or initial. */
function isNameWord(w: string): boolean {
  if (!startsUpper(w)) return false;
  const letters = w.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (w.endsWith('.') && letters.length <= 2) return false;
  const bare = w.replace(/\.$/, '');
  return !FUNCTION_WORDS.has(bare.toLowerCase()) && !TITLES.has(bare) && !NAME_SUFFIXES.has(bare);
}

// ---------------------------------------------------------------------------------------------
// 3. Propagation

interface Candidate {
  text: string;
  label: Label;
  /** One word: such a match needs more care (sentence-initial "May", "Will"). */
  single: boolean;
  person: boolean;
  /** Looks like an adjective of origin ("Mycenaean"): not taken right before a noun. */
  adjectival: boolean;
  /** A surname form of a tagged full name, rather than a tagged string itself. */
  surname: boolean;
  /** How many times the tagger tagged this very string. */
  tagged: number;
}

/** Capitalised words that are rarely names on their own, whatever the tagger said once. */
const NEVER_SPREAD: ReadonlySet<string> = new Set(['BC', 'AD', 'BCE', 'CE', 'AM', 'PM', 'GMT', 'UTC', 'TV', 'OK', 'CEO', 'PhD', 'FAQ', 'PS', 'RE', 'FW', 'FYI']);
const LIKE_SUFFIXES: ReadonlySet<string> = new Set(['like', 'style', 'esque', 'type', 'ish', 'lookalike', 'inspired']);
const ADJECTIVAL_RE = /\p{Ll}(?:ite|ean|ian|ese|ish|ic|an|i)$/u;

const PIECE_RE = /[\p{L}\p{M}\p{N}]+/gu;
const FIRST_PIECE_RE = /^[\p{L}\p{M}\p{N}]+/u;

/** Strings worth looking for, indexed by their first word, longest first. */
function buildCandidates(spans: Span[], labels: Map<string, Label>, upperCase: boolean): Map<string, Starting> {
  const byText = new Map<string, Candidate>();
  const add = (written: string, label: Label, surname: boolean): void => {
    // A name broken across lines is looked for on one line.
    const t = /\s\s|[^\S ]/.test(written) ? written.replace(/\s+/g, ' ') : written;
    const known = byText.get(t);
    if (known) {
      if (!surname) known.tagged++;
      return;
    }
    if (!propagatable(t)) return;
    const single = !/[\s]/.test(t) && !/[^\p{L}\p{M}\p{N}.'’-]/u.test(t);
    let adjectival = false;
    if (single && label !== 'PER') {
      // "French", "Kurdish": usually adjectives or peoples, not places or organisations; other
      // words of that shape ("Canaanite") only count as names when no noun follows.
      const cats = gazetteerLookup(t);
      const place = cats.includes('country') || cats.includes('city') || cats.includes('region');
      if (!place && cats.includes('demonym')) return;
      adjectival = !place && ADJECTIVAL_RE.test(t);
    }
    byText.set(t, { text: t, label, single, person: label === 'PER', adjectival, surname, tagged: surname ? 0 : 1 });
  };
  for (const s of spans) add(s.text, labels.get(fold(s.text)) ?? s.label, false);
  for (const s of spans) {
    if ((labels.get(fold(s.text)) ?? s.label) !== 'PER') continue;
    for (const short of surnameForms(s.text)) add(short, 'PER', true);
  }
  if (upperCase) {
    // The same names in CAPS (headlines, "TELEGRAM"), when long enough not to be a common word.
    for (const c of [...byText.values()]) {
      const upper = c.text.toUpperCase();
      if (upper === c.text || upper.replace(/[^\p{L}]/gu, '').length < 4 || byText.has(upper)) continue;
      if (c.single && FUNCTION_WORDS.has(c.text.toLowerCase())) continue;
      byText.set(upper, { ...c, text: upper });
    }
  }
  const index = new Map<string, Starting>();
  for (const c of byText.values()) {
    if (c.text.length > MAX_SPREAD) continue;
    const first = FIRST_PIECE_RE.exec(c.text)?.[0];
    if (!first) continue;
    let starting = index.get(first);
    if (!starting) index.set(first, (starting = { lengths: [], byText: new Map() }));
    if (!starting.byText.has(c.text)) starting.lengths.push(c.text.length);
    starting.byText.set(c.text, c);
  }
  for (const starting of index.values()) starting.lengths = [...new Set(starting.lengths)].sort((a, b) => b - a);
  return index;
}

/**
 * The candidates that start with one word: at a position, the one to take is the longest that
 * the text there starts with and that ends at a word boundary (two of one length cannot both
 * match). Looked up by length, longest first, a position costs the number of distinct lengths,
 * not the number of candidates: a text of capitalised words had thousands of names starting
 * with each word, and looking through all of them at each of its occurrences was quadratic.
 */
interface Starting {
  /** Distinct lengths of the texts, longest first. */
  lengths: number[];
  byText: Map<string, Candidate>;
}

/**
 * Strings longer than this (in UTF-16 code units) are not looked for elsewhere: names are far
 * shorter, and the longest candidate bounds the work at each occurrence of its first word.
 */
const MAX_SPREAD = 200;

/** A string that is a name on its own wherever it appears capitalised like this. */
function propagatable(t: string): boolean {
  if (!/\p{Lu}/u.test(t) || !FIRST_PIECE_RE.test(t) || NEVER_SPREAD.has(t)) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (!/\s/.test(t) && !isAllCaps(t)) {
    const bare = t.replace(/\.$/, '');
    if (FUNCTION_WORDS.has(bare.toLowerCase()) || TITLES.has(bare) || TITLE_MODIFIERS.has(bare) || NAME_SUFFIXES.has(bare)) return false;
  }
  return true;
}

/** "US", "NATO", "U.S.": capitalisation that carries meaning even at a sentence start. */
function isAllCaps(t: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}

function propagate(text: string, existing: Span[], index: Map<string, Starting>, mode: SpreadMode): Span[] {
  if (index.size === 0) return [];
  // One pass over the words: where a candidate may start.
  const hits: number[] = [];
  const hitLists: Starting[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const start = i;
    i = wordEnd(text, i);
    if (i === start) {
      i++;
      continue;
    }
    const list = index.get(text.slice(start, i));
    if (list) {
      hits.push(start);
      hitLists.push(list);
    }
  }
  let lowerWords: Set<string> | null = null;
  const ctx: Context = { text, seenInLowerCase: (w) => (lowerWords ??= lowerCaseWords(text)).has(w), line: null };
  const added: Span[] = [];
  const from: Candidate[] = [];
  const count = new Map<Candidate, number>();
  let ptr = 0;
  let skipUntil = 0;
  for (let h = 0; h < hits.length; h++) {
    const p = hits[h]!;
    if (p < skipUntil) continue;
    const starting = hitLists[h]!;
    for (const length of starting.lengths) {
      const end = p + length;
      if (end > n || !endsAtBoundary(text, end)) continue;
      const c = starting.byText.get(text.slice(p, end));
      if (c === undefined) continue;
      while (ptr < existing.length && existing[ptr]!.end <= p) ptr++;
      const next = existing[ptr];
      if (next && next.start < end) break;
      if (acceptable(ctx, p, end, c)) {
        if (!(mode === 'surnames' && !c.surname)) {
          added.push({ start: p, end, label: c.label, text: c.text });
          from.push(c);
          count.set(c, (count.get(c) ?? 0) + 1);
        }
        skipUntil = end;
      }
      break;
    }
  }
  if (mode !== 'majority') return added;
  // A string the tagger tagged once and left alone many more times is more likely its slip than
  // its recall gap.
  return added.filter((_, i) => from[i]!.surname || count.get(from[i]!)! <= from[i]!.tagged);
}

export type SpreadMode = 'all' | 'surnames' | 'majority';

/**
 * The words of a text seen in lower case somewhere (capitalised at a sentence start, those are
 * more likely the common word than the name: "Will", "March", "Bill"). Made only for the texts
 * that ask (acceptable): most do not.
 */
function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const start = i;
    i = wordEnd(text, i);
    if (i === start) {
      i++;
      continue;
    }
    const first = text.charCodeAt(start);
    if (first < 128 ? first >= 97 && first <= 122 : startsLower(text.slice(start, start + 2))) out.add(text.slice(start, i));
  }
  return out;
}

/** The end of the word starting at `i` (`i` itself when no word starts there). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let width = wordCharWidth(text, i);
  while (width > 0) {
    i += width;
    width = i < n ? wordCharWidth(text, i) : 0;
  }
  return i;
}

interface Context {
  text: string;
  seenInLowerCase: (word: string) => boolean;
  /** The line last examined by titleCaseLine. */
  line: { start: number; end: number; titleCase: boolean } | null;
}

/** No letter or digit right after the match, and no word glued on with an apostrophe except 's. */
function endsAtBoundary(text: string, end: number): boolean {
  const next = codePointStringAt(text, end);
  if (isWordChar(next)) return false;
  if (next !== '' && APOSTROPHES.includes(next) && isWordChar(text[end + 1])) {
    return (text[end + 1] === 's' || text[end + 1] === 'S') && !isWordChar(codePointStringAt(text, end + 2));
  }
  return true;
}

const SPACE_RE = /[ \t\u00a0]/;
const OPENERS = ' \t\u00a0"“”‘\'«»([{-–—•*·';

function acceptable(ctx: Context, start: number, end: number, c: Candidate): boolean {
  const { text } = ctx;
  const before = text[start - 1];
  // Inside a word joined by an apostrophe (d'Estaing, O'Brien), an e-mail address, a URL, a
  // handle or a file name.
  if (before !== undefined && APOSTROPHES.includes(before) && isWordChar(text[start - 2])) return false;
  if (before !== undefined && ('@#_\\'.includes(before) || ('./'.includes(before) && isWordChar(text[start - 2])))) return false;
  const after = text[end];
  if (after !== undefined && ('@_'.includes(after) || ('./'.includes(after) && isWordChar(text[end + 1])))) return false;
  if (c.single && !isAllCaps(c.text) && sentenceInitial(text, start)) {
    if (FUNCTION_WORDS.has(c.text.toLowerCase()) || ctx.seenInLowerCase(c.text.toLowerCase())) return false;
  }
  // The word before: a capitalised one glued on makes a longer name, unless it is a title or
  // only capitalised because it opens the sentence.
  const left = wordBefore(text, start);
  if (left) {
    if (left.hyphen) {
      if (startsUpper(left.word)) return false;
    } else if (c.person && PARTICLES.has(left.word)) {
      return false;
    } else if (startsUpper(left.word) && !isTitle(left.word) && !TITLE_MODIFIERS.has(left.word)) {
      const lower = left.word.toLowerCase();
      const openerOnly = sentenceInitial(text, left.start) && (FUNCTION_WORDS.has(lower) || ctx.seenInLowerCase(lower));
      if (!openerOnly && !titleCaseLine(ctx, start)) return false;
    }
  }
  const right = wordAfter(text, end);
  // "YouTube-like channels": a comparison, not the name ("Paris-based" still counts).
  if (right && right.hyphen && LIKE_SUFFIXES.has(right.word.toLowerCase())) return false;
  if (right && c.adjectival && !right.hyphen && startsLower(right.word) && !FUNCTION_WORDS.has(right.word)) return false;
  if (right) {
    if (right.hyphen) {
      if (startsUpper(right.word)) return false;
    } else if (startsUpper(right.word) || /^\p{N}/u.test(right.word)) {
      if (NAME_SUFFIXES.has(right.word) || !titleCaseLine(ctx, start)) return false;
    }
  }
  return true;
}

interface Neighbour {
  word: string;
  start: number;
  /** Joined by a hyphen rather than by spaces. */
  hyphen: boolean;
}

/** The word right before start on the same line, separated by spaces or a single hyphen. */
function wordBefore(text: string, start: number): Neighbour | null {
  let k = start;
  let hyphen = false;
  if (text[k - 1] === '-' && isWordChar(text[k - 2])) {
    hyphen = true;
    k--;
  } else {
    while (k > 0 && SPACE_RE.test(text[k - 1]!)) k--;
    if (k === start) return null;
  }
  const wEnd = k;
  while (k > 0 && isWordChar(codePointStringBefore(text, k))) k -= codePointStringBefore(text, k).length;
  if (k === wEnd) return null;
  return { word: text.slice(k, wEnd), start: k, hyphen };
}

/** The word right after end on the same line, separated by spaces or a single hyphen. */
function wordAfter(text: string, end: number): Neighbour | null {
  let k = end;
  let hyphen = false;
  if (text[k] === '-' && isWordChar(text[k + 1])) {
    hyphen = true;
    k++;
  } else {
    while (k < text.length && SPACE_RE.test(text[k]!)) k++;
    if (k === end) return null;
  }
  const wStart = k;
  while (k < text.length && isWordChar(codePointStringAt(text, k))) k += codePointStringAt(text, k).length;
  if (k === wStart) return null;
  return { word: text.slice(wStart, k), start: wStart, hyphen };
}

/** Whether the word at pos opens a sentence, a line or a quotation. */
function sentenceInitial(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && OPENERS.includes(text[k]!)) k--;
  if (k < 0) return true;
  const ch = text[k]!;
  if (ch === '\n' || ch === '\r') return true;
  if (ch === '.') {
    // "Mr. Kassim", "J. Smith": an abbreviation, not the end of a sentence.
    const word = /[\p{L}]+$/u.exec(text.slice(Math.max(0, k - 12), k))?.[0];
    if (word && (word.length === 1 || TITLES.has(word) || DOTTED_ABBREVIATIONS.has(word))) return false;
    return true;
  }
  return '!?…:;|'.includes(ch);
}

/**
 * Headlines in Title Case or CAPS: capitalisation says nothing there, so a capitalised neighbour
 * does not make a longer name.
 */
function titleCaseLine(ctx: Context, pos: number): boolean {
  const { text } = ctx;
  const last = ctx.line;
  // Matches come in text order: the line of the previous call is usually this one, and looking
  // back for its start again would cost the whole line on a one-line document.
  if (last && pos >= last.start && pos <= last.end) return last.titleCase;
  const start = last && pos > last.end ? Math.max(last.end, text.lastIndexOf('\n', pos - 1) + 1) : text.lastIndexOf('\n', pos - 1) + 1;
  let end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  let upper = 0;
  let total = 0;
  for (const m of text.slice(start, end).matchAll(PIECE_RE)) {
    const w = m[0];
    if (!/\p{L}/u.test(w) || FUNCTION_WORDS.has(w.toLowerCase())) continue;
    total++;
    if (startsUpper(w)) upper++;
  }
  ctx.line = { start, end, titleCase: total >= 4 && upper >= 0.9 * total };
  return ctx.line.titleCase;
}
