/**
 * Feature keys without feature strings. A feature is a template name and one or two pieces
 * ("l-1l=" + "the" + "house"); its key is a mix of the pieces' own hashes, so each distinct piece
 * (a word, a shape, a class letter) is hashed once and a feature costs a few integer operations
 * instead of building and hashing a string. The trainer writes the same keys into the model file
 * from its feature strings (featureKey), so both sides agree by construction.
 */

/** Two 32-bit hashes of s[from, to): FNV-1a and a murmur-style mix, as a pair in `out`. */
export function hashPiece(s: string, from: number, to: number, out: Int32Array, at: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  out[at] = a;
  out[at + 1] = b;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The first hash of the feature (name, a, b). */
export function key1(n: number, a: number, b: number): number {
  return fmix(fmix(Math.imul(n, 0x9e3779b1) ^ a) ^ Math.imul(b, 0x85ebca77));
}

/** The second hash: independent constants, so a false match needs both to collide. */
export function key2(n: number, a: number, b: number): number {
  return fmix(fmix(Math.imul(n ^ 0x27d4eb2f, 0x165667b1) + a) + Math.imul(b ^ 0x61c88647, 0xc2b2ae3d));
}

/** The `b` hashes of a unary feature (name + a): no string hashes to this pair by design of use. */
export const UNARY1 = 0x5bd1e995 | 0;
export const UNARY2 = 0x1b873593 | 0;

/** Separators of an encoded feature string: name \0 a, or name \0 a \1 b (see featureKey). */
export const NAME_SEP = '\u0000';
export const PAIR_SEP = '\u0001';

/** Both hashes of an encoded feature string, as the runtime computes them from its pieces. */
export function featureKey(encoded: string): [number, number] {
  const n = encoded.indexOf(NAME_SEP);
  if (n < 0) throw new Error(`not an encoded feature: ${JSON.stringify(encoded)}`);
  const p = encoded.indexOf(PAIR_SEP, n + 1);
  const h = new Int32Array(6);
  hashPiece(encoded, 0, n, h, 0);
  hashPiece(encoded, n + 1, p < 0 ? encoded.length : p, h, 2);
  if (p < 0) {
    h[4] = UNARY1;
    h[5] = UNARY2;
  } else {
    hashPiece(encoded, p + 1, encoded.length, h, 4);
  }
  return [key1(h[0]!, h[2]!, h[4]!), key2(h[1]!, h[3]!, h[5]!)];
}

/**
 * Interned pieces: a string gets a small integer id, and its two hashes sit at 2*id and 2*id+1.
 * Ids stay valid until reset(), which the caller does only between documents.
 */
export class PieceTable {
  private ids = new Map<string, number>();
  /** The strings by id (the trainer builds feature strings from them). */
  strings: string[] = [];
  hashes = new Int32Array(2 * 1024);
  /** Pieces registered at construction (template names): they survive reset(). */
  private readonly fixed: number;
  /** Bumped by reset(): caches keyed by piece id must be dropped when it changes. */
  generation = 0;

  constructor(names: readonly string[] = []) {
    for (const n of names) this.id(n);
    this.fixed = this.strings.length;
  }

  get size(): number {
    return this.strings.length;
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      if (2 * id + 2 > this.hashes.length) {
        const grown = new Int32Array(this.hashes.length * 2);
        grown.set(this.hashes);
        this.hashes = grown;
      }
      hashPiece(s, 0, s.length, this.hashes, 2 * id);
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** Forgets every piece but the fixed ones (bounded memory on huge inputs). */
  reset(): void {
    this.strings.length = this.fixed;
    this.generation++;
    this.ids = new Map([...this.ids].filter(([, id]) => id < this.fixed));
  }
}
