import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, read once from package.json (from dist/src/cli/ the root is three levels up). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Dependencies whose version changes what annotate writes: the YAML writer. They are part of
 * the freshness key (an upgrade makes annotations stale). compromise is not among them: the
 * engine no longer runs it, and what it contributed (the tagger's lexicon) is a file under
 * src/nlp that the engine fingerprint already hashes.
 */
const CONTENT_DEPENDENCIES = ['yaml'];

function installedVersion(name: string): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        // no package.json at this level
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } catch {
    // not resolvable: recorded as unknown
  }
  return 'unknown';
}

export const DEPENDENCIES: Record<string, string> = Object.fromEntries(CONTENT_DEPENDENCIES.map((n) => [n, installedVersion(n)]));
