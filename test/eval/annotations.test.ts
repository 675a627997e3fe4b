/**
 * The reference annotations in annotations/ are sound: every mention's text is exactly the
 * code-point slice of its source, the checksum matches the source, lists are well formed, and
 * every article in corpus/ has one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readAnnotationFile } from '../../src/eval/annotation-file.js';

const ROOT = new URL('../../../', import.meta.url);
const ANNOTATIONS = new URL('annotations/', ROOT);
const CORPUS = new URL('corpus/', ROOT);
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const files = readdirSync(ANNOTATIONS).filter((f) => f.endsWith('.yaml')).sort(byCodeUnits);

test('every corpus article has a reference annotation', () => {
  const articles = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort(byCodeUnits);
  assert.ok(articles.length > 0);
  assert.deepEqual(files.map((f) => f.replace(/\.yaml$/, '.txt')), articles);
});

for (const f of files) {
  test(`annotations/${f} matches its source`, async () => {
    const path = new URL(f, ANNOTATIONS).pathname;
    const raw = parse(readFileSync(path, 'utf8')) as { schema: string; source: string; checksum: string };
    assert.equal(raw.schema, 'annotate/1');
    assert.equal(raw.source, `../corpus/${f.replace(/\.yaml$/, '.txt')}`);
    const a = await readAnnotationFile(path);
    assert.deepEqual(a.problems, []);
    const bytes = readFileSync(a.sourcePath);
    assert.equal(raw.checksum, `sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    for (const s of a.spans) {
      assert.equal(a.text.slice(s.start, s.end), s.text);
      // Names only: no surrounding spaces or punctuation, no possessive.
      assert.match(s.text, /^[\p{L}\p{N}@#].*[\p{L}\p{N}.+)’']$|^[\p{L}\p{N}]$/u, `span "${s.text}"`);
      if (s.type !== 'DATE') assert.doesNotMatch(s.text, /['’]s$/u, `possessive in "${s.text}"`);
      if (s.type === 'DATE') assert.ok(s.value && s.value.length > 0, `date without value: ${s.text}`);
    }
  });
}
