import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../../src/nlp/line-index.js';
import { lineSetLookup } from '../../src/nlp/entities/lexicon.js';
import { WORDS_URL } from '../../src/nlp/entities/paths.js';

function startsOf(text: string, from = 0): Int32Array {
  const starts = [from];
  for (let i = text.indexOf('\n', from); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  starts.push(text.length);
  return Int32Array.from(starts);
}

test('LineIndex finds whole keys only, up to the separator or the line end', () => {
  const text = 'ab\tx\nabc\ty\nb\tz\nlast\tw';
  const index = new LineIndex(text, startsOf(text), 9);
  assert.equal(index.find('ab'), 0);
  assert.equal(index.find('abc'), 1);
  assert.equal(index.find('b'), 2);
  assert.equal(index.find('last'), 3, 'the last line needs no newline');
  for (const missing of ['a', 'abcd', 'x', 'ab\tx', 'las', 'lastw', '']) assert.equal(index.find(missing), -1, JSON.stringify(missing));
});

test('LineIndex on lines without a separator, from an offset past a header', () => {
  const text = '#header\napple\nbanana\ncherry\n';
  const index = new LineIndex(text, startsOf(text, 8), 9);
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
