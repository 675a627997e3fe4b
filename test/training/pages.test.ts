import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HELDOUT_DIR, loadPages, PAGES_DIR } from '../../src/training/pages/index.js';
import { PageMarkupError, parsePage } from '../../src/training/pages/markup.js';

// Compiled to dist/test/training/; the exporter runs from dist/src.
const EXPORT = fileURLToPath(new URL('../../src/training/pages/export.js', import.meta.url));
const LAYOUTS = new Set(['news', 'blog', 'wire', 'comments', 'links', 'clean', 'live', 'tricky', 'amp', 'forum', 'local', 'magazine', 'newsletter', 'press', 'sports', 'tv', 'business', 'election', 'gallery', 'gov', 'interview', 'intl', 'obit', 'opinion', 'paywall', 'print', 'search', 'univ', 'sitea', 'siteb', 'sitec']);

/** Layouts that are never an article: lists of links, forum threads, search results. */
const NO_ARTICLE = new Set(['links', 'forum', 'search']);

test('every page parses, and its body ranges are sorted, disjoint, in bounds and trimmed', () => {
  const names = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.txt'));
  const docs = loadPages();
  assert.equal(docs.length, names.length);
  assert.ok(docs.length >= 30, `${docs.length} pages, at least 30 expected`);
  for (const d of docs) {
    assert.match(d.id, /^[a-z]+-\d{2}$/, d.id);
    assert.ok(LAYOUTS.has(d.layout), `${d.id}: unknown layout ${d.layout}`);
    assert.ok(d.text.length >= 1500 && d.text.length <= 8000, `${d.id}: ${d.text.length} characters`);
    assert.ok(!d.text.includes('[[') && !d.text.includes(']]'), `${d.id}: a marker is left in the text`);
    let previous = 0;
    for (const [start, end] of d.body) {
      assert.ok(start >= previous && start < end && end <= d.text.length, `${d.id}: range ${start}-${end} after ${previous}`);
      assert.match(d.text[start]!, /\S/, `${d.id}: range ${start}-${end} starts on a blank`);
      assert.match(d.text[end - 1]!, /\S/, `${d.id}: range ${start}-${end} ends on a blank`);
      assert.match(lineBefore(d.text, start), /^\s*$/, `${d.id}: range ${start}-${end} starts inside a line`);
      assert.match(lineAfter(d.text, end), /^\s*$/, `${d.id}: range ${start}-${end} ends inside a line`);
      previous = end + 1;
    }
    if (d.layout === 'clean') assert.equal(d.body.length, 1, `${d.id}: a clean page is one body range`);
    if (NO_ARTICLE.has(d.layout)) assert.equal(d.body.length, 0, `${d.id}: a page of links has no body`);
    // A page without an article (a section index too) has no publication date, and the other way round.
    assert.equal(d.body.length === 0, d.dct === null, `${d.id}: body ${d.body.length} ranges, dct ${d.dct}`);
  }
});

/** The part of the line before `at`, and after it: blank when a range holds whole lines. */
function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}
function lineAfter(text: string, at: number): string {
  const nl = text.indexOf('\n', at);
  return text.slice(at, nl < 0 ? text.length : nl);
}

test('markers come off with their line breaks, and blank lines between body lines stay in the range', () => {
  const page = parsePage('[[dct:2019-03-04]]\n[[furniture]]\nHome | News\n[[/furniture]]\nTitle\n\n  Para one.\n[[furniture]]\nPhoto: A. B.\n[[/furniture]]\nPara two.\n');
  assert.equal(page.text, 'Home | News\nTitle\n\n  Para one.\nPhoto: A. B.\nPara two.\n');
  assert.equal(page.dct, '2019-03-04');
  assert.deepEqual(page.body.map(([s, e]) => page.text.slice(s, e)), ['Title\n\n  Para one.', 'Para two.']);
  assert.deepEqual(parsePage('Just an article.').body, [[0, 16]]);
  assert.equal(parsePage('x').dct, null);
});

test('unbalanced or stray markers are refused with their line', () => {
  const bad: [string, RegExp][] = [
    ['a\n[[furniture]]\nb\n', /line 2: \[\[furniture\]\] is never closed/],
    ['a\n[[/furniture]]\n', /line 2: \[\[\/furniture\]\] without/],
    ['[[furniture]]\na\n[[furniture]]\nb\n[[/furniture]]\n', /line 3: .* inside the block opened on line 1/],
    ['[[furniture]]\n\n[[/furniture]]\na\n', /line 3: the block opened on line 1 has no text/],
    ['a\n[[furnture]]\n', /line 2: "\[\[" or "\]\]" outside a marker line/],
    ['a [[furniture]]\n', /line 1/],
    ['[[dct:2019-02-30]]\na\n', /not a calendar date/],
    ['[[dct:2019-2-3]]\na\n', /expected \[\[dct:YYYY-MM-DD\]\]/],
  ];
  for (const [src, message] of bad) assert.throws(() => parsePage(src), (err: unknown) => err instanceof PageMarkupError && message.test(err.message), src);
});

test('export writes the texts and a gold line per page, and exits 2 on a marker error', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pages-'));
  try {
    const ok = spawnSync(process.execPath, [EXPORT, '--out', join(tmp, 'out')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const docs = loadPages();
    const gold = readFileSync(join(tmp, 'out', 'gold.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; dct: string | null; entities: unknown[]; body: number[][] });
    assert.deepEqual(gold.map((g) => g.id), docs.map((d) => d.id));
    for (const [i, g] of gold.entries()) {
      assert.deepEqual(g, { id: docs[i]!.id, dct: docs[i]!.dct, entities: [], body: docs[i]!.body });
      assert.equal(readFileSync(join(tmp, 'out', 'docs', g.id + '.txt'), 'utf8'), docs[i]!.text);
    }
    writeFileSync(join(tmp, 'bad-01.txt'), 'Title\n[[furniture]]\nShare\n');
    const bad = spawnSync(process.execPath, [EXPORT, '--data', tmp, '--out', join(tmp, 'bad')], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'export: bad-01.txt, line 2: [[furniture]] is never closed\n');
    assert.equal(bad.stdout, '');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the held-out pages parse, with body ranges in bounds', () => {
  const docs = loadPages(HELDOUT_DIR);
  assert.ok(docs.length >= 10, `${docs.length} held-out pages`);
  for (const d of docs) for (const [start, end] of d.body) assert.ok(start < end && end <= d.text.length, `${d.id}: ${start}-${end}`);
});
