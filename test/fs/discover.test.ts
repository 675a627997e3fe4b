/** Discovery: sorting, skipping, and errors that do not stop the walk. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { compileGlob, discover } from '../../src/fs/discover.js';
import type { Picomatch } from '../../src/fs/picomatch.js';
import { nodeFs } from '../../src/fs/adapter.js';
import { failingFs, tempDir } from '../cli/harness.js';

function tree(dir: string, files: string[]): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'x');
  }
}

test('folders: **/*.txt sorted by code units, hidden folders and node_modules skipped', () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['b.txt', 'B.txt', 'a/z.txt', 'a/y.md', 'é.txt', '.hidden/x.txt', 'a/.h/x.txt', 'node_modules/m/x.txt', 'a/node_modules/x.txt', '.dot.txt']);
    const found = discover(['.'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [] });
    assert.deepEqual(found.issues, []);
    assert.deepEqual(found.inputs.map((i) => i.path), ['B.txt', 'a/z.txt', 'b.txt', 'é.txt']);
    const named = discover(['a/y.md', 'a', 'a/z.txt'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [] });
    assert.deepEqual(named.inputs.map((i) => [i.path, path.relative(dir, i.base)]), [['a/y.md', 'a'], ['a/z.txt', 'a']]);
    const globbed = discover(['.'], { cwd: dir, glob: '**/*.md', fs: nodeFs(), exclude: [] });
    assert.deepEqual(globbed.inputs.map((i) => i.path), ['a/y.md']);
  } finally {
    cleanup();
  }
});

test('errors: missing path, unlistable folder, symlink loops; the rest is still found', () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['ok/a.txt', 'locked/b.txt', 'ok/deep/c.txt']);
    symlinkSync('..', path.join(dir, 'ok/deep/up'));
    symlinkSync('l2', path.join(dir, 'ok/l1.txt'));
    symlinkSync('l1.txt', path.join(dir, 'ok/l2'));
    mkdirSync(path.join(dir, 'empty'));
    const fs = failingFs({ list: (p) => (p.endsWith('locked') ? 'EACCES' : undefined) });
    const found = discover(['.', 'missing', 'empty'], { cwd: dir, glob: '**/*.txt', fs, exclude: [] });
    assert.deepEqual(found.inputs.map((i) => i.path), ['ok/a.txt', 'ok/deep/c.txt']);
    assert.deepEqual(
      found.issues.map((i) => `${i.path}: ${i.message.text}`),
      [
        'empty: no files match **/*.txt in this folder; check the path or --glob',
        'locked: cannot list this folder (EACCES); check its permissions',
        'missing: no such file or folder; check the path',
        'ok/deep/up: symbolic link loop; fix or remove the link',
        'ok/l1.txt: symbolic link loop; fix or remove the link',
        'ok/l2: symbolic link loop; fix or remove the link',
      ],
    );
  } finally {
    cleanup();
  }
});

test('an excluded folder (--out-dir inside the corpus) is never searched', () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['a.txt', 'out/a.txt', 'out/sub/b.txt']);
    const found = discover(['.'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [path.join(dir, 'out')] });
    assert.deepEqual(found.inputs.map((i) => i.path), ['a.txt']);
  } finally {
    cleanup();
  }
});

test('globs: the walk starts at the static folder and reaches only as deep as the glob can match', () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['a.txt', 'docs/b.txt', 'docs/sub/c.txt', 'docs/sub/d.md', 'other/e.txt', '.hidden/f.txt', 'x/y/z/g.txt']);
    const paths = (glob: string) => discover(['.'], { cwd: dir, glob, fs: nodeFs(), exclude: [] }).inputs.map((i) => i.path);
    assert.deepEqual(paths('docs/**/*.txt'), ['docs/b.txt', 'docs/sub/c.txt']);
    assert.deepEqual(paths('*.txt'), ['a.txt']);
    assert.deepEqual(paths('*/*.txt'), ['docs/b.txt', 'other/e.txt']);
    assert.deepEqual(paths('**/*.{txt,md}'), ['a.txt', 'docs/b.txt', 'docs/sub/c.txt', 'docs/sub/d.md', 'other/e.txt', 'x/y/z/g.txt']);
    assert.deepEqual(paths('.hidden/*.txt'), ['.hidden/f.txt']);
    assert.deepEqual(paths('./x/y/z/g.txt'), ['x/y/z/g.txt']);
    assert.deepEqual(paths('nowhere/**/*.txt'), []);
  } finally {
    cleanup();
  }
});

test('symbolic links to folders are followed; links that lead back into the walk are loops', () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['docs/b.txt', 'm1/p.txt', 'm2/q.txt']);
    symlinkSync('docs', path.join(dir, 'link'));
    symlinkSync('../m2', path.join(dir, 'm1/to2'));
    symlinkSync('../m1', path.join(dir, 'm2/to1'));
    symlinkSync('docs/b.txt', path.join(dir, 'file-link.txt'));
    symlinkSync('nowhere', path.join(dir, 'dangling.txt'));
    const found = discover(['.'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [] });
    assert.deepEqual(found.inputs.map((i) => i.path), ['docs/b.txt', 'file-link.txt', 'link/b.txt', 'm1/p.txt', 'm1/to2/q.txt', 'm2/q.txt', 'm2/to1/p.txt']);
    assert.deepEqual(
      found.issues.map((i) => `${i.path}: ${i.message.id}`),
      ['m1/to2/to1: E_LOOP', 'm2/to1/to2: E_LOOP'],
    );
  } finally {
    cleanup();
  }
});

test('the default glob form is matched as picomatch matches it, without loading picomatch', () => {
  const picomatch = createRequire(import.meta.url)('picomatch') as Picomatch;
  const names = ['a.txt', '.a.txt', 'a.TXT', 'a.txt.bak', 'atxt', '.txt', 'x/a.txt', 'x/.a.txt', 'x.y/b.txt', 'x/y/z/c.txt', 'é.txt', 'a b.txt', 'a.text', 'x/a.txtx'];
  for (const glob of ['**/*.txt', '**/*.text', '**/*.md']) {
    const ours = compileGlob(glob);
    assert.deepEqual([ours.start, ours.maxDepth, ours.hiddenNamed], ['', Infinity, false]);
    const theirs = picomatch(glob, { dot: false });
    for (const name of names) assert.equal(ours.matches(name), theirs(name), `${glob} on ${name}`);
  }
  // Anything else is picomatch's, starting at the static folder.
  assert.deepEqual(compileGlob('docs/*.txt').start, 'docs');
  assert.equal(compileGlob('docs/*.txt').maxDepth, 1);
  assert.equal(compileGlob('**/*.{txt,md}').matches('a/b.md'), true);
});
