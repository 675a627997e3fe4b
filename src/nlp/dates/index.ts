/**
 * Document header (title, published date) and date expressions (issue 5).
 * See README.md in this folder for the conventions and the rules chosen.
 */

export { findTitle, findPublished, dateFromFileName } from './header.js';
export type { Published, PublishedOptions } from './header.js';
export { extractDates } from './extract.js';
export type { DateOptions } from './extract.js';
