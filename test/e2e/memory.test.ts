/**
 * A text that could need more memory than one file may take is refused up front, alone: the
 * run goes on with the others and exits 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoCrash, removeDir, run, tempDir, writeTree } from '../helpers/cli.js';

test('a text too dense for the memory one file may take fails alone, with one line', { timeout: 90_000 }, async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  // Two tokens per two characters: 10 million tokens in 10 MB, which need 1.5 GB at least.
  writeTree(dir, { 'dense.txt': 'a-'.repeat(5_000_000), 'ok.txt': 'Angela Merkel visited Paris on Monday.\n' });
  const r = await run(['--jobs', '1', '.'], { cwd: dir, timeoutMs: 60_000 });
  assertNoCrash(r, 'dense text');
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('dense.txt: '));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^dense\.txt: text has up to 10000000 words and signs, which need at least 1\.5 GB of memory, over the 1\.0 GB one file may take; split the file$/);
  assert.ok(fs.existsSync(path.join(dir, 'ok.yaml')));
  assert.ok(!fs.existsSync(path.join(dir, 'dense.yaml')));
});
