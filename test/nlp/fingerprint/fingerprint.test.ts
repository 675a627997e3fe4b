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

test('any change to engine code or data changes the fingerprint; docs do not', (t) => {
  const base = { 'index.ts': 'a', 'entities/model/ner.bin': 'weights', 'dates/rules.ts': 'r' };
  const roots = [
    tree(base),
    tree(base),
    tree({ ...base, 'entities/model/ner.bin': 'weights2' }),
    tree({ ...base, 'dates/rules.ts': 'r2' }),
    tree({ ...base, 'dates/README.md': 'notes' }),
    tree({ ...base, 'dates/extra.ts': '' }),
  ];
  t.after(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });
  const [a, same, model, rules, docs, added] = roots.map(fingerprintOf);
  assert.equal(a, same, 'same bytes, same fingerprint');
  assert.notEqual(a, model, 'a retrained model');
  assert.notEqual(a, rules, 'changed rules');
  assert.equal(a, docs, 'a README does not shape output');
  assert.notEqual(a, added, 'a new module');
});
