/**
 * `npm run eval:dev -- <shared data folder> [--news DIR]`: `annotate eval` over every
 * development split at once, one line per set (exact micro-F1 and per type), so that a change to
 * the engine is measured on all of them, not only the one it helps. The splits are the held-out
 * parts the trainer never sees (src/training/card.ts). `--news DIR` adds the news-genre dev
 * fifth exported by `node dist/src/training/news/export.js --out DIR`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runEval } from '../eval/index.js';
import { mapToCard } from '../training/card.js';

/** Set folder, its label here, and the eval arguments that select its development part. */
const DEV_SPLITS: [string, string, string[]][] = [
  ['europarl-ner', 'europarl-ner', []],
  ['re3d-open', 're3d-open fifth', ['--every', '5']],
  ['crossner-politics', 'crossner-politics dev', ['--split', 'dev']],
  ['sec-filings', 'sec-filings test', ['--split', 'test']],
  ['uner-en-pud', 'uner-en-pud', []],
  ['uner-en-ewt', 'uner-en-ewt dev', ['--split', 'dev']],
  ['wikigold', 'wikigold fifth', ['--every', '5']],
  ['gum-nonnews', 'gum-nonnews dev', ['--split', 'dev']],
];

/** Sets whose gold the guideline card maps (src/training/card.ts) are scored as mapped. */
const MAPPED: ReadonlySet<string> = new Set(['sec-filings', 're3d-open']);

/** A copy of the set's gold mapped to the card, with a link to its docs (the shared layout). */
function mappedCopy(dir: string, set: string, tmp: string): string {
  const out = join(tmp, set);
  mkdirSync(out);
  symlinkSync(join(dir, 'docs'), join(out, 'docs'));
  const lines: string[] = [];
  for (const line of readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { id: string; dct: string | null; entities: { start: number; end: number; type: string }[] };
    const text = readFileSync(join(dir, 'docs', rec.id + '.txt'), 'utf8');
    const gold = rec.entities.map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
    lines.push(JSON.stringify({ ...rec, entities: mapToCard({ set, id: rec.id, text, gold }, dir).gold }));
  }
  writeFileSync(join(out, 'gold.jsonl'), lines.join('\n') + '\n');
  return out;
}

interface Cell { f1: number }
interface EvalJson { entities: { types: Record<string, { exact: Cell }>; micro: { gold: number; exact: Cell } } }

async function scoreOne(name: string, args: string[]): Promise<string> {
  let out = '';
  const io = { cwd: process.cwd(), stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => process.stderr.write(s) }, color: false };
  const code = await runEval([...args, '--json'], io);
  if (code !== 0) return `${name.padEnd(22)} failed (exit ${code})`;
  const r = JSON.parse(out) as EvalJson;
  const pct = (c: Cell | undefined): string => (c ? (100 * c.f1).toFixed(1) : '-').padStart(6);
  const t = r.entities.types;
  return `${name.padEnd(22)}${String(r.entities.micro.gold).padStart(6)}${pct(r.entities.micro.exact)}${pct(t['PER']?.exact)}${pct(t['ORG']?.exact)}${pct(t['LOC']?.exact)}`;
}

async function main(argv: string[]): Promise<number> {
  let data = '';
  let news = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--news') news = argv[++i] ?? '';
    else data = argv[i]!;
  }
  if (!data) {
    process.stderr.write('usage: npm run eval:dev -- <shared data folder> [--news DIR]\n');
    return 2;
  }
  process.stdout.write(`${'set'.padEnd(22)}${'gold'.padStart(6)}${'micro'.padStart(6)}${'PER'.padStart(6)}${'ORG'.padStart(6)}${'LOC'.padStart(6)}\n`);
  const tmp = mkdtempSync(join(tmpdir(), 'annotate-dev-'));
  try {
    for (const [set, label, args] of DEV_SPLITS) {
      const dir = resolve(data, set);
      if (!existsSync(join(dir, 'gold.jsonl'))) continue;
      const gold = MAPPED.has(set) ? mappedCopy(dir, set, tmp) : dir;
      process.stdout.write((await scoreOne(label + (MAPPED.has(set) ? '*' : ''), [gold, ...args])) + '\n');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (news) process.stdout.write((await scoreOne('news (dev fifth)', [resolve(news)])) + '\n');
  const annotations = new URL('../../../annotations/', import.meta.url);
  process.stdout.write((await scoreOne('annotations/', [annotations.pathname])) + '\n');
  process.stdout.write('* gold mapped to the guideline card (src/training/card.ts)\n');
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`eval:dev: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 2;
});
