/** Invariants over generated input: exact slices, sorted, no overlaps, a value on every span. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates, findPublished, findTitle } from '../../../src/nlp/dates/index.js';

const WORDS = [
  'May', 'may', 'March', 'march', 'Monday', 'Sunday', 'Times', 'The', 'the', 'in', 'on', 'last', 'next', 'this',
  'week', 'year', 'month', 'ago', 'three', 'a', 'years', 'days', 'summer', 'fall', 'Christmas', 'Easter', 'now',
  'recently', 'today', 'tonight', 'morning', '2013', '1500', '13', '09', '2016', '12:37', '8', 'p.m.', 'GMT+02:00',
  '13/09/2016', '2016-09-13', "'90s", 'the', '1970s', 'Q3', 'quarter', 'third', 'half', 'of', 'will', 'was',
  'said', '.', ',', '\n', '\r\n', '(', ')', '"', '🙂', 'é', 'mid-', 'late', 'early', 'Sept.', 'Sep', '31', '29',
  'Feb', 'February', 'every', 'hour', 'o\'clock', 'noon', 'midnight', '$', '2,000', 'police', 'ago.', 'Today',
];

function* rng(seed: number): Generator<number> {
  let x = seed >>> 0;
  for (;;) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    yield x;
  }
}

test('generated documents keep every invariant', () => {
  const r = rng(20160913);
  const next = (): number => r.next().value as number;
  for (let doc = 0; doc < 400; doc++) {
    const n = 5 + (next() % 80);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(WORDS[next() % WORDS.length]!, next() % 7 === 0 ? '' : ' ');
    const text = parts.join('');
    for (const anchor of ['2016-09-13', '2016-01-01T00:30+01:00', null]) {
      const spans = extractDates(text, { anchor });
      let last = -1;
      for (const s of spans) {
        assert.equal(s.text, text.slice(s.start, s.end), text);
        assert.ok(s.start >= last, `overlap or order in ${JSON.stringify(text)}`);
        assert.ok(s.end > s.start);
        assert.ok(s.value && s.value.length > 0);
        assert.ok(!/undefined|NaN/.test(s.value), s.value);
        last = s.end;
      }
    }
    findTitle(text);
    findPublished(text, { fileName: '2016-09-13-x.txt', referenceDate: null });
  }
});

test('degenerate input', () => {
  for (const text of ['', ' ', '\n\n', '\uFEFF', '.', '2016', 'May', '\u0000\u0001binary\uFFFD']) {
    assert.ok(Array.isArray(extractDates(text, { anchor: '2016-09-13' })));
    findTitle(text);
    findPublished(text, { referenceDate: null });
  }
});

test('CRLF line endings split sentences like LF', () => {
  const lf = extractDates('He left in May.\nShe will come in May.', { anchor: '2016-09-13' }).map((s) => s.value);
  const crlf = extractDates('He left in May.\r\nShe will come in May.', { anchor: '2016-09-13' }).map((s) => s.value);
  assert.deepEqual(lf, ['2016-05', '2017-05']);
  assert.deepEqual(crlf, lf);
});
