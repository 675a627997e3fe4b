/**
 * Word lists and string helpers shared by document-level consistency (consistency.ts) and alias
 * grouping (aliases.ts). Pure data: no compromise, no I/O.
 */

/** A letter, combining mark or digit: what name tokens are made of. */
export const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
export const UPPER_RE = /\p{Lu}/u;
const UPPER_START_RE = /^\p{Lu}/u;
const LOWER_START_RE = /^\p{Ll}/u;

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR_RE.test(ch);
}

const nonAscii = new Map<number, boolean>();

/**
 * UTF-16 length of the letter, mark or digit at i (1 or 2), or 0 if there is none: a word
 * scanner without a regular expression per word (ASCII by table, other code points cached).
 */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const cp = text.codePointAt(i)!;
  let yes = nonAscii.get(cp);
  if (yes === undefined) {
    yes = WORD_CHAR_RE.test(String.fromCodePoint(cp));
    if (nonAscii.size < 10_000) nonAscii.set(cp, yes);
  }
  return yes ? (cp > 0xffff ? 2 : 1) : 0;
}

export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START_RE.test(s);
}

export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_START_RE.test(s);
}

/**
 * Matching key: NFD, combining marks stripped, lower case (String#toLowerCase is not
 * locale-sensitive). Used for comparison only, never written out.
 */
export function fold(s: string): string {
  // ASCII has nothing to decompose and no marks (and most names are ASCII).
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const ASCII_RE = /^[\x00-\x7f]*$/;

/**
 * English function words and other words that are capitalised only because they open a
 * sentence or a headline. A single-token name is never propagated onto one of these, and a
 * capitalised one of these right before a name does not make a longer name.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above according across after afterwards again against ago all almost along already also although always am among an and ' +
    'another any anyone anything are around as at away back be because been before behind being below beneath beside besides between ' +
    'beyond both but by can cannot could despite did do does doing done down during each either else even ever every everyone ' +
    'everything except few first for former from further had has have having he her here hers herself him himself his how however i ' +
    'if in indeed inside instead into is it its itself just last later latest least less like many may maybe me meanwhile might mine ' +
    'more moreover most much must my myself near nearly neither never nevertheless new next no nobody none nor not nothing now of off ' +
    'often on once one only onto or other others otherwise our ours ourselves out outside over own per perhaps please rather ' +
    'same several shall she should since so some someone something sometimes soon still such than that the their theirs them ' +
    'themselves then there therefore these they this those though through throughout thus to today together tomorrow too toward ' +
    'towards under unless unlike until up upon us very via was we well were what whatever when whenever where whereas wherever ' +
    'whether which while who whoever whom whose why will with within without would yes yesterday yet you your yours yourself ' +
    'yourselves dear hi hello thanks thank regards best sincerely photo video read share update breaking watch see more says said ' +
    'yeah oh ok okay sure let lets here\'s it\'s that\'s there\'s what\'s'
  ).split(' '),
);

/**
 * Titles and honorifics: never part of a person's span ("President Hollande" -> "Hollande").
 * Compared without a trailing period.
 */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'Mr Mrs Ms Miss Mx Mme Mlle Messrs Dr Prof Professor Sir Dame Lord Lady President President-elect Vice-President ' +
    'Premier Chancellor Minister Secretary Secretary-General Senator Sen Rep Representative Congressman Congresswoman ' +
    'Governor Gov Mayor Judge Justice General Gen Lt Lieutenant Col Colonel Capt Captain Maj Major Sgt Sergeant Cpl Corporal ' +
    'Pvt Adm Admiral Cmdr Commander Marshal Brig Brigadier Pope King Queen Prince Princess Emperor Empress Tsar Czar Sultan ' +
    'Sheikh Sheik Emir Shah Cardinal Bishop Archbishop Rev Reverend Fr Rabbi Imam Ayatollah Mullah Chairman Chairwoman ' +
    'Chairperson CEO Ambassador Commissioner Inspector Detective Det Officer Agent Coach Prosecutor Councillor Councilman ' +
    'Councilwoman Speaker Dean Pastor Chief Deputy Director Dir Supt Superintendent Constable Insp Rt Hon Honourable ' +
    'Honorable Excellency Majesty Highness'
  ).split(' '),
);

/** Words that may precede or complete a title ("Prime Minister", "Secretary of State", "former"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'Vice Deputy Prime Foreign Interior Home Defence Defense Finance Justice Health Education Trade Economy Labour Labor ' +
    'Environment Transport Energy Agriculture Culture Affairs State Attorney General Supreme Acting Chief Executive Assistant ' +
    'Associate Senior Grand Crown Former Majority Minority House Senate Parliamentary Federal Managing Honorary Opposition ' +
    'Party Army Navy Police Security Intelligence Lord Master Mr Mrs Dr Rt Hon ' +
    'former late then ex acting interim outgoing incoming new the of for and'
  ).split(' '),
);

/** Generational and similar suffixes: not a surname ("Martin Luther King Jr." -> "King"). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['Jr', 'Sr', 'II', 'III', 'IV', 'V', 'Jnr', 'Snr', 'Esq', 'PhD', 'MD']);

/** Surname particles, kept with the surname ("Frédéric Van Leeuw" -> "Van Leeuw"). */
export const PARTICLES: ReadonlySet<string> = new Set(
  'van von der den de del della di da das dos du la le ter ten al el bin ibn ben abu st saint mac'.split(' '),
);

/** Abbreviations whose final period belongs to the name ("Enron Corp.", "Mark H."). */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'Inc Corp Co Ltd Jr Sr St Bros Mt Ft Ave Blvd Rd Esq Plc Pty Cie Mass Calif Ont Que La Va Fla Ga Pa Wash Conn Mich Ill ' +
    'Ariz Colo Tenn Ky Md Minn Mo Ore Wis Okla Ala Ark Del Nev Neb Kan Vt Wyo Tex'
  ).split(' '),
);

/** Organisation suffixes ignored when matching aliases ("Apple Inc." joins "Apple"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(
  'inc corp corporation co ltd llc plc sa ag gmbh nv bv spa sarl lp llp pty limited incorporated'.split(' '),
);

/** Words skipped when forming an acronym from a name ("Federal Bureau of Investigation" -> FBI). */
export const ACRONYM_SKIP: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'di', '&', 'on', 'in', 'at', 'to']);

/** Known short forms and what they expand to (folded). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['eu', 'european'],
  ['un', 'united nations'],
  ['us', 'united states'],
  ['usa', 'united states'],
  ['uk', 'united kingdom'],
  ['intl', 'international'],
  ['natl', 'national'],
  ['univ', 'university'],
  ['dept', 'department'],
  ['govt', 'government'],
  ['assn', 'association'],
  ['mt', 'mount'],
  ['ft', 'fort'],
  ['st', 'saint'],
]);
