/** The cached engine fingerprint (run/engine-cache.ts): used only while no engine file changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cachedTreeHash, cachedEngineFingerprint } from '../../src/run/engine-cache.js';
import { engineFingerprint } from '../../src/nlp/fingerprint.js';
import { tempDir } from '../cli/harness.js';

test('the stored hash is used until a file under the root changes, is added or is replaced', () => {
  const { dir, cleanup } = tempDir();
  try {
    const root = path.join(dir, 'nlp') + path.sep;
    const cache = path.join(dir, 'cache', 'fp.json');
    mkdirSync(path.join(root, 'model'), { recursive: true });
    writeFileSync(path.join(root, 'a.ts'), 'one');
    writeFileSync(path.join(root, 'model', 'w.bin'), 'weights');
    let computed = 0;
    const compute = () => `hash${++computed}`;
    // Long after the files were written: their stamps are safe to store.
    const later = () => BigInt(Date.now() + 60_000) * 1_000_000n;
    const hash = () => cachedTreeHash(root, cache, compute, later);

    assert.equal(hash(), 'hash1');
    assert.equal(hash(), 'hash1', 'nothing changed: the stored hash');
    assert.equal(computed, 1);

    writeFileSync(path.join(root, 'model', 'w.bin'), 'WEIGHTS'); // same size, new content
    assert.equal(hash(), 'hash2');
    assert.equal(hash(), 'hash2');
    writeFileSync(path.join(root, 'b.ts'), 'new file');
    assert.equal(hash(), 'hash3');
    writeFileSync(path.join(dir, 'replacement'), 'one');
    renameSync(path.join(dir, 'replacement'), path.join(root, 'a.ts'));
    assert.equal(hash(), 'hash4');
    assert.equal(computed, 4);

    // A stored hash for another root is not this one's.
    assert.equal(cachedTreeHash(path.join(dir, 'model') + path.sep, cache, () => 'other', later), 'other');
  } finally {
    cleanup();
  }
});

test('files changed just before hashing are not stored: a coarse clock could hide a second change', () => {
  const { dir, cleanup } = tempDir();
  try {
    const root = path.join(dir, 'nlp') + path.sep;
    const cache = path.join(dir, 'fp.json');
    mkdirSync(root);
    writeFileSync(path.join(root, 'a.ts'), 'one');
    const justAfter = () => statSync(path.join(root, 'a.ts'), { bigint: true }).ctimeNs + 1_000_000n;
    let computed = 0;
    const compute = () => `hash${++computed}`;
    assert.equal(cachedTreeHash(root, cache, compute, justAfter), 'hash1');
    assert.equal(cachedTreeHash(root, cache, compute, justAfter), 'hash2');
  } finally {
    cleanup();
  }
});

test('a missing root or an unwritable cache only means computing', () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.equal(cachedTreeHash(path.join(dir, 'none') + path.sep, path.join(dir, 'fp.json'), () => 'h'), 'h');
    writeFileSync(path.join(dir, 'file'), '');
    mkdirSync(path.join(dir, 'nlp'));
    assert.equal(cachedTreeHash(path.join(dir, 'nlp') + path.sep, path.join(dir, 'file', 'fp.json'), () => 'h2'), 'h2');
  } finally {
    cleanup();
  }
});

test('the cached engine fingerprint is the engine fingerprint', () => {
  assert.equal(cachedEngineFingerprint(), engineFingerprint());
});
