/** The byte budget that bounds source text in flight (run/budget.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBudget } from '../../src/run/budget.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('ByteBudget lets holders in up to the limit, first come first served', async () => {
  const budget = new ByteBudget(100);
  const order: string[] = [];
  await budget.take(60);
  const big = budget.take(50).then(() => order.push('big'));
  // A small request that would fit must not overtake the waiting large one.
  const small = budget.take(10).then(() => order.push('small'));
  await tick();
  assert.deepEqual(order, []);
  budget.give(60);
  await Promise.all([big, small]);
  assert.deepEqual(order, ['big', 'small']);
});

test('ByteBudget admits a request larger than the whole budget when nothing is held', async () => {
  const budget = new ByteBudget(100);
  await budget.take(500);
  let second = false;
  const p = budget.take(1).then(() => { second = true; });
  await tick();
  assert.equal(second, false);
  budget.give(500);
  await p;
  assert.equal(second, true);
});
