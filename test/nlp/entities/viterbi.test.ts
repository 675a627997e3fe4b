import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeModel, viterbi } from '../../../src/nlp/entities/model.js';
import { MODEL_URL } from '../../../src/nlp/entities/paths.js';

/** The textbook Viterbi: every pair of tags, no shortcut; ties go to the lowest tag, as in viterbi. */
function reference(em: Float64Array, n: number, T: number, trans: Float64Array, start: Float64Array, end: Float64Array): number[] {
  let score = Array.from({ length: T }, (_, t) => start[t]! + em[t]!);
  const back: number[][] = [];
  for (let i = 1; i < n; i++) {
    const next: number[] = [];
    const ptr: number[] = [];
    for (let b = 0; b < T; b++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < T; a++) {
        if (trans[a * T + b] === -Infinity) continue;
        const s = score[a]! + trans[a * T + b]!;
        if (s > best) { best = s; arg = a; }
      }
      next.push(best + em[i * T + b]!);
      ptr.push(arg);
    }
    back.push(ptr);
    score = next;
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = score[t]! + end[t]!;
    if (s > best) { best = s; arg = t; }
  }
  const tags = [arg];
  for (let i = n - 1; i > 0; i--) tags.unshift((arg = back[i - 1]![arg]!));
  return tags;
}

test('viterbi gives the textbook path, with runs of tokens that can only be O', () => {
  const { model } = decodeModel(readFileSync(MODEL_URL));
  const T = model.T;
  let seed = 12345;
  const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let round = 0; round < 2000; round++) {
    const n = 1 + Math.floor(random() * 12);
    const em = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      const onlyO = random() < 0.4;
      for (let t = 0; t < T; t++) em[i * T + t] = onlyO && t > 0 ? -Infinity : (random() - 0.5) * 6;
    }
    const tags = new Int32Array(n);
    viterbi(em, 0, n, T, model.trans, model.start, model.end, tags);
    assert.deepEqual(Array.from(tags), reference(em, n, T, model.trans, model.start, model.end), `round ${round}`);
  }
});
