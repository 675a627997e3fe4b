/** Reading our own header back (freshness without NLP) and offsets in code points. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFresh, parseRecord, readHeader, recordToAnalysis } from '../../src/serialize/header.js';
import { toRecord } from '../../src/serialize/record.js';
import { toYaml } from '../../src/serialize/yaml.js';
import { toJson } from '../../src/serialize/json.js';
import { codePointIndexer, jsIndexer } from '../../src/core/offsets.js';
import type { Analysis } from '../../src/core/types.js';

const header = { source: 'no.txt', checksum: 'sha256:abc', generator: 'annotate 0.1.0 (options 0123456789abcdef)' };
const text = '😀 Paris, then 👩‍👩‍👧 Lyon.';
const analysis: Analysis = {
  title: 'yes',
  published: '2016-09-13',
  publishedFrom: 'text',
  body: [{ start: 0, end: text.length }],
  people: [],
  organizations: [],
  places: [
    { name: 'Paris', mentions: [{ start: 3, end: 8, label: 'LOC', text: 'Paris' }] },
    { name: 'Lyon', mentions: [{ start: text.indexOf('Lyon'), end: text.indexOf('Lyon') + 4, label: 'LOC', text: 'Lyon' }] },
  ],
  dates: [],
};

test('readHeader: YAML and JSON of ours, anything else foreign', () => {
  const record = toRecord(text, analysis, header);
  for (const content of [toYaml(record), toJson(record)]) {
    const state = readHeader(content);
    assert.equal(state.kind, 'ours');
    assert.ok(isFresh(state, header));
    assert.ok(!isFresh(state, { ...header, checksum: 'sha256:abd' }));
    assert.ok(!isFresh(state, { ...header, generator: 'annotate 0.2.0 (options 0123456789abcdef)' }));
    assert.ok(!isFresh(state, { ...header, source: '../no.txt' }));
  }
  const cases: [string, 'ours' | 'foreign'][] = [
    ['title: notes\n', 'foreign'],
    ['', 'foreign'],
    ['schema: other/1\n', 'foreign'],
    ['{"schema": 3}', 'foreign'],
    ['schema: annotate/2\nsource: x\n', 'ours'],
    ['schema: "annotate/1"\n', 'ours'],
    ['\ufeffschema: annotate/1\r\nsource: x\r\n', 'ours'],
    // Only the header at the top, as annotate writes it, makes a file ours.
    ['# comment\nschema: annotate/2\nsource: x\n', 'foreign'],
    ['My notes on the format\nschema: annotate/1 is what the tool writes\n', 'foreign'],
    ['schema: annotate/1 is what the tool writes\n', 'foreign'],
    ['  schema: annotate/1\n', 'foreign'],
    ['notes:\n  schema: annotate/1\n', 'foreign'],
    ['{\n  "name": "mine",\n  "meta": {\n    "schema": "annotate/1"\n  }\n}\n', 'foreign'],
    ['{\n  "name": "mine",\n  "schema": "annotate/1"\n}\n', 'foreign'],
    ['{\n  "meta": {\n  "schema": "annotate/1"\n  }\n}\n', 'foreign'],
    ['[\n  "schema": "annotate/1"\n]\n', 'foreign'],
    ['{\n  "schema": "annotate/1",\n  "source": "x"\n}\n', 'ours'],
  ];
  for (const [content, kind] of cases) assert.equal(readHeader(content).kind, kind, content);
  // A newer schema of ours is ours (never foreign), but never fresh.
  assert.ok(!isFresh(readHeader('schema: annotate/2\nsource: no.txt\nchecksum: sha256:abc\ngenerator: x\n'), header));
});

test('code points out, JS indices back in: mentions slice exactly', () => {
  const record = toRecord(text, analysis, header);
  const points = [...text];
  for (const place of record.places) {
    for (const m of place.mentions) assert.equal(points.slice(m.start, m.end).join(''), m.text);
  }
  assert.deepEqual(record.places[0]!.mentions[0], { start: 2, end: 7, text: 'Paris' });
  const back = recordToAnalysis(parseRecord(toYaml(record)), text);
  assert.deepEqual(back.places, analysis.places);
  const cp = codePointIndexer(text);
  const js = jsIndexer(text);
  for (let i = 0; i <= points.length; i++) assert.equal(cp(js(i)), i);
});

test('parseRecord rejects what is not annotate/1', () => {
  assert.throws(() => parseRecord('schema: annotate/2\n'), /schema is not annotate\/1/);
  assert.throws(() => parseRecord('schema: annotate/1\npeople: 3\n'), /people is not a list/);
});
