/**
 * Identifies the extraction engine for the freshness key: a hash of every source and data file
 * under src/nlp (the model, lexicons, gazetteer and the rules' code), so any change to the engine
 * makes existing annotations stale without anyone remembering to bump a revision. Only hashes
 * bytes: nothing is decoded, so re-runs and --check never pay for loading the model.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** From dist/src/nlp/fingerprint.js (compiled) the source folder is ../../../src/nlp. */
const NLP_SOURCES = fileURLToPath(new URL('../../../src/nlp/', import.meta.url));

let cached: string | null = null;

/** A short stable hash of the engine's code and data. */
export function engineFingerprint(): string {
  cached ??= fingerprintOf(NLP_SOURCES);
  return cached;
}

/** The hash of every engine file under root (a folder path ending in a separator). */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  for (const file of engineFiles(root, '')) {
    const bytes = readFileSync(root + file);
    hash.update(`${file}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Files that shape the engine's output, relative to dir, sorted by code units (docs excluded). */
function engineFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root + dir, { withFileTypes: true })) {
    const rel = dir + entry.name;
    if (entry.isDirectory()) out.push(...engineFiles(root, `${rel}/`));
    else if (entry.isFile() && !entry.name.endsWith('.md')) out.push(rel);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
