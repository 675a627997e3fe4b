/**
 * `annotate diff` and `annotate textconv` through the real binary, and through real git: with
 * the textconv driver set up as the README says, `git diff` of a re-annotated article shows the
 * entities of an inserted sentence and nothing of the offsets that moved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, ROOT, assertNoCrash, baseEnv, removeDir, run, tempDir } from '../helpers/cli.js';

const ARTICLE = fs.readFileSync(path.join(ROOT, 'corpus', '002_dcba6d6f3d5686ee.txt'), 'utf8');
const SENTENCE = 'Angela Merkel met Pavel Durov in Lyon.\n\n';
/** The article with SENTENCE at the top of its body, below the headline (which stays its title). */
const INSERTED = ARTICLE.replace('\n\n', `\n\n${SENTENCE}`);

const gitAvailable = spawnSync('git', ['--version']).status === 0;

function git(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // No user or system configuration: only what the test sets.
  const env = baseEnv({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: cwd, GIT_PAGER: 'cat', PAGER: 'cat' });
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('git diff with the textconv driver shows only the inserted sentence\'s entities', { skip: !gitAvailable && 'git is not installed' }, async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  assert.equal(git(dir, 'init', '-q').status, 0);
  fs.writeFileSync(path.join(dir, '.gitattributes'), '*.yaml diff=annotate\n');
  // As the README's `npx annotate textconv`, with this checkout's binary.
  assert.equal(git(dir, 'config', 'diff.annotate.textconv', `"${process.execPath}" "${BIN}" textconv`).status, 0);
  fs.writeFileSync(path.join(dir, 'story.txt'), ARTICLE);
  assertNoCrash(await run(['-q', '.'], { cwd: dir }));
  assert.equal(git(dir, 'add', '.').status, 0);
  assert.equal(git(dir, 'commit', '-q', '-m', 'first').status, 0);

  fs.writeFileSync(path.join(dir, 'story.txt'), INSERTED);
  assertNoCrash(await run(['-q', '.'], { cwd: dir }));
  const raw = git(dir, 'diff', '--no-textconv', '--', 'story.yaml');
  assert.ok(raw.stdout.split('\n').filter((l) => /^[-+] .*start: /.test(l)).length > 20, 'offsets moved throughout the raw YAML');

  const d = git(dir, 'diff', '--', 'story.yaml');
  assert.equal(d.status, 0, d.stderr);
  const changed = d.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l));
  assert.deepEqual(changed, [
    '+  Angela Merkel: 1 mention',
    '-  Pavel Durov: 1 mention',
    '+  Pavel Durov: 2 mentions',
    '+  Lyon: 1 mention',
  ]);
  assert.doesNotMatch(d.stdout, /start:|checksum|digest/);
});

test('annotate diff: files and folders, text and json, exit 0 / 1 / 2', async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  for (const side of ['old', 'new']) {
    fs.mkdirSync(path.join(dir, side, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'same.txt'), 'Angela Merkel visited Paris in November.\n');
    fs.writeFileSync(path.join(dir, side, 'sub', 'story.txt'), side === 'old' ? ARTICLE : INSERTED);
  }
  fs.writeFileSync(path.join(dir, 'old', 'gone.txt'), 'Pavel Durov left Berlin.\n');
  for (const side of ['old', 'new']) assertNoCrash(await run(['-q', side], { cwd: dir }));

  const same = await run(['diff', 'old/same.yaml', 'new/same.yaml'], { cwd: dir });
  assert.equal(same.code, 0, same.stderr);
  assert.equal(same.stdout, '');

  const folders = await run(['diff', 'old', 'new'], { cwd: dir });
  assert.equal(folders.code, 1, folders.stderr);
  assert.equal(folders.stdout, [
    'gone.yaml: only in A',
    '  - person Pavel Durov (1 mention)',
    '  - place Berlin (1 mention)',
    'sub/story.yaml',
    '  + person Angela Merkel (1 mention)',
    '  + place Lyon (1 mention)',
    '  ~ person Pavel Durov: 1 -> 2 mentions (+Pavel Durov)',
    '',
  ].join('\n'));
  assert.equal(folders.stderr, 'annotate diff: 1 of 2 annotations changed, 1 only in A\n');

  const json = await run(['diff', '--format', 'json', 'old', 'new'], { cwd: dir });
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.stdout) as { changed: number; same: number; only_in_a: number; files: { path: string; status: string; changes?: { change: string }[] }[] };
  assert.equal(parsed.changed, 1);
  assert.equal(parsed.same, 1);
  assert.equal(parsed.only_in_a, 1);
  assert.deepEqual(parsed.files.map((f) => [f.path, f.status]), [['gone.yaml', 'removed'], ['sub/story.yaml', 'changed']]);
  assert.deepEqual(parsed.files[1]!.changes!.map((c) => c.change), ['added', 'added', 'mentions']);

  const missing = await run(['diff', 'old', 'nowhere'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere: no such file or folder/);
  const mixed = await run(['diff', 'old', 'new/same.yaml'], { cwd: dir });
  assert.equal(mixed.code, 2);
  fs.writeFileSync(path.join(dir, 'other.yaml'), 'key: value\n');
  const foreign = await run(['diff', 'other.yaml', 'new/same.yaml'], { cwd: dir });
  assert.equal(foreign.code, 2);
  assert.match(foreign.stderr, /other\.yaml: is not a readable annotate\/1 file/);

  // textconv passes through what is not an annotation, so git diff never fails on it.
  const through = await run(['textconv', 'other.yaml'], { cwd: dir });
  assert.equal(through.code, 0);
  assert.equal(through.stdout, 'key: value\n');
});
