/** findTitle and findPublished (issue 5 item 1), and the sample articles checked by hand. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromFileName, extractDates, findPublished, findTitle } from '../../../src/nlp/dates/index.js';
import { fixture } from './helpers.js';

const ARTICLE_1 = fixture('000_64a2c47a9dd533e7.txt');
const ARTICLE_2 = fixture('002_dcba6d6f3d5686ee.txt');

type PubCase = [name: string, text: string, fileName: string | undefined, reference: string | null, value: string | null, from: string | null];

const PUBLISHED: PubCase[] = [
  ['labelled header with zone', 'Headline here today\nPublished: 13 Sep 2016 12:37 GMT+02:00\nBody.', undefined, null, '2016-09-13T12:37+02:00', 'text'],
  ['Published wins over Updated', 'Headline\nUpdated: 14 Sep 2016\nPublished: 13 Sep 2016\nBody.', undefined, null, '2016-09-13', 'text'],
  ['Updated alone', 'A headline for the story\nUpdated 14 September 2016 09:00\nBody.', undefined, null, '2016-09-14T09:00', 'text'],
  ['agency line', 'A headline for the story\nAFP · 13 Sep 2016, 12:37\nBody text.', undefined, null, '2016-09-13T12:37', 'text'],
  ['ISO dateline', 'AL-AIN, United Arab Emirates 1996-12-06\nThe text.', undefined, null, '1996-12-06', 'text'],
  ['Reuters dateline completed from the file name', 'PARIS, Sept 13 (Reuters) - Police said on Tuesday ...', '2016-09-20-paris.txt', null, '2016-09-13', 'text'],
  ['dateline without a year and no hint', 'PARIS, Sept 13 (Reuters) - Police said on Tuesday ...', undefined, null, null, null],
  ['by-line with a date', 'Headline of the day\n\nBy John Smith, March 3, 2015\n\nBody.', undefined, null, '2015-03-03', 'text'],
  ['US style header', 'Headline of the day\nPosted on Tuesday, September 13, 2016 at 8:05 AM\nBody.', undefined, null, '2016-09-13T08:05', 'text'],
  ['a date near the top of the body', 'The minister resigned on 13 September 2016 after a week of protests.', undefined, null, '2016-09-13', 'text'],
  ['file name with dashes', 'No date in this text at all.', '2016-09-13-story.txt', null, '2016-09-13', 'filename'],
  ['file name without separators', 'No date in this text at all.', '20160913_story.txt', null, '2016-09-13', 'filename'],
  ['file name with dots, in a folder', 'No date in this text at all.', 'corpus/a/story_2016.09.13.txt', null, '2016-09-13', 'filename'],
  ['invalid file-name date falls through', 'No date in this text at all.', '2016-13-45-x.txt', '2016-01-02', '2016-01-02', 'option'],
  ['hash-like file name', 'No date in this text at all.', '000_64a2c47a9dd533e7.txt', '2016-09-13', '2016-09-13', 'option'],
  ['text wins over the file name', 'Published: 12 Sep 2016\nBody.', '2016-09-13-story.txt', null, '2016-09-12', 'text'],
  ['relative dates are not a published date', 'Gunmen killed 130 people in Paris in November.', undefined, null, null, null],
  ['nothing at all', 'Nothing here.', undefined, null, null, null],
  ['invalid reference date is ignored', 'Nothing here.', undefined, '2016-02-30', null, null],
  ['empty text', '', undefined, null, null, null],
  ['a headline with a date is not the published date', 'Ten years after 11 September 2001, New York remembers\nPeople gathered in New York.', undefined, '2016-09-11', '2016-09-11', 'option'],
  ['a body date beyond the opening lines is not the published date', 'Headline of it all\nThe first paragraph of the story tells what happened and who was there at the time.\nSecond line here.\nThird line here.\nIt opened on 5 May 2015.', undefined, null, null, null],
];

describe('findPublished', () => {
  for (const [name, text, fileName, reference, value, from] of PUBLISHED) {
    test(name, () => {
      assert.deepEqual(findPublished(text, { fileName, referenceDate: reference }), { value, from });
    });
  }
  test('sample article 1 states its date in its header', () => {
    assert.deepEqual(findPublished(ARTICLE_1, { fileName: '000_64a2c47a9dd533e7.txt', referenceDate: null }), {
      value: '2016-09-13T12:37+02:00',
      from: 'text',
    });
  });
  test('sample article 2 states no date: none is invented', () => {
    assert.deepEqual(findPublished(ARTICLE_2, { fileName: '002_dcba6d6f3d5686ee.txt', referenceDate: null }), { value: null, from: null });
    assert.deepEqual(findPublished(ARTICLE_2, { referenceDate: '2016-09-20' }), { value: '2016-09-20', from: 'option' });
  });
});

describe('dateFromFileName', () => {
  const cases: [string, string | null][] = [
    ['2016-09-13-story.txt', '2016-09-13'],
    ['20160913_story.txt', '2016-09-13'],
    ['story-2016_09_13.txt', '2016-09-13'],
    ['x/20160230.txt', null],
    ['12016091399.txt', null],
    ['story.txt', null],
  ];
  for (const [name, expected] of cases) test(name, () => assert.equal(dateFromFileName(name), expected));
});

describe('findTitle', () => {
  const cases: [string, string, string | null][] = [
    ['sample article 1: skips the banner and photo credit', ARTICLE_1, 'Telegram app complicates job of French anti-terror police'],
    ['sample article 2', ARTICLE_2, 'EUROPE Anti-Terrorism Group-4: Investigators Need Access to Encrypted Communications'],
    ['photo credit first', 'Photo: AFP/John Smith\nReal headline about the news\nBody text.', 'Real headline about the news'],
    ['bullet banner first', '• Site banner in English\nHeadline about the things that happened\nBody.', 'Headline about the things that happened'],
    ['date line first', 'Published: 13 Sep 2016\nA headline that follows the date', 'A headline that follows the date'],
    ['BOM and blank lines', '\uFEFF\n\n  Headline with leading spaces  \nBody.', 'Headline with leading spaces'],
    ['repeated headline wins', 'France news in English\nThe real headline of it\nPhoto: X\nThe real headline of it\nBody.', 'The real headline of it'],
    ['empty', '', null],
    ['only short lines', 'a\nb\nc', null],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.equal(findTitle(text), expected));
});

describe('sample articles checked by hand', () => {
  const pub1 = findPublished(ARTICLE_1, { referenceDate: null }).value;
  const dates1 = extractDates(ARTICLE_1, { anchor: pub1 });
  const dates2 = extractDates(ARTICLE_2, { anchor: null });
  const valueAfter = (spans: ReturnType<typeof extractDates>, text: string, phrase: string, mention: string): string | undefined => {
    const at = text.indexOf(phrase);
    assert.ok(at >= 0, phrase);
    return spans.find((s) => s.start >= at && s.text === mention)?.value;
  };
  const checks1: [string, string, string][] = [
    ['massacred 130 people in Paris in November', 'November', '2015-11'],
    ['Last month the interior ministers', 'Last month', '2016-08'],
    ['described the app in May', 'May', '2016-05'],
    ['since its launch in 2013', '2013', '2013'],
    ['mass US surveillance in 2013', '2013', '2013'],
    ['in the Parisian suburbs in June', 'June', '2016-06'],
    ['French church in July', 'July', '2016-07'],
    ['back in the news this week', 'this week', '2016-W37'],
    ['will be cleared of its residents on Monday', 'Monday', '2016-09-19'],
    ['authorities said Friday', 'Friday', '2016-09-09'],
    ['Town Halls this Christmas', 'this Christmas', '2016-12-25'],
    ['a cold winter this year', 'winter this year', '2016-WI'],
    ['AFP · 13 Sep 2016, 12:37', '13 Sep 2016, 12:37', '2016-09-13T12:37'],
    ['Published: 13 Sep 2016', '13 Sep 2016 12:37 GMT+02:00', '2016-09-13T12:37+02:00'],
  ];
  for (const [phrase, mention, value] of checks1) {
    test(`article 1: "${mention}" in "${phrase}"`, () => assert.equal(valueAfter(dates1, ARTICLE_1, phrase, mention), value));
  }
  test('article 1: "every hour" and "5,000 people" are not dates', () => {
    assert.ok(!dates1.some((s) => /hour|5,000|300,000/.test(s.text)));
  });
  const checks2: [string, string, string][] = [
    ['terror attacks in November', 'November', 'XXXX-11'],
    ['arrested during the summer', 'the summer', 'XXXX-SU'],
    ['In late August', 'late August', 'XXXX-08'],
    ['during the 90’s', 'the 90’s', '199'],
    ['have met this week', 'this week', 'XXXX-WXX'],
  ];
  for (const [phrase, mention, value] of checks2) {
    test(`article 2 (no date): "${mention}" in "${phrase}"`, () => assert.equal(valueAfter(dates2, ARTICLE_2, phrase, mention), value));
  }
  test('every span is the exact slice of the source', () => {
    for (const [text, spans] of [[ARTICLE_1, dates1], [ARTICLE_2, dates2]] as const) {
      for (const s of spans) assert.equal(s.text, text.slice(s.start, s.end));
    }
  });
});
