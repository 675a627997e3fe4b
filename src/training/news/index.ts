/**
 * The project's own news-genre training texts (README.md beside this file) as documents of the
 * set `news`, in the trainer's format.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMarkup } from './markup.js';

/** From dist/src/training/news/index.js the package root is four levels up. */
export const NEWS_DIR = fileURLToPath(new URL('../../../../src/training/news/data/', import.meta.url));

export interface NewsDoc { set: string; id: string; text: string; dct: null; gold: { start: number; end: number; type: string; text: string }[] }

/** Every text of data/, in code-unit order of file names. */
export function loadNewsTexts(dir = NEWS_DIR): NewsDoc[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((f) => {
    const { text, entities } = parseMarkup(readFileSync(dir + f, 'utf8'));
    return { set: 'news', id: f.slice(0, -4), text, dct: null, gold: entities.map(({ start, end, type, text: t }) => ({ start, end, type, text: t })) };
  });
}
