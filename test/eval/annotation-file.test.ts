import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointIndexer, jsIndexer } from '../../src/core/offsets.js';
import { readAnnotationFile } from '../../src/eval/annotation-file.js';
import { fixture } from './helpers.js';

test('code point <-> JS index conversion', () => {
  const t = 'a🙂b';
  const toJs = jsIndexer(t);
  assert.deepEqual([0, 1, 2, 3].map(toJs), [0, 1, 3, 4]);
  assert.equal(codePointIndexer(t)(3), 2);
  assert.equal(codePointIndexer(t)(4), 3);
});

test('reads an annotate/1 file into JS-index spans', async () => {
  const a = await readAnnotationFile(fixture('yaml/story.yaml'));
  assert.deepEqual(a.problems, []);
  assert.equal(a.published, '2016-09-13');
  assert.deepEqual(a.spans.map((s) => [s.type, s.start, s.end, s.text, s.value ?? null]), [
    ['PER', 3, 16, 'Rachid Kassim', null],
    ['LOC', 26, 31, 'Paris', null],
    ['DATE', 35, 52, '13 September 2016', '2016-09-13'],
  ]);
});

test('reports a mention whose text is not the slice of the source', async () => {
  const a = await readAnnotationFile(fixture('yaml-bad/story.yaml'));
  assert.equal(a.problems.length, 1);
  assert.match(a.problems[0]!, /places "Paris": mention 24-29/);
});
