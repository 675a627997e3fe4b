/**
 * The memory target: a file of news takes at most 100 MB per MB of text beyond the engine's own
 * (1 GB for a file of the default --max-size, 10 MB). Measured in a process of its own
 * (tools/pathological-run.ts: how far the peak resident memory rose while 1 MB of generated
 * articles was annotated, after a warm-up).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('../../src/tools/pathological-run.js', import.meta.url));

test('1 MB of news takes at most 100 MB of memory beyond the engine', { timeout: 120_000 }, () => {
  const r = JSON.parse(execFileSync(process.execPath, [runner, 'articles', '1000000'], { encoding: 'utf8', timeout: 120_000 })) as { ms: number; rssMb: number };
  assert.ok(r.rssMb <= 100, `peak RSS rose ${r.rssMb} MB`);
});
