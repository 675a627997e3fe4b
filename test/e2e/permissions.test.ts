/**
 * Unreadable file, unlistable folder, unwritable folder. CI runs as root, for whom chmod 000
 * changes nothing, so as root the CLI is spawned as `nobody` over a tree that nobody owns.
 * Before asserting on annotate, each test proves the permission really bites for that user, so
 * it cannot pass vacuously.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoCrash, assertOneErrorLine, chownTree, nobody, packageFor, removeDir, run, tempDir, writeTree } from '../helpers/cli.js';
import { assertCompleteAnnotation } from '../helpers/annotation.js';

const GOOD = 'Merkel visits Paris\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.\n';

const isRoot = process.getuid?.() === 0;
const user = isRoot ? nobody() : null;
const skip = isRoot && !user ? 'running as root and there is no nobody account to drop to' : process.platform === 'win32' ? 'POSIX permissions only' : false;

/** A tree owned by the user the CLI will run as, with good.txt and the given files. */
function setup(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  writeTree(dir, { 'good.txt': GOOD, ...files });
  fs.chmodSync(dir, 0o755);
  if (user) chownTree(dir, user);
  return dir;
}

/** Whether `code` (a node -e script taking the path as argv[1]) fails for the CLI's user. */
function failsForUser(code: string, p: string): boolean {
  const r = spawnSync(process.execPath, ['-e', code, p], { stdio: 'ignore', ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  return r.status !== 0;
}

// The CLI itself must be readable by the user it runs as.
let pkg: { root: string; cleanup: () => void } | null = null;
before(() => { if (user && !skip) pkg = packageFor(user); });
after(() => pkg?.cleanup());

const runOptions = (cwd: string) => ({ cwd, ...(user ? { user } : {}), ...(pkg ? { root: pkg.root } : {}) });

test('an unreadable file: one error line naming it, the others annotated, exit 2', { skip }, async (t) => {
  const dir = setup(t, { 'secret.txt': 'Angela Merkel is in Berlin.\n' });
  fs.chmodSync(path.join(dir, 'secret.txt'), 0o000);
  assert.ok(failsForUser("require('fs').readFileSync(process.argv[1])", path.join(dir, 'secret.txt')), 'precondition: secret.txt must be unreadable');
  const r = await run(['.'], runOptions(dir));
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assert.match(assertOneErrorLine(r, 'secret.txt'), /permission/i);
  assert.equal(fs.existsSync(path.join(dir, 'secret.yaml')), false);
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  // The same file named directly on the command line.
  const direct = await run(['secret.txt', 'good.txt'], runOptions(dir));
  assertNoCrash(direct);
  assert.equal(direct.code, 2, direct.stderr);
  assertOneErrorLine(direct, 'secret.txt');
});

test('a folder that cannot be listed: one error line naming it, the rest annotated, exit 2', { skip }, async (t) => {
  const dir = setup(t, { 'locked/inner.txt': GOOD, 'open/story.txt': GOOD });
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  assert.ok(failsForUser("require('fs').readdirSync(process.argv[1])", path.join(dir, 'locked')), 'precondition: locked/ must be unlistable');
  const r = await run(['.'], runOptions(dir));
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'locked');
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assertCompleteAnnotation(path.join(dir, 'open', 'story.yaml'), path.join(dir, 'open', 'story.txt'));
  fs.chmodSync(path.join(dir, 'locked'), 0o755);
  assert.equal(fs.existsSync(path.join(dir, 'locked', 'inner.yaml')), false);
});

test('a folder where the annotation cannot be written: one error line, exit 2, no temp file left', { skip }, async (t) => {
  const dir = setup(t, { 'ro/story.txt': GOOD });
  fs.chmodSync(path.join(dir, 'ro'), 0o555);
  assert.ok(failsForUser("require('fs').writeFileSync(process.argv[1] + '/probe', 'x')", path.join(dir, 'ro')), 'precondition: ro/ must be read-only');
  const r = await run(['.'], runOptions(dir));
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'story');
  assert.deepEqual(fs.readdirSync(path.join(dir, 'ro')), ['story.txt']);
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
});
