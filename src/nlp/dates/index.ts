/**
 * Document header (title, published date) and date expressions (issue 5).
 * See README.md in this folder for the conventions and the rules chosen.
 */
import { registerEngineData } from '../fingerprint.js';

/**
 * Bump when the date rules change behaviour, so existing annotations go stale (the rules are
 * code, not a data file, but they feed the same freshness key).
 */
const DATE_RULES_REVISION = 'dates-rules-3';
registerEngineData('dates', DATE_RULES_REVISION);

export { findTitle, findPublished, dateFromFileName } from './header.js';
export type { Published, PublishedOptions } from './header.js';
export { extractDates } from './extract.js';
export type { DateOptions } from './extract.js';
