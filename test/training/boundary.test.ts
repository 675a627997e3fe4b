import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Compiled to dist/test/training/; the sources are read from the source tree.
const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const TRAINING = join(SRC, 'training') + sep;
/** The layers that run when a file is annotated or scored: none may reach into src/training. */
const RUNTIME = ['cli', 'run', 'fs', 'nlp', 'serialize', 'report', 'core', 'eval'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? tsFiles(path) : e.isFile() && e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (types too), side-effect and dynamic imports. */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The imports of `file` that resolve into src/training. */
function trainingImports(file: string, source: string): string[] {
  return specifiers(source).filter((s) => s.startsWith('.') && resolve(dirname(file), s).startsWith(TRAINING));
}

test('the scanner sees every kind of import into src/training', () => {
  const file = join(SRC, 'nlp', 'entities', 'example.ts');
  const source = [
    "import { train } from '../../training/entities/trainer.js';",
    "import type { TrainOptions } from '../../training/entities/trainer.js';",
    "export { compileGazetteer } from '../../training/gazetteer/build.js';",
    "import '../../training/news/markup.js';",
    "const m = await import('../../training/entities/lexicon.js');",
    "import { Tagger } from './tagger.js';",
    "// import { x } from '../../training/in-a-comment.js';",
  ].join('\n');
  assert.deepEqual(trainingImports(file, source), [
    '../../training/entities/trainer.js',
    '../../training/entities/trainer.js',
    '../../training/gazetteer/build.js',
    '../../training/news/markup.js',
    '../../training/entities/lexicon.js',
  ]);
});

test('no runtime layer imports src/training', () => {
  const offences: string[] = [];
  for (const layer of RUNTIME) {
    const files = tsFiles(join(SRC, layer));
    assert.ok(files.length > 0, `src/${layer} has no .ts files: update RUNTIME in this test`);
    for (const file of files) {
      for (const s of trainingImports(file, readFileSync(file, 'utf8'))) offences.push(`src/${relative(SRC, file)} imports ${s}`);
    }
  }
  assert.deepEqual(offences, [], 'training code is never imported by the runtime (src/README.md)');
});
