/** annotate site-lines, and the config's furniture: lines that a project knows are not the article. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { corpus, run } from './harness.js';

// A site's tagline that reads like a sentence of the article: the zoning alone keeps it.
const TAGLINE = 'The Harlan Courier has told the stories of Harlan and the valley towns since 1911.';
const page = (title: string, city: string, person: string): string =>
  [
    'The Harlan Courier',
    'Home | News | Sport | Obituaries | Contact',
    title,
    `${person} said on Tuesday that the council in ${city} would vote on the new bridge over the river next month.`,
    `"It is the most important vote of the year," ${person} told reporters outside the town hall in ${city} on Tuesday.`,
    TAGLINE,
    'Share: Facebook · Twitter · Email',
    '© 2024 The Harlan Courier',
    '',
  ].join('\n');

const FILES = {
  'a.txt': page('Council to vote on bridge', 'Milbrook', 'Janet Fruehling'),
  'b.txt': page('Mayor backs new school', 'Osage Falls', 'Rick Halvorsen'),
  'c.txt': page('Library hours cut', 'Harlan', 'Tom Bauerle'),
};

test('site-lines lists a line many pages share and read as the article; the config then makes it furniture', async () => {
  const { dir, cleanup } = corpus(FILES);
  try {
    const listed = await run(['site-lines', '.'], { cwd: dir });
    assert.equal(listed.code, 0, listed.stderr);
    const suggested = parse(listed.stdout) as { furniture: string[] };
    assert.deepEqual(suggested.furniture, [TAGLINE]);
    assert.deepEqual((parse((await run(['site-lines', '--min-files', '4', '.'], { cwd: dir })).stdout) as { furniture: string[] }).furniture, []);

    const before = parse((await run(['--stdout', 'a.txt'], { cwd: dir })).stdout) as { document: { body: { start: number; end: number }[] } };
    const text = FILES['a.txt'];
    const tagAt = [...text.slice(0, text.indexOf(TAGLINE))].length;
    assert.ok(before.document.body.some((r) => r.start <= tagAt && tagAt < r.end), 'the tagline is body without the config');

    assert.equal((await run(['-q', '.'], { cwd: dir })).code, 0);
    writeFileSync(path.join(dir, 'annotate.config.yaml'), listed.stdout);
    // The config is part of every file's freshness: the list makes them stale, a run rewrites them.
    assert.equal((await run(['--check', '.'], { cwd: dir })).code, 1);
    assert.equal((await run(['-q', '.'], { cwd: dir })).code, 0);
    type Groups = { mentions: { start: number }[] }[];
    type Lists = { people: Groups; organizations: Groups; places: Groups };
    const after = parse(readFileSync(path.join(dir, 'a.yaml'), 'utf8')) as Lists & { document: { body: { start: number; end: number }[] }; furniture: Lists };
    assert.ok(!after.document.body.some((r) => r.start <= tagAt && tagAt < r.end), 'the tagline is furniture with it');
    const inTagline = (l: Lists) => [...l.people, ...l.organizations, ...l.places].flatMap((g) => g.mentions).filter((m) => m.start >= tagAt && m.start < tagAt + TAGLINE.length);
    assert.deepEqual(inTagline(after), []);
    assert.ok(inTagline(after.furniture).length > 0, 'the mentions of the tagline are listed as furniture');
    assert.ok(after.places.length > 0, 'the article keeps its places');
    assert.equal((await run(['--check', '.'], { cwd: dir })).code, 0);
  } finally {
    cleanup();
  }
});

test('furniture: in the config takes a list of lines, each once', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': FILES['a.txt'] });
  try {
    writeFileSync(path.join(dir, 'annotate.config.yaml'), 'furniture: The Harlan Courier\n');
    const notList = await run(['--stdout', 'a.txt'], { cwd: dir });
    assert.equal(notList.code, 2);
    assert.match(notList.stderr, /annotate\.config\.yaml:1:\d+: bad config: furniture must be a list of lines/);
    writeFileSync(path.join(dir, 'annotate.config.yaml'), 'furniture:\n  - Home  |  News\n  - Home | News\n');
    const twice = await run(['--stdout', 'a.txt'], { cwd: dir });
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /annotate\.config\.yaml:3:\d+: bad config: the line "Home \| News" is given twice in furniture/);
    const missing = await run(['site-lines', 'nowhere'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /nowhere: no such file or folder/);
    const bad = await run(['site-lines', '--min-files', '1', '.'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-files takes a whole number of 2 or more/);
  } finally {
    cleanup();
  }
});
