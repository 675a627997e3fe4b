/** Feature keys from interned pieces agree with the keys the trainer writes (pieces.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PieceTable, UNARY1, UNARY2, featureKey, key1, key2 } from '../../../src/nlp/entities/pieces.js';

test('a key built from piece hashes equals the key of the encoded feature string', () => {
  const pieces = new PieceTable(['l-1l=', 'w=']);
  const h = (s: string): [number, number] => {
    const id = pieces.id(s);
    return [pieces.hashes[2 * id]!, pieces.hashes[2 * id + 1]!];
  };
  const [n1, n2] = h('l-1l=');
  const [a1, a2] = h('the');
  const [b1, b2] = h('Café');
  assert.deepEqual(featureKey('l-1l=\u0000the\u0001Café'), [key1(n1, a1, b1), key2(n2, a2, b2)]);
  const [w1, w2] = h('w=');
  const [e1, e2] = h('');
  assert.deepEqual(featureKey('w=\u0000'), [key1(w1, e1, UNARY1), key2(w2, e2, UNARY2)]);
  // Unary and binary features with the same pieces differ.
  assert.notDeepEqual(featureKey('w=\u0000a'), featureKey('w=\u0000a\u0001'));
});

test('reset keeps the fixed pieces and renumbers the rest', () => {
  const pieces = new PieceTable(['b']);
  const id = pieces.id('word');
  assert.equal(pieces.size, 2);
  pieces.reset();
  assert.equal(pieces.generation, 1);
  assert.equal(pieces.size, 1);
  assert.equal(pieces.id('b'), 0);
  assert.equal(pieces.id('other'), id);
  assert.equal(pieces.strings[id], 'other');
});
