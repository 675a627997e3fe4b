/**
 * Merge mentions of one entity under one canonical name (GATE's orthographic matcher, in
 * spirit): the fullest mention names the group, a surname alone joins the full name, an acronym
 * joins its expansion, "EU Commission" joins "European Commission", case and diacritics do not
 * matter ("ISIS" = "Isis", "Francois" = "François").
 *
 * Mentions are visited in text order; each joins the compatible group of the same label whose
 * name matches it exactly, else the one mentioned most recently (two Smiths: a lone "Smith"
 * joins the nearest preceding one), else starts a group. Candidate groups come from indexes
 * (exact key, last word, initials), so a long document does not cost mentions x groups.
 */
import type { EntityGroup, Label, Span } from '../core/types.js';
import { ABBREVIATIONS, ACRONYM_SKIP, LEGAL_SUFFIXES, NAME_SUFFIXES, fold, startsUpper } from './aliases/words.js';
import { WordCache } from './cache.js';

/**
 * Documents repeat their names, and news repeats them across documents ("U.S.", "Trump"): each
 * distinct string is described once (a Mention is never changed after describe made it).
 */
const described = new WordCache<Mention>(10_000);

export function groupEntities(spans: Span[]): EntityGroup[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Group[] = [];
  const byKey = new Map<string, Group[]>();
  const byLast = new Map<string, Group[]>();
  const byLastAbbreviated = new Map<string, Group[]>();
  const byLetters = new Map<string, Group[]>();

  let turn = 0;
  for (const span of sorted) {
    turn++;
    let m = described.get(span.text);
    if (!m) described.set(span.text, (m = describe(span.text)));
    const label = span.label;
    // Candidate groups, each visited once per turn (marks instead of a Set per mention).
    const candidates: Group[] = [];
    const consider = (list: Group[] | undefined, exact: boolean): void => {
      if (!list) return;
      for (let i = exact ? 0 : Math.max(0, list.length - MAX_CANDIDATES); i < list.length; i++) {
        const g = list[i]!;
        if (exact) g.exactTurn = turn;
        if (g.seenTurn !== turn) {
          g.seenTurn = turn;
          candidates.push(g);
        }
      }
    };
    const prefix = label + '\u0000';
    consider(byKey.get(prefix + m.key), true);
    if (m.last) {
      if (label === 'PER' || m.abbreviated || m.words.length >= 2 || m.acronym) consider(byLast.get(prefix + m.last), false);
      consider(byLastAbbreviated.get(prefix + m.last), false);
    }
    if (m.acronym) consider(byLetters.get(prefix + m.acronym), false);
    if (m.initials) consider(byLetters.get(prefix + m.initials), false);

    let best: Group | null = null;
    let bestRank = -1;
    for (const g of candidates) {
      if (g.exactTurn !== turn && !compatible(m, g.info, label)) continue;
      // Prefer a group whose canonical name is this very string, then the most recent one.
      const rank = (g.info.key === m.key ? 1 : 0) * 1e15 + g.lastPos;
      if (rank > bestRank) {
        best = g;
        bestRank = rank;
      }
    }
    if (!best) {
      best = { label, name: span.text, info: m, mentions: [], lastPos: span.start, texts: new Set(), indexed: new Set(), seenTurn: 0, exactTurn: 0 };
      groups.push(best);
    } else if (fuller(m, best.info)) {
      best.name = span.text;
      best.info = m;
    }
    best.mentions.push(span);
    best.lastPos = span.start;
    if (best.texts.has(span.text)) continue;
    best.texts.add(span.text);
    index(byKey, 'k' + prefix + m.key, best);
    if (m.last) {
      index(byLast, 'l' + prefix + m.last, best);
      if (m.abbreviated) index(byLastAbbreviated, 'a' + prefix + m.last, best);
    }
    if (m.acronym) index(byLetters, 'i' + prefix + m.acronym, best);
    if (m.initials) index(byLetters, 'i' + prefix + m.initials, best);
  }
  return groups.map((g) => ({ name: g.name, mentions: g.mentions }));
}

interface Group {
  label: Label;
  name: string;
  /** Description of the canonical name. */
  info: Mention;
  mentions: Span[];
  lastPos: number;
  /** Mention strings already indexed for this group. */
  texts: Set<string>;
  /** The index entries that list this group: its index map's letter, then the key. */
  indexed: Set<string>;
  /** Bookkeeping of the candidate search: the last turn this group was collected / matched exactly. */
  seenTurn: number;
  exactTurn: number;
}

/** What matching needs to know about one mention's text. */
export interface Mention {
  /** Folded words: no diacritics, lower case, periods dropped, a leading "the" and legal suffixes dropped, known short forms expanded. */
  words: string[];
  key: string;
  last: string;
  /** Words written as abbreviations ("J.", "Intl."), parallel to words where no expansion happened; null when counts differ. */
  abbreviatedAt: boolean[] | null;
  abbreviated: boolean;
  /** The mention itself is an acronym: its letters, upper case ("FBI", "U.S." -> "US"). */
  acronym: string | null;
  /** Initials of its capitalised words, skipping of/the/and ("Federal Bureau of Investigation" -> "FBI"). */
  initials: string | null;
  /** For "the fullest mention": number of words, then length. */
  size: [number, number];
  /** Lower when written in capitals with a word of six letters or more, or after a lower-case "the". */
  plainness: number;
}

/**
 * Of the groups listed under a last word or letters, only this many, the last to be listed,
 * are candidates: news never has that many entities of one label sharing a surname or
 * initials, and a text of capitalised words with thousands of them cost mentions x groups.
 * The groups named exactly like the mention are always candidates.
 */
const MAX_CANDIDATES = 64;

/** Lists g under `tagged` (the map's letter, then the key) unless it is listed there already. */
function index(map: Map<string, Group[]>, tagged: string, g: Group): void {
  if (g.indexed.has(tagged)) return;
  g.indexed.add(tagged);
  const key = tagged.slice(1);
  const list = map.get(key);
  if (!list) map.set(key, [g]);
  else list.push(g);
}

const SUFFIX_WORDS: ReadonlySet<string> = new Set([...NAME_SUFFIXES].map((w) => w.toLowerCase()));

const SPLIT_RE = /[^\p{L}\p{M}\p{N}&'.-]+/u;

export function describe(text: string): Mention {
  const raw = text.replace(/’/g, "'").split(/\s+/).filter((w) => w.length > 0);
  let words = raw.flatMap((w) => fold(w).split(SPLIT_RE)).filter((w) => w.length > 0 && /[\p{L}\p{N}]/u.test(w));
  // Keep the written form of each word, to know which were abbreviations.
  let shapes = raw.flatMap((w) => w.split(SPLIT_RE)).filter((w) => w.length > 0 && /[\p{L}\p{N}]/u.test(w));
  if (shapes.length !== words.length) shapes = words;
  if (words.length > 1 && words[0] === 'the') {
    words = words.slice(1);
    shapes = shapes.slice(1);
  }
  while (words.length > 1 && (LEGAL_SUFFIXES.has(words[words.length - 1]!.replace(/\./g, '')) || SUFFIX_WORDS.has(words[words.length - 1]!.replace(/\./g, '')))) {
    words = words.slice(0, -1);
    shapes = shapes.slice(0, -1);
  }
  const abbreviatedAt: boolean[] = [];
  const expanded: string[] = [];
  let parallel = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/\./g, '');
    const shape = shapes[i]!;
    const isUpperShort = /^(?:\p{Lu}\.?){2,3}$/u.test(shape) || /^\p{Lu}\p{Ll}{1,3}\.$/u.test(shape);
    const long = ABBREVIATIONS.get(w);
    if (long && (isUpperShort || shape.endsWith('.'))) {
      const parts = long.split(' ');
      expanded.push(...parts);
      if (parts.length !== 1) parallel = false;
      abbreviatedAt.push(false);
      continue;
    }
    // Hyphens do not matter: "Group-4" = "Group4", "Anti-Terrorism" = "AntiTerrorism".
    expanded.push(w.length > 1 ? w.replace(/-/g, '') || w : w);
    abbreviatedAt.push(/^\p{L}\.?$/u.test(shape) || (shape.endsWith('.') && w.length >= 2));
  }
  const letters = text.replace(/[.\s]/g, '');
  const acronym = /^\p{Lu}{2,8}$/u.test(letters) ? fold(letters).toUpperCase() : null;
  const caps = raw.filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()));
  const initials =
    caps.length >= 2 && caps.every((w) => startsUpper(w)) ? fold(caps.map((w) => w[0]).join('')).toUpperCase() : null;
  const core = raw.length > 1 && raw[0]!.toLowerCase() === 'the' ? raw.slice(1) : raw;
  return {
    words: expanded,
    key: expanded.join(' '),
    last: expanded[expanded.length - 1] ?? '',
    abbreviatedAt: parallel ? abbreviatedAt : null,
    abbreviated: abbreviatedAt.some((x) => x),
    acronym,
    initials,
    size: [core.length, core.join(' ').length],
    plainness: (!/\p{Ll}/u.test(text) && /\p{Lu}{6}/u.test(text) ? 0 : 2) + (raw[0] === 'the' && raw.length > 1 ? 0 : 1),
  };
}

function fuller(a: Mention, b: Mention): boolean {
  if (a.size[0] !== b.size[0]) return a.size[0] > b.size[0];
  if (a.size[1] !== b.size[1]) return a.size[1] > b.size[1];
  // Same words: a long name in capitals is the shouting form ("TELEGRAM", "WIKIPEDIA") and "the
  // Paris" carries an article; the plain written form names the group. Short capitals are
  // acronyms ("ISIS") and keep first-wins.
  return a.plainness > b.plainness;
}

/** Whether mention m can be another name for the entity named n. */
export function compatible(m: Mention, n: Mention, label: Label): boolean {
  if (m.key === n.key && m.key !== '') return true;
  if (m.acronym && (m.acronym === n.initials || m.acronym === n.acronym)) return true;
  if (n.acronym && n.acronym === m.initials) return true;
  if (m.words.length === n.words.length && wordwise(m, n)) return true;
  if (label === 'PER') {
    const [short, long] = m.words.length <= n.words.length ? [m.words, n.words] : [n.words, m.words];
    if (short.length === 0) return false;
    // A surname (with its particles) alone: "Kassim" / "Rachid Kassim".
    if (short.length < long.length && !SUFFIX_WORDS.has(short[0]!) && endsWith(long, short)) return true;
    // Same first and last name, and one has no middle name or initial: "George Bush" /
    // "George W. Bush" (but "George H. W. Bush" is not "George W. Bush").
    const last = short[short.length - 1]!;
    if (short.length === 2 && last.length >= 2 && short[0] === long[0] && last === long[long.length - 1]) return true;
  } else {
    const [short, long, shortM] = m.words.length <= n.words.length ? [m.words, n.words, m] : [n.words, m.words, n];
    if (short.length < long.length && endsWith(long, short)) {
      // "Air Force" / "United States Air Force"; an acronym at the end: "ROTC" / "Air Force ROTC".
      if (short.length >= 2) return true;
      if (shortM.acronym && shortM.acronym.length >= 3) return true;
    }
  }
  return false;
}

/** Word by word equal, or one side abbreviates the other ("J. Smith" / "John Smith"). */
function wordwise(m: Mention, n: Mention): boolean {
  if (!m.abbreviatedAt || !n.abbreviatedAt) return false;
  for (let i = 0; i < m.words.length; i++) {
    const a = m.words[i]!;
    const b = n.words[i]!;
    if (a === b) continue;
    if (m.abbreviatedAt[i] && b.startsWith(a)) continue;
    if (n.abbreviatedAt[i] && a.startsWith(b)) continue;
    return false;
  }
  return true;
}

function endsWith(long: string[], short: string[]): boolean {
  const off = long.length - short.length;
  for (let i = 0; i < short.length; i++) if (long[off + i] !== short[i]) return false;
  return true;
}
