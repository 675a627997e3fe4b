/**
 * The two scraped pages of corpus/: the mentions of their furniture are listed apart, and every
 * mention of the article stays in it. The gold is by line (1-based): the lines of each page that
 * are the article, by the conventions of src/training/pages/README.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/nlp/index.js';
import { splitZones } from '../../../src/serialize/record.js';
import type { Span } from '../../../src/core/types.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

const PAGES: { file: string; body: number[] }[] = [
  // Title, agency line, date line, the paragraphs and the subheading; not the share bars,
  // "Story continues below…", the teasers, the sponsored links and the reading list.
  { file: '000_64a2c47a9dd533e7.txt', body: [5, 7, 9, ...range(12, 27), ...range(29, 33)] },
  // The post and its "Blast from the Past" section; not the video label and the photo caption
  // of names, the related links, the repeated title, the tag line and the comment form.
  { file: '002_dcba6d6f3d5686ee.txt', body: [1, 3, 10, 12, 14, 16, 18, 21, 23, 25, 27, 29] },
];

function lineOf(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

for (const page of PAGES) {
  test(`${page.file}: furniture mentions listed apart, article mentions kept`, () => {
    const text = readFileSync(new URL(`../../../../corpus/${page.file}`, import.meta.url), 'utf8');
    const analysis = analyze(text, { fileName: page.file });
    const zones = splitZones(analysis, analysis.body);
    const all = (l: typeof zones.body): Span[] => [...l.people, ...l.organizations, ...l.places, ...l.dates].flatMap((g) => g.mentions);
    const inBody = new Set(all(zones.body));
    const gold = new Set(page.body);
    const mentions = all(zones.body).concat(all(zones.furniture));
    const goldBody = mentions.filter((m) => gold.has(lineOf(text, m.start)));
    const goldFurniture = mentions.filter((m) => !gold.has(lineOf(text, m.start)));
    const lost = goldBody.filter((m) => !inBody.has(m)).map((m) => `${m.text} (line ${lineOf(text, m.start)})`);
    assert.deepEqual(lost, [], 'article mentions put in the furniture');
    const apart = goldFurniture.filter((m) => !inBody.has(m)).length;
    assert.ok(goldFurniture.length > 0);
    const share = apart / goldFurniture.length;
    const left = goldFurniture.filter((m) => inBody.has(m)).map((m) => m.text);
    assert.ok(share >= 0.9, `${apart} of ${goldFurniture.length} furniture mentions listed apart (${(100 * share).toFixed(1)}%); left in the article: ${left.join(', ')}`);
  });
}
