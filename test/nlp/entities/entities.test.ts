import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../../../src/nlp/entities/index.js';
import { harmonise } from '../../../src/nlp/entities/tagger.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { sharedNames } from '../../../src/tools/pathological.js';

/** [text, expected "text/LABEL" spans in order]. */
const cases: [string, string[]][] = [
  // Accents and particles.
  ['Prosecutors Frédéric Van Leeuw and François Molins met in Paris on Tuesday.',
    ['Frédéric Van Leeuw/PER', 'François Molins/PER', 'Paris/LOC']],
  ['The photo was taken by Álvaro Ibáñez in Madrid.', ['Álvaro Ibáñez/PER', 'Madrid/LOC']],
  ['The novel was praised by Ian McEwan and the singer Sinéad O\'Connor.', ['Ian McEwan/PER', 'Sinéad O\'Connor/PER']],
  ['Osama bin Laden was killed in Abbottabad, Pakistan.', ['Osama bin Laden/PER', 'Abbottabad/LOC', 'Pakistan/LOC']],
  ['The Spanish actor Javier de la Fuente met Mayor Anne Hidalgo in Madrid.',
    ['Javier de la Fuente/PER', 'Anne Hidalgo/PER', 'Madrid/LOC']],
  ['Ludwig van Beethoven was born in Bonn.', ['Ludwig van Beethoven/PER', 'Bonn/LOC']],
  ['Mohammed bin Salman met Sinn Féin leader Mary Lou McDonald in Dublin.',
    ['Mohammed bin Salman/PER', 'Sinn Féin/ORG', 'Mary Lou McDonald/PER', 'Dublin/LOC']],
  // Hyphens.
  ['Jean-Pierre Raffarin and Marie-France Garaud met in Aix-en-Provence.',
    ['Jean-Pierre Raffarin/PER', 'Marie-France Garaud/PER', 'Aix-en-Provence/LOC']],
  ['The report was written by Claire Bailey-Ross of the University of Portsmouth.',
    ['Claire Bailey-Ross/PER', 'University of Portsmouth/ORG']],
  // Titles stay outside; possessives are trimmed.
  ['Mr Osborne said the plan would work.', ['Osborne/PER']],
  ['President Barack Obama spoke to reporters in Washington.', ['Barack Obama/PER', 'Washington/LOC']],
  ["Telegram's founder Pavel Durov lives in Dubai.", ['Telegram/ORG', 'Pavel Durov/PER', 'Dubai/LOC']],
  // Organisations ending in Group / Commission / Agency.
  ['France and Germany urged the European Commission to regulate encrypted apps.',
    ['France/LOC', 'Germany/LOC', 'European Commission/ORG']],
  ['The investigation was led by the German agency BND and the International Atomic Energy Agency.',
    ['BND/ORG', 'International Atomic Energy Agency/ORG']],
  ['Shares of Volkswagen Group fell after the announcement in Berlin.', ['Volkswagen Group/ORG', 'Berlin/LOC']],
  ['The European Medicines Agency approved the vaccine.', ['European Medicines Agency/ORG']],
  ['The Financial Conduct Authority fined Barclays on Tuesday.', ['Financial Conduct Authority/ORG', 'Barclays/ORG']],
  ['Dr. Anthony Fauci testified before Congress.', ['Anthony Fauci/PER', 'Congress/ORG']],
  // Places that are also people's names.
  ['Michael Jordan visited Amman, the capital of Jordan.', ['Michael Jordan/PER', 'Amman/LOC', 'Jordan/LOC']],
  ['Troops from Russia entered Georgia in August 2008.', ['Russia/LOC', 'Georgia/LOC']],
  ['Paris Hilton arrived in Paris on Monday.', ['Paris Hilton/PER', 'Paris/LOC']],
  ['Jordan Henderson played against a team from Jordan.', ['Jordan Henderson/PER', 'Jordan/LOC']],
  ['Giorgia Meloni met officials from Georgia in Tbilisi.', ['Giorgia Meloni/PER', 'Georgia/LOC', 'Tbilisi/LOC']],
  // All-caps headline followed by running text.
  ['FRANCE AND GERMANY URGE EU TO ACT\nFrance and Germany want the EU to act on encryption.',
    ['FRANCE/LOC', 'GERMANY/LOC', 'EU/ORG', 'France/LOC', 'Germany/LOC', 'EU/ORG']],
  // Title Case headline.
  ['Paris Thieves Use Tear Gas To Steal Watches Worth €500,000\nThieves in Paris stole watches on Monday.',
    ['Paris/LOC', 'Paris/LOC']],
];

/**
 * A statistical tagger trades cases against each other: all but MAX_TRICKY_MISSES of these
 * sentences must come out exactly right. The model of feature version f4 misses one
 * ("Telegram's founder": Telegram taken for a product, MISC).
 */
const MAX_TRICKY_MISSES = 1;

test('tricky names', () => {
  const failures: string[] = [];
  for (const [text, expected] of cases) {
    const got = extractEntities(text).map((s) => `${s.text}/${s.label}`);
    if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${text}\n  expected ${expected.join(', ')}\n  got      ${got.join(', ')}`);
  }
  assert.ok(failures.length <= MAX_TRICKY_MISSES, `${failures.length} of ${cases.length} wrong:\n${failures.join('\n')}`);
});

test('spans are sorted, non-overlapping, exact slices, trimmed', () => {
  const text = 'Kassim has been in the news after "Paris\' Notre Dame" (near Paris) and Mr. Smith\'s visit to the U.S.\r\nThe ISIS cell...';
  const spans = extractEntities(text);
  assert.ok(spans.length > 0);
  let prevEnd = 0;
  for (const s of spans) {
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(s.start >= prevEnd);
    prevEnd = s.end;
    assert.match(s.text, /^[\p{L}\p{N}]/u);
    assert.doesNotMatch(s.text, /['’]s$|["'“”‘’,;:!?)]$/u);
    assert.ok(['PER', 'ORG', 'LOC'].includes(s.label));
  }
  assert.deepEqual(extractEntities(''), []);
  assert.deepEqual(extractEntities('\n\n  \r\n'), []);
});

test('results do not depend on what was tagged before (per-word caches)', () => {
  const a = 'Rachid Kassim urged contacts in France to attack. Kassim was in Syria.';
  const b = 'KASSIM IN SYRIA\nThe Islamic State group said Kassim had left Raqqa.';
  const first = JSON.stringify(extractEntities(a));
  extractEntities(b);
  assert.equal(JSON.stringify(extractEntities(a)), first);
});

test('a very long line is tagged in pieces, with the same result per sentence', () => {
  const sentence = 'Rachid Kassim met François Molins in Paris. ';
  const one = extractEntities(sentence).map((s) => `${s.text}/${s.label}`);
  assert.deepEqual(one, ['Rachid Kassim/PER', 'François Molins/PER', 'Paris/LOC']);
  const text = sentence.repeat(1500);
  const spans = extractEntities(text);
  assert.equal(spans.length, 3 * 1500);
  for (const s of spans) assert.equal(s.text, text.slice(s.start, s.end));
});

test('a name found once is tagged where it recurs untagged in the document', async () => {
  const { harmonise } = await import('../../../src/nlp/entities/tagger.js');
  const { tokenize } = await import('../../../src/nlp/entities/tokenize.js');
  const { loadLexicon } = await import('../../../src/nlp/entities/lexicon.js');
  const { LEXICON_URL, WORDS_URL } = await import('../../../src/nlp/entities/paths.js');
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const text = 'Rachid Kassim joined the Zorbatex Group in Harrow. Kassim said Zorbatex Group staff in Harrow agreed. The Kassim Foundation paid.';
  const span = (s: string, label: 'PER' | 'ORG' | 'LOC', from = 0) => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, label, text: s };
  };
  const spans = [span('Rachid Kassim', 'PER'), span('Zorbatex Group', 'ORG'), span('Harrow', 'LOC')];
  const got = harmonise(text, tokenize(text), spans, lexicon).map((s) => `${s.text}/${s.label}@${s.start}`);
  assert.deepEqual(got, [
    'Rachid Kassim/PER@0', 'Zorbatex Group/ORG@25', 'Harrow/LOC@43',
    // "Kassim" alone is not a span of its own yet: only whole tagged names spread.
    `Zorbatex Group/ORG@${text.indexOf('Zorbatex Group', 50)}`,
    // "Harrow" is an English word (harrow): single dictionary words do not spread.
  ]);
  // A single non-dictionary word spreads, but not into a longer capitalised run.
  const spans2 = [span('Kassim', 'PER', 40)];
  const got2 = harmonise(text, tokenize(text), spans2, lexicon).map((s) => `${s.text}/${s.label}@${s.start}`);
  assert.deepEqual(got2, [`Kassim/PER@${text.indexOf('Kassim', 40)}`]);
});

test('the tagger spreads thousands of names sharing a first word in linear time', { timeout: 60_000 }, () => {
  // Each name used to look at every occurrence of its first word: 16,000 names took 14 s.
  const lex = { words: new Map(), phrases: new Map(), maxPhrase: 1, phraseNext: new Map() };
  const { text, spans } = sharedNames(16_000);
  const tokens = tokenize(text);
  const started = performance.now();
  const out = harmonise(text, tokens, spans, lex);
  const ms = performance.now() - started;
  assert.equal(out.length, 16_000);
  assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
});
