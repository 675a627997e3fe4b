/** OutputClaims (run/annotate.ts): the first input to claim an output path, found by hash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputClaims } from '../../src/run/annotate.js';

/** Two different strings with the same 32-bit FNV-1a hash (found by brute force, deterministically). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `/out/${i}.yaml`;
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    const other = seen.get(h >>> 0);
    if (other !== undefined) return [other, s];
    seen.set(h >>> 0, s);
  }
}

test('the first claimer of a path is found again, also when two paths share a hash', () => {
  const [a, b] = collidingPair();
  const outputs = [a, b, '/out/x.yaml', a, b, '/out/x.yaml'];
  const claims = new OutputClaims((i) => outputs[i]!);
  assert.deepEqual(
    outputs.map((output, i) => claims.claim(output, i)),
    [-1, -1, -1, 0, 1, 2],
  );
});
