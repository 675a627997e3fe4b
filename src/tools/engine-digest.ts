/**
 * `npm run engine-digest [-- --out DIR]`
 *
 * The reference output that keeps ENGINE_VERSION (src/core/engine-version.ts) honest. The
 * freshness key does not hash the engine's code, so a change to the code that changes what
 * annotate writes must bump ENGINE_VERSION, or annotations would stay "up to date" while a
 * re-run would write other bytes. This tool annotates a reference corpus and records, for each
 * document, a hash of its input and a hash of its output (YAML and JSON, as the writers render
 * them) in test/engine/reference.json; test/engine/reference-output.test.ts recomputes them
 * and fails when they disagree.
 *
 * Run, the tool records the table again and bumps ENGINE_VERSION when the output of an input
 * that did not change is different: a documented reason to re-annotate every corpus. An input
 * that changed, came or went (a corpus text edited, the article generator changed) only
 * refreshes its row: the table keys outputs by input, so inputs can move without a bump.
 *
 * The reference corpus: corpus/*.txt, generated articles (bench-articles.ts), the news-genre
 * texts without their markup, the scraped pages of the zoning's development set, and the date
 * examples with their own reference dates; the corpus and the news texts also a second time with
 * a reference date, so the rules for relative dates are covered. About 1 MB, a second or two of
 * NLP. --out DIR also writes each document's YAML under DIR, so two engines' outputs can be
 * compared with `annotate diff OLD NEW`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_VERSION } from '../core/engine-version.js';
import { sha256Hex, sourceChecksum, stableStringify } from '../core/fingerprint.js';
import { render } from '../run/analyzer.js';
import { toRecord } from '../serialize/record.js';
import { loadNewsTexts } from '../training/news/index.js';
import { loadPages } from '../training/pages/index.js';
import { article, articlePath } from './bench-articles.js';

/** From dist/src/tools/ (compiled) the package root is three levels up. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const TABLE_FILE = path.join(ROOT, 'test', 'engine', 'reference.json');
const VERSION_FILE = path.join(ROOT, 'src', 'core', 'engine-version.ts');
const GENERATED = 400;
const REFERENCE_DATE = '2016-09-13';

export interface ReferenceDoc {
  /** Unique; where the document came from. */
  name: string;
  text: string;
  /** The base name the engine sees (it may read a date from it). */
  fileName: string;
  referenceDate: string | null;
}

/** The table: each document's input hash and output hash, for one engine version. */
export interface ReferenceTable {
  engine: number;
  documents: Record<string, string>;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function referenceDocs(): ReferenceDoc[] {
  const docs: ReferenceDoc[] = [];
  const corpus = path.join(ROOT, 'corpus');
  const texts = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort(byCodeUnits);
  const news = loadNewsTexts();
  for (const referenceDate of [null, REFERENCE_DATE]) {
    const suffix = referenceDate ? `@${referenceDate}` : '';
    for (const f of texts) docs.push({ name: `corpus/${f}${suffix}`, text: fs.readFileSync(path.join(corpus, f), 'utf8'), fileName: f, referenceDate });
    for (const d of news) docs.push({ name: `news/${d.id}${suffix}`, text: d.text, fileName: `${d.id}.txt`, referenceDate });
  }
  // Scraped pages: their zoning decides which mentions are the article's.
  for (const d of loadPages()) docs.push({ name: `pages/${d.id}`, text: d.text, fileName: `${d.id}.txt`, referenceDate: null });
  for (let i = 0; i < GENERATED; i++) {
    const rel = articlePath(i);
    docs.push({ name: `generated/${rel}`, text: article(i), fileName: path.basename(rel), referenceDate: null });
  }
  const examples = path.join(ROOT, 'test', 'nlp', 'dates', 'fixtures', 'date-examples.jsonl');
  for (const line of fs.readFileSync(examples, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const ex = JSON.parse(line) as { id: string; dct: string | null; text: string };
    docs.push({ name: `date-examples/${ex.id}`, text: ex.text, fileName: `${ex.id}.txt`, referenceDate: ex.dct });
  }
  return docs;
}

const short = (s: string) => sha256Hex(s).slice(0, 16);

/** Annotates every reference document and renders it as the writers do: the table of this engine. */
export async function computeTable(docs = referenceDocs(), out: string | null = null): Promise<ReferenceTable> {
  const nlp = await import('../nlp/index.js');
  const documents: Record<string, string> = {};
  for (const doc of docs) {
    const analysis = nlp.analyze(doc.text, { fileName: doc.fileName, referenceDate: doc.referenceDate });
    // A fixed generator line: the output hash must not depend on the version it checks.
    const header = { source: doc.fileName, checksum: sourceChecksum(Buffer.from(doc.text, 'utf8')), generator: 'reference' };
    const record = toRecord(doc.text, analysis, header);
    const yaml = render(record, 'yaml');
    const input = short(stableStringify({ text: doc.text, fileName: doc.fileName, referenceDate: doc.referenceDate }));
    documents[doc.name] = `${input} ${short(`${yaml}\0${render(record, 'json')}`)}`;
    if (out) {
      const file = path.join(out, `${doc.name.replace(/@/g, '-at-')}.yaml`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, yaml);
    }
  }
  return { engine: ENGINE_VERSION, documents };
}

export function readTable(file = TABLE_FILE): ReferenceTable | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ReferenceTable;
  } catch {
    return null;
  }
}

export interface Comparison {
  /** Same input, other output: the engine's output changed. */
  changed: string[];
  /** Inputs that are new, gone or edited since the table was recorded. */
  inputs: string[];
}

export function compareTables(recorded: ReferenceTable, now: ReferenceTable): Comparison {
  const changed: string[] = [];
  const inputs: string[] = [];
  const names = new Set([...Object.keys(recorded.documents), ...Object.keys(now.documents)]);
  for (const name of [...names].sort(byCodeUnits)) {
    const [inA, outA] = (recorded.documents[name] ?? '').split(' ');
    const [inB, outB] = (now.documents[name] ?? '').split(' ');
    if (inA !== inB) inputs.push(name);
    else if (outA !== outB) changed.push(name);
  }
  return { changed, inputs };
}

/** One row per line, so that a review shows which documents' output moved. */
export function formatTable(table: ReferenceTable): string {
  const rows = Object.keys(table.documents).sort(byCodeUnits).map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(table.documents[k])}`);
  return `{\n  "engine": ${table.engine},\n  "documents": {\n${rows.join(',\n')}\n  }\n}\n`;
}

async function cli(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? path.resolve(argv[outAt + 1] ?? '') : null;
  const now = await computeTable(referenceDocs(), out);
  const recorded = readTable();
  const { changed, inputs } = recorded ? compareTables(recorded, now) : { changed: [], inputs: Object.keys(now.documents) };
  let version = ENGINE_VERSION;
  if (recorded && changed.length > 0 && recorded.engine >= ENGINE_VERSION) {
    version = recorded.engine + 1;
    const source = fs.readFileSync(VERSION_FILE, 'utf8');
    const bumped = source.replace(/^export const ENGINE_VERSION = \d+;$/m, `export const ENGINE_VERSION = ${version};`);
    if (bumped === source) throw new Error(`no "export const ENGINE_VERSION = N;" line in ${VERSION_FILE}`);
    fs.writeFileSync(VERSION_FILE, bumped);
  }
  fs.writeFileSync(TABLE_FILE, formatTable({ engine: version, documents: now.documents }));
  const n = Object.keys(now.documents).length;
  const lines = [`engine-digest: ${n} reference documents; ${changed.length} with new output, ${inputs.length} new or changed inputs.`];
  if (changed.length > 0) {
    lines.push(`The engine's output changed (e.g. ${changed.slice(0, 3).join(', ')}): ENGINE_VERSION is now ${version} (was ${recorded!.engine}).`);
    lines.push('Existing annotations are stale; rebuild and re-annotate the corpus: npm run build && node bin/annotate.js corpus/');
  } else {
    lines.push(`The output of every unchanged input is the same: ENGINE_VERSION stays ${version}.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await cli(process.argv.slice(2));
}
