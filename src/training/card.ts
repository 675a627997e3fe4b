/**
 * Maps each training set's labels to the guideline card (docs/guidelines.md), and says which of
 * its documents are trained on and which are kept to measure. The sets' READMEs describe the
 * label noise these rules undo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gazetteerLookup } from '../nlp/gazetteer/index.js';

export interface CardEntity { start: number; end: number; type: string; text: string }
export interface CardDoc { set: string; id: string; text: string; gold: CardEntity[] }

/** sec-filings: defined-term parties, not names (its README, "Caveats"). */
const DEFINED_PARTIES: ReadonlySet<string> = new Set(['borrower', 'lender', 'bank', 'borrowers', 'lenders', 'banks']);

/** The document with its set's labels mapped to the card. `dir` is the set's folder. */
export function mapToCard<D extends CardDoc>(doc: D, dir: string): D {
  switch (doc.set) {
    case 'sec-filings':
      // Lower-case fragments of e-mail addresses and places ("east", "coal terminal site") and
      // "CEO" as a place are noise too.
      return withEntities(doc, doc.gold.filter((e) => {
        const text = doc.text.slice(e.start, e.end);
        return !DEFINED_PARTIES.has(text.toLowerCase()) && /\p{Lu}/u.test(text) && text !== 'CEO';
      }));
    case 're3d-open':
      // re3d types countries acting as governments ORG; the card keeps them places.
      return withEntities(doc, doc.gold.map((e) => (e.type === 'ORG' && isCountry(doc.text.slice(e.start, e.end)) ? { ...e, type: 'LOC' } : e)));
    case 'crossner-politics': {
      // Elections and events are named but none of the three: MISC, so that their words are
      // not learned as plain text either.
      const extra = excludedSpans(dir).get(doc.id) ?? [];
      return withEntities(doc, [...doc.gold, ...extra.map((e) => ({ start: e.start, end: e.end, type: 'MISC', text: e.text }))]);
    }
    default:
      return doc;
  }
}

function withEntities<D extends CardDoc>(doc: D, gold: CardEntity[]): D {
  return { ...doc, gold: gold.sort((a, b) => a.start - b.start || b.end - a.end) };
}

function isCountry(name: string): boolean {
  return gazetteerLookup(name.replace(/^the\s+/i, '')).includes('country');
}

const excludedCache = new Map<string, Map<string, CardEntity[]>>();
function excludedSpans(dir: string): Map<string, CardEntity[]> {
  let out = excludedCache.get(dir);
  if (out) return out;
  out = new Map();
  const file = join(dir, 'excluded.jsonl');
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { id: string; spans: CardEntity[] };
      out.set(rec.id, rec.spans);
    }
  }
  excludedCache.set(dir, out);
  return out;
}

/**
 * Which split a document belongs to: 'train', 'dev' (measured, never trained on) or 'skip'.
 * `index` is its position in its set's sorted file list (not used for the news texts, which go
 * by the number in their id). Test splits are skipped unless `withTest`.
 */
export function splitOf(doc: { set: string; id: string }, index: number, withTest = false): 'train' | 'dev' | 'skip' {
  // Kept to measure only: news-like sentences, and the set made to the CoNLL-2003 guidelines.
  if (doc.set === 'uner-en-pud' || doc.set === 'europarl-ner') return 'dev';
  // Sets without a split of their own: a held-out fifth.
  if (doc.set === 'wikigold' || doc.set === 're3d-open') return index % 5 === 0 ? 'dev' : 'train';
  // The project's own texts grow: each keeps its split by its number ("sport-45"), not its place.
  if (doc.set === 'news') return Number(/\d+$/.exec(doc.id)?.[0] ?? 1) % 5 === 0 ? 'dev' : 'train';
  if (doc.set === 'sec-filings') return doc.id.startsWith('test-') ? 'dev' : 'train';
  if (doc.set === 'crossner-politics') return doc.id.startsWith('dev-') ? 'dev' : 'train';
  if (doc.id.startsWith('dev-') || doc.id.includes('-dev-')) return 'dev';
  if (doc.set === 'btc' || doc.set === 'wnut17') return doc.id.includes('-train-') || (withTest && doc.id.includes('-test-')) ? 'train' : 'skip';
  // GUM's test (and dev) documents include the Wikinews interviews in corpus/, which are
  // evaluation material (corpus/SOURCES.md): never trained on.
  if (doc.id.startsWith('test-')) return withTest && doc.set !== 'gum-nonnews' ? 'train' : 'skip';
  return 'train';
}
