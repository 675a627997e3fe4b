/**
 * The tagger's word-class lexicon: compromise's lexicon (MIT) reduced to classes that help name
 * tagging (first name, surname, city, country, organisation, demonym, honorific, verb, ...),
 * compiled once by `npm run train -- --lexicon` into model/lexicon.json, so the hot path needs no
 * compromise tagging.
 */
import { readFileSync } from 'node:fs';
import type { Lexicon } from './features.js';
import { LineIndex, lineStarts } from '../line-index.js';

export interface LexiconFile { words: Record<string, string>; phrases: Record<string, string> }

const CLASS: [string, string][] = [
  ['Honorific', 'HON'],
  ['FirstName', 'FN'], ['MaleName', 'FN'], ['FemaleName', 'FN'],
  ['LastName', 'LN'], ['Person', 'PN'],
  ['Country', 'CTRY'], ['City', 'CITY'], ['Region', 'REG'], ['Place', 'PL'],
  ['SportsTeam', 'TEAM'], ['Organization', 'ORG'],
  ['Demonym', 'DEM'],
  ['Month', 'DATE'], ['WeekDay', 'DATE'], ['Date', 'DATE'], ['Duration', 'DATE'],
  ['Modal', 'V'], ['PhrasalVerb', 'V'], ['PastTense', 'V'], ['PresentTense', 'V'], ['Infinitive', 'V'],
  ['Gerund', 'V'], ['Participle', 'V'], ['Copula', 'V'],
  ['Adjective', 'ADJ'], ['Comparative', 'ADJ'], ['Superlative', 'ADJ'], ['Adverb', 'ADV'],
  ['Pronoun', 'F'], ['Preposition', 'F'], ['Conjunction', 'F'], ['Determiner', 'F'], ['QuestionWord', 'F'],
  ['Value', 'NUM'], ['Cardinal', 'NUM'], ['Ordinal', 'NUM'],
  ['Actor', 'ACT'], ['Plural', 'N'], ['Singular', 'N'], ['Noun', 'N'], ['Uncountable', 'N'], ['Unit', 'N'],
];

/** Builds the lexicon file content from compromise (train time only). */
export async function buildLexiconFile(): Promise<LexiconFile> {
  const mod = await import('compromise');
  const nlp = mod.default as unknown as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } } };
  };
  const world = nlp.world();
  const words: Record<string, string> = {};
  const phrases: Record<string, string> = {};
  const keys = Object.keys(world.model.one.lexicon).sort();
  for (const k of keys) {
    const v = world.model.one.lexicon[k]!;
    const tags = Array.isArray(v) ? v : [v];
    let cls = '';
    for (const [tag, c] of CLASS) if (tags.includes(tag)) { cls = c; break; }
    if (!cls) continue;
    const parts = k.split(' ');
    if (parts.length === 1) words[k] = cls;
    else if (parts.length <= 4 && /^[a-z]/.test(k) && ['FN', 'LN', 'PN', 'CTRY', 'CITY', 'REG', 'PL', 'TEAM', 'ORG'].includes(cls)) {
      phrases[k] = cls;
    }
  }
  for (const k of Object.keys(world.model.two.orgWords).sort()) words[k] = 'OW';
  for (const k of Object.keys(world.model.two.placeWords).sort()) words[k] = 'PW';
  return { words, phrases };
}

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

/** The content of model/words.txt from the package's index.json array (see model/NOTICE.md). */
export function writeWordList(words: readonly string[]): string {
  const kept = [...new Set(words.filter((w) => /^[a-z]{2,}$/.test(w)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.join('\n') + '\n';
}
