/**
 * The one normalisation shared by the gazetteer builder and the runtime lookup, so that a
 * compiled entry and a token sequence from the text meet on the same key.
 *
 * A key is the sequence of "word parts" (runs of letters/digits) of the text, folded to lower
 * case without diacritics, joined by single spaces: "Côte d'Ivoire" -> "cote d ivoire",
 * "U.S." -> "u s", "Guinea-Bissau" -> "guinea bissau". Splitting every token into parts makes
 * the lookup independent of how the caller tokenised hyphens, apostrophes and abbreviation
 * dots.
 */

/** Letters that NFD does not decompose into a base letter plus a mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', đ: 'd', Đ: 'd',
  ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};
const SPECIAL_RE = /[ßøØłŁæÆœŒđĐðþıħ]/gu;
const MARKS_RE = /\p{M}+/gu;
const PART_RE = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;

/** Lower case, no diacritics. Locale-independent (toLowerCase, not toLocaleLowerCase). */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS_RE, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** The word parts of a string, folded: "O'Brien" -> ["o", "brien"]. */
export function parts(s: string): string[] {
  const f = fold(s);
  if (ASCII_WORD.test(f)) return [f];
  return f.match(PART_RE) ?? [];
}

/** The lookup key of an entry or of a token sequence. */
export function entryKey(s: string): string {
  return parts(s).join(' ');
}
