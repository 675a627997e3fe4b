/** File names that would break the output if printed raw: controls, escapes, bytes that are not UTF-8. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { escapeControls, quoteBytes, quotePath } from '../../src/core/quote.js';
import { run, tempDir } from './harness.js';

test('quotePath quotes like git only names that need it', () => {
  const cases: [string, string][] = [
    ['corpus/a.txt', 'corpus/a.txt'],
    ['café/naïve.txt', 'café/naïve.txt'],
    ['a\nb.txt', '"a\\nb.txt"'],
    ['x\u001b]0;owned\u0007.txt', '"x\\033]0;owned\\a.txt"'],
    ['tab\there "q" \\.txt', '"tab\\there \\"q\\" \\\\.txt"'],
    ['\u202eevil.txt', '"\\342\\200\\256evil.txt"'],
    ['"quoted.txt', '"\\"quoted.txt"'],
  ];
  for (const [raw, shown] of cases) assert.equal(quotePath(raw), shown, JSON.stringify(raw));
  assert.equal(escapeControls('a\rb'), 'a\\rb');
  assert.equal(quoteBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74])), '"caf\\351.t"');
  assert.equal(quotePath(quoteBytes(Buffer.from('d/\xe9', 'latin1'))), '"d/\\351"');
});

test('names with newlines or escapes are printed escaped: no forged line, no terminal control', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const forged = 'x\nannotate: 0 files: 0 written.txt';
    const title = 'y\u001b]0;owned\u0007.txt';
    writeFileSync(path.join(dir, forged), '');
    writeFileSync(path.join(dir, title), '\u0000binary');
    const r = await run(['.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /\u001b|\u0007/);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(lines[0]!, /^"x\\nannotate: 0 files: 0 written\.txt": file is empty/);
    assert.match(lines[1]!, /^"y\\033\]0;owned\\a\.txt": looks like a binary file/);
  } finally {
    cleanup();
  }
});

test('a name that is not valid UTF-8 is reported as such, escaped, not as missing', async () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(path.join(dir, 'c'));
    writeFileSync(path.join(dir, 'c/ok.txt'), 'Angela Merkel visited Paris.\n');
    writeFileSync(Buffer.from(path.join(dir, 'c/caf\xe9.txt'), 'latin1'), 'Angela Merkel visited Paris.\n');
    writeFileSync(Buffer.from(path.join(dir, 'c/real-\ufffd.txt'), 'utf8'), 'Angela Merkel visited Paris.\n');
    const r = await run(['c'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.split('\n')[0], '"c/caf\\351.txt": skipped: its name is not valid UTF-8, so it cannot be named safely; rename it, e.g. convmv -f latin1 -t utf-8 --notest');
    assert.match(r.stderr, /2 files: 2 written/, 'ok.txt and the name with a real U+FFFD are annotated');
  } finally {
    cleanup();
  }
});
