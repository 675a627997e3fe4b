/**
 * The golden corpus through the real binary: `annotate --check corpus/` exits 0 on the committed
 * repository, as CI runs it. A copy with one annotation edited proves the gate can fail.
 * When the engine changes, regenerate with `npx annotate corpus/` and commit corpus/*.yaml.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, assertNoCrash, removeDir, run, tempDir } from '../helpers/cli.js';
import { assertCompleteAnnotation } from '../helpers/annotation.js';

const HINT = 'the committed corpus/*.yaml are stale: run `npx annotate corpus/` and commit them';

test('annotate --check corpus/ exits 0 on the committed repository', async () => {
  const r = await run(['--check', 'corpus/'], { cwd: ROOT });
  assertNoCrash(r);
  assert.equal(r.code, 0, `${HINT}\n${r.stderr}`);
  const texts = fs.readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt'));
  assert.ok(texts.length >= 2, 'corpus/ holds the sample articles');
  for (const t of texts) {
    assertCompleteAnnotation(path.join(ROOT, 'corpus', t.replace(/\.txt$/, '.yaml')), path.join(ROOT, 'corpus', t));
  }
});

test('the gate fails on a copy whose source changed', async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  fs.cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  const ok = await run(['--check', 'corpus'], { cwd: dir });
  assert.equal(ok.code, 0, `a plain copy should pass too (nothing depends on the folder):\n${ok.stderr}`);

  const txt = fs.readdirSync(path.join(dir, 'corpus')).filter((f) => f.endsWith('.txt')).sort()[0]!;
  fs.appendFileSync(path.join(dir, 'corpus', txt), '\nAngela Merkel said nothing more.\n');
  const stale = await run(['--check', 'corpus'], { cwd: dir });
  assertNoCrash(stale);
  assert.equal(stale.code, 1, stale.stderr);
  assert.ok(stale.stderr.includes(txt), `the stale file is named:\n${stale.stderr}`);
});
