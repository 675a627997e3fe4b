/**
 * A bounded memo for per-word facts. News repeats its words, so the NLP caches what it works out
 * about each; a corpus has millions of distinct words, so the caches must be bounded. Clearing a
 * full cache throws away the frequent words with the rare ones (and a 3.5 MB corpus with 66,000
 * distinct forms cleared a 50,000-entry cache over and over); here two generations are kept: when
 * the young one fills it becomes the old one, and a hit in the old one moves back to the young.
 */
export class WordCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly perGeneration: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.perGeneration) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
