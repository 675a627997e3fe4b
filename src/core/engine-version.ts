/**
 * The engine version: what the freshness key says about the code that makes an annotation.
 *
 * Annotations go stale exactly when the bytes annotate would write change. The data files the
 * engine loads (model, word lists, gazetteer) are hashed into the key, so a retrained model makes
 * annotations stale by itself. Code is not hashed: a comment, a reformat or a refactor under
 * src/nlp or src/serialize changes nothing a reader of the YAML can see, and hashing the code
 * rewrote every annotation of every corpus for it. Instead, a change to the code that changes the
 * output (rules, word lists kept in code, the YAML or JSON writers) bumps this number.
 *
 * Forgetting cannot go unnoticed: test/engine/reference-output.test.ts annotates a reference
 * corpus and compares each document's output with test/engine/reference.json, recorded for this
 * version. `npm run engine-digest` records it again, and bumps this number when the output of an
 * unchanged input changed; it is the only thing that should edit the line below.
 */
export const ENGINE_VERSION = 10;
