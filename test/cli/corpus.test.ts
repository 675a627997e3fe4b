/**
 * The committed corpus/*.yaml are what annotate writes today: `annotate --check corpus/` passes,
 * and re-annotating every file produces exactly the committed bytes. When the engine changes,
 * regenerate them with `npx annotate --force corpus/` and commit the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, run } from './harness.js';

const HINT =
  'the committed annotations differ from what annotate writes now: run `npm run build && npx annotate --force corpus/` and commit corpus/*.yaml (and bump ENGINE_REVISION in src/nlp/fingerprint.ts if the engine changed without its data)';

test('annotate --check corpus/ passes', async () => {
  const r = await run(['--check', 'corpus/'], { cwd: ROOT });
  assert.equal(r.code, 0, `${HINT}\n${r.stderr}`);
});

test('re-annotating corpus/ gives exactly the committed bytes', async () => {
  const texts = readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(texts.length >= 2);
  for (const txt of texts) {
    // Run from corpus/ so the printed source (relative to the working folder) is the file's.
    const r = await run(['--stdout', txt], { cwd: path.join(ROOT, 'corpus') });
    assert.equal(r.code, 0, r.stderr);
    const committed = readFileSync(path.join(ROOT, 'corpus', txt.replace(/\.txt$/, '.yaml')), 'utf8');
    assert.equal(r.stdout, committed, `${txt}: ${HINT}`);
  }
});
