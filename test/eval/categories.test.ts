import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categorize, docErrors, isCapsLine, isTableLine, type Lexicon } from '../../src/eval/categories.js';
import { EntityScorer } from '../../src/eval/score.js';
import type { GoldSpan } from '../../src/eval/types.js';

/** A word list of invented and common names, so that the tests do not depend on the gazetteer. */
const LEX: Lexicon = {
  givenName: (t) => ['John', 'Maria', 'Stanley'].includes(t),
  demonym: (w) => ['French', 'American', 'Americans'].includes(w),
  place: (n) => ['Westbury', 'Lakeside', 'Rivertown', 'Colorado', 'UK', 'US', 'U.S.', 'Washington'].includes(n),
  knownOrg: (n) => n === 'Reuters',
};

/** [text, type] or [text, type, n]: the n-th (0-based) occurrence of text in the document. */
type S = [string, string, number?];

function spans(text: string, list: S[]): GoldSpan[] {
  return list.map(([t, type, n = 0]) => {
    let at = -1;
    for (let i = 0; i <= n; i++) at = text.indexOf(t, at + 1);
    if (at < 0) throw new Error(`${t} not in ${text}`);
    return { start: at, end: at + t.length, type, text: t };
  });
}

/** The category (id, or id: sub) of each error the scorer finds, in document order. */
function categories(text: string, gold: S[], pred: S[]): string[] {
  const g = spans(text, gold);
  const p = spans(text, pred);
  const scorer = new EntityScorer(['PER', 'ORG', 'LOC'], true);
  scorer.add('doc', text, g, p);
  const d = docErrors(text, g, p);
  return scorer.errors.map((e) => {
    const c = categorize(e, d, LEX);
    return c.sub === null ? c.id : `${c.id}: ${c.sub}`;
  });
}

test('table lines and ALL-CAPS lines', () => {
  assert.equal(isTableLine('Rivertown 2 Lakeside 1'), true);
  assert.equal(isTableLine('1. Maria Ionescu (Romania) 2:11.45'), true);
  assert.equal(isTableLine('RIVERTON 9 5 3 1 20 10 18'), true);
  assert.equal(isTableLine('Smith c Jones b Khan'), true);
  assert.equal(isTableLine('Khan lbw b Ahmed'), true);
  // A paragraph with a date and a number in it is prose.
  assert.equal(isTableLine('Established as 4 Air Defense Wing on 25 March 1943.'), false);
  assert.equal(isTableLine('Rivertown won the 2016 title.'), false);
  assert.equal(isTableLine('Model A4 and B52 only'), false);
  assert.equal(isCapsLine('SOCCER - RIVERTOWN BEAT LAKESIDE'), true);
  assert.equal(isCapsLine('LONDON 1996-08-30'), true);
  assert.equal(isCapsLine('NATO and the EU met in Brussels.'), false);
  assert.equal(isCapsLine('UK 3'), false);
});

test('1 clubs named after a place typed LOC: on a results line, or a known place in prose', () => {
  assert.deepEqual(categories('Rivertown 2 Lakeside 1', [['Rivertown', 'ORG'], ['Lakeside', 'ORG']], [['Rivertown', 'LOC'], ['Lakeside', 'LOC']]),
    ['club-as-place: table/results line', 'club-as-place: table/results line']);
  assert.deepEqual(categories('They lost at Colorado on Sunday.', [['Colorado', 'ORG']], [['Colorado', 'LOC']]), ['club-as-place: prose']);
  // A venue the gold calls ORG is not a club named after a place.
  assert.deepEqual(categories('She sang at Carnegie Hall.', [['Carnegie Hall', 'ORG']], [['Carnegie Hall', 'LOC']]), ['other: type ORG -> LOC']);
});

test('2 organizations missed entirely, known to the gazetteer or not', () => {
  assert.deepEqual(categories('Shares of Quixotron Holdings rose, Reuters said.', [['Quixotron Holdings', 'ORG'], ['Reuters', 'ORG']], []),
    ['unseen-org: not in the gazetteer', 'unseen-org: in the gazetteer']);
  // Something was predicted over it: not missed entirely.
  assert.deepEqual(categories('Shares of Quixotron Holdings rose.', [['Quixotron Holdings', 'ORG']], [['Quixotron', 'PER']]), ['other: type ORG -> PER']);
});

test('3 one-token company names typed PER', () => {
  assert.deepEqual(categories('Quixotron said profits rose.', [['Quixotron', 'ORG']], [['Quixotron', 'PER']]), ['org-as-person']);
});

test('4 people: table line or prose, English given name or not', () => {
  assert.deepEqual(categories('Wang Xiaoming said no.', [['Wang Xiaoming', 'PER']], []), ['people: prose, not an English given name']);
  assert.deepEqual(categories('1. Maria Ionescu (Romania) 2:11.45', [['Maria Ionescu', 'PER'], ['Romania', 'LOC']], [['Maria Ionescu', 'LOC'], ['Romania', 'LOC']]),
    ['people: table/results line, English given name']);
  // A PER boundary error in prose is not one of these.
  assert.deepEqual(categories('Oleksandr Kovalenko won.', [['Oleksandr Kovalenko', 'PER']], [['Kovalenko', 'PER']]), ['other: boundary PER']);
});

test('5 span boundaries on table lines: digits, scorecard marks, two names merged', () => {
  assert.deepEqual(categories('Jones 45 Smith 12', [['Jones', 'PER'], ['Smith', 'PER']], [['Jones 45', 'PER'], ['Smith', 'PER']]), ['table-span: digits in the span']);
  assert.deepEqual(categories('Smith c Jones b Khan 45', [['Smith', 'PER'], ['Jones', 'PER'], ['Khan', 'PER']], [['Smith', 'PER'], ['Jones b Khan', 'PER']]),
    ['table-span: scorecard mark in the span', 'people: table/results line, not an English given name']);
  assert.deepEqual(categories('Rivertown Athletic Lakeside United 2 1', [['Rivertown Athletic', 'ORG'], ['Lakeside United', 'ORG']], [['Rivertown Athletic Lakeside United', 'ORG']]),
    ['table-span: two names merged', 'other: missed ORG']);
  // The same boundary error in prose is another boundary error.
  assert.deepEqual(categories('Jones scored 45 runs in the match.', [['Jones', 'PER']], [['Jones scored', 'PER']]), ['other: boundary PER']);
});

test('6 organizations cut down to their place name', () => {
  assert.deepEqual(categories('Westbury Rovers won the cup.', [['Westbury Rovers', 'ORG']], [['Westbury', 'LOC']]), ['club-cut: predicted LOC']);
  assert.deepEqual(categories('Athletic Lakeside won the cup.', [['Athletic Lakeside', 'ORG']], [['Lakeside', 'ORG']]), ['club-cut: predicted ORG']);
  // Part of a long name that is no place: another boundary error.
  assert.deepEqual(categories('The European Commission said no.', [['European Commission', 'ORG']], [['Commission', 'ORG']]), ['other: boundary ORG']);
});

test('7 hyphens and initials', () => {
  assert.deepEqual(categories('Lee Ka-ming scored twice.', [['Lee Ka-ming', 'PER']], [['Lee Ka', 'PER']]), ['hyphen-initial: hyphen']);
  assert.deepEqual(categories('Mrs Plooij-van Gorsel spoke.', [['Plooij-van Gorsel', 'PER']], [['Gorsel', 'PER']]), ['hyphen-initial: hyphen']);
  assert.deepEqual(categories('J. Smith won.', [['J. Smith', 'PER']], [['Smith', 'PER']]), ['hyphen-initial: initial']);
  assert.deepEqual(categories('George H. W. Bush spoke.', [['George H. W. Bush', 'PER']], [['George', 'PER']]), ['other: boundary PER']);
  // `U.S.` is a place, not initials.
  assert.deepEqual(categories('the U.S. Republican Party said', [['Republican Party', 'ORG']], [['U.S. Republican Party', 'ORG']]), ['other: boundary ORG']);
});

test('8 ALL-CAPS lines, after the club and table patterns', () => {
  assert.deepEqual(categories('QUIXOTRON WINS APPEAL\nThe court agreed.', [['QUIXOTRON', 'ORG']], []), ['all-caps: missed ORG']);
  assert.deepEqual(categories('SOCCER - WESTBURY SIGN JOHN DOE', [['WESTBURY', 'ORG'], ['JOHN DOE', 'PER']], [['WESTBURY', 'ORG'], ['JOHN', 'LOC']]), ['all-caps: type PER -> LOC']);
  assert.deepEqual(categories('RIVERTOWN 2 LAKESIDE 1', [['RIVERTOWN', 'ORG'], ['LAKESIDE', 'ORG']], [['RIVERTOWN', 'LOC'], ['LAKESIDE', 'ORG']]), ['club-as-place: table/results line']);
});

test('9 document level: the string found correctly elsewhere, a surname of a full name', () => {
  assert.deepEqual(categories('Quixotron rose. Later Quixotron fell.', [['Quixotron', 'ORG'], ['Quixotron', 'ORG', 1]], [['Quixotron', 'ORG']]), ['document: same string found elsewhere']);
  assert.deepEqual(categories('Stanley Washington spoke. Washington said no.', [['Stanley Washington', 'PER'], ['Washington', 'PER', 1]], [['Stanley Washington', 'PER'], ['Washington', 'LOC', 1]]),
    ['document: surname of a full name found']);
  // Found elsewhere as another type (the city, here the club): not a document-level error.
  assert.deepEqual(categories('In Westbury, Westbury 2 Lakeside 1', [['Westbury', 'LOC'], ['Westbury', 'ORG', 1], ['Lakeside', 'ORG']], [['Westbury', 'LOC'], ['Westbury', 'LOC', 1], ['Lakeside', 'ORG']]),
    ['club-as-place: table/results line']);
});

test('10 not entities: sign-offs, demonyms, compounds of places, gold MISC', () => {
  assert.deepEqual(categories('Talks ended.\nREUTER\n', [], [['REUTER', 'ORG']]), ['not-entity: sign-off']);
  assert.deepEqual(categories('LONDON (AP) - Talks ended.', [['LONDON', 'LOC']], [['LONDON', 'LOC'], ['AP', 'ORG']]), ['not-entity: sign-off']);
  assert.deepEqual(categories('Talks ended, AP said.', [], [['AP', 'ORG']]), ['other: spurious ORG']);
  assert.deepEqual(categories('French officials met.', [], [['French', 'LOC']]), ['not-entity: demonym']);
  assert.deepEqual(categories('UK-US talks began.', [], [['UK-US', 'LOC']]), ['not-entity: compound of two places']);
  assert.deepEqual(categories('A Quixotron-based firm.', [], [['Quixotron', 'ORG']]), ['not-entity: piece of a hyphenated word']);
  assert.deepEqual(categories('She won the Lakeside Open.', [['Lakeside Open', 'MISC']], [['Lakeside', 'LOC']]), ['not-entity: gold MISC typed LOC, a part of it']);
  assert.deepEqual(categories('Americans agreed.', [['Americans', 'MISC']], [['Americans', 'LOC']]), ['not-entity: demonym (gold MISC)']);
  // On an ALL-CAPS line a sign-off is still a sign-off.
  assert.deepEqual(categories('TALKS END\n(REUTERS)', [], [['REUTERS', 'ORG']]), ['not-entity: sign-off']);
});

test('other: by kind and types', () => {
  assert.deepEqual(categories('Played well, said the coach.', [], [['Played', 'PER']]), ['other: spurious PER']);
  assert.deepEqual(categories('He flew to Paris.', [['Paris', 'LOC']], []), ['other: missed LOC']);
});
