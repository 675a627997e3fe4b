import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkIntegrity, withDigest } from '../../src/serialize/digest.js';
import { toJson, toJsonLine } from '../../src/serialize/json.js';
import { toYaml, toYamlWithLibrary } from '../../src/serialize/yaml.js';
import type { AnnotationRecord } from '../../src/serialize/record.js';

const record: AnnotationRecord = {
  schema: 'annotate/1',
  // A source path that looks like a key, and a mention over two lines: neither may be taken for the digest's place.
  source: 'odd\ndocument: name that is long enough to be broken over lines.txt',
  checksum: 'sha256:00',
  generator: 'annotate engine 2 (options 0123456789abcdef)',
  document: { title: 'T', published: null, published_from: null },
  people: [{ name: 'Ana', mentions: [{ start: 0, end: 3, text: 'Ana' }] }],
  organizations: [],
  places: [{ name: 'Paris', mentions: [{ start: 5, end: 10, text: 'Paris' }, { start: 20, end: 62, text: 'a line\ndocument: that goes on and on and on' }] }],
  dates: [],
};

test('the digest follows generator; its YAML is what both writers make of the signed record', () => {
  const signed = withDigest(record);
  assert.deepEqual(Object.keys(signed.record).slice(3, 6), ['generator', 'digest', 'document']);
  assert.match(signed.yaml, /\ngenerator: [^\n]*\ndigest: sha256:[0-9a-f]{64}\ndocument:\n/);
  assert.equal(signed.yaml, toYaml(signed.record));
  assert.equal(signed.yaml, toYamlWithLibrary(signed.record));
  assert.deepEqual(parse(signed.yaml), signed.record);
  // The same value in every format: json and jsonl carry the record as it is.
  assert.deepEqual(JSON.parse(toJsonLine(signed.record)), parse(signed.yaml));
});

test('a file as written is intact; any other byte, header included, is not', () => {
  const signed = withDigest(record);
  for (const [format, text] of [['yaml', signed.yaml], ['json', toJson(signed.record)]] as const) {
    assert.equal(checkIntegrity(Buffer.from(text)).kind, 'intact', format);
    const edits = [text.replace('Paris', 'Pariss'), text.replace('annotate engine 2', 'annotate engine 3'), text.replace('\n', '\r\n'), `\ufeff${text}`, text.replace('"Ana"', '"Ana" ')];
    for (const edited of edits) assert.equal(checkIntegrity(Buffer.from(edited)).kind, edited === text ? 'intact' : 'damaged', `${format}: ${JSON.stringify(edited.slice(0, 40))}`);
  }
});

test('damage is described: conflict markers, a cut, a hand edit; no digest at all is an old file', () => {
  const { yaml, record: signed } = withDigest(record);
  const why = (text: string) => {
    const r = checkIntegrity(Buffer.from(text));
    return r.kind === 'damaged' ? r.why : r.kind;
  };
  const lines = yaml.split('\n');
  const at = lines.indexOf('people:') + 1;
  lines.splice(at, 0, '<<<<<<< HEAD', '  - name: Bea', '    mentions: []', '=======', '>>>>>>> other');
  assert.match(why(lines.join('\n')), /merge conflict markers/);
  assert.match(why(yaml.slice(0, yaml.length - 20)), /cut short/);
  assert.match(why(yaml.slice(0, yaml.indexOf('\ndates:') + 1)), /cut short/);
  assert.match(why(yaml.replace('name: Ana', 'name: Anna')), /edited by hand/);
  assert.equal(why(toYaml(record)), 'none');
  const json = toJson(signed);
  assert.match(why(json.slice(0, 200)), /cut short/);
  assert.match(why(json.replace('"Ana"', '"Anna"')), /edited by hand/);
  assert.equal(why(toJson(record)), 'none');
});
