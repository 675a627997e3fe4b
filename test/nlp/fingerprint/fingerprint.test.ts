import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { engineFingerprint, fingerprintOf } from '../../../src/nlp/fingerprint.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'annotate-fp-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), body);
  }
  return root + path.sep;
}

test('the engine fingerprint is 16 hex digits and stable within a process', () => {
  assert.match(engineFingerprint(), /^[0-9a-f]{16}$/);
  assert.equal(engineFingerprint(), engineFingerprint());
});

test('data files change the fingerprint; code and docs do not', (t) => {
  const base = { 'index.ts': 'a', 'entities/model/ner.bin': 'weights', 'dates/rules.ts': 'r', 'gazetteer/data/places.tsv': 'Paris' };
  const roots = [
    tree(base),
    tree(base),
    tree({ ...base, 'entities/model/ner.bin': 'weights2' }),
    tree({ ...base, 'gazetteer/data/places.tsv': 'Paris\nLyon' }),
    tree({ ...base, 'entities/model/words.txt': 'new list' }),
    tree({ ...base, 'dates/rules.ts': '// a comment\nr' }),
    tree({ ...base, 'dates/README.md': 'notes' }),
    tree({ ...base, 'dates/extra.ts': '' }),
  ];
  t.after(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });
  const [a, same, model, gazetteer, added, code, docs, module] = roots.map(fingerprintOf);
  assert.equal(a, same, 'same bytes, same fingerprint');
  assert.notEqual(a, model, 'a retrained model');
  assert.notEqual(a, gazetteer, 'a changed gazetteer');
  assert.notEqual(a, added, 'a new data file, whatever its name');
  // Code is versioned by ENGINE_VERSION, held to the output by test/engine/.
  assert.equal(a, code, 'a comment in the rules');
  assert.equal(a, docs, 'a README does not shape output');
  assert.equal(a, module, 'a new module');
});
