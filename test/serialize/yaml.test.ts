/** YAML output: shape, flow-map mentions, no aliases or folding, and YAML 1.1 safety. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { isAmbiguousIn11 } from '../../src/serialize/yaml11.js';
import { toYaml } from '../../src/serialize/yaml.js';
import { toRecord, type AnnotationRecord } from '../../src/serialize/record.js';
import type { Analysis, Span } from '../../src/core/types.js';

const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '', '=', '<<',
  '199', '2016', '0o17', '017', '0x1F', '1_000', '1e3', '3.14', '.5', '.inf', '.NaN', '-7',
  '12:37', '190:20:30.15', '2016-09-13', '2016-9-1', '2016-09-13T12:37', '2016-09-13T12:37+02:00',
  '2016-09-13 12:37:00', '2015-11', 'XXXX-11', '2016-W37', '2016-SU', 'PRESENT_REF',
  '5,000', 'a: b', '#tag', '- x', '{x}', '[x]', '@INTEL_TODAY', '‘TELEGRAM’', 'it\'s', '"q"', 'Télé 😀',
  ' lead', 'trail ', 'x #y', '*star', '&amp', '!bang', '%pct', '`tick', '|pipe', '>gt', '?q', ':q', '-q', 'a:b', 'x,y', 'a\tb', 'line\nbreak', 'x\u2028y', 'x\u0085y', '\u00a0x', 'x\ufeff', 'bell\u0007',
];

test('YAML 1.1 resolver table', () => {
  const ambiguous = ['yes', 'No', 'y', 'off', 'null', '~', '', '=', '<<', '199', '0x1F', '1_000', '3.14', '12:37', '190:20:30.15', '2016-09-13', '2016-09-13T12:37+02:00', '.inf', '1e3'];
  const safe = ['2015-11', 'XXXX-11', '2016-W37', '2016-SU', 'Paris', 'Yesterday', 'November', '5,000', 'PRESENT_REF', 'no one'];
  for (const s of ambiguous) assert.equal(isAmbiguousIn11(s), true, s);
  for (const s of safe) assert.equal(isAmbiguousIn11(s), false, s);
});

function recordWith(strings: string[]): AnnotationRecord {
  const text = strings.join(' ');
  let at = 0;
  const spans: Span[] = strings.map((s) => {
    const span: Span = { start: at, end: at + s.length, label: 'PER', text: s };
    at += s.length + 1;
    return span;
  });
  const analysis: Analysis = {
    title: 'no',
    published: '2016-09-13T12:37+02:00',
    publishedFrom: 'text',
    people: spans.filter((s) => s.text !== '').map((s) => ({ name: s.text, mentions: [s] })),
    organizations: [],
    places: [],
    dates: [{ value: '199', mentions: [{ start: 0, end: 3, label: 'DATE', text: text.slice(0, 3), value: '199' }] }],
  };
  return toRecord(text, analysis, { source: 'yes.txt', checksum: 'sha256:00', generator: 'annotate 0.1.0 (options 0000000000000000)' });
}

test('every scalar loads back as the same string in YAML 1.2 and YAML 1.1', () => {
  const record = recordWith(TRICKY);
  const yaml = toYaml(record);
  assert.deepEqual(parse(yaml), record);
  assert.deepEqual(parse(yaml, { version: '1.1' }), record);
  // Every plain scalar in the file is a string 1.1 would keep (checked with our own resolver).
  for (const line of yaml.split('\n')) {
    const m = /^\s*(?:- )?[a-z_]+: (.*)$/.exec(line);
    if (m && !m[1]!.startsWith('{') && !/^['"]/.test(m[1]!) && m[1] !== 'null' && m[1] !== '[]' && m[1] !== '') {
      assert.equal(isAmbiguousIn11(m[1]!), false, line);
    }
  }
});

test('PyYAML (YAML 1.1) loads the same object, when python3 with PyYAML is installed', (t) => {
  const probe = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    t.skip('python3 with PyYAML is not installed');
    return;
  }
  const record = recordWith(TRICKY);
  const py = spawnSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read()), ensure_ascii=False))'], {
    input: toYaml(record),
    encoding: 'utf8',
  });
  assert.equal(py.status, 0, py.stderr);
  assert.deepEqual(JSON.parse(py.stdout), record);
});

test('layout: header keys in order, flow-map mentions, no aliases, no folded lines', () => {
  const title = `${'A long headline that goes on and on '.repeat(8)}end`;
  const text = `${title}\nParis and Paris again.`;
  const p1 = text.indexOf('Paris');
  const p2 = text.indexOf('Paris', p1 + 1);
  const mention = (start: number): Span => ({ start, end: start + 5, label: 'LOC', text: 'Paris' });
  const record = toRecord(
    text,
    {
      title,
      published: null,
      publishedFrom: null,
      people: [],
      organizations: [],
      places: [{ name: 'Paris', mentions: [mention(p2), mention(p1)] }],
      dates: [],
    },
    { source: 'story.txt', checksum: 'sha256:ab', generator: 'annotate 0.1.0 (options 0123456789abcdef)' },
  );
  const yaml = toYaml(record);
  assert.equal(
    yaml,
    [
      'schema: annotate/1',
      'source: story.txt',
      'checksum: sha256:ab',
      'generator: annotate 0.1.0 (options 0123456789abcdef)',
      'document:',
      `  title: ${title}`,
      '  published: null',
      '  published_from: null',
      'people: []',
      'organizations: []',
      'places:',
      '  - name: Paris',
      '    mentions:',
      `      - {start: ${p1}, end: ${p1 + 5}, text: Paris}`,
      `      - {start: ${p2}, end: ${p2 + 5}, text: Paris}`,
      'dates: []',
      '',
    ].join('\n'),
  );
  assert.doesNotMatch(yaml, /[&*]a\d/);
});

test('entities are ordered by first mention whatever order the engine gives', () => {
  const text = 'Bob met Alice.';
  const span = (start: number, end: number): Span => ({ start, end, label: 'PER', text: text.slice(start, end) });
  const record = toRecord(
    text,
    { title: null, published: null, publishedFrom: null, people: [{ name: 'Alice', mentions: [span(8, 13)] }, { name: 'Bob', mentions: [span(0, 3)] }], organizations: [], places: [], dates: [] },
    { source: 's.txt', checksum: 'sha256:00', generator: 'g' },
  );
  assert.deepEqual(record.people.map((p) => p.name), ['Bob', 'Alice']);
});
