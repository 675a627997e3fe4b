import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareViews } from '../../src/diff/compare.js';
import { changeLine } from '../../src/diff/format.js';
import { textconv, viewOf } from '../../src/diff/view.js';
import type { AnnotationRecord, MentionRecord } from '../../src/serialize/record.js';

/** A record from lists of [name, mention texts]; offsets count up, as they do not matter. */
function record(parts: Partial<Record<'people' | 'organizations' | 'places' | 'dates', [string, string[]][]>>, published: string | null = null): AnnotationRecord {
  let at = 0;
  const mentions = (texts: string[]): MentionRecord[] => texts.map((text) => ({ start: (at += 10), end: at + text.length, text }));
  const groups = (list: [string, string[]][] = []) => list.map(([name, texts]) => ({ name, mentions: mentions(texts) }));
  return {
    schema: 'annotate/1', source: 's.txt', checksum: 'sha256:00', generator: 'g',
    document: { title: 'T', published, published_from: published ? 'text' : null },
    people: groups(parts.people), organizations: groups(parts.organizations), places: groups(parts.places),
    dates: (parts.dates ?? []).map(([value, texts]) => ({ value, mentions: mentions(texts) })),
  };
}

const lines = (a: AnnotationRecord, b: AnnotationRecord) => compareViews(viewOf(a), viewOf(b)).map(changeLine);

test('offsets alone are no change', () => {
  const a = record({ people: [['Ana Silva', ['Ana Silva', 'Silva']]], dates: [['2016-09', ['September']]] });
  const b = structuredClone(a);
  for (const g of [...b.people, ...b.dates]) for (const m of g.mentions) { m.start += 500; m.end += 500; }
  assert.deepEqual(lines(a, b), []);
});

test('added, removed, type, name, value, mention counts and the published date', () => {
  const a = record({
    people: [['Kassim', ['Kassim', 'Kassim']], ['Georgia', ['Georgia']]],
    places: [['Paris', ['Paris']], ['Lyon', ['Lyon', 'Lyon']]],
    dates: [['2015-11', ['November']]],
  }, '2016-09-13');
  const b = record({
    people: [['Rachid Kassim', ['Rachid Kassim', 'Kassim', 'Kassim']], ['Pavel Durov', ['Pavel Durov']]],
    places: [['Paris', ['Paris', 'Paris']], ['Georgia', ['Georgia']]],
    dates: [['2016-11', ['November']]],
  }, '2016-09-14');
  assert.deepEqual(lines(a, b), [
    '~ published: 2016-09-13 -> 2016-09-14',
    '+ person Pavel Durov (1 mention)',
    '- place Lyon (2 mentions)',
    '~ Georgia: person -> place (1 mention)',
    '~ person Kassim -> Rachid Kassim (2 -> 3 mentions) (+Rachid Kassim)',
    '~ date 2015-11 -> 2016-11 (1 mention)',
    '~ place Paris: 1 -> 2 mentions (+Paris)',
  ]);
});

test('textconv: one line per entity, sorted by name, no offsets', () => {
  const text = textconv(viewOf(record({ people: [['Zoe Ball', ['Zoe Ball']], ['Ana Silva', ['Ana Silva', 'Silva', 'Silva']]], dates: [['2016-09', ['September']]] })));
  assert.equal(text, [
    'source: s.txt', 'document:', '  title: T', '  published: null', '  published_from: null',
    'people:', '  Ana Silva: 3 mentions: Ana Silva, Silva ×2', '  Zoe Ball: 1 mention',
    'organizations: []', 'places: []', 'dates:', '  2016-09: 1 mention: September', '',
  ].join('\n'));
});

test('furniture: entries are compared apart from the article\'s, and textconv lists them under their own key', () => {
  const a = record({ people: [['Ana Silva', ['Ana Silva']]] });
  a.furniture = { people: [], organizations: [{ name: 'Facebook', mentions: [{ start: 1, end: 9, text: 'Facebook' }] }], places: [], dates: [] };
  const b = structuredClone(a);
  b.furniture!.places = [{ name: 'Calais', mentions: [{ start: 20, end: 26, text: 'Calais' }] }];
  // The same name moving from the furniture into the article is a removal and an addition.
  b.people.push({ name: 'Facebook', mentions: [{ start: 40, end: 48, text: 'Facebook' }] });
  b.furniture!.organizations = [];
  assert.deepEqual(lines(a, b), [
    '+ person Facebook (1 mention)',
    '+ place in furniture Calais (1 mention)',
    '- organization in furniture Facebook (1 mention)',
  ]);
  const view = textconv(viewOf(b));
  assert.match(view, /\nfurniture:\n {2}people: \[\]\n {2}organizations: \[\]\n {2}places:\n {4}Calais: 1 mention\n {2}dates: \[\]\n$/);
  // A file without furniture: (annotate 0.1, --furniture keep) has no such section.
  assert.doesNotMatch(textconv(viewOf(record({}))), /furniture/);
});
