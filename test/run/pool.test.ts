/** The worker pool gives the same annotations as the main thread, and shuts down cleanly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workerPool } from '../../src/run/pool.js';
import { inlineAnnotator, type Job } from '../../src/run/analyzer.js';
import type { Format } from '../../src/fs/output.js';
import { messageText } from '../../src/core/messages.js';

const texts = [
  'Barack Obama visited Paris on Monday.',
  'Angela Merkel spoke in Berlin.',
  'The BBC reported from London in November 2015.',
  'Vladimir Putin met Emmanuel Macron at Versailles.',
  '😀 Theresa May left Downing Street.',
];

test('pool results equal inline results, whatever order they finish in', async () => {
  const formats: Format[] = ['yaml', 'json', 'jsonl'];
  // More jobs than the pool holds at once (two workers, two jobs each), in every format.
  const jobs: Job[] = formats.flatMap((format) =>
    texts.map((text, i) => ({
      path: `d${i}.txt`,
      text,
      header: { source: `d${i}.txt`, checksum: `sha256:${i}`, generator: 'annotate test' },
      format,
      referenceDate: '2016-09-13',
    })),
  );
  const inline = inlineAnnotator();
  const expected = [];
  for (const job of jobs) expected.push(await inline.annotate(job));
  const pool = workerPool(2);
  try {
    const got = await Promise.all(jobs.map((job) => pool.annotate(job)));
    assert.deepEqual(got, expected);
    for (const r of got) assert.ok(r.ok);
    assert.match(got[0]!.ok ? got[0]!.data : '', /^schema: annotate\/1\nsource: d0\.txt\nchecksum: sha256:0\n/);
    assert.deepEqual(got[0]!.ok ? got[0]!.counts : null, [1, 0, 1, 1]);
  } finally {
    await pool.close();
  }
});

test('a worker that dies fails only the text it was on; the ones waiting for it are done by its replacement', async () => {
  const texts = ['a', 'b', 'die', 'c', 'd', 'e', 'die', 'f'];
  const pool = workerPool(2, new URL('./fixtures/dying-worker.js', import.meta.url));
  try {
    const job = (text: string): Job => ({ path: `${text}.txt`, text, header: { source: '', checksum: '', generator: '' }, format: 'yaml', referenceDate: null });
    const got = await Promise.all(texts.map((t) => pool.annotate(job(t))));
    assert.deepEqual(
      got.map((r) => (r.ok ? r.data : r.message.text)),
      texts.map((t) => (t === 'die' ? messageText('E_ANALYZE', 'worker exited with code 7') : t.toUpperCase())),
    );
  } finally {
    await pool.close();
  }
});

test('large texts, and texts that run a worker out of its heap, are done by a worker without the limit', async () => {
  const texts = ['a', 'oom', 'b', 'a long text', 'c', 'another long one', 'd'];
  // Texts over 5 characters count as large here.
  const pool = workerPool(2, new URL('./fixtures/dying-worker.js', import.meta.url), 5);
  try {
    const job = (text: string): Job => ({ path: 'x.txt', text, header: { source: '', checksum: '', generator: '' }, format: 'yaml', referenceDate: null });
    const got = await Promise.all(texts.map((t) => pool.annotate(job(t))));
    assert.deepEqual(
      got.map((r) => (r.ok ? r.data : r.message.text)),
      ['A', 'OOM (roomy)', 'B', 'A LONG TEXT (roomy)', 'C', 'ANOTHER LONG ONE (roomy)', 'D'],
    );
  } finally {
    await pool.close();
  }
});

test('a text that runs even the roomy worker out of memory fails alone, with a message', { timeout: 60_000 }, async () => {
  // The roomy worker used to have no heap limit: running out of memory was V8's fatal error,
  // which took the whole process down.
  const texts = ['a', 'oom everywhere', 'a long text', 'b'];
  const pool = workerPool(1, new URL('./fixtures/dying-worker.js', import.meta.url), 5, 256);
  try {
    const job = (text: string): Job => ({ path: 'x.txt', text, header: { source: '', checksum: '', generator: '' }, format: 'yaml', referenceDate: null });
    const got = await Promise.all(texts.map((t) => pool.annotate(job(t))));
    assert.deepEqual(
      got.map((r) => (r.ok ? r.data : r.message.text)),
      ['A', 'ran out of memory (over the 256 MB one file may take); split the file', 'A LONG TEXT (roomy)', 'B'],
    );
  } finally {
    await pool.close();
  }
});

test('the roomy worker is held to what one file may take: 1 GB, or 100 MB per MB of a text over 10 MB', { timeout: 60_000 }, async () => {
  const pool = workerPool(1, new URL('./fixtures/dying-worker.js', import.meta.url), 5);
  try {
    const job = (text: string): Job => ({ path: 'x.txt', text, header: { source: '', checksum: '', generator: '' }, format: 'yaml', referenceDate: null });
    const heapMb = async (text: string): Promise<number> => {
      const r = await pool.annotate(job(text));
      assert.ok(r.ok);
      return Number(r.data);
    };
    // The limit is the cap less what lies outside the worker's old generation (350 MB), plus
    // the young generation V8 adds to heap_size_limit.
    const small = await heapMb('heap? a long text');
    assert.ok(small >= 674 && small < 1024, String(small));
    const large = await heapMb('heap?' + 'x'.repeat(30 * 1024 * 1024));
    assert.ok(large >= 2650 && large < 3000, String(large));
  } finally {
    await pool.close();
  }
});
