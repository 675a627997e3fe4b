/**
 * Freshness follows the output, not the engine's bytes: in a copy of the package, a comment
 * added to a runtime source (and its build) leaves annotations up to date, and one changed
 * weight in the model makes them stale. What keeps code changes that do change the output from
 * slipping through is test/engine/reference-output.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, assertNoCrash, removeDir, run, tempDir } from '../helpers/cli.js';

/** bin, dist, src and package.json copied; each module linked (the engine cache stays this copy's). */
function packageCopy(): string {
  const root = tempDir('annotate-pkg-');
  for (const d of ['bin', 'dist', 'src']) fs.cpSync(path.join(ROOT, d), path.join(root, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.mkdirSync(path.join(root, 'node_modules'));
  for (const m of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (m !== '.cache') fs.symlinkSync(path.join(ROOT, 'node_modules', m), path.join(root, 'node_modules', m));
  }
  return root;
}

test('a comment in the engine keeps annotations fresh; a changed model weight makes them stale', async (t) => {
  const root = packageCopy();
  t.after(() => removeDir(root));
  const corpus = path.join(root, 'work');
  fs.mkdirSync(corpus);
  fs.copyFileSync(path.join(ROOT, 'corpus', '002_dcba6d6f3d5686ee.txt'), path.join(corpus, 'story.txt'));
  const opts = { cwd: root, root };
  assertNoCrash(await run(['-q', 'work'], opts));
  assert.equal((await run(['--check', 'work'], opts)).code, 0, 'fresh right after annotating');

  for (const file of ['src/nlp/dates/extract.ts', 'dist/src/nlp/dates/extract.js', 'src/serialize/yaml.ts', 'dist/src/serialize/yaml.js']) {
    const abs = path.join(root, file);
    fs.writeFileSync(abs, `// A comment changes no output.\n${fs.readFileSync(abs, 'utf8')}`);
  }
  fs.writeFileSync(path.join(root, 'src/nlp/dates/NOTES.md'), 'docs\n');
  const comment = await run(['--check', 'work'], opts);
  assert.equal(comment.code, 0, `a comment made annotations stale:\n${comment.stderr}`);

  const model = path.join(root, 'src/nlp/entities/model/ner.bin');
  const bytes = fs.readFileSync(model);
  bytes[bytes.length - 1] ^= 1;
  fs.writeFileSync(model, bytes);
  const weight = await run(['--check', 'work'], opts);
  assert.equal(weight.code, 1, `a changed weight left annotations fresh:\n${weight.stderr}`);
  assert.match(weight.stderr, /story\.yaml is out of date/);
});
