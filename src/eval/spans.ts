/** Comparisons of two spans, shared by the scorer and the error categories. */
import type { GoldSpan } from './types.js';

export const overlaps = (a: GoldSpan, b: GoldSpan): boolean => a.start < b.end && b.start < a.end;
export const sameSpan = (a: GoldSpan, b: GoldSpan): boolean => a.start === b.start && a.end === b.end;
export const byPosition = (a: GoldSpan, b: GoldSpan): number => a.start - b.start || a.end - b.end;
