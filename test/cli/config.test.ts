/** annotate with a project config, end to end: freshness, errors, corrections, show, --jobs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ARTICLE, corpus, run } from './harness.js';
import { yamlLib } from '../../src/serialize/yaml-lib.js';

const STORY = 'Calais port reopens\n\nThe port of Calais reopened on Monday, Telegram reported. Chrysler trucks queued.\nREUTER\n';

test('a config makes exactly the annotations under it stale, and a re-run redoes only those', async () => {
  const { dir, cleanup } = corpus({ 'c/a.txt': STORY, 'c/sub/b.txt': STORY, 'c/sub/c.txt': ARTICLE, 'c/other/d.txt': STORY });
  try {
    assert.equal((await run(['c'], { cwd: dir })).code, 0);
    const before = readFileSync(path.join(dir, 'c/a.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'c/sub/annotate.config.yaml'), 'names:\n  Chrysler: organization\n');
    const check = await run(['--check', 'c'], { cwd: dir });
    assert.equal(check.code, 1);
    assert.deepEqual(check.stderr.split('\n').filter((l) => l.startsWith('c/')).map((l) => l.split(':')[0]), ['c/sub/b.txt', 'c/sub/c.txt']);
    const again = await run(['c'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /4 files: 2 written, 0 unchanged, 2 skipped/);
    assert.equal(readFileSync(path.join(dir, 'c/a.yaml'), 'utf8'), before);
    assert.match(readFileSync(path.join(dir, 'c/sub/b.yaml'), 'utf8'), /- name: Chrysler\n {4}by: config\n/);
    // A comment changes no rule: nothing is stale.
    writeFileSync(path.join(dir, 'c/sub/annotate.config.yaml'), '# house names\nnames: {Chrysler: organization}  # the carmaker\n');
    assert.equal((await run(['--check', 'c'], { cwd: dir })).code, 0);
    // --no-config: the annotations under it are stale again; --config names one for all.
    assert.equal((await run(['--check', '--no-config', 'c'], { cwd: dir })).code, 1);
    writeFileSync(path.join(dir, 'house.yaml'), 'names: {Telegram: organization}\n');
    const all = await run(['--check', '--config', 'house.yaml', 'c'], { cwd: dir });
    assert.equal(all.stderr.split('\n').filter((l) => l.startsWith('c/')).length, 4, all.stderr);
  } finally {
    cleanup();
  }
});

test('a bad config stops the run before any file is written, with file, line and column', async () => {
  const { dir, cleanup } = corpus({ 'c/a.txt': STORY, 'c/sub/b.txt': STORY, 'c/sub/annotate.config.yaml': 'names:\n  Telegram: organisation\n' });
  try {
    const r = await run(['c'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'c/sub/annotate.config.yaml:2:13: bad config: unknown type "organisation" (did you mean "organization"?); use person, organization, place\n');
    assert.ok(!existsSync(path.join(dir, 'c/a.yaml')), 'nothing written, not even outside the bad config');
    const missing = await run(['--config', 'nope.yaml', 'c'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'nope.yaml: cannot read this config (no such file); fix it, name another with --config, or use --no-config\n');
    assert.equal((await run(['--no-config', 'c'], { cwd: dir })).code, 0);
  } finally {
    cleanup();
  }
});

test('house rules over wire stories: REUTER never, Chrysler always an organization, the rest unchanged', async () => {
  const { dir, cleanup } = corpus({ 'plain/a.txt': STORY, 'ruled/a.txt': STORY, 'ruled/annotate.config.yaml': 'not_entities: [REUTER]\nnames:\n  Chrysler: organization\n' });
  try {
    assert.equal((await run(['plain', 'ruled'], { cwd: dir })).code, 0);
    const plain = readFileSync(path.join(dir, 'plain/a.yaml'), 'utf8');
    const ruled = readFileSync(path.join(dir, 'ruled/a.yaml'), 'utf8');
    assert.ok(!/text: REUTER/.test(ruled));
    const orgs = ruled.slice(ruled.indexOf('organizations:'), ruled.indexOf('places:'));
    assert.match(orgs, /text: Chrysler/);
    // Everything but the REUTER and Chrysler entities is the same as without the config.
    const rest = (y: string) => {
      const r = yamlLib().parse(y) as Record<string, { name?: string; mentions: { text: string }[] }[]>;
      const lists = ['people', 'organizations', 'places', 'dates'].map((k) => r[k]!.filter((g) => !g.mentions.some((m) => /REUTER|Chrysler/.test(m.text))));
      return JSON.stringify([r['document'], ...lists]);
    };
    assert.equal(rest(ruled), rest(plain));
  } finally {
    cleanup();
  }
});

test('a per-document correction survives a paragraph inserted above it, --force and a re-run', async () => {
  const config = 'corrections:\n  c/a.txt:\n    - {text: Calais, in: "port of Calais reopened", type: organization}\n';
  const { dir, cleanup } = corpus({ 'c/a.txt': STORY, 'annotate.config.yaml': config });
  try {
    const entity = () => {
      const y = readFileSync(path.join(dir, 'c/a.yaml'), 'utf8');
      const orgs = y.slice(y.indexOf('organizations:'), y.indexOf('places:'));
      const m = /- name: Calais\n {4}by: config\n {4}mentions:\n {6}- \{start: (\d+),/.exec(orgs);
      return m ? Number(m[1]) : -1;
    };
    assert.equal((await run(['c'], { cwd: dir })).code, 0);
    const text = readFileSync(path.join(dir, 'c/a.txt'), 'utf8');
    assert.equal(entity(), [...text.slice(0, text.indexOf('Calais reopened'))].length);
    const inserted = STORY.replace('\n\n', '\n\nA new paragraph about Calais and Dover, written later.\n\n');
    writeFileSync(path.join(dir, 'c/a.txt'), inserted);
    assert.equal((await run(['c'], { cwd: dir })).code, 0);
    assert.equal(entity(), [...inserted.slice(0, inserted.indexOf('Calais reopened'))].length);
    assert.equal((await run(['--force', 'c'], { cwd: dir })).code, 0);
    assert.equal(entity(), [...inserted.slice(0, inserted.indexOf('Calais reopened'))].length);
    // A correction whose text is gone is said, not silently dropped.
    writeFileSync(path.join(dir, 'c/a.txt'), ARTICLE);
    const gone = await run(['c'], { cwd: dir });
    assert.equal(gone.code, 0);
    assert.match(gone.stderr, /^c\/a\.txt: the correction at annotate\.config\.yaml:3:7 finds no "Calais" in the text; update it \(text, in, occurrence\) or remove it$/m);
  } finally {
    cleanup();
  }
});

test('--jobs 2 writes what --jobs 1 does under a config; show marks what the config made', async () => {
  const files: Record<string, string> = { 'annotate.config.yaml': 'names:\n  Telegram: organization\n  Calais: {type: place, aliases: [Calés]}\npatterns:\n  "[Cap] trucks": organization\n' };
  for (let i = 0; i < 10; i++) {
    files[`one/s${i}.txt`] = `${STORY}Story ${i}.\n`;
    files[`two/s${i}.txt`] = `${STORY}Story ${i}.\n`;
  }
  const { dir, cleanup } = corpus(files);
  try {
    assert.equal((await run(['--jobs', '1', 'one'], { cwd: dir })).code, 0);
    assert.equal((await run(['--jobs', '2', 'two'], { cwd: dir, cpus: 2 })).code, 0);
    for (const f of readdirSync(path.join(dir, 'one')).filter((f) => f.endsWith('.yaml'))) {
      assert.equal(readFileSync(path.join(dir, 'two', f), 'utf8'), readFileSync(path.join(dir, 'one', f), 'utf8'), f);
    }
    const shown = await run(['show', '--no-color', 'one/s0.txt'], { cwd: dir });
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /\[Telegram\]\{organization, config\}/);
    assert.match(shown.stdout, /\[Chrysler trucks\]\{organization, config\}/);
    const bare = await run(['show', '--no-color', '--no-config', 'one/s0.txt'], { cwd: dir });
    assert.doesNotMatch(bare.stdout, /\]\{[a-z]+, config\}/);
    const piped = await run(['-', '--format', 'json'], { cwd: dir, stdin: STORY });
    assert.match(piped.stdout, /"name": "Telegram",\n\s+"by": "config"/);
  } finally {
    cleanup();
  }
});

test('--verbose says which names occur in none of the files annotated; without it, nothing', async () => {
  const { dir, cleanup } = corpus({ 'c/a.txt': STORY, 'c/b.txt': ARTICLE, 'c/annotate.config.yaml': 'names:\n  Telegram: organization\n  Nowhere Corp: organization\n' });
  try {
    const quiet = await run(['c'], { cwd: dir });
    assert.equal(quiet.code, 0);
    assert.doesNotMatch(quiet.stderr, /Nowhere/);
    const verbose = await run(['--verbose', '--force', 'c'], { cwd: dir });
    assert.equal(verbose.code, 0);
    assert.match(verbose.stderr, /^c\/annotate\.config\.yaml:3:3: the name "Nowhere Corp" occurs in none of the 2 files annotated with this config in this run$/m);
    assert.doesNotMatch(verbose.stderr, /"Telegram"/);
    assert.equal((await run(['--verbose', '--quiet', 'c'], { cwd: dir })).code, 2);
  } finally {
    cleanup();
  }
});
