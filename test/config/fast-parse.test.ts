/** The fast config reader gives the yaml library's tree, offsets and all, or steps aside. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fastParse } from '../../src/config/fast-parse.js';
import { parseWithLibrary } from '../../src/config/parse.js';
import { ROOT } from '../cli/harness.js';
import { seededRandom } from '../../src/core/random.js';

const handled = [
  '',
  '# only a comment\n',
  'names:\n  Telegram: organization\n  Pavel Durov: {type: person, aliases: [Durov]}\nnot_entities: [REUTER, Brexit]\n',
  'names:\n  "Acme, Inc": organization   # quoted key\n  \'O\'\'Brien\': person\n',
  'not_entities:\n  - REUTER\n  - Paris: not place\n  - {Lyon: not place}\n',
  'not_entities:\n- REUTER\n- Brexit\n',
  'patterns:\n  "[Cap]+ Newsroom": organization\n  "[Cap] Inc|Corp": {type: organization}\n',
  'corrections:\n  corpus/a.txt:\n    - {text: Calais, type: place}\n    - text: Kassim\n      occurrence: 2\n      not: entity\n    - {text: Friday, value: 2016-09-09}\n',
  'names:\n  1860 München: organization\n  "1860": organization\n  2024: place\n',
  'names:\n  Telegram:\n    type: organization\n    aliases:\n      - TG\n      - "Telegram Messenger"\n',
  'names: {}\nnot_entities: []\n',
  'names:\n  "Tab\\tand \\u00e9": place\n',
  'names:\r\n  Telegram: organization\r\n',
  'names:\n  Telegram: organization\n  Telegram: place\n',
  'names:\n  Telegram: organisation\nnot_entity: x\n',
  'names:\n  Telegram:\nnot_entities:\n',
  'names: [a, b, {c: d}]\n',
  'names: plain words here\n',
  'corrections:\n  a.txt: [{text: "x: y", in: "the x: y here", type: place}]\n',
];

const unsupported = [
  'names: &a {X: place}\n',
  'names: {a: *x}\n',
  'names: !!map {X: place}\n',
  'names:\n  X: |\n    block\n',
  'names: {X: place,\n  Y: place}\n',
  '---\nnames: {}\n',
  'names:\n\tX: place\n',
  'names:\n  X: 1.5\n',
  'names:\n  X: -1\n',
];

test('the fast reader agrees with the yaml library on what it reads', () => {
  for (const text of handled) {
    const fast = fastParse(text);
    assert.notEqual(fast, undefined, `read fast: ${JSON.stringify(text)}`);
    assert.deepEqual(fast, parseWithLibrary(text), JSON.stringify(text));
  }
  const readme = /```yaml\n(# annotate\.config\.yaml[\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1]!;
  assert.deepEqual(fastParse(readme), parseWithLibrary(readme));
});

test('it steps aside for what it does not read', () => {
  for (const text of unsupported) assert.equal(fastParse(text), undefined, JSON.stringify(text));
});

test('generated configs: the same tree whenever the fast reader takes one', () => {
  const random = seededRandom(20261202);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = ['Telegram', 'Pavel Durov', 'Acme, Inc', "O'Brien", 'São Paulo', 'true', 'null', '12', 'x: y', 'a#b', 'a #b', '[Cap]+ Newsroom', 'Inc|Corp', '-dash', 'REUTER', 'Ünïcode', '"q"', "'s'", ''];
  const scalar = () => {
    const w = pick(words);
    const r = random();
    return r < 0.5 ? w : r < 0.75 ? JSON.stringify(w) : `'${w.replace(/'/g, "''")}'`;
  };
  let fastCount = 0;
  for (let n = 0; n < 400; n++) {
    let text = '';
    for (const key of ['names', 'not_entities', 'patterns', 'corrections']) {
      if (random() < 0.3) continue;
      const block = random() < 0.5;
      const items = Array.from({ length: 1 + Math.floor(random() * 4) }, () => [scalar(), scalar()] as const);
      if (key === 'not_entities') text += block ? `${key}:\n${items.map(([a]) => `  - ${a}\n`).join('')}` : `${key}: [${items.map(([a]) => a).join(', ')}]\n`;
      else text += block ? `${key}:\n${items.map(([a, b]) => `  ${a}: ${b}${random() < 0.2 ? '   # note' : ''}\n`).join('')}` : `${key}: {${items.map(([a, b]) => `${a}: ${b}`).join(', ')}}\n`;
    }
    const fast = fastParse(text);
    if (fast === undefined) continue;
    fastCount++;
    let lib: unknown;
    try {
      lib = parseWithLibrary(text);
    } catch (err) {
      lib = err;
    }
    assert.deepEqual(fast, lib, JSON.stringify(text));
  }
  assert.ok(fastCount > 100, `only ${fastCount} read fast`);
});
