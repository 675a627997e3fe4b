/** Finding, reading and checking annotate.config.yaml (src/config). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigProblem, ConfigResolver } from '../../src/config/index.js';
import { nodeFs } from '../../src/fs/adapter.js';
import { tempDir } from '../cli/harness.js';

function withFiles(files: Record<string, string | Buffer>, fn: (dir: string, resolver: (o?: { explicit?: string; disabled?: boolean }) => ConfigResolver) => void): void {
  const { dir, cleanup } = tempDir('annotate-config-');
  try {
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    fn(dir, (o = {}) => new ConfigResolver(nodeFs(), { explicit: o.explicit ?? null, disabled: !!o.disabled }, (abs) => path.relative(dir, abs)));
  } finally {
    cleanup();
  }
}

/** The problem loading the config for `file` gives, as `where: problem`. */
function problem(text: string | Buffer): string {
  let out = '';
  withFiles({ 'annotate.config.yaml': text }, (dir, resolver) => {
    try {
      resolver().forFile(path.join(dir, 'a.txt'));
      out = 'no problem';
    } catch (err) {
      assert.ok(err instanceof ConfigProblem, String(err));
      out = `${err.where}: ${err.problem}`;
    }
  });
  return out;
}

test('the nearest config wins; annotate.config.yaml before .annotaterc.yaml; --config; --no-config', () => {
  withFiles(
    {
      'annotate.config.yaml': 'names: {Top: place}\n',
      'sub/.annotaterc.yaml': 'names: {Sub: place}\n',
      'sub/deeper/x.txt': '',
      'both/annotate.config.yaml': 'names: {Main: place}\n',
      'both/.annotaterc.yaml': 'names: {Rc: place}\n',
      'other.yaml': 'names: {Other: place}\n',
    },
    (dir, resolver) => {
      const names = (r: ConfigResolver, file: string) => r.forFile(path.join(dir, file))?.doc.rules.names.map((n) => n.name) ?? null;
      const r = resolver();
      assert.deepEqual(names(r, 'a.txt'), ['Top']);
      assert.deepEqual(names(r, 'sub/deeper/x.txt'), ['Sub']);
      assert.deepEqual(names(r, 'both/y.txt'), ['Main']);
      assert.deepEqual(names(resolver({ explicit: path.join(dir, 'other.yaml') }), 'sub/x.txt'), ['Other']);
      assert.equal(names(resolver({ disabled: true }), 'sub/x.txt'), null);
    },
  );
});

test('the freshness key follows the content, not the layout, and a file\'s own corrections', () => {
  const keys: string[][] = [];
  for (const text of [
    'names:\n  Telegram: organization\ncorrections:\n  a.txt: [{text: Calais, type: place}]\n',
    '# a comment\nnames: {Telegram: organization}   # same rules\ncorrections: {a.txt: [{type: place, text: Calais}]}\n',
    'names:\n  Telegram: organization\ncorrections:\n  a.txt: [{text: Calais, type: organization}]\n',
  ]) {
    withFiles({ 'annotate.config.yaml': text }, (dir, resolver) => {
      const r = resolver();
      keys.push([r.forFile(path.join(dir, 'a.txt'))!.key, r.forFile(path.join(dir, 'b.txt'))!.key]);
    });
  }
  assert.equal(keys[0]![0], keys[1]![0], 'comments and layout change nothing');
  assert.notEqual(keys[0]![0], keys[2]![0], 'a.txt: its correction changed');
  assert.equal(keys[0]![1], keys[2]![1], 'b.txt: nothing of its own changed');
  assert.notEqual(keys[0]![0], keys[0]![1]);
});

test('bad configs: each mistake with its line, column and what to write', () => {
  const cases: [string, string][] = [
    ['names:\n  Telegram: organization\nnot_entity: [REUTER]\n', 'annotate.config.yaml:3:1: unknown key "not_entity" (did you mean "not_entities"?); the keys are names, not_entities, patterns, furniture, corrections'],
    ['names:\n  Telegram: organisation\n', 'annotate.config.yaml:2:13: unknown type "organisation" (did you mean "organization"?); use person, organization, place'],
    ['names:\n  Pavel Durov: {aliases: [Durov]}\n', 'annotate.config.yaml:2:16: the name "Pavel Durov" has no type; write e.g. {type: person, aliases: [Durov]}'],
    ['patterns:\n  "[Capital] Newsroom": organization\n', 'annotate.config.yaml:2:3: bad pattern "[Capital] Newsroom" at column 1 of it: unknown token class [Capital]; use one of [Cap] [Upper] [Lower] [Num] [Word] [Punct]'],
    ['not_entities: REUTER\n', 'annotate.config.yaml:1:15: not_entities must be a list of strings, e.g. [REUTER, Brexit], or of "Paris: not place"'],
    ['not_entities:\n  - Paris: never place\n', 'annotate.config.yaml:2:12: write "Paris: not <type>" (not person, not organization, not place or not date)'],
    ['names: [Telegram]\n', 'annotate.config.yaml:1:8: names must be a mapping of names to types, e.g. "Telegram: organization"'],
    ['names:\n  Telegram: organization\n  Telegram: place\n', 'annotate.config.yaml:3:3: "Telegram" is given twice in names; keep one entry'],
    ['names: {Paris: place}\nnot_entities: [Paris]\n', 'annotate.config.yaml:1:1: "Paris" is both a name (place) and in not_entities; keep one of them'],
    ['corrections:\n  ../a.txt: []\n', 'annotate.config.yaml:2:3: "../a.txt" must be a source file\'s path relative to this config\'s folder, with / between folders (no .. or leading /)'],
    ['corrections:\n  a.txt:\n    - {text: Calais, type: place, not: entity}\n', 'annotate.config.yaml:3:7: a correction says one thing: type (a wrong or missed entity), not (not an entity) or value (a date\'s value); this one says several'],
    ['corrections:\n  a.txt:\n    - {text: Calais, tpye: place}\n', 'annotate.config.yaml:3:22: unknown key "tpye" in a correction (did you mean "type"?); a correction takes text, in, occurrence, type, not, value'],
    ['corrections:\n  a.txt:\n    - {text: Friday, value: next week}\n', 'annotate.config.yaml:3:29: value must be a TIMEX3 date value such as 2016-09-09, 2016-09, 2016-W37 or XXXX-11'],
    ['corrections:\n  a.txt:\n    - {text: Calais, occurrence: 0, type: place}\n', 'annotate.config.yaml:3:34: occurrence must be a whole number from 1 (the first place the text occurs)'],
    ['names:\n  Telegram: [organization\n', 'annotate.config.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['names: {a: *x}\n', 'annotate.config.yaml:1:'],
  ];
  for (const [text, expected] of cases) {
    const got = problem(text);
    assert.ok(got.startsWith(expected), `${JSON.stringify(text)}\n got: ${got}\nwant: ${expected}`);
  }
  assert.equal(problem(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x73, 0x3a, 0x20, 0xff, 0x0a])), 'annotate.config.yaml: it is not valid UTF-8 text');
});

test('empty configs and comments only are fine; names may be numbers', () => {
  assert.equal(problem(''), 'no problem');
  assert.equal(problem('# nothing yet\n'), 'no problem');
  assert.equal(problem('names:\n  1860 München: organization\n  "1860": organization\n'), 'no problem');
});
