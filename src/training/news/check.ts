/**
 * `node dist/src/training/news/check.js FILE...`: parses news-genre training texts, prints per
 * file its whitespace tokens and labels by type, and every label with its line for review; exits
 * 1 on a markup error. `--quiet` prints the counts only.
 */
import { readFileSync } from 'node:fs';
import { MarkupError, parseMarkup } from './markup.js';

function main(argv: string[]): number {
  const quiet = argv.includes('--quiet');
  let bad = 0;
  let tokens = 0;
  const byType: Record<string, number> = {};
  for (const file of argv.filter((a) => a !== '--quiet')) {
    try {
      const { text, entities } = parseMarkup(readFileSync(file, 'utf8'));
      const n = text.split(/\s+/).filter((w) => w.length > 0).length;
      tokens += n;
      const counts: Record<string, number> = {};
      for (const e of entities) { counts[e.type] = (counts[e.type] ?? 0) + 1; byType[e.type] = (byType[e.type] ?? 0) + 1; }
      process.stdout.write(`${file}: ${n} tokens, ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
      if (!quiet) for (const e of entities) process.stdout.write(`  ${e.type.padEnd(4)} ${e.text}\n`);
    } catch (err) {
      bad++;
      process.stdout.write(`${file}: ${err instanceof MarkupError ? err.message : String(err)}\n`);
    }
  }
  process.stdout.write(`total: ${tokens} tokens, ${Object.entries(byType).sort().map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return bad > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
