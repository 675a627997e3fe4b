/** --furniture separate|keep|drop: where the mentions of page furniture go, and what it costs a re-run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { corpus, run } from './harness.js';
import { toRecord } from '../../src/serialize/record.js';
import type { Analysis, Span } from '../../src/core/types.js';

const PARAGRAPH = 'Angela Merkel met the mayor of Lyon on Tuesday to talk about the new bridge over the river, which opens next year.';
const PAGE = [
  'The Daily Example',
  'Home | World | Business | Sport | Culture',
  'Merkel visits Lyon',
  PARAGRAPH,
  '"It is a fine bridge," Merkel said after the visit, before she left the city for the airport in the afternoon.',
  'Share: Facebook · Twitter · Email',
  'Related stories',
  'Berlin to host summit',
  'Olaf Scholz said on Friday that the summit would be held in Berlin in June.',
  '© 2021 The Daily Example',
  '',
].join('\n');

type Lists = { people: { name: string }[]; places: { name: string }[] };

test('separate (the default) lists the furniture apart; keep lists it with the article; drop leaves it out', async () => {
  const { dir, cleanup } = corpus({ 'page.txt': PAGE });
  try {
    const names = (l: Lists) => [...l.people, ...l.places].map((g) => g.name).sort();
    const separate = await run(['--stdout', 'page.txt'], { cwd: dir });
    assert.equal(separate.code, 0, separate.stderr);
    const s = parse(separate.stdout) as Lists & { furniture: Lists; document: { body: { start: number; end: number }[] } };
    assert.ok(s.document.body.length >= 1);
    assert.ok(names(s).includes('Lyon') && !names(s).includes('Berlin'));
    assert.ok(names(s.furniture).includes('Berlin') && names(s.furniture).includes('Olaf Scholz'));
    const keep = parse((await run(['--stdout', '--furniture', 'keep', 'page.txt'], { cwd: dir })).stdout) as Lists & { furniture?: unknown };
    assert.equal(keep.furniture, undefined);
    assert.deepEqual(names(keep), [...new Set([...names(s), ...names(s.furniture)])].sort());
    const drop = parse((await run(['--stdout', '--furniture', 'drop', 'page.txt'], { cwd: dir })).stdout) as Lists & { furniture?: unknown };
    assert.equal(drop.furniture, undefined);
    assert.deepEqual(names(drop), names(s));
    const bad = await run(['--furniture', 'hide', 'page.txt'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /argument 'hide' is invalid. Allowed choices are separate, keep, drop/);
  } finally {
    cleanup();
  }
});

test('the mode is part of freshness: another mode makes annotations stale, the same one skips', async () => {
  const { dir, cleanup } = corpus({ 'page.txt': PAGE });
  try {
    assert.equal((await run(['-q', '.'], { cwd: dir })).code, 0);
    const written = readFileSync(path.join(dir, 'page.yaml'), 'utf8');
    assert.equal((await run(['--check', '.'], { cwd: dir })).code, 0);
    assert.equal((await run(['--check', '--furniture', 'separate', '.'], { cwd: dir })).code, 0);
    assert.equal((await run(['--check', '--furniture', 'keep', '.'], { cwd: dir })).code, 1);
    assert.equal((await run(['-q', '--furniture', 'drop', '.'], { cwd: dir })).code, 0);
    assert.notEqual(readFileSync(path.join(dir, 'page.yaml'), 'utf8'), written);
  } finally {
    cleanup();
  }
});

test('a group with mentions on both sides keeps its name on both', () => {
  const text = 'Rachid Kassim spoke.\nTeaser: Kassim again.';
  const span = (start: number, end: number): Span => ({ start, end, label: 'PER', text: text.slice(start, end) });
  const analysis: Analysis = {
    title: null, published: null, publishedFrom: null,
    body: [{ start: 0, end: 20 }],
    people: [{ name: 'Rachid Kassim', by: 'config', mentions: [span(0, 13), span(29, 35)] }],
    organizations: [], places: [], dates: [],
  };
  const r = toRecord(text, analysis, { source: 's.txt', checksum: 'sha256:00', generator: 'g' });
  assert.deepEqual(r.people, [{ name: 'Rachid Kassim', by: 'config', mentions: [{ start: 0, end: 13, text: 'Rachid Kassim' }] }]);
  assert.deepEqual(r.furniture?.people, [{ name: 'Rachid Kassim', by: 'config', mentions: [{ start: 29, end: 35, text: 'Kassim' }] }]);
  assert.deepEqual(r.document.body, [{ start: 0, end: 20 }]);
  const keep = toRecord(text, analysis, { source: 's.txt', checksum: 'sha256:00', generator: 'g' }, 'keep');
  assert.equal(keep.people[0]!.mentions.length, 2);
  assert.equal(keep.furniture, undefined);
});

test('show dims the furniture, and marks its mentions {type, furniture} without colour', async () => {
  const { dir, cleanup } = corpus({ 'page.txt': PAGE });
  try {
    const off = await run(['show', '--no-color', 'page.txt'], { cwd: dir });
    assert.equal(off.code, 0, off.stderr);
    assert.match(off.stdout, /\[Berlin\]\{place, furniture\}/);
    assert.match(off.stdout, /\[Lyon\]\{place\}/);
    const on = await run(['show', 'page.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    const ESC = '\u001b[';
    // The menu line is dim; the article's Lyon is bold, the teaser's Berlin dim.
    assert.ok(on.stdout.includes(`${ESC}2mHome | World | Business | Sport | Culture${ESC}22m`));
    assert.match(on.stdout, new RegExp(`\\u001b\\[1m\\u001b\\[32mLyon`));
    assert.match(on.stdout, new RegExp(`\\u001b\\[2m\\u001b\\[32mBerlin`));
    // From the annotation file, once written: the same.
    assert.equal((await run(['-q', 'page.txt'], { cwd: dir })).code, 0);
    assert.equal((await run(['show', '--no-color', 'page.txt'], { cwd: dir })).stdout, off.stdout);
  } finally {
    cleanup();
  }
});
