/**
 * Why an entity error happened: each EvalError gets one category, so `annotate eval --errors`
 * shows on any gold set where the errors are (as shares of all wrong or missed spans).
 *
 * The categories are numbered as in the breakdown they reproduce, but they are tried in order of
 * specificity, and the first that matches wins (CATEGORY_PRECEDENCE): a sign-off or a demonym
 * is "not an entity" before it is anything else; a name the engine found correctly elsewhere in
 * the same document is a document-level error before it is a club or a person; boundary
 * patterns (a club cut to its city, a hyphen or an initial, a table line) come before the line's
 * case; the broad "what was the gold" categories (people, unseen organizations) come last.
 *
 *  1 club-as-place   gold ORG, predicted LOC, same span, and the name is a known place
 *                    (gazetteer country, region or city) or the line a table/results line:
 *                    a club named after a city, region or US state. Sub: table line or prose.
 *  2 unseen-org      gold ORG missed, no prediction of any type overlapping it. Sub: whether
 *                    the gazetteer's organization list has the name.
 *  3 org-as-person   gold ORG of one token, predicted PER over it.
 *  4 people          gold PER missed or typed otherwise. Sub: table/results line or prose, and
 *                    whether the first token is in the English given-name list (gazetteer).
 *  5 table-span      boundary error on a table/results line. Sub: digits in the predicted span,
 *                    a scorecard mark (c, b, lbw, st, v) in it, two gold names merged into it,
 *                    or another boundary.
 *  6 club-cut        prediction strictly inside a gold ORG span, predicted LOC or a known place
 *                    name in a gold name of at most three words (`Westbury Rovers` ->
 *                    `Westbury`). Sub: the predicted type.
 *  7 hyphen-initial  gold and predicted spans differ, and one ends where the other goes on at a
 *                    hyphen (`Lee Ka-ming` -> `Lee Ka`) or the part in one only holds a
 *                    hyphenated word (`Plooij-van Gorsel` -> `Gorsel`), or that part is
 *                    initials only (`J. Smith` -> `Smith`). Sub: hyphen or initial.
 *  8 all-caps        any error on a line whose letters are mostly upper case (at least 4 letters,
 *                    more than half capitals). Sub: the kind of error.
 *  9 document        a miss or type error whose exact string is predicted correctly (same span,
 *                    same type as its gold) elsewhere in the document, or a one-token gold PER
 *                    that is the last word of a full PER name predicted correctly in it.
 * 10 not-entity      a spurious span that is a wire sign-off (REUTER, AP, AFP... alone on its
 *                    line or in parentheses), a demonym, a compound of two places (`UK-US`) or a
 *                    piece of a hyphenated word (`Berlin-based`); or any prediction over gold
 *                    MISC (demonyms, tournaments named after places, events, laws...). Sub:
 *                    which, and for gold MISC the predicted type and whether the prediction
 *                    is only a part of the MISC name.
 *    other           the rest. Sub: kind and types (`missed ORG`, `type PER -> LOC`).
 *
 * A table/results line holds a scorecard pattern (`c X b Y`, `lbw b X`, `run out`, `not out`),
 * or at least two standalone numbers (digits not glued to letters; `2:11.45` and `1996-08-30`
 * are one number each) making at least a third of its words (isTableLine says why).
 */
import { gazetteerLookup } from '../nlp/gazetteer/index.js';
import type { EvalError } from './score.js';
import { overlaps, sameSpan } from './spans.js';
import type { GoldSpan } from './types.js';

export type CategoryId =
  | 'club-as-place' | 'unseen-org' | 'org-as-person' | 'people' | 'table-span' | 'club-cut'
  | 'hyphen-initial' | 'all-caps' | 'document' | 'not-entity' | 'other';

export interface ErrorCategory {
  id: CategoryId;
  /** A finer split within the category, or null. */
  sub: string | null;
}

/** Every category in the numbering of the breakdown (summary and listing order). */
export const CATEGORIES: ReadonlyArray<{ id: CategoryId; n: string; title: string }> = [
  { id: 'club-as-place', n: '1', title: 'Clubs named after a place, typed LOC' },
  { id: 'unseen-org', n: '2', title: 'Organizations missed entirely' },
  { id: 'org-as-person', n: '3', title: 'One-token company or club names typed PER' },
  { id: 'people', n: '4', title: 'People missed or mistyped' },
  { id: 'table-span', n: '5', title: 'Span boundaries on table lines' },
  { id: 'club-cut', n: '6', title: 'Organizations cut down to their place name' },
  { id: 'hyphen-initial', n: '7', title: 'Hyphens and initials' },
  { id: 'all-caps', n: '8', title: 'ALL-CAPS lines' },
  { id: 'document', n: '9', title: 'Document level (found correctly elsewhere)' },
  { id: 'not-entity', n: '10', title: 'Not entities' },
  { id: 'other', n: '', title: 'Other' },
];

/** The order in which categories are tried: the first that matches wins. */
export const CATEGORY_PRECEDENCE: readonly CategoryId[] = [
  'not-entity', 'document', 'club-as-place', 'club-cut', 'hyphen-initial', 'table-span',
  'all-caps', 'org-as-person', 'people', 'unseen-org',
];

/** The word lists the classifier consults (the runtime gazetteer by default; tests may fake it). */
export interface Lexicon {
  givenName(token: string): boolean;
  demonym(word: string): boolean;
  place(name: string): boolean;
  knownOrg(name: string): boolean;
}

const has = (name: string, ...cats: string[]): boolean => gazetteerLookup(name).some((c) => cats.includes(c));

export const GAZETTEER_LEXICON: Lexicon = {
  givenName: (t) => has(t, 'given'),
  // The gazetteer lists adjectives (French, American); plurals and -man forms are derived.
  demonym: (w) => has(w, 'demonym') || (/s$/u.test(w) && has(w.slice(0, -1), 'demonym')) || (/m[ae]n$/u.test(w) && has(w.slice(0, -3), 'demonym')),
  place: (n) => has(n, 'country', 'region', 'city'),
  knownOrg: (n) => has(n, 'org'),
};

/** One document as the classifier sees it: its text, all its gold (MISC too), all predictions. */
export interface DocErrors {
  text: string;
  gold: readonly GoldSpan[];
  pred: readonly GoldSpan[];
  /** type + text of the gold spans predicted exactly (same span and type). */
  correct: Set<string>;
  /** Last words of the multi-word PER names predicted exactly. */
  surnames: Set<string>;
}

const key = (type: string, text: string): string => `${type}\t${text}`;
const words = (s: string): string[] => s.split(/\s+/u).filter((w) => w.length > 0);

/** Prepares one document for categorize (the per-document work, done once). */
export function docErrors(text: string, gold: readonly GoldSpan[], pred: readonly GoldSpan[]): DocErrors {
  const correct = new Set<string>();
  const surnames = new Set<string>();
  for (const g of gold) {
    if (!pred.some((p) => sameSpan(p, g) && p.type === g.type)) continue;
    correct.add(key(g.type, g.text));
    const w = words(g.text);
    if (g.type === 'PER' && w.length > 1) surnames.add(w[w.length - 1]!);
  }
  return { text, gold, pred, correct, surnames };
}

/** The line holding index i, without its line break. */
export function lineAt(text: string, i: number): string {
  const from = text.lastIndexOf('\n', i - 1) + 1;
  const to = text.indexOf('\n', i);
  return text.slice(from, to < 0 ? text.length : to).replace(/\r$/u, '');
}

const NUMBER = /(?<![\p{L}\p{N}])\p{N}+(?:[.,:/-]\p{N}+)*(?![\p{L}\p{N}])/gu;
const SCORECARD = /(?:^|\s)(?:c\s+\S+\s+b|c\s*&\s*b|lbw\s+b|st\s+\S+\s+b)\s+\p{Lu}|\b(?:run out|not out)\b/u;

/**
 * A table or results line: a scorecard pattern, or two standalone numbers at least that make a
 * third of its words or more (`Rivertown 2 Lakeside 1`, `1. Maria Ionescu (Romania) 2:11.45`). The density condition is there because a wire story or a
 * debate keeps a whole paragraph on one line, and a paragraph often holds two numbers.
 */
export function isTableLine(line: string): boolean {
  if (SCORECARD.test(line)) return true;
  const numbers = line.match(NUMBER)?.length ?? 0;
  return numbers >= 2 && numbers * 3 >= words(line).length;
}

/** More than half of the line's letters are capitals (at least 4 letters). */
export function isCapsLine(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  const upper = line.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 4 && upper * 2 > letters;
}

/** Wire agencies whose name alone on a line or in parentheses is a sign-off, not a mention. */
const SIGN_OFFS = new Set(['REUTER', 'REUTERS', 'AP', 'AFP', 'UPI', 'DPA', 'ANSA', 'EFE', 'XINHUA', 'PTI', 'IANS', 'KYODO', 'TASS', 'ITAR-TASS', 'PA', 'CP', 'AAP', 'APA', 'BELGA', 'ANP', 'NTB', 'TT', 'CTK', 'PAP', 'MTI']);

function isSignOff(text: string, p: GoldSpan): boolean {
  if (!SIGN_OFFS.has(p.text.toUpperCase())) return false;
  const line = lineAt(text, p.start).trim();
  if (/^[\s\p{P}]*$/u.test(line.replace(p.text, ''))) return true;
  return text[p.start - 1] === '(' && text[p.end] === ')';
}

const HYPHEN = /[-‐‑–]/u;
const INITIALS = /^(?:\p{Lu}\.\s*)+$/u;
const HYPHENATED = /\p{L}[-‐‑–]\p{L}/u;

/** Where two different spans of one name differ: at a hyphen, by initials, or neither. */
function hyphenOrInitial(text: string, g: GoldSpan, p: GoldSpan, lex: Lexicon): 'hyphen' | 'initial' | null {
  const cuts: number[] = [];
  if (g.start !== p.start) cuts.push(Math.max(g.start, p.start));
  if (g.end !== p.end) cuts.push(Math.min(g.end, p.end));
  const diff = [
    text.slice(Math.min(g.start, p.start), Math.max(g.start, p.start)),
    text.slice(Math.min(g.end, p.end), Math.max(g.end, p.end)),
  ].map((s) => s.trim()).filter((s) => s.length > 0);
  if (cuts.some((c) => HYPHEN.test(text[c - 1] ?? '') || HYPHEN.test(text[c] ?? ''))) return 'hyphen';
  if (diff.some((s) => HYPHENATED.test(s))) return 'hyphen';
  // `U.S.` looks like initials but is a place.
  return diff.length > 0 && diff.every((s) => INITIALS.test(s) && !lex.place(s)) ? 'initial' : null;
}

const kindLabel = (e: EvalError): string => {
  const g = e.gold;
  const p = e.pred;
  if (e.kind === 'type') return `type ${g!.type} -> ${p!.type}`;
  return `${e.kind} ${(g ?? p)!.type}`;
};

type Rule = (e: EvalError, d: DocErrors, lex: Lexicon, table: boolean, caps: boolean) => string | null | false;

/** The rules by category: false = does not match; a string or null = matches, with that sub. */
const RULES: Record<Exclude<CategoryId, 'other'>, Rule> = {
  'not-entity': (e, d, lex) => {
    const p = e.pred;
    if (!p) return false;
    if (e.kind === 'type' && e.gold!.type === 'MISC') {
      if (lex.demonym(e.gold!.text) || lex.demonym(p.text)) return 'demonym (gold MISC)';
      return `gold MISC typed ${p.type}${sameSpan(e.gold!, p) ? '' : ', a part of it'}`;
    }
    if (e.kind !== 'spurious') return false;
    if (isSignOff(d.text, p)) return 'sign-off';
    if (lex.demonym(p.text)) return 'demonym';
    const two = p.text.split(/[-‐‑–/]/u);
    if (two.length === 2 && two.every((s) => s.length > 0 && lex.place(s))) return 'compound of two places';
    const glued = (c: string | undefined, next: string | undefined): boolean => HYPHEN.test(c ?? '') && /\p{L}/u.test(next ?? '');
    if (glued(d.text[p.start - 1], d.text[p.start - 2]) || glued(d.text[p.end], d.text[p.end + 1])) return 'piece of a hyphenated word';
    return false;
  },
  'document': (e, d) => {
    const g = e.gold;
    if (!g || (e.kind !== 'missed' && e.kind !== 'type')) return false;
    if (d.correct.has(key(g.type, g.text))) return 'same string found elsewhere';
    if (g.type === 'PER' && words(g.text).length === 1 && d.surnames.has(g.text)) return 'surname of a full name found';
    return false;
  },
  'club-as-place': (e, _d, lex, table) => {
    const g = e.gold;
    const p = e.pred;
    if (e.kind !== 'type' || g!.type !== 'ORG' || p!.type !== 'LOC' || !sameSpan(g!, p!)) return false;
    // Venues and the like that the gold calls ORG (`Carnegie Hall`) are not clubs.
    if (table) return 'table/results line';
    return lex.place(g!.text) ? 'prose' : false;
  },
  'club-cut': (e, _d, lex) => {
    const g = e.gold;
    const p = e.pred;
    if (!g || !p || g.type !== 'ORG' || sameSpan(g, p) || p.start < g.start || p.end > g.end) return false;
    return p.type === 'LOC' || (lex.place(p.text) && words(g.text).length <= 3) ? `predicted ${p.type}` : false;
  },
  'hyphen-initial': (e, d, lex) => (e.gold && e.pred && !sameSpan(e.gold, e.pred) ? hyphenOrInitial(d.text, e.gold, e.pred, lex) ?? false : false),
  'table-span': (e, d, _lex, table) => {
    const g = e.gold;
    const p = e.pred;
    if (e.kind !== 'boundary' || !table) return false;
    if (/\p{N}/u.test(p!.text) && !/\p{N}/u.test(g!.text)) return 'digits in the span';
    if (/(?:^|\s)(?:c|b|lbw|st|v|vs\.?)(?=\s|$)/u.test(p!.text)) return 'scorecard mark in the span';
    if (d.gold.filter((x) => overlaps(x, p!)).length > 1) return 'two names merged';
    return 'other boundary';
  },
  'all-caps': (e, _d, _lex, _table, caps) => (caps ? kindLabel(e) : false),
  'org-as-person': (e) => (e.kind === 'type' && e.gold!.type === 'ORG' && e.pred!.type === 'PER' && words(e.gold!.text).length === 1 ? null : false),
  'people': (e, _d, lex, table) => {
    const g = e.gold;
    if (!g || g.type !== 'PER' || (e.kind !== 'missed' && e.kind !== 'type')) return false;
    const first = words(g.text)[0] ?? '';
    return `${table ? 'table/results line' : 'prose'}, ${lex.givenName(first) ? 'English given name' : 'not an English given name'}`;
  },
  'unseen-org': (e, d, lex) => {
    const g = e.gold;
    if (e.kind !== 'missed' || g!.type !== 'ORG' || d.pred.some((p) => overlaps(p, g!))) return false;
    return lex.knownOrg(g!.text) ? 'in the gazetteer' : 'not in the gazetteer';
  },
};

/** The category of one entity error (first match in CATEGORY_PRECEDENCE, else other). */
export function categorize(e: EvalError, d: DocErrors, lex: Lexicon = GAZETTEER_LEXICON): ErrorCategory {
  const at = (e.gold ?? e.pred)!.start;
  const line = lineAt(d.text, at);
  const table = isTableLine(line);
  const caps = isCapsLine(line);
  for (const id of CATEGORY_PRECEDENCE) {
    const sub = RULES[id as Exclude<CategoryId, 'other'>](e, d, lex, table, caps);
    if (sub !== false) return { id, sub };
  }
  return { id: 'other', sub: kindLabel(e) };
}
