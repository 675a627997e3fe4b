/** Discovery: sorting, skipping, and errors that do not stop the walk. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { discover } from '../../src/fs/discover.js';
import { nodeFs } from '../../src/fs/adapter.js';
import { failingFs, tempDir } from '../cli/harness.js';

function tree(dir: string, files: string[]): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'x');
  }
}

test('folders: **/*.txt sorted by code units, hidden folders and node_modules skipped', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['b.txt', 'B.txt', 'a/z.txt', 'a/y.md', 'é.txt', '.hidden/x.txt', 'a/.h/x.txt', 'node_modules/m/x.txt', 'a/node_modules/x.txt', '.dot.txt']);
    const found = await discover(['.'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [] });
    assert.deepEqual(found.issues, []);
    assert.deepEqual(found.inputs.map((i) => i.path), ['B.txt', 'a/z.txt', 'b.txt', 'é.txt']);
    const named = await discover(['a/y.md', 'a', 'a/z.txt'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [] });
    assert.deepEqual(named.inputs.map((i) => [i.path, path.relative(dir, i.base)]), [['a/y.md', 'a'], ['a/z.txt', 'a']]);
    const globbed = await discover(['.'], { cwd: dir, glob: '**/*.md', fs: nodeFs(), exclude: [] });
    assert.deepEqual(globbed.inputs.map((i) => i.path), ['a/y.md']);
  } finally {
    cleanup();
  }
});

test('errors: missing path, unlistable folder, symlink loops; the rest is still found', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['ok/a.txt', 'locked/b.txt', 'ok/deep/c.txt']);
    symlinkSync('..', path.join(dir, 'ok/deep/up'));
    symlinkSync('l2', path.join(dir, 'ok/l1.txt'));
    symlinkSync('l1.txt', path.join(dir, 'ok/l2'));
    mkdirSync(path.join(dir, 'empty'));
    const fs = failingFs({ list: (p) => (p.endsWith('locked') ? 'EACCES' : undefined) });
    const found = await discover(['.', 'missing', 'empty'], { cwd: dir, glob: '**/*.txt', fs, exclude: [] });
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

test('an excluded folder (--out-dir inside the corpus) is never searched', async () => {
  const { dir, cleanup } = tempDir();
  try {
    tree(dir, ['a.txt', 'out/a.txt', 'out/sub/b.txt']);
    const found = await discover(['.'], { cwd: dir, glob: '**/*.txt', fs: nodeFs(), exclude: [path.join(dir, 'out')] });
    assert.deepEqual(found.inputs.map((i) => i.path), ['a.txt']);
  } finally {
    cleanup();
  }
});
