/**
 * Where a caller keeps the gazetteer's facts about one word (entities/features.ts WordInfo), so
 * that a token costs no lookup: the count of its word parts (SLOT_EMPTY until worked out; see
 * TokenEntry in index.ts), the first part and that part's category bits, and the whole entry for
 * words of two parts or more. Read from the word's own object, the commonest case (one part)
 * follows no pointer to a second object. A module of its own, so that holding a slot does not
 * load the gazetteer's data.
 */
export interface GazetteerSlot { gazetteerCount: number; gazetteerFirst: string; gazetteerFirstBits: number; gazetteerEntry: unknown }
export const SLOT_EMPTY = -2;
