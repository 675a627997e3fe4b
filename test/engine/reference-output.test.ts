import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE_VERSION } from '../../src/core/engine-version.js';
import { compareTables, computeTable, readTable, TABLE_FILE } from '../../src/tools/engine-digest.js';

const FIX = 'run `npm run engine-digest`: it records the reference output again and bumps ENGINE_VERSION (src/core/engine-version.ts) when the output changed; then rebuild, re-annotate the corpus (node bin/annotate.js corpus/) and commit all three';

test('the engine writes the reference output recorded for ENGINE_VERSION', async () => {
  const recorded = readTable();
  assert.ok(recorded, `${TABLE_FILE} is missing or unreadable; ${FIX}`);
  assert.equal(recorded.engine, ENGINE_VERSION, `test/engine/reference.json was recorded for engine ${recorded.engine}, not ${ENGINE_VERSION}; ${FIX}`);
  const { changed, inputs } = compareTables(recorded, await computeTable());
  const some = (names: string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}`;
  assert.deepEqual(
    changed,
    [],
    `The engine's output changed for ${changed.length} reference documents (${some(changed)}) but ENGINE_VERSION was not bumped, so existing annotations would count as up to date; ${FIX}. To see what changed: npm run engine-digest -- --out /tmp/new on both commits, then annotate diff.`,
  );
  assert.deepEqual(inputs, [], `The reference corpus changed (${some(inputs)}); ${FIX}`);
});
