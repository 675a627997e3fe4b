/** Reading sources: every kind of bad input is a message, never an exception. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeSource, firstInvalidUtf8, readSource, MB } from '../../src/fs/read.js';
import { nodeFs } from '../../src/fs/adapter.js';
import { tempDir } from '../cli/harness.js';

const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('decodeSource table', () => {
  const cases: [string, Buffer, string | RegExp][] = [
    ['plain', b('Paris\n'), 'Paris\n'],
    ['BOM stripped', b([0xef, 0xbb, 0xbf], 'Paris'), 'Paris'],
    ['CRLF kept', b('a\r\nb\r\n'), 'a\r\nb\r\n'],
    ['astral', b('😀 Paris'), '😀 Paris'],
    ['form feed and tab are text', b('a\fb\tc'), 'a\fb\tc'],
    ['one stray control char in text', b(`${'x'.repeat(200)}\u0001`), `${'x'.repeat(200)}\u0001`],
    ['NUL', b('ab', [0], 'c'), /^looks like a binary file \(control byte at offset 2\)/],
    ['UTF-16 without a BOM', b([0x50, 0x00, 0x61, 0x00]), /^looks like a binary file/],
    ['UTF-16LE with a BOM', Buffer.concat([b([0xff, 0xfe]), Buffer.from('Paris 😀\r\n', 'utf16le')]), 'Paris 😀\r\n'],
    ['UTF-16BE with a BOM', Buffer.concat([b([0xfe, 0xff]), Buffer.from('Paris 😀\n', 'utf16le').swap16()]), 'Paris 😀\n'],
    ['UTF-16 cut in a code unit', b([0xff, 0xfe, 0x50, 0x00, 0x61]), /^is UTF-16LE text .* not well-formed \(bad code unit at byte 4\)/],
    ['UTF-16 lone surrogate', b([0xff, 0xfe, 0x50, 0x00, 0x00, 0xd8, 0x61, 0x00]), /^is UTF-16LE text .*bad code unit at byte 4/],
    ['UTF-16 with NUL', b([0xfe, 0xff, 0x00, 0x50, 0x00, 0x00]), /^looks like a binary file \(control byte at offset 4\)/],
    ['UTF-16 BOM only', b([0xff, 0xfe]), /^file is empty/],
    ['UTF-32', b([0xff, 0xfe, 0, 0, 0x50, 0, 0, 0]), /^is UTF-32 text/],
    ['control bytes', b([1, 2, 3, 4, 5], 'abc'), /^looks like a binary file \(control byte at offset 0\)/],
    ['latin-1', b('caf', [0xe9], ' x'), /^is not valid UTF-8 \(bad byte at offset 3\); convert it/],
    ['truncated sequence', b('ab', [0xe2, 0x82]), /^is not valid UTF-8 \(bad byte at offset 2\)/],
    ['surrogate encoded', b([0xed, 0xa0, 0x80]), /^is not valid UTF-8 \(bad byte at offset 0\)/],
    ['overlong', b([0xc0, 0xaf]), /^is not valid UTF-8 \(bad byte at offset 0\)/],
    ['empty', b(''), /^file is empty/],
    ['BOM only', b([0xef, 0xbb, 0xbf]), /^file is empty/],
    ['whitespace only', b(' \r\n\t\n'), /^file is empty/],
  ];
  for (const [name, bytes, expected] of cases) {
    const r = decodeSource(bytes);
    if (typeof expected === 'string') {
      assert.ok(r.ok, name);
      assert.equal(r.text, expected, name);
    } else {
      assert.ok(!r.ok, name);
      assert.match(r.message.text, expected, name);
      assert.equal(r.message.fatal, true);
    }
  }
});

test('firstInvalidUtf8 agrees with the decoder on valid text', () => {
  const text = Buffer.from('a é € 😀 z', 'utf8');
  assert.equal(firstInvalidUtf8(text), text.length);
});

test('size limit: over it is an error with the flag to raise it; a 2 MB single line within it reads', () => {
  const { dir, cleanup } = tempDir();
  try {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, 'y'.repeat(3 * MB));
    const r = readSource(nodeFs(), big, 2 * MB);
    assert.ok(!r.ok);
    assert.equal(r.message.text, 'file is 3 MB, over the 2 MB limit; raise it with --max-size 3 or split the file');
    // Just over: the two would round to the same figure, so bytes are given.
    writeFileSync(big, 'y'.repeat(2 * MB + 7));
    const just = readSource(nodeFs(), big, 2 * MB);
    assert.ok(!just.ok);
    assert.equal(just.message.text, `file is ${2 * MB + 7} bytes, over the ${2 * MB}-byte limit; raise it with --max-size 3 or split the file`);
    const line = path.join(dir, 'line.txt');
    const long = `Paris ${'word '.repeat((2 * MB) / 5)}`;
    writeFileSync(line, long);
    const ok = readSource(nodeFs(), line, 10 * MB);
    assert.ok(ok.ok);
    assert.equal(ok.source.text, long);
    const missing = readSource(nodeFs(), path.join(dir, 'nope.txt'), MB);
    assert.ok(!missing.ok);
    assert.equal(missing.message.id, 'E_NOT_FOUND');
  } finally {
    cleanup();
  }
});
