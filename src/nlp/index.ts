/**
 * The NLP layer's one entry point. Everything else in annotate sees only `analyze` and
 * `engineFingerprint`; the components behind it (entities/, dates/, aliases) can be replaced
 * without touching the rest.
 */
import type { Analysis, DateGroup, EntityGroup, EntityLabel, Span } from '../core/types.js';
import { extractEntities } from './entities/index.js';
import { groupEntities } from './aliases.js';
import { harmonizeEntities } from './consistency.js';
import { extractDates, findPublished, findTitle } from './dates/index.js';
import { engineFingerprint } from './fingerprint.js';
import { applyRules, groupWithRules, isConfigMade } from './rules/apply.js';
import { withoutOverlaps } from './overlaps.js';
import { bodyText, zone } from './zoning.js';
import type { DocumentRules, RulesReport } from './rules/types.js';

export { engineFingerprint };
export type { DocumentRules, RulesReport };

export interface AnalyzeOptions {
  /** The source file's name (basename is enough), used to find a date in names like 2016-09-13-story.txt. */
  fileName?: string;
  /** --reference-date, YYYY-MM-DD: anchor when the article states no date. */
  referenceDate?: string | null;
  /** The project's house rules and this document's corrections (annotate.config.yaml). */
  rules?: DocumentRules | null;
  /** Filled in with what the rules found (corrections without a place, names that occur). */
  report?: RulesReport;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  // The title and the article's date come from the body: a teaser's date is not the article's.
  const body = zone(text, options.rules?.rules.furniture);
  const article = bodyText(text, body);
  const title = findTitle(article);
  const pub = findPublished(article, { fileName: options.fileName, referenceDate: options.referenceDate ?? null, title });
  let dateSpans = extractDates(text, { anchor: pub.value });
  // A date wins over an entity it overlaps ("Monday" is not a place).
  let entitySpans = withoutOverlaps(harmonizeEntities(text, extractEntities(text)), dateSpans);
  let groups: EntityGroup[];
  if (options.rules) {
    const ruled = applyRules(text, entitySpans, dateSpans, options.rules);
    ({ entities: entitySpans, dates: dateSpans } = ruled);
    if (options.report) Object.assign(options.report, ruled.report);
    groups = groupWithRules(entitySpans, groupEntities);
  } else groups = groupEntities(entitySpans);
  const byLabel = (label: EntityLabel): EntityGroup[] =>
    groups.filter((g) => g.mentions[0]!.label === label);
  return {
    title,
    published: pub.value,
    publishedFrom: pub.from,
    body,
    people: byLabel('PER'),
    organizations: byLabel('ORG'),
    places: byLabel('LOC'),
    dates: groupDates(dateSpans),
  };
}

/** Dates with the same value form one group, ordered by first mention. */
function groupDates(spans: Span[]): DateGroup[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const byValue = new Map<string, DateGroup>();
  for (const s of sorted) {
    const value = s.value ?? '';
    let g = byValue.get(value);
    if (!g) {
      g = { value, mentions: [] };
      byValue.set(value, g);
    }
    g.mentions.push(s);
    if (isConfigMade(s)) g.by = 'config';
  }
  return [...byValue.values()];
}
