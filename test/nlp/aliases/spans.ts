/** Test helpers: build spans from (string, label, occurrence) and print them compactly. */
import type { Label, Span } from '../../../src/core/types.js';

/** [surface string, label, which occurrence of the string in the text (0-based, default 0)] */
export type Spec = readonly [text: string, label: Label, occurrence?: number];

export function spansOf(text: string, specs: readonly Spec[]): Span[] {
  return specs.map(([s, label, occurrence = 0]) => {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(s, at + 1);
      if (at < 0) throw new Error(`test setup: occurrence ${occurrence} of ${JSON.stringify(s)} not in text`);
    }
    return { start: at, end: at + s.length, label, text: s };
  });
}

/** "LABEL text@start", after checking that text is the slice. */
export function show(text: string, spans: readonly Span[]): string[] {
  return spans.map((s) => {
    if (text.slice(s.start, s.end) !== s.text) throw new Error(`span text ${JSON.stringify(s.text)} is not its slice`);
    return `${s.label} ${s.text}@${s.start}`;
  });
}

/** The same as show(spansOf(...)), for expected values. */
export function expectSpans(text: string, specs: readonly Spec[]): string[] {
  return show(text, spansOf(text, specs));
}
