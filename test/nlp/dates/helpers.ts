import { readFileSync } from 'node:fs';

/** Repository root, from dist/test/nlp/dates/*.js. */
const ROOT = new URL('../../../../', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(`test/nlp/dates/fixtures/${name}`, ROOT), 'utf8');
}
