/**
 * `node dist/src/training/news/export.js --out DIR [--split dev|train|all]` writes the news
 * texts in the shared data format (DIR/docs/<id>.txt + DIR/gold.jsonl), so that `annotate eval
 * DIR` scores the engine on them. `dev` (the default) is the held-out fifth the trainer never
 * sees.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from '../card.js';
import { loadNewsTexts } from './index.js';

function main(argv: string[]): number {
  let out = '';
  let split = 'dev';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? '';
    else if (argv[i] === '--split') split = argv[++i] ?? '';
    else { process.stderr.write(`export: unknown argument ${argv[i]}\n`); return 2; }
  }
  if (!out || !['dev', 'train', 'all'].includes(split)) {
    process.stderr.write('usage: node dist/src/training/news/export.js --out DIR [--split dev|train|all]\n');
    return 2;
  }
  const docs = loadNewsTexts().filter((d, i) => split === 'all' || splitOf(d, i) === split);
  mkdirSync(join(out, 'docs'), { recursive: true });
  const gold: string[] = [];
  for (const d of docs) {
    writeFileSync(join(out, 'docs', d.id + '.txt'), d.text);
    gold.push(JSON.stringify({ id: d.id, dct: null, entities: d.gold }));
  }
  writeFileSync(join(out, 'gold.jsonl'), gold.join('\n') + '\n');
  process.stdout.write(`${docs.length} documents written to ${out}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
