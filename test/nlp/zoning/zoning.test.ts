/** Zoning: which lines of a text are the article, which the page around it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, zone } from '../../../src/nlp/zoning.js';
import { loadPages } from '../../../src/training/pages/index.js';
import { loadNewsTexts } from '../../../src/training/news/index.js';
import { BodyScorer } from '../../../src/eval/score.js';

/** The lines of `text` the zoning takes as body. */
function bodyLines(text: string): string[] {
  return zone(text).flatMap((r) => text.slice(r.start, r.end).split('\n')).map((l) => l.trim()).filter((l) => l !== '');
}

const P1 = 'The first paragraph of the story says what happened, and where, and to whom it happened in the end, as stories do.';
const P2 = 'The second paragraph goes on at some length about why it matters to the people of the town and to those who visit it.';
const P3 = '"We did not expect this," the mayor said on Tuesday, adding that the council would meet again next week to decide.';

const CLEAN: [string, string][] = [
  ['a wire story', `MADRID, May 3 (Wire) - ${P1}\n${P2}\n${P3}\nREUTER\n`],
  ['an e-mail', 'Hi Sam,\nCan you check the figures before Friday?\nThanks,\nBrenda\n'],
  ['tweets with a photo line', 'Photo: http://t.co/abc\nOff to bed with a bit of music\nPhoto: sunset over the bay http://t.co/def\n'],
  ['one line', 'Paris is the capital of France.'],
  ['paragraphs with a subheading', `Title of the article here\n\n${P1}\n\nWhat happened next\n\n${P2}\n`],
  [
    'a wire story of results and standings',
    'SOCCER - BELGIAN FIRST DIVISION RESULTS/STANDINGS.\nBRUSSELS 1996-09-01\nResults of matches played on Sunday (halftime scores in brackets):\n' +
      'Club Ostend 4 Beerschot Lier 1 (2-0)\nGeelong Bay 16.12 (108) Fremantle 11.11 (77)\nStandings (tabulate under played, won, drawn, lost, points):\n' +
      'Club Ostend         5 4 1 0 12  3 13\nOlympic Mechelen    5 4 0 1  9  4 12\nRoyal Tongeren      5 3 2 0 10  5 11\n - - - -\n' +
      `${P1}\nREUTER\n`,
  ],
];

for (const [name, text] of CLEAN) {
  test(`a text that is no page is all body: ${name}`, () => {
    const start = text.search(/\S/);
    const end = text.trimEnd().length;
    assert.deepEqual(zone(text), [{ start, end }]);
    assert.equal(bodyText(text, zone(text)), text);
  });
}

test('the news-genre texts (wire stories, results tables, standings) are all body', () => {
  for (const d of loadNewsTexts()) {
    const start = d.text.search(/\S/);
    assert.deepEqual(zone(d.text), [{ start, end: d.text.trimEnd().length }], d.id);
  }
});

test('nothing but blanks has no body', () => {
  assert.deepEqual(zone(''), []);
  assert.deepEqual(zone(' \n\t\n'), []);
});

test('a news page: menu, title, byline, paragraphs, caption, share bar, teasers, comments, footer', () => {
  const page = [
    'The Daily Example',
    'Home | World | Business | Sport | Culture | Opinion',
    'World / Europe',
    'Town council votes to close the old bridge',
    'By Jane Doe',
    'Published 3 May 2021, 10:15',
    'Share on Facebook',
    'Share on Twitter',
    P1,
    'The old bridge at dusk. Photo: John Roe/Example',
    P2,
    'Read more: Why the town needs a new bridge',
    P3,
    'Share: Facebook · Twitter · Email',
    'Related stories',
    'Mayor to stand again in June',
    'The mayor said on Monday she would seek a third term in the elections next month.',
    'School roof repairs to start on Friday',
    'Parents were told by letter on Wednesday that classes would move to the village hall.',
    '12 Comments',
    'Sam · 2 hours ago',
    'This is the best news the town has had in years, I walk over that bridge every single day of the week.',
    'Reply',
    '© 2021 The Daily Example. All rights reserved.',
  ].join('\n');
  assert.deepEqual(bodyLines(page), ['Town council votes to close the old bridge', 'By Jane Doe', 'Published 3 May 2021, 10:15', P1, P2, P3]);
  // The share buttons, the caption and the inline link split the body; blank lines would not.
  assert.equal(zone(page).length, 4);
});

test('a comment counter above the article does not end it; a teaser block ends at the next paragraphs', () => {
  const page = ['Site', 'Home | News | Sport | Weather', 'A headline for the story', '0 Comments', P1, 'RELATED', 'A teaser headline', 'The teaser blurb says something happened on Monday in Leeds.', P2, P3, 'Terms of Use | Privacy Policy'].join('\n');
  assert.deepEqual(bodyLines(page), ['A headline for the story', P1, P2, P3]);
});

test('a results table between the text and the sign-off stays with the story', () => {
  const page = ['SPORTSWIRE', 'News  Results  Schedules  Photos', `ZURICH, Feb 18 (Sportswire) - ${P1}`, P2, 'Leading results:', '1. Anna Berg (Norway) 1:46.88', '2. Lea Roth (Switzerland) 1:47.09', '(Reporting by Ingrid Solvang; Editing by Paul Farrant)', '© Sportswire 2024. Click for restrictions.', 'More sport headlines', 'Tennis: Novak into Doha final'].join('\n');
  assert.deepEqual(bodyLines(page).slice(-4), ['Leading results:', '1. Anna Berg (Norway) 1:46.88', '2. Lea Roth (Switzerland) 1:47.09', '(Reporting by Ingrid Solvang; Editing by Paul Farrant)']);
});

test('a page that is a list of links has no body', () => {
  const page = ['The Midland Post', 'Home | News | Sport | Business | Jobs', 'Tag: Council', 'Council tax to rise as budget approved', 'Councillors voted 38 to 14 on Tuesday evening.', '23 February 2022', 'Leader defends spending on new offices', 'The council leader told a board the move would save money.', '21 February 2022', '© 2022 The Midland Post'].join('\n');
  assert.deepEqual(zone(page), []);
});

test('a page whose paragraphs are all short still has its article', () => {
  const short1 = 'The first paragraph is short, but it is a sentence of the story.';
  const short2 = 'The second one is short too, and it goes on with the story.';
  const page = ['Site News', 'Home | World | Business | Sport', 'The title of the story', short1, 'Photo: Jane Doe/Flickr', short2, 'Share: Facebook Twitter Email', '© 2020 Site News'].join('\n');
  assert.deepEqual(bodyLines(page), ['The title of the story', short1, short2]);
});

const HEAD = ['Site News', 'Home | World | Business | Sport | Culture'];
const FOOT = ['Share: Facebook Twitter Email', '© 2024 Site News'];

test('a byline set over three lines and a video player between the header and the text', () => {
  const page = [...HEAD, 'Pier reopens after two years of repairs', 'By', 'Jane Doe', 'Local Democracy Reporter', '12:04, 30 Mar 2025', 'Now Playing', '00:00 / 02:14', 'Mute', 'Fullscreen', P1, P2, ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['Pier reopens after two years of repairs', 'By', 'Jane Doe', 'Local Democracy Reporter', '12:04, 30 Mar 2025', P1, P2]);
});

test('a newsletter: the greeting, the closing and the name under it are the letter\'s', () => {
  const page = ['Slow Transit', 'Subscribe', 'Sign in', 'Why the bus is late', 'Hannah Okonjo', 'Jan 28, 2024', '42', 'Share', 'Hi all,', P1, P2, 'Cheers,', 'Hannah', 'Subscribe to Slow Transit', '© 2024 Hannah Okonjo'].join('\n');
  assert.deepEqual(bodyLines(page), ['Why the bus is late', 'Hannah Okonjo', 'Jan 28, 2024', 'Hi all,', P1, P2, 'Cheers,', 'Hannah']);
});

test('a press release keeps its media contact, not the downloads after it', () => {
  const page = [...HEAD, 'Press Release', 'Maker to supply batteries for six ferries', P1, P2, 'Media contact:', 'Kari Lien, Head of Communications', '+47 915 55 012', 'press@maker.example', 'Download press release (PDF, 210 KB)', ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['Maker to supply batteries for six ferries', P1, P2, 'Media contact:', 'Kari Lien, Head of Communications', '+47 915 55 012', 'press@maker.example']);
});

test('an inline link does not cut off the last paragraph; a pull quote and the author\'s bio are furniture', () => {
  const quote = 'The second paragraph goes on at some length about why it matters to the people of the town';
  const bio = 'Jane Doe is a writer based in Inverness. Her book on island schools is out in May.';
  const page = [...HEAD, 'The last keepers of the lighthouse', 'By Jane Doe', 'May 19, 2022', P1, P2, `"${quote}"`, P3, 'Read more: Ten lighthouses you can visit', P1.replace('first', 'last'), bio, ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['The last keepers of the lighthouse', 'By Jane Doe', 'May 19, 2022', P1, P2, P3, P1.replace('first', 'last')]);
});

test('teasers after the share bar, under headings of their own, are not the article', () => {
  const page = [...HEAD, 'Hardware store owner hands keys to nephew', 'By Carol Brandvold', P1, P2, P3, 'Share this: Facebook Email Print', 'Obituaries', 'Lorraine Hatch, 90', 'Lorraine was a member of Trinity Lutheran for 65 years and baked for every funeral.', 'Dennis Kowalski, 66', 'Dennis worked at the ore docks for 30 years before retiring in 2019.', 'Around town', 'City seeks input on sidewalk plan', 'A public hearing is set for Monday at 6 p.m. at City Hall.', '© 2023 Sentinel Publishing Co.'].join('\n');
  assert.deepEqual(bodyLines(page), ['Hardware store owner hands keys to nephew', 'By Carol Brandvold', P1, P2, P3]);
});

test('a forum thread has no article, however long its first post', () => {
  const page = ['Wheels Forum', 'Home › Forums › Classics › Repair', 'Thread: Herald overheating on hills', 'ken_from_leeds', 'Member · Joined Mar 2016 · Posts: 412', '14 Aug 2021, 9:14am', P1 + ' ' + P2, 'Reply  Quote  Like (2)', 'sue', 'Moderator · Joined Jan 2009 · Posts: 8,027', P3 + ' ' + P1, 'Reply  Quote  Like (5)', '© 2021 Wheels Forum'].join('\n');
  assert.deepEqual(bodyLines(page), []);
});

test('a caption is furniture when its credit closes the line: "Photograph by ...", "(Sentinel photo/...)", "LPS/..."', () => {
  for (const caption of ['Jane Doe on the gallery of the light. Photograph by Calum MacNeil for The Review', 'Arne Lindqvist, left, and his nephew in the paint aisle on Wednesday. (Sentinel photo/Carol Brandvold)', 'A worker checks pipes at the plant, June 12, 2025. LPS/Omar Haddad']) {
    const page = [...HEAD, 'The title of the story', P1, caption, P2, ...FOOT].join('\n');
    assert.deepEqual(bodyLines(page), ['The title of the story', P1, P2], caption);
  }
});

test('a photo gallery: the captions under "3 of 12" are furniture, the intro is the article', () => {
  const page = [...HEAD, 'Thousands turn out for the kite festival', 'By Jonah Lee', 'Sept. 22, 2024', P1, P2, 'Share gallery: Facebook Pinterest X Email', '1 of 3', 'A 40-foot octopus kite flown by the Tern Island Flyers rises over North Beach on Saturday morning.', '2 of 3', 'Amelia Hartigan, 6, of Brookhaven, holds the kite she built in the children\'s tent with her grandfather.', '3 of 3', 'Kites are packed up at sunset over the dunes, as the last of the crowd heads for the shuttle buses.', ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['Thousands turn out for the kite festival', 'By Jonah Lee', 'Sept. 22, 2024', P1, P2]);
});

test('a paywall, a newsletter box and a row of counters are not the article', () => {
  const page = [...HEAD, 'A dry lake in Nevada is filling again', 'Posted on April 9, 2024 by Dana Okonkwo', '5 min read · 12 comments', P1, 'Get the Gazette Morning Briefing', 'The day\'s top stories from across the county, in your inbox by 7am.', 'Enter your email address', 'Sign up', P2, 'Subscribe to continue reading', 'You\'ve read your 3 free articles this month.', 'Get unlimited access to the Courier\'s journalism on climate, politics and the American West for a dollar.', 'Already a subscriber? Log in', ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['A dry lake in Nevada is filling again', 'Posted on April 9, 2024 by Dana Okonkwo', P1, P2]);
});

test('search results (headline, date, snippet) are no article, however long the snippets', () => {
  const snippet = (who: string) => `${who} told the council on Tuesday that the library budget would be cut by four per cent, but that the Eastside branch would stay open on Saturdays and the bookmobile would keep its fourteen stops.`;
  const page = [...HEAD, 'About 214 results for "library budget"', 'Sort by: Relevance | Newest | Oldest', 'Council trims library budget', 'Jan 9, 2025', snippet('The mayor'), 'Letter: our library is an investment', 'Jan 3, 2025', snippet('A retired teacher'), 'Budget hearings set for January', 'Dec 12, 2024', snippet('The city manager'), '1 2 3 4 5 Next', ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), []);
});

test('a drop cap on a line of its own stays with its paragraph', () => {
  const page = [...HEAD, 'The quiet machine that hears one voice', 'By Jane Doe', 'May 6, 2021', 'W', 'hen Ruth Price takes her hearing aids out at night, the world does not go silent so much as go flat, she says.', P2, ...FOOT].join('\n');
  assert.deepEqual(bodyLines(page), ['The quiet machine that hears one voice', 'By Jane Doe', 'May 6, 2021', 'W', 'hen Ruth Price takes her hearing aids out at night, the world does not go silent so much as go flat, she says.', P2]);
});

test('the article text alone: ranges joined by line breaks', () => {
  const text = 'Menu\nHome | News | Sport | Culture\nTitle of it all\nBody.\n';
  assert.equal(bodyText(text, [{ start: 35, end: 50 }, { start: 51, end: 56 }]), 'Title of it all\nBody.');
});

// The development set of scraped pages (src/training/pages, 95 pages): measured 98.5
// body-character F1 when this floor was set (all text as body: 69.6); the floor is that,
// rounded down, minus 1.
test('the scraped-page development set: body F1 stays above its floor', () => {
  const scorer = new BodyScorer();
  for (const d of loadPages()) scorer.add(d.id, d.text, d.body.map(([start, end]) => ({ start, end })), zone(d.text));
  const r = scorer.result();
  assert.ok(r.f1 >= 0.97, `body F1 ${(100 * r.f1).toFixed(1)}`);
  assert.ok(r.allBody.f1 < 0.75);
});

test('the title and the article\'s date come from the body, not from a teaser above it', async () => {
  const { analyze } = await import('../../../src/nlp/index.js');
  const page = ['The Daily Example', 'Home | World | Business | Sport | Culture', 'Most read', 'Published 2 January 2015: Floods close the coast road', 'Council to sell the old library', 'By Jane Doe', 'Published 3 May 2021', P1, P2, 'Share: Facebook · Twitter · Email', '© 2021 The Daily Example'].join('\n');
  const a = analyze(page);
  assert.equal(a.title, 'Council to sell the old library');
  assert.equal(a.published, '2021-05-03');
});
