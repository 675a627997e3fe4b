/**
 * A budget of bytes of source text in memory at once. A plan takes its file's size before
 * reading it and gives it back as soon as its outcome no longer needs the text, so the run
 * can keep many small files in flight (hiding file-system latency) without holding many large
 * ones. A file larger than the whole budget is let in when nothing else holds any: it must not
 * wait forever.
 *
 * Holders never wait on anything but their own I/O and the NLP, and they give back before their
 * outcome is reported in input order, so whoever waits here is always eventually let in.
 */
export class ByteBudget {
  private held = 0;
  private readonly waiting: { size: number; resolve: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Takes `size` bytes if that can be done now (nobody waiting, and they fit). */
  tryTake(size: number): boolean {
    if (this.waiting.length > 0 || !this.fits(size)) return false;
    this.held += size;
    return true;
  }

  /** Resolves once `size` bytes are taken; pair every call with one give(size). */
  take(size: number): Promise<void> {
    if (this.tryTake(size)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ size, resolve }));
  }

  give(size: number): void {
    this.held -= size;
    // First come, first served: a large file is not overtaken forever by small ones.
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.size)) {
      const next = this.waiting.shift()!;
      this.held += next.size;
      next.resolve();
    }
  }

  private fits(size: number): boolean {
    return this.held === 0 || this.held + size <= this.limit;
  }
}
