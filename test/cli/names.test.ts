/** File names that would break the output if printed raw: controls, escapes, bytes that are not UTF-8. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { escapeControls, quoteBytes, quotePath } from '../../src/core/quote.js';
import { ROOT, run, tempDir } from './harness.js';

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

/** The message for a name typed on the command line with bytes that are not UTF-8. */
const TYPED_NOT_UTF8 =
  'no such file or folder; its name has bytes that are not UTF-8 (read as \uFFFD), and such a name cannot be given on the command line: rename it, e.g. convmv -f latin1 -t utf-8 --notest, or give the folder that holds it to see its name';

test('a name typed with bytes that are not UTF-8 gets told what to do, not "check the path"', async () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(path.join(dir, 'c'));
    writeFileSync(path.join(dir, 'c/ok.txt'), 'Angela Merkel visited Paris.\n');
    writeFileSync(Buffer.from(path.join(dir, 'c/caf\xe9.txt'), 'latin1'), 'Angela Merkel visited Paris.\n');
    mkdirSync(Buffer.from(path.join(dir, 'c/r\xe9sum\xe9s'), 'latin1'));
    // What Node makes of the bytes c/caf\351.txt in argv.
    const typed = 'c/caf\uFFFD.txt';
    const r = await run([typed, 'c/ok.txt'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.split('\n')[0], `${typed}: ${TYPED_NOT_UTF8}`);
    assert.match(r.stderr, /1 file: 1 written/, 'the other path is annotated');
    const show = await run(['show', typed], { cwd: dir });
    assert.equal(show.code, 2);
    assert.equal(show.stderr.trimEnd(), `${typed}: ${TYPED_NOT_UTF8}`);
    // A missing name without U+FFFD, or a real U+FFFD that exists, is as before.
    assert.match((await run(['c/nope.txt'], { cwd: dir })).stderr, /^c\/nope\.txt: no such file or folder; check the path$/m);
    // The folder that holds it: each such name is found and shown by its bytes, the rest annotated.
    const folder = await run(['c'], { cwd: dir });
    assert.equal(folder.code, 2);
    const lines = folder.stderr.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      '"c/caf\\351.txt": skipped: its name is not valid UTF-8, so it cannot be named safely; rename it, e.g. convmv -f latin1 -t utf-8 --notest',
      '"c/r\\351sum\\351s": skipped: its name is not valid UTF-8, so it cannot be named safely; rename it, e.g. convmv -f latin1 -t utf-8 --notest',
    ]);
    assert.match(folder.stderr, /1 file: 0 written, 0 unchanged, 1 skipped/);
  } finally {
    cleanup();
  }
});

test('the bytes of such a name, as a shell passes them, give the same message', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(Buffer.from(path.join(dir, 'caf\xe9.txt'), 'latin1'), 'Angela Merkel visited Paris.\n');
    const bin = path.join(ROOT, 'bin/annotate.js');
    const r = spawnSync('sh', ['-c', `"$0" "$1" "$(printf 'caf\\351.txt')"`, process.execPath, bin], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.split('\n')[0], `caf\uFFFD.txt: ${TYPED_NOT_UTF8}`);
  } finally {
    cleanup();
  }
});
