import type { EvalIo, Predictor } from '../../src/eval/index.js';
import type { GoldSpan } from '../../src/eval/types.js';

export const FIXTURES = new URL('../../../test/eval/fixtures/', import.meta.url);
export const fixture = (p: string): string => new URL(p, FIXTURES).pathname;

export interface Captured { io: EvalIo; out: () => string; err: () => string }

export function captureIo(cwd = fixture('.')): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      cwd,
      stdout: { write: (s: string) => { out += s; return true; } },
      stderr: { write: (s: string) => { err += s; return true; } },
      color: false,
    },
    out: () => out,
    err: () => err,
  };
}

/** A fake system: for each document id, the spans (text, type, value?) it "finds" (first occurrence). */
export function fakePredictor(table: Record<string, Array<[string, string, string?]>>): Predictor {
  return (doc) => (table[doc.id] ?? []).map(([text, type, value]) => {
    const start = doc.text.indexOf(text);
    if (start < 0) throw new Error(`fixture: ${text} not in ${doc.id}`);
    const s: GoldSpan = { start, end: start + text.length, type, text };
    if (value !== undefined) s.value = value;
    return s;
  });
}
