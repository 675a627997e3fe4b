import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harmonizeEntities } from '../../../src/nlp/consistency.js';
import { expectSpans, show, spansOf, type Spec } from '../aliases/spans.js';
import { sharedNames } from '../../../src/tools/pathological.js';

/** [what it shows, text, spans from the tagger, spans after harmonizing] */
type Case = readonly [name: string, text: string, input: readonly Spec[], expected: readonly Spec[]];

const cases: readonly Case[] = [
  // (a) a name tagged once is tagged alike elsewhere
  ['surname joins after the full name', 'Rachid Kassim spoke. Later, Kassim left.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  ['surname at the start of a line', 'Rachid Kassim spoke on video.\nKassim has been back in the news.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  ['Durov after Pavel Durov', 'Pavel Durov founded Telegram. Durov said it was safe.',
    [['Pavel Durov', 'PER'], ['Telegram', 'ORG']], [['Pavel Durov', 'PER'], ['Telegram', 'ORG'], ['Durov', 'PER', 1]]],
  ['an organisation tagged once', 'Telegram is an app. Jihadists like Telegram and its channels.',
    [['Telegram', 'ORG']], [['Telegram', 'ORG'], ['Telegram', 'ORG', 1]]],
  ['possessive occurrence gets the name only', 'Rachid Kassim is wanted. Kassim\'s contacts were arrested.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  ['a title before the occurrence is fine', 'Rachid Kassim is wanted. Police say Mr Kassim fled.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  ['a sentence-opening function word before it is fine', 'Rachid Kassim is wanted. After Kassim fled, police came.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  ['a different person with the same surname is not taken', 'Rachid Kassim is wanted. Omar Kassim is not.',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER']]],
  ['"Paris" LOC and "Paris Hilton" PER in one document', 'Paris Hilton visited Paris. Paris is big.',
    [['Paris Hilton', 'PER'], ['Paris', 'LOC', 1]], [['Paris Hilton', 'PER'], ['Paris', 'LOC', 1], ['Paris', 'LOC', 2]]],
  ['no extending into a longer capitalised name', 'He lives in Paris. Paris Hilton came to town.',
    [['Paris', 'LOC']], [['Paris', 'LOC']]],
  ['particles stay with the surname', 'Frédéric Van Leeuw spoke. Later Van Leeuw added a word.',
    [['Frédéric Van Leeuw', 'PER']], [['Frédéric Van Leeuw', 'PER'], ['Van Leeuw', 'PER', 1]]],
  ['Title Case headline', 'Anger Among French Police Grows As Hollande Vows Talks\nFrançois Hollande spoke.',
    [['François Hollande', 'PER']], [['Hollande', 'PER'], ['François Hollande', 'PER']]],
  ['hyphenated compound with a lower-case part', 'The Berlin-based company moved. Berlin is big.',
    [['Berlin', 'LOC', 1]], [['Berlin', 'LOC'], ['Berlin', 'LOC', 1]]],
  ['no match inside a double-barrelled name', 'Marie Curie won. Irène Joliot-Curie won too.',
    [['Marie Curie', 'PER']], [['Marie Curie', 'PER']]],
  ['no match inside an e-mail address', 'Kevin Boone wrote.\nMail Kevin.A.Boone@example.com now.',
    [['Kevin Boone', 'PER']], [['Kevin Boone', 'PER']]],
  ['whole words only, accents included', 'Pavel Durov met Durová. Durov left.',
    [['Pavel Durov', 'PER']], [['Pavel Durov', 'PER'], ['Durov', 'PER', 2]]],
  ['accented names match', 'Photo: Álvaro Ibáñez. Ibáñez took it.',
    [['Álvaro Ibáñez', 'PER']], [['Álvaro Ibáñez', 'PER'], ['Ibáñez', 'PER', 1]]],
  ['a surname that is a function word is not propagated', 'Theresa May spoke. May I ask? It may rain.',
    [['Theresa May', 'PER']], [['Theresa May', 'PER']]],
  ['a word seen in lower case is not taken at a sentence start', 'Rose arrived. We met Rose later.\nRose bushes grow near a rose garden.',
    [['Rose', 'PER']], [['Rose', 'PER'], ['Rose', 'PER', 1]]],
  ['acronyms are taken at a sentence start', 'The US said no. US troops left.',
    [['US', 'LOC']], [['US', 'LOC'], ['US', 'LOC', 1]]],
  ['a bogus function-word span is not spread', 'The app is popular. The end.',
    [['The', 'ORG']], [['The', 'ORG']]],
  // (b) label voting
  ['majority label wins', 'Washington said so. In Washington, people agree. Washington is hot.',
    [['Washington', 'LOC'], ['Washington', 'ORG', 1], ['Washington', 'LOC', 2]],
    [['Washington', 'LOC'], ['Washington', 'LOC', 1], ['Washington', 'LOC', 2]]],
  ['case and accents aside', 'TELEGRAM is big. Telegram is an app. Telegram grows. François and Francois.',
    [['TELEGRAM', 'LOC'], ['Telegram', 'ORG'], ['Telegram', 'ORG', 1], ['François', 'PER'], ['Francois', 'LOC']],
    [['TELEGRAM', 'ORG'], ['Telegram', 'ORG'], ['Telegram', 'ORG', 1], ['François', 'PER'], ['Francois', 'PER']]],
  ['a tie goes to the first mention', 'Jordan scored. Then Jordan left for Amman.',
    [['Jordan', 'PER'], ['Jordan', 'LOC', 1]], [['Jordan', 'PER'], ['Jordan', 'PER', 1]]],
  ['a full name votes for its surname', 'Rachid Kassim is wanted. Police hunt Kassim.',
    [['Rachid Kassim', 'PER'], ['Kassim', 'LOC', 1]], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1]]],
  // (c) titles, possessives, punctuation
  ['President Hollande -> Hollande', 'President Hollande spoke.', [['President Hollande', 'PER']], [['Hollande', 'PER']]],
  ["Mr. Smith's -> Smith", "Mr. Smith's car is red.", [["Mr. Smith's", 'PER']], [['Smith', 'PER']]],
  ['demonym and title', 'French President François Hollande spoke.', [['French President François Hollande', 'PER']], [['François Hollande', 'PER']]],
  ['Secretary of State', 'Secretary of State John Kerry flew in.', [['Secretary of State John Kerry', 'PER']], [['John Kerry', 'PER']]],
  ['Prime Minister', 'Prime Minister Theresa May spoke.', [['Prime Minister Theresa May', 'PER']], [['Theresa May', 'PER']]],
  ['lower-case title', 'The former president Obama spoke.', [['former president Obama', 'PER']], [['Obama', 'PER']]],
  ['Pope, Dr, Gen., Sen.', 'Pope Francis met Dr Lee, Gen. Petraeus and Sen. Warren.',
    [['Pope Francis', 'PER'], ['Dr Lee', 'PER'], ['Gen. Petraeus', 'PER'], ['Sen. Warren', 'PER']],
    [['Francis', 'PER'], ['Lee', 'PER'], ['Petraeus', 'PER'], ['Warren', 'PER']]],
  ['a title that is the name stays', 'Martin Luther King Jr. spoke to Larry King.',
    [['Martin Luther King Jr.', 'PER'], ['Larry King', 'PER']], [['Martin Luther King Jr.', 'PER'], ['Larry King', 'PER']]],
  ['a particle after the title stays', 'General de Meza was relieved.', [['General de Meza', 'PER']], [['de Meza', 'PER']]],
  ['titles only come off people', 'General Motors and General Electric merged.',
    [['General Motors', 'ORG'], ['General Electric', 'ORG']], [['General Motors', 'ORG'], ['General Electric', 'ORG']]],
  ['quotes and commas out', 'He said "Telegram," then left.', [['"Telegram,"', 'ORG']], [['Telegram', 'ORG']]],
  ['curly possessive out', 'Telegram’s makers spoke.', [['Telegram’s', 'ORG']], [['Telegram', 'ORG']]],
  ["possessive s' out", "It is near Paris' Notre Dame.", [["Paris'", 'LOC']], [['Paris', 'LOC']]],
  ['abbreviation periods stay', 'The U.S. and Enron Corp. agreed. He went to Rome.',
    [['U.S.', 'LOC'], ['Enron Corp.', 'ORG'], ['Rome.', 'LOC']], [['U.S.', 'LOC'], ['Enron Corp.', 'ORG'], ['Rome', 'LOC']]],
  ['nothing left: dropped', 'He said "" loudly.', [['""', 'PER']], []],
  ["a name ending in 's stays", "We ate at McDonald's today.", [["McDonald's", 'ORG']], [["McDonald's", 'ORG']]],
  // (d) no overlaps, sorted, offsets
  ['overlapping input: the longer stays', 'Rachid Kassim is wanted.',
    [['Kassim', 'LOC'], ['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER']]],
  ['unsorted input comes out sorted', 'Paris and Berlin and Rome.',
    [['Rome', 'LOC'], ['Paris', 'LOC'], ['Berlin', 'LOC']], [['Paris', 'LOC'], ['Berlin', 'LOC'], ['Rome', 'LOC']]],
  ['CRLF line endings', 'Rachid Kassim spoke.\r\nKassim left.\r\nThen Kassim returned.\r\n',
    [['Rachid Kassim', 'PER']], [['Rachid Kassim', 'PER'], ['Kassim', 'PER', 1], ['Kassim', 'PER', 2]]],
  ['emoji before and between names', '🎉 Telegram 🎉 rocks. 👍Telegram and 😀 Telegram.',
    [['Telegram', 'ORG'], ['Telegram', 'ORG', 2]], [['Telegram', 'ORG'], ['Telegram', 'ORG', 1], ['Telegram', 'ORG', 2]]],
  ['no spans in, none out', 'Nothing to see here.', [], []],
  // guards added after measuring on the dev sets
  ['a bare title is not a person', 'Mr. Chief Justice, Mr. President and Mr. Smith.',
    [['Chief Justice', 'PER'], ['President', 'PER'], ['Mr. Smith', 'PER']], [['Smith', 'PER']]],
  ['the same name in capitals', 'Telegram is an app. Investigators need access to ‘TELEGRAM’ chats.',
    [['Telegram', 'ORG']], [['Telegram', 'ORG'], ['TELEGRAM', 'ORG']]],
  ['tagged once, spread to every other mention', 'Hitzig taught. Later Eduard Hitzig wrote. Hitzig said; Hitzig left; Hitzig came back.',
    [['Eduard Hitzig', 'PER']], [['Hitzig', 'PER'], ['Eduard Hitzig', 'PER'], ['Hitzig', 'PER', 2], ['Hitzig', 'PER', 3], ['Hitzig', 'PER', 4]]],
  ['a country demonym is not spread', 'French police came. The French say no. French wine.',
    [['French', 'ORG']], [['French', 'ORG']]],
  ['an adjective of origin before a noun is not spread', 'The Mycenaean world fell. The Mycenaean civilization ended. Later Mycenaean palaces burned.',
    [['Mycenaean', 'LOC']], [['Mycenaean', 'LOC']]],
  ['an adjective-looking name with no noun after it is spread', 'Ships sailed from Coron. Fishing came to Coron, then to Manila.',
    [['Coron', 'LOC']], [['Coron', 'LOC'], ['Coron', 'LOC', 1]]],
  ['"-like" compounds are not the name', 'Telegram offers YouTube-like channels. YouTube is a site.',
    [['YouTube', 'ORG', 1]], [['YouTube', 'ORG', 1]]],
  ['a prefix cut off its hyphenated word goes', 'EUROPE Anti-Terrorism Group-4: news from EUROPE Anti-Terrorism desk',
    [['EUROPE Anti', 'LOC'], ['EUROPE Anti', 'LOC', 1]], [['EUROPE', 'LOC'], ['EUROPE', 'LOC', 1]]],
  ['a place before a hyphenated place stays', 'Rachid Kassim lives in Iraq-Syria.', [['Iraq', 'LOC'], ['Syria', 'LOC']], [['Iraq', 'LOC'], ['Syria', 'LOC']]],
  ['a name across a line break is looked for on one line', 'He met Rachid\nKassim. Rachid Kassim left.',
    [['Rachid\nKassim', 'PER']], [['Rachid\nKassim', 'PER'], ['Rachid Kassim', 'PER']]],
  ['an acronym defined in brackets is tagged and spread', 'The World Conservation Union (IUCN) warned. IUCN experts agree.',
    [['World Conservation Union', 'ORG']], [['World Conservation Union', 'ORG'], ['IUCN', 'ORG'], ['IUCN', 'ORG', 1]]],
  ['brackets after a person are not an acronym', 'Senator Ted Cruz (R) spoke.', [['Ted Cruz', 'PER']], [['Ted Cruz', 'PER']]],
  ['tagged once, left alone many more times: not spread', 'Firefox is fast. Firefox crashed. I use Firefox and Firefox addons.',
    [['Firefox', 'PER']], [['Firefox', 'PER']]],
  ['tagged as often as not: spread', 'Firefox is fast. Firefox crashed. I use Firefox and Firefox addons.',
    [['Firefox', 'ORG'], ['Firefox', 'ORG', 2]], [['Firefox', 'ORG'], ['Firefox', 'ORG', 1], ['Firefox', 'ORG', 2], ['Firefox', 'ORG', 3]]],
  ['era abbreviations are not spread', 'Troy fell around 1180 BC according to BC legend; in the 9th century BC writing returned.',
    [['BC', 'ORG']], [['BC', 'ORG']]],
];

for (const [name, text, input, expected] of cases) {
  test(`harmonizeEntities: ${name}`, () => {
    const out = harmonizeEntities(text, spansOf(text, input));
    assert.deepEqual(show(text, out), expectSpans(text, expected));
  });
}

test('harmonizeEntities: output never overlaps and is sorted', () => {
  const text = 'Rachid Kassim and Kassim Rachid met Rachid. Kassim, Rachid Kassim.';
  const out = harmonizeEntities(text, spansOf(text, [['Rachid Kassim', 'PER'], ['Kassim Rachid', 'PER'], ['Rachid', 'ORG', 2]]));
  for (let i = 1; i < out.length; i++) assert.ok(out[i - 1]!.end <= out[i]!.start, `${out[i - 1]!.text} overlaps ${out[i]!.text}`);
  show(text, out);
});

test('harmonizeEntities: a long single line is handled in one pass', () => {
  const sentence = 'Rachid Kassim met Pavel Durov in Paris. Kassim and Durov spoke. ';
  const text = sentence.repeat(20_000);
  const out = harmonizeEntities(text, spansOf(text, [['Rachid Kassim', 'PER'], ['Pavel Durov', 'PER'], ['Paris', 'LOC']]), { spread: 'all' });
  assert.equal(out.length, 5 * 20_000);
  assert.equal(out[out.length - 1]!.text, 'Durov');
});

test('harmonizeEntities: does not modify its input', () => {
  const text = 'President Hollande spoke. Hollande left.';
  const input = spansOf(text, [['President Hollande', 'PER']]);
  const copy = structuredClone(input);
  harmonizeEntities(text, input);
  assert.deepEqual(input, copy);
});

test('harmonizeEntities: each step can be switched off', () => {
  const text = 'President Hollande spoke. Hollande left. Hollande (Paris) and Hollande.';
  const input = spansOf(text, [['President Hollande', 'PER'], ['Hollande', 'LOC', 2], ['Hollande', 'PER', 3]]);
  assert.deepEqual(show(text, harmonizeEntities(text, input, { clean: false, vote: false, propagate: false })), show(text, input));
  assert.deepEqual(
    show(text, harmonizeEntities(text, input, { vote: false, propagate: false })),
    expectSpans(text, [['Hollande', 'PER'], ['Hollande', 'LOC', 2], ['Hollande', 'PER', 3]]),
  );
  assert.deepEqual(
    show(text, harmonizeEntities(text, input, { propagate: false })),
    expectSpans(text, [['Hollande', 'PER'], ['Hollande', 'PER', 2], ['Hollande', 'PER', 3]]),
  );
  assert.deepEqual(
    show(text, harmonizeEntities(text, input)),
    expectSpans(text, [['Hollande', 'PER'], ['Hollande', 'PER', 1], ['Hollande', 'PER', 2], ['Hollande', 'PER', 3]]),
  );
});

test('thousands of names sharing a first word spread in linear time', { timeout: 60_000 }, () => {
  // Each occurrence of a first word used to be tried against every name starting with it:
  // 8,000 such names took 25 s.
  harmonizeEntities(sharedNames(50).text, sharedNames(50).spans);
  const { text, spans } = sharedNames(8000);
  const started = performance.now();
  const out = harmonizeEntities(text, spans);
  const ms = performance.now() - started;
  assert.equal(out.length, 8000);
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
});

test('a company named with its legal suffix makes its short name an organisation', async () => {
  const { companyStem } = await import('../../../src/nlp/consistency.js');
  assert.equal(companyStem('Chrysler Corp.'), 'Chrysler');
  assert.equal(companyStem('Bayerische Motoren Werke AG'), 'Bayerische Motoren Werke');
  assert.equal(companyStem('Chrysler'), null);
  assert.equal(companyStem('Corp'), null);
  const text = 'Chrysler said sales rose. Chrysler Corp shares fell. Chrysler Corp. will report.';
  const got = harmonizeEntities(text, spansOf(text, [['Chrysler', 'PER'], ['Chrysler Corp', 'ORG'], ['Chrysler Corp.', 'ORG']]));
  assert.deepEqual(show(text, got), expectSpans(text, [['Chrysler', 'ORG'], ['Chrysler Corp', 'ORG'], ['Chrysler Corp.', 'ORG']]));
});
