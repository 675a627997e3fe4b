import { readFileSync } from 'node:fs';

/**
 * The package version (for --version), read once from package.json (from dist/src/cli/ the root
 * is three levels up). It is not part of the freshness key: see core/fingerprint.ts.
 */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
