import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LineIndex, lineStarts } from '../../src/nlp/line-index.js';
import { lineSetLookup } from '../../src/nlp/entities/lexicon.js';
import { WORDS_URL } from '../../src/nlp/entities/paths.js';

test('lineStarts: one start a line, the text length last, no line after a final line break', () => {
  assert.deepEqual(Array.from(lineStarts('ab\ncd\n')), [0, 3, 6]);
  assert.deepEqual(Array.from(lineStarts('ab\ncd')), [0, 3, 5]);
  assert.deepEqual(Array.from(lineStarts('#h\nab\n', 3)), [3, 6]);
  assert.deepEqual(Array.from(lineStarts('')), [0]);
});

test('LineIndex finds whole keys only, up to the separator or the line end', () => {
  const text = 'ab\tx\nabc\ty\nb\tz\nlast\tw';
  const index = new LineIndex(text, lineStarts(text), 9);
  assert.equal(index.find('ab'), 0);
  assert.equal(index.find('abc'), 1);
  assert.equal(index.find('b'), 2);
  assert.equal(index.find('last'), 3, 'the last line needs no newline');
  for (const missing of ['a', 'abcd', 'x', 'ab\tx', 'las', 'lastw', '']) assert.equal(index.find(missing), -1, JSON.stringify(missing));
});

test('LineIndex on lines without a separator, from an offset past a header', () => {
  const text = '#header\napple\nbanana\ncherry\n';
  const index = new LineIndex(text, lineStarts(text, 8), 9);
  assert.equal(index.find('apple'), 0);
  assert.equal(index.find('cherry'), 2);
  assert.equal(index.find('#header'), -1);
  assert.equal(index.find('cherr'), -1);
});

test('lineSetLookup agrees with a Set on the shipped word list', () => {
  const blob = readFileSync(WORDS_URL, 'utf8');
  const words = blob.split('\n').filter((w) => w.length > 0);
  const isWord = lineSetLookup(blob);
  const set = new Set(words);
  for (let i = 0; i < words.length; i += 97) assert.ok(isWord(words[i]!), words[i]);
  for (const w of ['the', 'house', 'zzzzqx', 'Paris', 'hous', 'houses', '']) assert.equal(isWord(w), set.has(w), w);
});
