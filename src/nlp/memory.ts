/**
 * What annotating a text costs in memory, known before the engine runs and without loading it,
 * so that a text too large for it is refused with a message instead of running the process out
 * of memory. The engine's memory grows with the number of tokens: each holds its token, its
 * features and its tag scores, about 700 bytes (measured: 1 MB of `a-b-c-...`, a million tokens,
 * peaked at 770 MB; 1 MB of news on one line, 220,000 tokens, at 265 MB).
 */

/** Bytes the engine needs besides the text: the model, word lists and gazetteer. */
const BASE_BYTES = 128 * 1024 * 1024;
/** Bytes per token, with room above the ~700 measured. */
const BYTES_PER_TOKEN = 1024;
/** The most one text may need: ordinary news of 10 MB needs about 2.5 GB. */
export const MAX_NEED_BYTES = 4 * 1024 * 1024 * 1024;

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

/** Bytes of memory that annotating `text` may take at most. */
export function memoryNeed(text: string): number {
  return BASE_BYTES + BYTES_PER_TOKEN * tokenBound(text);
}
