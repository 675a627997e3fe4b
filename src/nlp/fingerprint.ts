/**
 * Identifies the engine's data for the freshness key: a hash of the data files under src/nlp
 * (the model, lexicons, word lists and gazetteer), the files the engine loads at run time. Code
 * (.ts) and documentation (.md) are left out: what the code does to the output is versioned by
 * ENGINE_VERSION (core/engine-version.ts), which a reference-output test keeps honest, so that a
 * comment or a refactor does not make every annotation stale. Any other file is taken as data, so
 * a new data file is covered without anyone listing it. Only hashes bytes: nothing is decoded, so
 * re-runs and --check never pay for loading the model.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** From dist/src/nlp/fingerprint.js (compiled) the source folder is ../../../src/nlp. */
const NLP_SOURCES = fileURLToPath(new URL('../../../src/nlp/', import.meta.url));

let cached: string | null = null;

/** A short stable hash of the engine's data files. */
export function engineFingerprint(): string {
  cached ??= fingerprintOf(NLP_SOURCES);
  return cached;
}

/** The hash of every data file under root (a folder path ending in a separator). */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  for (const file of dataFiles(root, '')) {
    const bytes = readFileSync(root + file);
    hash.update(`${file}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Code and documentation: versioned by ENGINE_VERSION, or not shaping the output at all. */
const NOT_DATA = /\.(?:ts|md)$/;

/** Data files under dir, relative to root with `/`, sorted by code units. */
function dataFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root + dir, { withFileTypes: true })) {
    const rel = dir + entry.name;
    if (entry.isDirectory()) out.push(...dataFiles(root, `${rel}/`));
    else if (entry.isFile() && !NOT_DATA.test(entry.name)) out.push(rel);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
