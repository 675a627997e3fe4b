/** Output paths and atomic writes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FolderMaker, outputPath, sourceField, STRAY_AGE_MS, TempSweeper, tempName, writeAtomic } from '../../src/fs/output.js';
import { failingFs, tempDir } from '../cli/harness.js';
import { nodeFs } from '../../src/fs/adapter.js';

test('outputPath and sourceField', () => {
  const cases: [string, string, string | null, 'yaml' | 'json', string, string][] = [
    ['/c/a/story.txt', '/c', null, 'yaml', '/c/a/story.yaml', 'story.txt'],
    ['/c/a/story.txt', '/c', null, 'json', '/c/a/story.json', 'story.txt'],
    ['/c/a/story.txt', '/c', '/out', 'yaml', '/out/a/story.yaml', '../../c/a/story.txt'],
    ['/c/README', '/c', null, 'yaml', '/c/README.yaml', 'README'],
    ['/c/v1.2.txt', '/c', null, 'yaml', '/c/v1.2.yaml', 'v1.2.txt'],
  ];
  for (const [abs, base, outDir, format, output, source] of cases) {
    assert.equal(outputPath(abs, base, outDir, format), output);
    assert.equal(sourceField(abs, output), source);
  }
});

test('writeAtomic replaces the file whole and leaves no temporary file, even when writing fails', () => {
  const { dir, cleanup } = tempDir();
  try {
    const target = path.join(dir, 'sub/a.yaml');
    writeAtomic(nodeFs(), target, 'one\n', 1);
    writeAtomic(nodeFs(), target, 'two\n', 1);
    assert.equal(readFileSync(target, 'utf8'), 'two\n');
    assert.deepEqual(readdirSync(path.dirname(target)), ['a.yaml']);
    writeFileSync(target, 'old\n');
    assert.throws(() => writeAtomic(failingFs({ write: () => 'ENOSPC' }), target, 'new\n', 1), /ENOSPC/);
    assert.equal(readFileSync(target, 'utf8'), 'old\n');
    assert.deepEqual(readdirSync(path.dirname(target)), ['a.yaml']);
  } finally {
    cleanup();
  }
});

test('the temporary file has a name no one can guess and is never written through a link planted there', () => {
  const { dir, cleanup } = tempDir();
  try {
    const target = path.join(dir, 'a.yaml');
    const victim = path.join(dir, 'victim');
    writeFileSync(victim, 'precious\n');
    // Links at every name an earlier version would have used for this process's first writes.
    for (let n = 0; n < 50; n++) symlinkSync(victim, path.join(dir, `.a.yaml.7-${n}.tmp`));
    for (let i = 0; i < 3; i++) writeAtomic(nodeFs(), target, `run ${i}\n`, 7);
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    assert.equal(readFileSync(target, 'utf8'), 'run 2\n');
    assert.equal(statSync(target).mode & 0o777, 0o666 & ~process.umask(), 'mode as a normal write gives');
    assert.notEqual(tempName(target, 7), tempName(target, 7));
    // Even a planted link at the very name is refused, and left alone.
    const planted = tempName(target, 7, 'abc');
    symlinkSync(victim, planted);
    assert.throws(() => nodeFs().writeNew(planted, 'x'), /EEXIST|ELOOP/);
    assert.ok(lstatSync(planted).isSymbolicLink());
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
  } finally {
    cleanup();
  }
});

test('TempSweeper removes our temporary files in a folder that no live write can hold', () => {
  const { dir, cleanup } = tempDir();
  try {
    const target = path.join(dir, 'a.yaml');
    const names = {
      dead: path.basename(tempName(target, 111)), // a killed run
      deadAgain: '.a.yaml.111-7.tmp', // an earlier version's counter
      own: '.a.yaml.4242-3.tmp', // an earlier process that had our pid
      otherTarget: '.b.yaml.111-0.tmp', // another annotation of the folder: its leftover too
      alive: '.a.yaml.222-0.tmp', // another annotate still running
      aliveButOld: '.c.yaml.222-1.tmp', // pid reused: too old to be a write in progress
      notOurs1: '.a.yaml.tmp',
      notOurs2: 'a.yaml.111-0.tmp',
      notOurs3: '.a.yaml.111-0.tmp.bak',
      notOurs4: '.a.yaml.x-0.tmp',
    };
    for (const n of Object.values(names)) writeFileSync(path.join(dir, n), 'x');
    const now = Date.now();
    const old = new Date(now - STRAY_AGE_MS - 1000);
    utimesSync(path.join(dir, names.aliveButOld), old, old);
    const sweeper = new TempSweeper(nodeFs(), 4242, (pid) => pid === 222, () => now);
    const removed = sweeper.sweep(dir);
    assert.deepEqual(removed.map((p) => path.basename(p)).sort(), [names.dead, names.deadAgain, names.own, names.otherTarget, names.aliveButOld].sort());
    const left = readdirSync(dir).sort();
    assert.deepEqual(left, [names.alive, names.notOurs1, names.notOurs2, names.notOurs3, names.notOurs4].sort());
    // Each folder once per run; a folder that does not exist yet has nothing to sweep.
    writeFileSync(path.join(dir, names.dead), 'x');
    assert.deepEqual(sweeper.sweep(dir), []);
    assert.deepEqual(new TempSweeper(nodeFs(), 1, () => false, () => now).sweep(path.join(dir, 'new')), []);
  } finally {
    cleanup();
  }
});

test('FolderMaker creates each folder once, and tries again after a failure', () => {
  const calls: string[] = [];
  let fail = true;
  const fs = {
    ...nodeFs(),
    mkdir: (p: string) => {
      calls.push(p);
      if (fail) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    },
  };
  const folders = new FolderMaker(fs);
  assert.throws(() => folders.ensure('/x/a'), /EACCES/);
  fail = false;
  folders.ensure('/x/a');
  folders.ensure('/x/a');
  folders.ensure('/x/b');
  folders.ensure('/x/a');
  assert.deepEqual(calls, ['/x/a', '/x/a', '/x/b']);
});
