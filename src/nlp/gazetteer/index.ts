/**
 * Gazetteers as tagger features (issue 4 item 3): "is this token (sequence) a known country,
 * city, given name, organisation suffix ...". Never used as blind matches: the tagger weighs
 * these hits with everything else.
 *
 * Data: src/nlp/gazetteer/data/gazetteer.tsv, compiled by `npm run build-gazetteer`
 * (src/training/gazetteer/build.ts) from hand lists and openly licensed npm data packages (see
 * NOTICE.md). Loaded once at module load; a lookup is one probe of a hash index per word part
 * of a new token and per extension of a multi-word candidate.
 */
import { readFileSync } from 'node:fs';
import { parts } from './normalize.js';
import { LineIndex, lineStarts } from '../line-index.js';
import { WordCache } from '../cache.js';
import { SLOT_EMPTY, type GazetteerSlot } from './slot.js';

import { GAZETTEER_CATEGORIES, PHRASE_CATEGORIES, type GazetteerCategory } from './categories.js';

export { entryKey, fold, parts } from './normalize.js';
export { SLOT_EMPTY, type GazetteerSlot } from './slot.js';
export { GAZETTEER_CATEGORIES, PHRASE_CATEGORIES, WORD_CATEGORIES, type GazetteerCategory } from './categories.js';

/** Longest entry, in word parts, that is looked for. */
const MAX_PARTS = 8;
/** Bit set on a key when longer entries start with it. */
const PREFIX_BIT = 1 << 30;
/** Tokens made only of these characters may sit inside a match ("St . Louis", "Guinea - Bissau"). */
const JOINER = /^[.\-‐–'’&·]+$/u;

const BIO: boolean[] = GAZETTEER_CATEGORIES.map((c) => (PHRASE_CATEGORIES as readonly string[]).includes(c));
const DATA_FILE = new URL('../../../../src/nlp/gazetteer/data/gazetteer.tsv', import.meta.url);

/**
 * The compiled file is searched in place: lines `key<TAB>flags`, found through a hash index of
 * line numbers (LineIndex), so loading costs one read, one scan for line starts and one hashing
 * pass (about 15 ms; a Map of 200k+ entries took ~100 ms to build). See
 * src/training/gazetteer/build.ts for the format.
 */
const blob: string = readFileSync(DATA_FILE, 'utf8');
const { lineStarts: starts, letterBits } = scan(blob);

function scan(text: string): { lineStarts: Int32Array; letterBits: Int32Array } {
  const headerEnd = text.indexOf('\n');
  const header = text.slice(0, headerEnd);
  const m = /^#gazetteer\/1 categories=(\S+)$/.exec(header);
  if (!m) throw new Error(`gazetteer: unexpected header in ${DATA_FILE.pathname}`);
  // Flag letter a, b, c... = the file's category list; map to our category bits.
  const bits = new Int32Array(128);
  m[1]!.split(',').forEach((name, i) => {
    const ours = GAZETTEER_CATEGORIES.indexOf(name as GazetteerCategory);
    if (ours >= 0) bits[97 + i] = 1 << ours;
  });
  bits[43 /* + */] = PREFIX_BIT;
  return { lineStarts: lineStarts(text, headerEnd + 1), letterBits: bits };
}

const entryCount = starts.length - 1;
const index = new LineIndex(blob, starts, 9 /* TAB */);

/** The key's line in the compiled file, through the hash index: its category bits. */
function searchBits(key: string): number {
  const line = index.find(key);
  if (line < 0) return 0;
  let v = 0;
  const end = starts[line + 1]! - 1;
  for (let j = starts[line]! + key.length + 1; j < end; j++) v |= letterBits[blob.charCodeAt(j)] ?? 0;
  return v;
}

/** Number of keys in the compiled file (names and prefixes of multi-word names). */
export function gazetteerSize(): number {
  return entryCount;
}

/** Categories of one exact name, e.g. gazetteerLookup('Georgia') -> ['country', 'region', 'given']. */
export function gazetteerLookup(name: string): GazetteerCategory[] {
  const bits = searchBits(parts(name).join(' '));
  return GAZETTEER_CATEGORIES.filter((_, i) => (bits & (1 << i)) !== 0);
}

/**
 * A token's word parts and, for each part alone, its category bits. `count` is the number of
 * parts, or JOINER_COUNT for a token of none that may sit inside a match ("-" in "Guinea - Bissau").
 * Worked out once per word: a caller keeps it in the word's GazetteerSlot (slot.ts), the first
 * part and its bits inline there.
 */
interface TokenEntry { count: number; parts: string[]; bits: Int32Array }
const JOINER_COUNT = -1;
function makeEntry(token: string): TokenEntry {
  const ps = parts(token);
  const count = ps.length === 0 && JOINER.test(token) ? JOINER_COUNT : ps.length;
  return { count, parts: ps, bits: Int32Array.from(ps, searchBits) };
}

/**
 * The entries of tokens given without slots, by token: bounded, as a corpus holds millions of
 * words (and a document of distinct words would otherwise keep a slot per token).
 */
const entries = new WordCache<TokenEntry>(50_000);

function entryOf(token: string): TokenEntry {
  let e = entries.get(token);
  if (e === undefined) {
    e = makeEntry(token);
    entries.set(token, e);
  }
  return e;
}

function fillSlot(slot: GazetteerSlot, token: string): void {
  const e = makeEntry(token);
  slot.gazetteerCount = e.count;
  slot.gazetteerFirst = e.parts[0] ?? '';
  slot.gazetteerFirstBits = e.bits[0] ?? 0;
  slot.gazetteerEntry = e.count > 1 ? e : null;
}

/** The tag strings, made once: [category] -> tag of a one-token match (U-), the first (B-) and the other (I-) tokens of a longer one. */
const TAG_B = GAZETTEER_CATEGORIES.map((c, i) => (BIO[i] ? 'B-' + c : c));
const TAG_I = GAZETTEER_CATEGORIES.map((c, i) => (BIO[i] ? 'I-' + c : c));
const TAG_U = GAZETTEER_CATEGORIES.map((c, i) => (BIO[i] ? 'U-' + c : c));
/** Shared by every token without a tag (most of them); never pushed to. */
const NO_TAGS: string[] = [];
Object.freeze(NO_TAGS);

/**
 * Gazetteer tags per token, for tokens as they appear in the text (case is ignored, as are
 * diacritics). For each category the longest match wins and matches of one category do not
 * overlap; different categories may tag the same tokens ("Jordan": B-country, given, surname).
 * Tags per token are ordered by match start, then by category (GAZETTEER_CATEGORIES order).
 * `slots[t]`, when given, belongs to the word tokens[t]: its entry is kept there.
 */
export function gazetteerTags(tokens: readonly string[], slots?: readonly GazetteerSlot[]): string[][] {
  // Flatten tokens into word parts, remembering which token each part came from.
  let np = 0;
  for (let t = 0; t < tokens.length; t++) {
    let count: number;
    let first: string;
    let firstBits: number;
    let entry: TokenEntry | null;
    if (slots) {
      // Kept on the word's slot: no cache lookup per token.
      const slot = slots[t]!;
      if (slot.gazetteerCount === SLOT_EMPTY) fillSlot(slot, tokens[t]!);
      count = slot.gazetteerCount;
      first = slot.gazetteerFirst;
      firstBits = slot.gazetteerFirstBits;
      entry = slot.gazetteerEntry as TokenEntry | null;
    } else {
      entry = entryOf(tokens[t]!);
      count = entry.count;
      first = entry.parts[0] ?? '';
      firstBits = entry.bits[0] ?? 0;
    }
    if (count === JOINER_COUNT) continue;
    if (np + Math.max(count, 1) > partBits.length) growParts(np + Math.max(count, 1));
    if (count === 0) {
      // A breaker (comma, bracket...): no entry spans it.
      partText[np] = '\u0000';
      partBits[np] = 0;
      partToken[np] = t;
      partEdge[np++] = STARTS | ENDS;
      continue;
    }
    partText[np] = first;
    partBits[np] = firstBits;
    partToken[np] = t;
    partEdge[np++] = count === 1 ? STARTS | ENDS : STARTS;
    for (let k = 1; k < count; k++) {
      partText[np] = entry!.parts[k]!;
      partBits[np] = entry!.bits[k]!;
      partToken[np] = t;
      partEdge[np++] = k === count - 1 ? ENDS : 0;
    }
  }

  const out: string[][] = new Array<string[]>(tokens.length).fill(NO_TAGS);
  const ncat = GAZETTEER_CATEGORIES.length;
  const nextFree = new Array<number>(ncat).fill(0); // first token index not yet covered, per category
  const bestLen = new Array<number>(ncat);

  for (let p = 0; p < np; p++) {
    // Nothing starts with a part that is neither an entry nor the start of one (most parts).
    if ((partEdge[p]! & STARTS) === 0 || partBits[p] === 0) continue;
    bestLen.fill(-1);
    let found = false;
    let key = '';
    for (let q = p; q < np && q - p < MAX_PARTS; q++) {
      let v: number;
      if (q === p) {
        key = partText[q]!;
        v = partBits[q]!;
      } else {
        key = key + ' ' + partText[q]!;
        v = searchBits(key);
      }
      if (v === 0) break;
      if ((partEdge[q]! & ENDS) !== 0 && (v & ~PREFIX_BIT) !== 0) {
        for (let c = 0; c < ncat; c++) if ((v & (1 << c)) !== 0) bestLen[c] = q;
        found = true;
      }
      if ((v & PREFIX_BIT) === 0) break;
    }
    if (!found) continue;
    const t0 = partToken[p]!;
    for (let c = 0; c < ncat; c++) {
      const q = bestLen[c]!;
      if (q < 0 || t0 < nextFree[c]!) continue;
      const t1 = partToken[q]!;
      for (let t = t0; t <= t1; t++) {
        if (out[t] === NO_TAGS) out[t] = [];
        out[t]!.push(t0 === t1 ? TAG_U[c]! : t === t0 ? TAG_B[c]! : TAG_I[c]!);
      }
      nextFree[c] = t1 + 1;
    }
  }
  if (partBits.length > MAX_KEPT_PARTS) releaseParts();
  return out;
}

/**
 * The word parts of one call, reused from call to call (kept unless a huge text grew them):
 * text, category bits, token, and whether the part starts / ends its token.
 */
const STARTS = 1;
const ENDS = 2;
const MAX_KEPT_PARTS = 1 << 20;
let partText: string[] = [];
let partBits = new Int32Array(4096);
let partToken = new Int32Array(4096);
let partEdge = new Uint8Array(4096);

function releaseParts(): void {
  partText = [];
  partBits = new Int32Array(4096);
  partToken = new Int32Array(4096);
  partEdge = new Uint8Array(4096);
}

function growParts(need: number): void {
  const size = Math.max(need, partBits.length * 2);
  const bits = new Int32Array(size);
  bits.set(partBits);
  const token = new Int32Array(size);
  token.set(partToken);
  const edge = new Uint8Array(size);
  edge.set(partEdge);
  partBits = bits;
  partToken = token;
  partEdge = edge;
}
