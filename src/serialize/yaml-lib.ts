/**
 * The yaml library, loaded on first use. A re-run or --check that finds everything up to date
 * reads headers with a plain scan (header.ts) and writes nothing, so it never needs yaml, whose
 * import was about 30 ms of a 0.4 s `annotate --check corpus/`. require() keeps the callers
 * synchronous; yaml ships a CommonJS build for Node and tags its nodes with Symbol.for(), so
 * this copy agrees with any ESM import of it.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let lib: Yaml | null = null;

export function yamlLib(): Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as Yaml;
  return lib;
}
