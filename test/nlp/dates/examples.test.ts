/** Every example of date-examples (copied into fixtures/, see fixtures/README.md) must pass. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates } from '../../../src/nlp/dates/index.js';
import { fixture } from './helpers.js';

interface Example { id: string; dct: string | null; text: string; dates: { text: string; value: string }[] }

const examples: Example[] = fixture('date-examples.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Example);

test('the fixture holds the date examples', () => {
  assert.ok(examples.length >= 49);
});

for (const ex of examples) {
  test(`date-examples ${ex.id}`, () => {
    const spans = extractDates(ex.text, { anchor: ex.dct });
    for (const s of spans) assert.equal(s.text, ex.text.slice(s.start, s.end));
    assert.deepEqual(
      spans.map((s) => ({ text: s.text, value: s.value })),
      ex.dates,
    );
  });
}
