/**
 * What annotating a text may take in memory, known before the engine runs and without loading
 * it. Two figures, both decided by the text alone:
 *
 * - memoryCap: the most one file may take, 1 GB, or 100 MB per MB of a text over 10 MB (at most
 *   4 GB). A large text's worker is held to it (run/pool.ts: its heap limit is the cap less what
 *   lies outside that heap), so a text that would take more ends with a one-line refusal, that
 *   file alone, instead of taking the machine's memory.
 * - memoryFloor: the least the text needs, from an upper bound of its token count: one over the
 *   cap is refused before any work.
 *
 * The process's peak memory rises by 200 to 330 bytes per token on news and on runs of words
 * and signs, and by up to 1.2 kB per token on text made of distinct capitalised words, which
 * the cap stops (docs/performance.md).
 */

/** Bytes the engine needs besides the text: the model, word lists and gazetteer. */
const BASE_BYTES = 128 * 1024 * 1024;
/** Bytes per token below what any kind of text was measured to take (200 at the least). */
const FLOOR_BYTES_PER_TOKEN = 150;
const MB = 1024 * 1024;
/** The cap of every text of up to 10 MB. */
export const MIN_CAP_BYTES = 1024 * MB;
/** Above 10 MB, the cap grows with the text... */
const CAP_BYTES_PER_MB = 100 * MB;
/** ...up to this. */
export const MAX_CAP_BYTES = 4096 * MB;

/** The most memory annotating `text` may take (see above). */
export function memoryCap(text: string): number {
  return Math.min(MAX_CAP_BYTES, Math.max(MIN_CAP_BYTES, Math.ceil((text.length / MB) * CAP_BYTES_PER_MB)));
}

/**
 * An upper bound of the tokenizer's token count (entities/tokenize.ts), in one pass that
 * allocates nothing: a run of letters, marks and digits is at most one token plus one per
 * apostrophe in it, and every other non-blank code point at most one.
 */
export function tokenBound(text: string): number {
  const word = wordTable();
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) inWord = false;
    else if (word[c] === 1) {
      if (!inWord) count++;
      inWord = true;
    } else {
      // A low surrogate belongs to the code point counted at its high surrogate.
      if (c < 0xdc00 || c > 0xdfff) count++;
      inWord = false;
    }
  }
  return count;
}

let table: Uint8Array | null = null;

/** 1 for each UTF-16 code unit that is a letter, mark or digit (astral ones count apart). */
function wordTable(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}\p{N}_]/u;
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && re.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}

/** Bytes of memory that annotating `text` needs at least. */
export function memoryFloor(text: string): number {
  return BASE_BYTES + FLOOR_BYTES_PER_TOKEN * tokenBound(text);
}
