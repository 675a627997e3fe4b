/**
 * `node dist/src/training/pages/export.js --out DIR [--data DIR] [--stats]` writes the
 * scraped-page texts in the shared data format: DIR/docs/<id>.txt and DIR/gold.jsonl, one line
 * per page, `{id, dct, entities: [], body: [[start, end], ...]}`. The pages carry no entity
 * labels; `body` says which parts are the article, the rest being furniture. `--stats` also
 * prints the furniture share per layout, the table of README.md. A marker error exits 2 and
 * writes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageMarkupError } from './markup.js';
import { furnitureChars, loadPages, PAGES_DIR, type PageDoc } from './index.js';

const USAGE = 'usage: node dist/src/training/pages/export.js --out DIR [--data DIR] [--stats]\n';

function main(argv: string[]): number {
  let out = '';
  let data = PAGES_DIR;
  let stats = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? '';
    else if (argv[i] === '--data') data = argv[++i] ?? '';
    else if (argv[i] === '--stats') stats = true;
    else { process.stderr.write(`export: unknown argument ${argv[i]}\n${USAGE}`); return 2; }
  }
  if (!out || !data) { process.stderr.write(USAGE); return 2; }
  let docs: PageDoc[];
  try {
    docs = loadPages(data);
  } catch (err) {
    if (!(err instanceof PageMarkupError)) throw err;
    process.stderr.write(`export: ${err.message}\n`);
    return 2;
  }
  mkdirSync(join(out, 'docs'), { recursive: true });
  const gold: string[] = [];
  for (const d of docs) {
    writeFileSync(join(out, 'docs', d.id + '.txt'), d.text);
    gold.push(JSON.stringify({ id: d.id, dct: d.dct, entities: [], body: d.body }));
  }
  writeFileSync(join(out, 'gold.jsonl'), gold.join('\n') + '\n');
  const total = docs.reduce((n, d) => n + d.text.length, 0);
  const furniture = docs.reduce((n, d) => n + furnitureChars(d), 0);
  process.stdout.write(`${docs.length} documents written to ${out} (${total} characters, ${percent(furniture, total)} furniture)\n`);
  if (stats) process.stdout.write(table(docs));
  return 0;
}

/** The README's table: per layout, documents, characters, furniture share, and its range. */
function table(docs: PageDoc[]): string {
  const layouts = [...new Set(docs.map((d) => d.layout))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = ['| layout | docs | characters | furniture | per page |', '|---|---:|---:|---:|---|'];
  for (const layout of [...layouts, '']) {
    const of = docs.filter((d) => layout === '' || d.layout === layout);
    const chars = of.reduce((n, d) => n + d.text.length, 0);
    const shares = of.map((d) => furnitureChars(d) / d.text.length);
    const range = `${percent(Math.min(...shares), 1)}–${percent(Math.max(...shares), 1)}`;
    const furniture = of.reduce((n, d) => n + furnitureChars(d), 0);
    rows.push(`| ${layout || '**all**'} | ${of.length} | ${chars} | ${percent(furniture, chars)} | ${range} |`);
  }
  return rows.join('\n') + '\n';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}

process.exitCode = main(process.argv.slice(2));
