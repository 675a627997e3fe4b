/**
 * Paths and values printed on a terminal, made safe to print. A file name may hold a newline (a
 * forged line of output), an escape sequence (a terminal title change) or a bidirectional
 * override; like git's quoting of paths, such a name is printed in double quotes with C escapes
 * (\n, \t, \033 ...), and names without them are printed as they are.
 */

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const QUOTED = /^"(?:[^"\\]|\\.)*"$/;
const NAMED: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r' };

/** One unsafe character as git writes it: a C escape, else the octal of its UTF-8 bytes. */
function escapeChar(c: string): string {
  return NAMED[c] ?? [...Buffer.from(c, 'utf8')].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
}

/** The control characters of a message escaped (no quotes): for text around paths. */
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeChar) : text;
}

/** A path as printed: unchanged when safe (or quoted already, by quoteBytes), else in double quotes with escapes. */
export function quotePath(p: string): string {
  if (!UNSAFE.test(p) && (!p.startsWith('"') || QUOTED.test(p))) return p;
  return `"${p.replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE_ALL, escapeChar)}"`;
}

/**
 * A file name that is not valid UTF-8, from its bytes: the valid parts as they are, each other
 * byte in octal, in double quotes (git's form, e.g. "caf\351.txt").
 */
export function quoteBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  while (i < bytes.length) {
    let j = i + 1;
    // The longest valid UTF-8 sequence of one character at i (1 to 4 bytes).
    let char: string | null = null;
    for (let len = 1; len <= 4 && i + len <= bytes.length; len++) {
      try {
        char = decoder.decode(bytes.subarray(i, i + len));
        j = i + len;
        break;
      } catch {
        // not a whole character yet
      }
    }
    out += char === null ? `\\${bytes[i]!.toString(8).padStart(3, '0')}` : UNSAFE.test(char) || char === '"' || char === '\\' ? (char === '"' || char === '\\' ? `\\${char}` : escapeChar(char)) : char;
    i = char === null ? i + 1 : j;
  }
  return `"${out}"`;
}
