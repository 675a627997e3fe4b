/** Gazetteer categories (shared by the runtime and the builder). */

/**
 * Categories whose hits are tagged B-<cat> on the first token of the match and I-<cat> on the
 * others (names that span several tokens: "United Arab Emirates", "New York", "South African"),
 * U-<cat> when the match is one token ("Jordan").
 */
export const PHRASE_CATEGORIES = ['country', 'region', 'city', 'demonym', 'org'] as const;
/**
 * Categories whose hits are tagged with the bare category on every token of the match
 * (single words, or fixed phrases such as "prime minister" where the position carries nothing).
 */
export const WORD_CATEGORIES = ['given', 'surname', 'title', 'orgsuffix', 'locsuffix', 'month', 'weekday'] as const;

export type GazetteerCategory = (typeof PHRASE_CATEGORIES)[number] | (typeof WORD_CATEGORIES)[number];
export const GAZETTEER_CATEGORIES: readonly GazetteerCategory[] = [...PHRASE_CATEGORIES, ...WORD_CATEGORIES];
