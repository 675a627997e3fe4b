import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileGazetteer } from '../../../src/training/gazetteer/build.js';

test('the committed gazetteer is what build-gazetteer compiles from the pinned packages', () => {
  const committed = readFileSync(new URL('../../../../src/nlp/gazetteer/data/gazetteer.tsv', import.meta.url), 'utf8');
  const { text, counts } = compileGazetteer();
  assert.ok(counts['city']! > 20_000 && counts['surname']! > 100_000, JSON.stringify(counts));
  // Not assert.equal on 2 MB strings: a diff of that size is useless; say how to fix instead.
  assert.ok(text === committed, 'src/nlp/gazetteer/data/gazetteer.tsv is stale: run `npm run build-gazetteer` and commit it');
});
