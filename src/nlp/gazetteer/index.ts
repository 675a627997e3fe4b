/**
 * Gazetteers as tagger features (issue 4 item 3): "is this token (sequence) a known country,
 * city, given name, organisation suffix ...". Never used as blind matches: the tagger weighs
 * these hits with everything else.
 *
 * Data: src/nlp/gazetteer/data/gazetteer.txt.gz, compiled by `npm run build-gazetteer`
 * (src/tools/build-gazetteer.ts) from hand lists and openly licensed npm data packages (see
 * NOTICE.md). Loaded once at module load; a lookup is one Map.get per token and per extension
 * of a multi-word candidate.
 *
 * File format (UTF-8, gzip): a line `@<category>` starts a section, every other non-empty line
 * is one entry already normalised by entryKey() (folded word parts joined by one space).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { registerEngineData } from '../fingerprint.js';
import { parts } from './normalize.js';

import { GAZETTEER_CATEGORIES, PHRASE_CATEGORIES, type GazetteerCategory } from './categories.js';

export { entryKey, fold, parts } from './normalize.js';
export { GAZETTEER_CATEGORIES, PHRASE_CATEGORIES, WORD_CATEGORIES, type GazetteerCategory } from './categories.js';

/** Longest entry, in word parts, that is looked for. */
const MAX_PARTS = 8;
/** Bit set on a key when longer entries start with it. */
const PREFIX_BIT = 1 << 30;
/** Tokens made only of these characters may sit inside a match ("St . Louis", "Guinea - Bissau"). */
const JOINER = /^[.\-‐–'’&·]+$/u;

const BIO: boolean[] = GAZETTEER_CATEGORIES.map((c) => (PHRASE_CATEGORIES as readonly string[]).includes(c));
const CATEGORY_INDEX = new Map<string, number>(GAZETTEER_CATEGORIES.map((c, i) => [c, i]));

const index = new Map<string, number>();
let entryCount = 0;
const DATA_FILE = new URL('../../../../src/nlp/gazetteer/data/gazetteer.txt.gz', import.meta.url);

function load(): void {
  const bytes = readFileSync(DATA_FILE);
  registerEngineData('gazetteer', createHash('sha256').update(bytes).digest('hex'));
  const text = gunzipSync(bytes).toString('utf8');
  let bit = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    if (line.length === 0) continue;
    if (line.charCodeAt(0) === 64 /* @ */) {
      const i = CATEGORY_INDEX.get(line.slice(1));
      bit = i === undefined ? 0 : 1 << i;
      continue;
    }
    if (bit === 0) continue;
    index.set(line, (index.get(line) ?? 0) | bit);
    entryCount++;
    let sp = line.indexOf(' ');
    while (sp > 0) {
      const prefix = line.slice(0, sp);
      index.set(prefix, (index.get(prefix) ?? 0) | PREFIX_BIT);
      sp = line.indexOf(' ', sp + 1);
    }
  }
}
load();

/** Number of (entry, category) pairs loaded. */
export function gazetteerSize(): number {
  return entryCount;
}

/** Categories of one exact name, e.g. gazetteerLookup('Georgia') -> ['country', 'region', 'given']. */
export function gazetteerLookup(name: string): GazetteerCategory[] {
  const bits = index.get(parts(name).join(' ')) ?? 0;
  return GAZETTEER_CATEGORIES.filter((_, i) => (bits & (1 << i)) !== 0);
}

const partCache = new Map<string, string[]>();
function tokenParts(token: string): string[] {
  let p = partCache.get(token);
  if (p === undefined) {
    p = parts(token);
    if (partCache.size > 50_000) partCache.clear();
    partCache.set(token, p);
  }
  return p;
}

/**
 * Gazetteer tags per token, for tokens as they appear in the text (case is ignored, as are
 * diacritics). For each category the longest match wins and matches of one category do not
 * overlap; different categories may tag the same tokens ("Jordan": B-country, given, surname).
 * Tags per token are ordered by match start, then by category (GAZETTEER_CATEGORIES order).
 */
export function gazetteerTags(tokens: readonly string[]): string[][] {
  // Flatten tokens into word parts, remembering which token each part came from.
  const partText: string[] = [];
  const partToken: number[] = [];
  const startsToken: boolean[] = [];
  const endsToken: boolean[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const ps = tokenParts(tok);
    if (ps.length === 0) {
      if (JOINER.test(tok)) continue;
      // A breaker (comma, bracket...): no entry spans it.
      partText.push('\u0000');
      partToken.push(t);
      startsToken.push(true);
      endsToken.push(true);
      continue;
    }
    for (let k = 0; k < ps.length; k++) {
      partText.push(ps[k]!);
      partToken.push(t);
      startsToken.push(k === 0);
      endsToken.push(k === ps.length - 1);
    }
  }

  const out: string[][] = tokens.map(() => []);
  const ncat = GAZETTEER_CATEGORIES.length;
  const nextFree = new Array<number>(ncat).fill(0); // first token index not yet covered, per category
  const bestLen = new Array<number>(ncat);

  for (let p = 0; p < partText.length; p++) {
    if (!startsToken[p]) continue;
    bestLen.fill(-1);
    let found = false;
    let key = '';
    for (let q = p; q < partText.length && q - p < MAX_PARTS; q++) {
      key = q === p ? partText[q]! : key + ' ' + partText[q]!;
      const v = index.get(key);
      if (v === undefined) break;
      if (endsToken[q] && (v & ~PREFIX_BIT) !== 0) {
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
      const cat = GAZETTEER_CATEGORIES[c]!;
      for (let t = t0; t <= t1; t++) {
        out[t]!.push(BIO[c] ? (t === t0 ? 'B-' : 'I-') + cat : cat);
      }
      nextFree[c] = t1 + 1;
    }
  }
  return out;
}
