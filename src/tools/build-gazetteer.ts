/**
 * `npm run build-gazetteer`: compiles the hand lists (src/nlp/gazetteer/base-lists.ts) and the
 * openly licensed data packages (devDependencies; licences in src/nlp/gazetteer/NOTICE.md)
 * into src/nlp/gazetteer/data/gazetteer.txt.gz, the file the runtime loads.
 *
 * Deterministic: entries are normalised with entryKey(), de-duplicated and sorted by code
 * units per category; gzip at a fixed level with no file name or time stamp in the header
 * (Node's gzip writes mtime 0), so the same packages give the same bytes.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  COUNTRIES, DEMONYMS, LOC_SUFFIXES, MONTHS, ORG_SUFFIXES, TITLES, WEEKDAYS, listEntries,
} from '../nlp/gazetteer/base-lists.js';
import { entryKey } from '../nlp/gazetteer/normalize.js';
import { GAZETTEER_CATEGORIES, type GazetteerCategory } from '../nlp/gazetteer/categories.js';

const ROOT = new URL('../../../', import.meta.url);
const OUT = new URL('src/nlp/gazetteer/data/gazetteer.txt.gz', ROOT);

type Lists = Map<GazetteerCategory, Set<string>>;

function add(lists: Lists, cat: GazetteerCategory, names: Iterable<string>): void {
  let set = lists.get(cat);
  if (!set) lists.set(cat, (set = new Set()));
  for (const n of names) {
    const k = entryKey(n);
    if (k.length > 0) set.add(k);
  }
}

async function main(): Promise<void> {
  const lists: Lists = new Map();
  add(lists, 'title', listEntries(TITLES));
  add(lists, 'orgsuffix', listEntries(ORG_SUFFIXES));
  add(lists, 'locsuffix', listEntries(LOC_SUFFIXES));
  add(lists, 'month', listEntries(MONTHS));
  add(lists, 'weekday', listEntries(WEEKDAYS));
  add(lists, 'country', listEntries(COUNTRIES));
  add(lists, 'demonym', listEntries(DEMONYMS));

  const lines: string[] = [];
  for (const cat of GAZETTEER_CATEGORIES) {
    const set = lists.get(cat);
    if (!set || set.size === 0) continue;
    lines.push('@' + cat);
    const sorted = [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const e of sorted) lines.push(e);
    process.stderr.write(`${cat.padEnd(10)} ${String(sorted.length).padStart(7)}\n`);
  }
  const bytes = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(OUT, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  process.stderr.write(`wrote ${OUT.pathname} (${bytes.length} bytes, sha256 ${sha.slice(0, 16)})\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`build-gazetteer: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
