/**
 * Issue 3, "Determinism": byte-identical annotations for --jobs 1 and 2, for two far-apart time
 * zones, for two locales (Turkish casing is the classic trap), and on a re-run, which writes
 * nothing and says so. Also --check's exit codes and exit 2 on usage errors.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assertNoCrash, assertOneErrorLine, assertSameTree, listFiles, mtimes, removeDir, run, snapshot, tempDir, writeTree,
} from '../helpers/cli.js';
import { assertCompleteAnnotation } from '../helpers/annotation.js';
import { article, articlePath } from '../../src/tools/bench-articles.js';

/** Hand-written cases where time zone, locale or ordering could leak into the output. */
const EDGE: Record<string, string> = {
  'edge/midnight.txt':
    'Talks end at midnight\n\nPublished: 31 Dec 2015 23:59 GMT\n\n' +
    'IMF officials met in İstanbul and Izmir on Monday. Iris Işık said last month that IBM would stay.\n' +
    'The deal was signed yesterday in Diyarbakır. In November, Ilham Aliyev visited Ankara.\n',
  'edge/early.txt':
    'New year in Kiritimati\n\n1 Jan 2016, 00:01\n\nKIRITIMATI - Anote Tong spoke on Friday about the Pacific Islands Forum.\n',
  'edge/undated.txt':
    'No date here\n\nIn March the Interior Ministry in Istanbul said Ismail Ince would return next week.\n',
  // Names that sort differently by locale than by code units.
  'edge/Zeta.txt': 'Zeta\n\nZoe Zhang visited Zurich.\n',
  'edge/zeta-lower.txt': 'zeta\n\nÅsa Ek visited Oslo on 3 May 2010.\n',
  'edge/Émile.txt': 'Émile\n\nÉmile Zola lived in Paris.\n',
};
const GENERATED = 20; // > MIN_FILES_FOR_WORKERS, so --jobs 2 really uses the pool

let work = '';
let baseline = new Map<string, Buffer>();
const isYaml = (rel: string): boolean => rel.endsWith('.yaml');

function makeCorpus(dir: string): void {
  const files: Record<string, string> = { ...EDGE };
  for (let i = 0; i < GENERATED; i++) files[articlePath(i)] = article(i);
  writeTree(dir, files);
}

/** Annotate a fresh copy of the corpus with these args/env and return its annotations. */
async function annotateCopy(name: string, args: string[], env: Record<string, string> = {}): Promise<Map<string, Buffer>> {
  const dir = path.join(work, name);
  makeCorpus(dir);
  const r = await run(['.', ...args], { cwd: dir, env, timeoutMs: 60_000 });
  assertNoCrash(r, name);
  assert.equal(r.code, 0, `${name}: ${r.stderr}`);
  return snapshot(dir, isYaml);
}

before(async () => {
  work = tempDir();
  baseline = await annotateCopy('base', ['--jobs', '1'], { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  assert.equal(baseline.size, GENERATED + Object.keys(EDGE).length, 'every source annotated');
});

after(() => removeDir(work));

test('baseline annotations are complete', () => {
  for (const rel of baseline.keys()) {
    const src = rel.replace(/\.yaml$/, '.txt');
    assertCompleteAnnotation(path.join(work, 'base', rel), path.join(work, 'base', src));
  }
});

test('--jobs 2 writes byte-identical annotations to --jobs 1', async () => {
  const other = await annotateCopy('jobs2', ['--jobs', '2'], { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  assertSameTree(baseline, other, '--jobs 1 vs --jobs 2');
});

test('jsonl on stdout is identical for --jobs 1 and --jobs 3, in input order', async () => {
  const dir = path.join(work, 'base');
  const one = await run(['.', '--stdout', '--format', 'jsonl', '--jobs', '1'], { cwd: dir, timeoutMs: 60_000 });
  const three = await run(['.', '--stdout', '--format', 'jsonl', '--jobs', '3'], { cwd: dir, timeoutMs: 60_000 });
  assertNoCrash(one);
  assertNoCrash(three);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(three.code, 0, three.stderr);
  assert.equal(three.stdout, one.stdout);
  // Printed records name their source relative to the working folder; the checksum matches it.
  const records = one.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string; checksum: string });
  const texts = listFiles(dir).filter((f) => f.endsWith('.txt'));
  assert.deepEqual(records.map((r) => r.source), texts, 'documents in code-unit order of their paths');
  const want = texts.map((f) => `sha256:${createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}`);
  assert.deepEqual(records.map((r) => r.checksum), want, 'each record is its source');
});

test('TZ=Pacific/Kiritimati gives the same bytes as TZ=UTC', async () => {
  const other = await annotateCopy('tz', ['--jobs', '2'], { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C' });
  assertSameTree(baseline, other, 'TZ=UTC vs TZ=Pacific/Kiritimati');
});

test('LANG=tr_TR.UTF-8 gives the same bytes as LANG=C', async () => {
  const other = await annotateCopy('tr', ['--jobs', '2'], { TZ: 'UTC', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
  assertSameTree(baseline, other, 'LANG=C vs LANG=tr_TR.UTF-8');
});

test('a re-run writes nothing, leaves mtimes alone and says so; --force rewrites no identical file', async () => {
  const dir = path.join(work, 'base');
  const before = mtimes(dir);
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /\b0 written\b/, `should say nothing was written:\n${r.stderr}`);
  assert.match(r.stderr, new RegExp(`\\b${baseline.size} skipped\\b`), `should say all were skipped:\n${r.stderr}`);
  assert.deepEqual(mtimes(dir), before, 'a re-run must not touch any file');
  assertSameTree(baseline, snapshot(dir, isYaml), 're-run');
  const f = await run(['.', '--force'], { cwd: dir, timeoutMs: 60_000 });
  assertNoCrash(f);
  assert.equal(f.code, 0, f.stderr);
  assert.match(f.stderr, /\b0 written\b/, `--force on identical output should write nothing:\n${f.stderr}`);
  assert.deepEqual(mtimes(dir), before, '--force must not rewrite identical bytes');
});

test('--check: exit 0 when fresh, 1 when missing or stale (naming them), never writes', async () => {
  const dir = tempDir();
  try {
    writeTree(dir, { 'a.txt': article(1), 'b.txt': article(2), 'c.txt': article(3) });
    const missingAll = await run(['--check', '.'], { cwd: dir });
    assertNoCrash(missingAll);
    assert.equal(missingAll.code, 1, missingAll.stderr);
    assert.deepEqual(listFiles(dir), ['a.txt', 'b.txt', 'c.txt'], '--check writes nothing');

    assert.equal((await run(['.'], { cwd: dir })).code, 0);
    const fresh = await run(['--check', '.'], { cwd: dir });
    assertNoCrash(fresh);
    assert.equal(fresh.code, 0, fresh.stderr);

    fs.appendFileSync(path.join(dir, 'a.txt'), 'Angela Merkel arrived later.\n');
    fs.rmSync(path.join(dir, 'b.yaml'));
    const snap = snapshot(dir);
    const stale = await run(['--check', '.'], { cwd: dir });
    assertNoCrash(stale);
    assert.equal(stale.code, 1, stale.stderr);
    assert.match(assertOneErrorLine(stale, 'a.txt'), /out of date|stale/i);
    assert.match(assertOneErrorLine(stale, 'b.txt'), /missing/i);
    assert.equal(stale.stderr.includes('c.txt'), false, 'a fresh file is not listed');
    assertSameTree(snap, snapshot(dir), '--check must not write');

    // Changing an option that affects the output makes annotations stale too.
    assert.equal((await run(['.'], { cwd: dir })).code, 0);
    const opt = await run(['--check', '--reference-date', '2020-01-01', '.'], { cwd: dir });
    assertNoCrash(opt);
    assert.equal(opt.code, 1, `annotations made without --reference-date are stale with it:\n${opt.stderr}`);
  } finally {
    removeDir(dir);
  }
});

test('usage errors: exit 2, one line, no work done', async () => {
  const dir = tempDir();
  try {
    writeTree(dir, { 'a.txt': article(5) });
    const cases: string[][] = [
      ['--jobs', '0', '.'], ['--jobs', 'two', '.'], ['--format', 'xml', '.'], ['--check', '--stdout', '.'],
      ['--reference-date', '2016-02-30', '.'], ['--reference-date', 'yesterday', '.'], ['--no-such-option', '.'],
      ['-', 'a.txt'], ['--max-size', '0', '.'], ['--glob'],
    ];
    for (const args of cases) {
      const r = await run(args, { cwd: dir });
      assertNoCrash(r, args.join(' '));
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, `${args.join(' ')}: one line expected:\n${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.deepEqual(listFiles(dir), ['a.txt'], `${args.join(' ')}: nothing written`);
    }
  } finally {
    removeDir(dir);
  }
});
