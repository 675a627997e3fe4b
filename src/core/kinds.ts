/** The three entity lists of an annotation, with the words used for one of their entities. */
export const ENTITY_KINDS = [
  { list: 'people', label: 'PER', noun: 'person' },
  { list: 'organizations', label: 'ORG', noun: 'organization' },
  { list: 'places', label: 'LOC', noun: 'place' },
] as const;

export type EntityList = (typeof ENTITY_KINDS)[number]['list'];
export type EntityNoun = (typeof ENTITY_KINDS)[number]['noun'];
