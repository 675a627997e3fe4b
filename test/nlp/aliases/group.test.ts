import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityGroup } from '../../../src/core/types.js';
import { groupEntities } from '../../../src/nlp/aliases.js';
import { harmonizeEntities } from '../../../src/nlp/consistency.js';
import { show, spansOf, type Spec } from './spans.js';
import { sharedNames } from '../../../src/tools/pathological.js';

/** Expected group: canonical name, then its mentions as "text@start". */
type Expected = readonly [name: string, mentions: readonly string[]];
/** [what it shows, text, spans in, groups out] */
type Case = readonly [name: string, text: string, input: readonly Spec[], expected: readonly Expected[]];

function simple(text: string, groups: EntityGroup[]): Expected[] {
  return groups.map((g) => [g.name, show(text, g.mentions).map((m) => m.replace(/^\S+ /, ''))]);
}

const cases: readonly Case[] = [
  ['Kassim joins Rachid Kassim', 'Rachid Kassim spoke. Kassim left.',
    [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]], [['Rachid Kassim', ['Rachid Kassim@0', 'Kassim@21']]]],
  ['a surname before the full name', 'Kassim spoke. Rachid Kassim left.',
    [['Kassim', 'PER'], ['Rachid Kassim', 'PER']], [['Rachid Kassim', ['Kassim@0', 'Rachid Kassim@14']]]],
  ['Durov joins Pavel Durov', 'Pavel Durov founded it. Durov said no.',
    [['Pavel Durov', 'PER'], ['Durov', 'PER', 1]], [['Pavel Durov', ['Pavel Durov@0', 'Durov@24']]]],
  ['ISIS joins Isis (ties: the first mention names it)', 'Isis gunmen struck. ISIS said so.',
    [['Isis', 'ORG'], ['ISIS', 'ORG']], [['Isis', ['Isis@0', 'ISIS@20']]]],
  ['EU Commission joins European Commission', 'The European Commission met. The EU Commission agreed.',
    [['European Commission', 'ORG'], ['EU Commission', 'ORG']], [['European Commission', ['European Commission@4', 'EU Commission@33']]]],
  ['EU Commission first, European Commission names it', 'The EU Commission met. The European Commission agreed.',
    [['EU Commission', 'ORG'], ['European Commission', 'ORG']], [['European Commission', ['EU Commission@4', 'European Commission@27']]]],
  ['two different Smiths: a lone Smith joins the nearest preceding one', 'John Smith came. Jane Smith came. Smith spoke.',
    [['John Smith', 'PER'], ['Jane Smith', 'PER'], ['Smith', 'PER', 2]],
    [['John Smith', ['John Smith@0']], ['Jane Smith', ['Jane Smith@17', 'Smith@34']]]],
  ['two Smiths, each followed by a lone Smith', 'John Smith came. Smith sat. Jane Smith came. Smith spoke.',
    [['John Smith', 'PER'], ['Smith', 'PER', 1], ['Jane Smith', 'PER'], ['Smith', 'PER', 3]],
    [['John Smith', ['John Smith@0', 'Smith@17']], ['Jane Smith', ['Jane Smith@28', 'Smith@45']]]],
  ['a lone Smith first joins the first full name only', 'Smith came. John Smith sat. Jane Smith left.',
    [['Smith', 'PER'], ['John Smith', 'PER'], ['Jane Smith', 'PER']],
    [['John Smith', ['Smith@0', 'John Smith@12']], ['Jane Smith', ['Jane Smith@28']]]],
  ['"Paris" LOC and "Paris Hilton" PER stay apart', 'Paris Hilton visited Paris. Hilton liked Paris.',
    [['Paris Hilton', 'PER'], ['Paris', 'LOC', 1], ['Hilton', 'PER', 1], ['Paris', 'LOC', 2]],
    [['Paris Hilton', ['Paris Hilton@0', 'Hilton@28']], ['Paris', ['Paris@21', 'Paris@41']]]],
  ['FBI joins Federal Bureau of Investigation', 'The Federal Bureau of Investigation said the FBI would act.',
    [['Federal Bureau of Investigation', 'ORG'], ['FBI', 'ORG']],
    [['Federal Bureau of Investigation', ['Federal Bureau of Investigation@4', 'FBI@45']]]],
  ['an acronym before its expansion', 'The UN met. The United Nations agreed.',
    [['UN', 'ORG'], ['United Nations', 'ORG']], [['United Nations', ['UN@4', 'United Nations@16']]]],
  ['US, U.S. and United States', 'The United States and the U.S. and the US.',
    [['United States', 'LOC'], ['U.S.', 'LOC'], ['US', 'LOC']], [['United States', ['United States@4', 'U.S.@26', 'US@39']]]],
  ['UK and United Kingdom', 'The UK left. The United Kingdom is an island.',
    [['UK', 'LOC'], ['United Kingdom', 'LOC']], [['United Kingdom', ['UK@4', 'United Kingdom@17']]]],
  ['EU and European Union', 'The European Union and the EU.',
    [['European Union', 'ORG'], ['EU', 'ORG']], [['European Union', ['European Union@4', 'EU@27']]]],
  ['ISIS and its expansion', 'The Islamic State of Iraq and Syria, or ISIS.',
    [['Islamic State of Iraq and Syria', 'ORG'], ['ISIS', 'ORG']],
    [['Islamic State of Iraq and Syria', ['Islamic State of Iraq and Syria@4', 'ISIS@40']]]],
  ['BND does not match Bundesnachrichtendienst', 'The Bundesnachrichtendienst (BND) spies.',
    [['Bundesnachrichtendienst', 'ORG'], ['BND', 'ORG']], [['Bundesnachrichtendienst', ['Bundesnachrichtendienst@4']], ['BND', ['BND@29']]]],
  ['"the Paris" and "Paris": one place, named without the article', 'Not the Paris of old, but Paris.',
    [['the Paris', 'LOC'], ['Paris', 'LOC', 1]], [['Paris', ['the Paris@4', 'Paris@26']]]],
  ['"The Hague" keeps its capital article', 'The Hague is a city. In The Hague, courts sit.',
    [['The Hague', 'LOC'], ['The Hague', 'LOC', 1]], [['The Hague', ['The Hague@0', 'The Hague@24']]]],
  ['diacritics do not matter', 'Francois Molins spoke. François Molins agreed.',
    [['Francois Molins', 'PER'], ['François Molins', 'PER']], [['Francois Molins', ['Francois Molins@0', 'François Molins@23']]]],
  ['case does not matter; a long name in capitals does not name the group', 'TELEGRAM is popular. Telegram is an app.',
    [['TELEGRAM', 'ORG'], ['Telegram', 'ORG']], [['Telegram', ['TELEGRAM@0', 'Telegram@21']]]],
  ['short capitals are an acronym: the first mention names the group', 'ISIS struck. Isis said so.',
    [['ISIS', 'ORG'], ['Isis', 'ORG']], [['ISIS', ['ISIS@0', 'Isis@13']]]],
  ['different labels stay apart', 'Jordan scored in Jordan.',
    [['Jordan', 'PER'], ['Jordan', 'LOC', 1]], [['Jordan', ['Jordan@0']], ['Jordan', ['Jordan@17']]]],
  ['legal suffixes do not matter', 'Apple Inc. sued. Apple won.',
    [['Apple Inc.', 'ORG'], ['Apple', 'ORG', 1]], [['Apple Inc.', ['Apple Inc.@0', 'Apple@17']]]],
  ['an initial matches the first name', 'J. Smith wrote. John Smith signed.',
    [['J. Smith', 'PER'], ['John Smith', 'PER']], [['John Smith', ['J. Smith@0', 'John Smith@16']]]],
  ['a middle initial more or less', 'George Bush spoke. George W. Bush left. Bush returned.',
    [['George Bush', 'PER'], ['George W. Bush', 'PER'], ['Bush', 'PER', 2]],
    [['George W. Bush', ['George Bush@0', 'George W. Bush@19', 'Bush@40']]]],
  ['Jr. is not the surname', 'Martin Luther King Jr. spoke. King left.',
    [['Martin Luther King Jr.', 'PER'], ['King', 'PER', 1]], [['Martin Luther King Jr.', ['Martin Luther King Jr.@0', 'King@30']]]],
  ['particles stay with the surname', 'Frédéric Van Leeuw spoke. Van Leeuw and Leeuw agreed.',
    [['Frédéric Van Leeuw', 'PER'], ['Van Leeuw', 'PER', 1], ['Leeuw', 'PER', 2]],
    [['Frédéric Van Leeuw', ['Frédéric Van Leeuw@0', 'Van Leeuw@26', 'Leeuw@40']]]],
  ['a first name alone does not join', 'Pavel Durov and Pavel spoke.',
    [['Pavel Durov', 'PER'], ['Pavel', 'PER', 1]], [['Pavel Durov', ['Pavel Durov@0']], ['Pavel', ['Pavel@16']]]],
  ['organisations sharing a last word stay apart', 'The European Commission and the Federal Trade Commission.',
    [['European Commission', 'ORG'], ['Federal Trade Commission', 'ORG']],
    [['European Commission', ['European Commission@4']], ['Federal Trade Commission', ['Federal Trade Commission@32']]]],
  ['St. and Saint', 'St. Petersburg and Saint Petersburg.',
    [['St. Petersburg', 'LOC'], ['Saint Petersburg', 'LOC']], [['Saint Petersburg', ['St. Petersburg@0', 'Saint Petersburg@19']]]],
  ['groups by first mention, mentions by position, from unsorted input', 'Paris, Berlin, Paris, Rome, Berlin.',
    [['Rome', 'LOC'], ['Berlin', 'LOC', 1], ['Paris', 'LOC', 1], ['Berlin', 'LOC'], ['Paris', 'LOC']],
    [['Paris', ['Paris@0', 'Paris@15']], ['Berlin', ['Berlin@7', 'Berlin@28']], ['Rome', ['Rome@22']]]],
  ['emoji do not disturb offsets', '👍 Rachid Kassim 🎉 and 😀 Kassim.',
    [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]], [['Rachid Kassim', ['Rachid Kassim@3', 'Kassim@27']]]],
  ['no spans, no groups', 'Nothing here.', [], []],
  ['a two-word tail of an organisation joins it', 'He served in the United States Air Force. The Air Force chose him.',
    [['United States Air Force', 'ORG'], ['Air Force', 'ORG', 1]], [['United States Air Force', ['United States Air Force@17', 'Air Force@46']]]],
  ['an acronym at the end joins', 'He was in Air Force ROTC. ROTC cadets train.',
    [['Air Force ROTC', 'ORG'], ['ROTC', 'ORG', 1]], [['Air Force ROTC', ['Air Force ROTC@10', 'ROTC@26']]]],
  ['one shared last word is not enough for organisations', 'The European Commission met. The Commission agreed.',
    [['European Commission', 'ORG'], ['Commission', 'ORG', 1]], [['European Commission', ['European Commission@4']], ['Commission', ['Commission@33']]]],
  ['hyphens do not matter', 'The EU Anti-Terrorism Group4 met. The Anti-Terrorism Group-4 spoke.',
    [['EU Anti-Terrorism Group4', 'ORG'], ['Anti-Terrorism Group-4', 'ORG']],
    [['EU Anti-Terrorism Group4', ['EU Anti-Terrorism Group4@4', 'Anti-Terrorism Group-4@38']]]],
  ['first names with different middle initials are different people', 'George H. W. Bush and George W. Bush.',
    [['George H. W. Bush', 'PER'], ['George W. Bush', 'PER']], [['George H. W. Bush', ['George H. W. Bush@0']], ['George W. Bush', ['George W. Bush@22']]]],
];

for (const [name, text, input, expected] of cases) {
  test(`groupEntities: ${name}`, () => {
    assert.deepEqual(simple(text, groupEntities(spansOf(text, input))), expected);
  });
}

test('groupEntities: the same result whatever the input order', () => {
  const text = 'John Smith came. Smith sat. Jane Smith came. Smith spoke. The UN and the United Nations.';
  const spans = spansOf(text, [
    ['John Smith', 'PER'], ['Smith', 'PER', 1], ['Jane Smith', 'PER'], ['Smith', 'PER', 3], ['UN', 'ORG'], ['United Nations', 'ORG'],
  ]);
  const expected = groupEntities(spans);
  assert.deepEqual(groupEntities([...spans].reverse()), expected);
  assert.deepEqual(groupEntities([spans[3]!, spans[0]!, spans[5]!, spans[1]!, spans[4]!, spans[2]!]), expected);
});

test('groupEntities: many entities sharing a last word stay fast and apart', () => {
  const names = Array.from({ length: 2000 }, (_, i) => `Agency${i.toString(36)} Commission`);
  const text = names.join('. ') + '.';
  const spans = names.map((n) => ({ start: text.indexOf(n + '.'), end: text.indexOf(n + '.') + n.length, label: 'ORG' as const, text: n }));
  assert.equal(groupEntities(spans).length, 2000);
});

test('harmonize then group: the Telegram story', () => {
  const text =
    'Russian Internet guru Pavel Durov founded Telegram. After Isis gunmen struck Paris in November, Telegram blocked channels.\n' +
    'Rachid Kassim, a 29-year-old Frenchman, appeared in Isis videos.\n' +
    "Kassim has been back in the news. Durov's app is popular near Paris' Notre Dame.\n" +
    'France and Germany urged the European Commission to act. ISIS uses TELEGRAM, and asked the EU Commission for help.';
  const tagged = spansOf(text, [
    ['Pavel Durov', 'PER'], ['Telegram', 'ORG'], ['Isis', 'ORG'], ['Paris', 'LOC'], ['Rachid Kassim', 'PER'],
    ['France', 'LOC'], ['Germany', 'LOC'], ['European Commission', 'ORG'], ['ISIS', 'ORG'], ['EU Commission', 'ORG'],
  ]);
  const groups = simple(text, groupEntities(harmonizeEntities(text, tagged)));
  const byName = new Map(groups.map(([name, mentions]) => [name, mentions.map((m) => m.replace(/@\d+$/, ''))]));
  assert.deepEqual(byName.get('Pavel Durov'), ['Pavel Durov', 'Durov']);
  assert.deepEqual(byName.get('Rachid Kassim'), ['Rachid Kassim', 'Kassim']);
  assert.deepEqual(byName.get('Isis'), ['Isis', 'Isis', 'ISIS']);
  assert.deepEqual(byName.get('Paris'), ['Paris', 'Paris']);
  assert.deepEqual(byName.get('European Commission'), ['European Commission', 'EU Commission']);
  assert.deepEqual(byName.get('Telegram'), ['Telegram', 'Telegram', 'TELEGRAM']);
});

test('thousands of groups sharing a surname are grouped in linear time', { timeout: 60_000 }, () => {
  // Each mention used to be compared with every group of its surname: 8,000 took 12 s.
  groupEntities(sharedNames(50).spans);
  const { spans } = sharedNames(8000);
  const started = performance.now();
  const groups = groupEntities(spans);
  const ms = performance.now() - started;
  assert.equal(groups.length, 8000);
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
});
