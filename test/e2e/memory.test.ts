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
  // Two tokens per two characters: 4.4 million tokens in 4.4 MB.
  writeTree(dir, { 'dense.txt': 'a-'.repeat(2_200_000), 'ok.txt': 'Angela Merkel visited Paris on Monday.\n' });
  const r = await run(['--jobs', '1', '.'], { cwd: dir, timeoutMs: 60_000 });
  assertNoCrash(r, 'dense text');
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('dense.txt: '));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /could need [\d.]+ GB of memory, over the 4\.0 GB one file may take; split the file$/);
  assert.ok(fs.existsSync(path.join(dir, 'ok.yaml')));
  assert.ok(!fs.existsSync(path.join(dir, 'dense.yaml')));
});
