import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { entryKey, gazetteerLookup, gazetteerSize, gazetteerTags } from '../../../src/nlp/gazetteer/index.js';

test('entryKey folds case, diacritics and joiners', () => {
  assert.equal(entryKey("Côte d'Ivoire"), 'cote d ivoire');
  assert.equal(entryKey('U.S.'), 'u s');
  assert.equal(entryKey('Guinea-Bissau'), 'guinea bissau');
  assert.equal(entryKey('Straße'), 'strasse');
});

test('the compiled data is loaded', () => {
  assert.ok(gazetteerSize() > 500);
});

test('a one-token match is tagged U-, a longer one B- then I-', () => {
  const tags = gazetteerTags(['from', 'Jordan', 'and', 'South', 'Africa']);
  assert.deepEqual(tags[1]!.filter((t) => t.endsWith('country')), ['U-country']);
  assert.deepEqual(tags[3]!.filter((t) => t.endsWith('country')), ['B-country']);
  assert.deepEqual(tags[4]!.filter((t) => t.endsWith('country')), ['I-country']);
});

test('multi-word entries take the longest match with B-/I- tags', () => {
  const tags = gazetteerTags(['The', 'United', 'Arab', 'Emirates', 'said']);
  assert.deepEqual(tags[0], []);
  assert.ok(tags[1]!.includes('B-country'));
  assert.ok(tags[2]!.includes('I-country'));
  assert.ok(tags[3]!.includes('I-country'));
  assert.deepEqual(tags[4], []);
});

test('a call does not see the parts of an earlier, longer one', () => {
  const united = gazetteerTags(['United']);
  const hyphens = ['Guinea-Bissau', 'and', 'the', 'United', 'Arab', 'Emirates'];
  const first = gazetteerTags(hyphens);
  // More word parts than tokens, and more than any earlier call (the parts' room grows).
  const long = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? 'Port-au-Prince' : 'said'));
  assert.ok(gazetteerTags(long)[0]!.length > 0);
  assert.deepEqual(gazetteerTags(['United']), united);
  assert.deepEqual(gazetteerTags(hyphens), first);
});

test('lookup ignores case; word categories carry bare tags', () => {
  const tags = gazetteerTags(['PRESIDENT', 'Macron', 'met', 'German', 'officials', 'on', 'Monday', 'in', 'March']);
  assert.ok(tags[0]!.includes('title'));
  assert.ok(tags[3]!.includes('U-demonym'));
  assert.ok(tags[6]!.includes('weekday'));
  assert.ok(tags[8]!.includes('month'));
});

test('the caller may split abbreviations and hyphens or not', () => {
  assert.ok(gazetteerTags(['U.S.'])[0]!.includes('U-country'));
  const split = gazetteerTags(['U', '.', 'S', '.', 'officials']);
  assert.ok(split[0]!.includes('B-country'));
  assert.ok(split[2]!.includes('I-country'));
  assert.deepEqual(split[4], []);
});

test('punctuation breaks a match', () => {
  const tags = gazetteerTags(['New', ',', 'Zealand']);
  assert.ok(!tags[0]!.includes('B-country'));
});

test('organisation suffixes and titles', () => {
  const tags = gazetteerTags(['European', 'Commission', 'and', 'Prime', 'Minister']);
  assert.ok(tags[1]!.includes('orgsuffix'));
  assert.ok(tags[3]!.includes('title'));
  assert.ok(tags[4]!.includes('title'));
  assert.deepEqual(gazetteerLookup('france'), ['country']);
});

test('the compiled file is sorted by code units (the binary search relies on it)', () => {
  const text = readFileSync(new URL('../../../../src/nlp/gazetteer/data/gazetteer.tsv', import.meta.url), 'utf8');
  const lines = text.split('\n');
  assert.match(lines[0]!, /^#gazetteer\/1 categories=[a-z,]+$/);
  assert.equal(lines[lines.length - 1], '');
  let prev = '';
  for (let i = 1; i < lines.length - 1; i++) {
    const [key, flags] = lines[i]!.split('\t');
    assert.ok(key! > prev, `line ${i + 1}: ${key} after ${prev}`);
    assert.match(flags!, /^\+?[a-z]*$/, `line ${i + 1}`);
    prev = key!;
  }
});

test('data packages are compiled in: cities, regions, names, companies', () => {
  assert.ok(gazetteerLookup('Bhubaneshwar').includes('city'));
  assert.ok(gazetteerLookup('New York').includes('city'));
  assert.ok(gazetteerLookup('Bavaria').includes('region'));
  assert.ok(gazetteerLookup('Virginia').includes('region'));
  assert.ok(gazetteerLookup('Jordan').includes('country'));
  assert.ok(gazetteerLookup('Jordan').includes('given'));
  assert.ok(gazetteerLookup('Smith').includes('surname'));
  assert.ok(gazetteerLookup('Zürich').includes('city'));
  assert.ok(gazetteerLookup('Reuters').includes('org'));
  assert.deepEqual(gazetteerLookup('the'), []);
  assert.deepEqual(gazetteerLookup('said'), []);
});

test('longest match per category; categories do not block each other', () => {
  const tags = gazetteerTags(['New', 'York', 'City', 'and', 'Washington']);
  assert.ok(tags[0]!.includes('B-city'));
  assert.ok(tags[1]!.includes('I-city'));
  assert.ok(tags[2]!.includes('I-city'));
  assert.ok(tags[0]!.includes('B-region')); // New York state, a shorter match of another category
  assert.ok(tags[4]!.includes('U-city') && tags[4]!.includes('U-region') && tags[4]!.includes('given'));
});
