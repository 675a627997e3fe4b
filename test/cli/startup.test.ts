/**
 * Start-up cost: a --check or re-run that finds everything up to date must not load what only
 * writing needs. yaml (about 30 ms to import) is loaded on first use (serialize/yaml-lib.ts), and
 * since serialize/yaml.ts writes YAML itself, only reading an annotation back needs it.
 * Checked in a fresh process, since this one has every module loaded already; yaml's Node build
 * is CommonJS, so whether it was loaded shows in require.cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './harness.js';

const PROBE = `
import { createRequire } from 'node:module';
import { main } from './dist/src/cli/main.js';
import { nodeIo } from './dist/src/cli/io.js';
const args = JSON.parse(process.argv[1]);
const io = { ...nodeIo(), stderr: { write: () => true }, stdout: { write: () => true } };
const code = await main(args, io);
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/'));
process.stdout.write(JSON.stringify({ code, yaml: loaded }));
`;

function probe(args: string[]): { code: number; yaml: boolean } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { code: number; yaml: boolean };
}

test('--check on an up-to-date corpus, printing YAML and show of our own files do not load yaml', () => {
  const article = path.join('corpus', '000_64a2c47a9dd533e7.txt');
  assert.deepEqual(probe(['--check', 'corpus/']), { code: 0, yaml: false });
  assert.deepEqual(probe(['--stdout', article]), { code: 0, yaml: false });
  // show reads the annotation with serialize/read-yaml.ts; the library is only for files laid out by hand.
  assert.deepEqual(probe(['show', article]), { code: 0, yaml: false });
});
