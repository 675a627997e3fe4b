/** The two-generation word cache (src/nlp/cache.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordCache } from '../../src/nlp/cache.js';

test('WordCache keeps a word that is used again across a generation change, and forgets idle ones', () => {
  const c = new WordCache<number>(2);
  c.set('a', 1);
  c.set('b', 2);
  c.set('c', 3); // young {a, b} becomes old; young {c}
  assert.equal(c.get('a'), 1); // moved back to young: {c, a}
  c.set('d', 4); // young {c, a} becomes old; b is gone
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('c'), 3);
  assert.equal(c.get('d'), 4);
});
