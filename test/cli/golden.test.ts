/**
 * Golden tests: one folder per case under test/cli/golden/ with `args` (one per line), an
 * optional `in/` tree (file names end in .in so the repository's own corpus search never finds
 * them; the suffix is dropped when copied), optional `stdin`, and `expected` (exit code, stdout,
 * stderr; temp paths replaced by <tmp>). Only engine-independent output belongs here.
 * UPDATE_GOLDEN=1 npm test rewrites the expected files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, run, tempDir } from './harness.js';

const GOLDEN = path.join(ROOT, 'test/cli/golden');

function dropSuffix(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) dropSuffix(p);
    else if (name.endsWith('.in')) renameSync(p, p.slice(0, -3));
  }
}

for (const name of readdirSync(GOLDEN).sort()) {
  const folder = path.join(GOLDEN, name);
  test(`golden: ${name}`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      if (existsSync(path.join(folder, 'in'))) {
        cpSync(path.join(folder, 'in'), dir, { recursive: true });
        dropSuffix(dir);
      }
      const args = readFileSync(path.join(folder, 'args'), 'utf8').split('\n').filter((l) => l !== '');
      const stdinFile = path.join(folder, 'stdin');
      const stdin = existsSync(stdinFile) ? readFileSync(stdinFile) : undefined;
      const r = await run(args, { cwd: dir, stdin });
      const actual = `code: ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`.split(dir).join('<tmp>');
      assert.doesNotMatch(actual, /\u001b\[/, 'no ANSI in golden output');
      const expectedFile = path.join(folder, 'expected');
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedFile, actual);
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    } finally {
      cleanup();
    }
  });
}
