/**
 * The scraped-page texts of data/ (README.md beside this file) as documents with their body
 * ranges, in the shared data format's terms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PageMarkupError, parsePage, type BodyRange } from './markup.js';

/** From dist/src/training/pages/index.js the package root is four levels up. */
export const PAGES_DIR = fileURLToPath(new URL('../../../../src/training/pages/data/', import.meta.url));
/** The held-out pages (heldout/README.md): measured, never tuned on. */
export const HELDOUT_DIR = fileURLToPath(new URL('../../../../src/training/pages/heldout/', import.meta.url));

export interface PageDoc { id: string; layout: string; text: string; dct: string | null; body: BodyRange[] }

/** Every text of `dir`, in code-unit order of file names; a markup error names its file. */
export function loadPages(dir = PAGES_DIR): PageDoc[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((f) => {
    let page;
    try {
      page = parsePage(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      if (err instanceof PageMarkupError) throw new PageMarkupError(`${f}, ${err.message}`);
      throw err;
    }
    const id = f.slice(0, -4);
    return { id, layout: id.replace(/-\d+$/, ''), ...page };
  });
}

/** Characters outside the body ranges. */
export function furnitureChars(doc: PageDoc): number {
  return doc.text.length - doc.body.reduce((n, [s, e]) => n + e - s, 0);
}
