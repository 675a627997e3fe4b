/** The worker pool gives the same Documents as the main thread, and shuts down cleanly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workerPool } from '../../src/run/pool.js';
import { inlineAnalyzer } from '../../src/run/analyzer.js';
import type { Document } from '../../src/core/types.js';

const texts = [
  'Barack Obama visited Paris on Monday.',
  'Angela Merkel spoke in Berlin.',
  'The BBC reported from London in November 2015.',
  'Vladimir Putin met Emmanuel Macron at Versailles.',
  '😀 Theresa May left Downing Street.',
];

test('pool results equal inline results, whatever order they finish in', async () => {
  const docs: Document[] = texts.map((text, i) => ({ path: `d${i}.txt`, text, analysis: null, messages: [] }));
  const inline = inlineAnalyzer();
  const expected = [];
  for (const d of docs) expected.push(await inline.analyze(d, { referenceDate: '2016-09-13' }));
  const pool = workerPool(2);
  try {
    const got = await Promise.all(docs.map((d) => pool.analyze(d, { referenceDate: '2016-09-13' })));
    assert.deepEqual(got, expected);
    for (const d of got) assert.deepEqual(d.messages, []);
  } finally {
    await pool.close();
  }
});
