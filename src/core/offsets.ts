/**
 * Offsets are JS string indices (UTF-16 code units) internally and Unicode code points in the
 * files we write. Both converters walk the text once; use them for a whole document's spans.
 */

/** Returns f(jsIndex) -> code point index, for indices on code point boundaries. */
export function codePointIndexer(text: string): (jsIndex: number) => number {
  // Indices of the high surrogates of astral characters, ascending.
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  if (astral.length === 0) return (i) => i;
  return (jsIndex) => jsIndex - countBelow(astral, jsIndex);
}

/** Returns f(codePointIndex) -> JS string index. */
export function jsIndexer(text: string): (codePoint: number) => number {
  const astralCp: number[] = []; // code point indices of astral characters, ascending
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astralCp.push(cp);
        i++;
      }
    }
  }
  if (astralCp.length === 0) return (c) => c;
  return (codePoint) => codePoint + countBelow(astralCp, codePoint);
}

/** How many entries of the ascending list are < x. */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
