/**
 * Time and memory grow linearly with the input on every kind of pathological text
 * (src/tools/pathological.ts): each is annotated at two sizes, four times apart, each in a
 * process of its own, and the larger may cost at most `SLACK` times four the smaller in time
 * and in memory (quadratic growth gives sixteen). Costs below a floor count as the floor, so
 * the noise of a loaded two-core machine on small figures does not fail the test.
 *
 * Everyday sizes here; `npm run test:slow` runs the same at four times these (PATHOLOGICAL_SIZE).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PATHOLOGIES } from '../../src/tools/pathological.js';

const SMALL = Number(process.env.PATHOLOGICAL_SIZE ?? 25_000);
const SLACK = 2.5;
const FLOOR_MS = 250;
const FLOOR_MB = 40;
const runner = fileURLToPath(new URL('../../src/tools/pathological-run.js', import.meta.url));

function measure(name: string, size: number): { ms: number; rssMb: number } {
  return JSON.parse(execFileSync(process.execPath, [runner, name, String(size)], { encoding: 'utf8', timeout: 120_000 }));
}

for (const { name } of PATHOLOGIES) {
  test(`${name}: time and memory grow linearly (${SMALL} and ${4 * SMALL} characters)`, { timeout: 300_000 }, () => {
    const small = measure(name, SMALL);
    const large = measure(name, 4 * SMALL);
    const figures = `${JSON.stringify(small)} -> ${JSON.stringify(large)}`;
    assert.ok(Math.max(large.ms, FLOOR_MS) <= 4 * SLACK * Math.max(small.ms, FLOOR_MS), `time: ${figures}`);
    assert.ok(Math.max(large.rssMb, FLOOR_MB) <= 4 * SLACK * Math.max(small.rssMb, FLOOR_MB), `memory: ${figures}`);
  });
}
