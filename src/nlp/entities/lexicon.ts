/**
 * The tagger's word-class lexicon: compromise's lexicon (MIT) reduced to classes that help name
 * tagging (first name, surname, city, country, organisation, demonym, honorific, verb, ...),
 * compiled once by `npm run train -- --lexicon` (src/training/entities/lexicon.ts) into
 * model/lexicon.json, so the hot path needs no compromise tagging; and the English word list
 * model/words.txt.
 */
import { readFileSync } from 'node:fs';
import type { Lexicon } from './features.js';
import { LineIndex, lineStarts } from '../line-index.js';

export interface LexiconFile { words: Record<string, string>; phrases: Record<string, string> }

export function lexiconFromFile(f: LexiconFile): Lexicon {
  const words = new Map(Object.entries(f.words));
  const phrases = new Map(Object.entries(f.phrases));
  let maxPhrase = 1;
  const phraseNext = new Map<string, Set<string>>();
  for (const k of phrases.keys()) {
    const parts = k.split(' ');
    maxPhrase = Math.max(maxPhrase, parts.length);
    if (parts.length < 2) continue;
    let next = phraseNext.get(parts[0]!);
    if (!next) phraseNext.set(parts[0]!, (next = new Set()));
    next.add(parts[1]!);
  }
  return { words, phrases, maxPhrase, phraseNext };
}

/**
 * Loads the word-class lexicon and, when given, the English word list (one word a line, found
 * through a hash index over the text itself: no set of 275k strings to build at load).
 */
export function loadLexicon(path: string | URL, wordsPath?: string | URL): { lexicon: Lexicon } {
  const lexicon = lexiconFromFile(JSON.parse(readFileSync(path, 'utf8')) as LexiconFile);
  if (wordsPath !== undefined) lexicon.isWord = lineSetLookup(readFileSync(wordsPath, 'utf8'));
  return { lexicon };
}

/** Membership in a '\n'-separated list of words, through a LineIndex over the text itself. */
export function lineSetLookup(blob: string): (w: string) => boolean {
  const index = new LineIndex(blob, lineStarts(blob), 10);
  return (w: string): boolean => w.length > 0 && index.find(w) >= 0;
}
