/**
 * Every user-facing message, with a stable id (like eslint's messages/ or spaCy's [E001]).
 * Each says what happened and what to do. Lines are printed as `path: text` (report/).
 */
import type { Message } from './types.js';

const catalog = {
  // Usage (exit 2, before any work).
  E_CONFLICT: (a: string, b: string) => `Cannot use ${a} and ${b} together.`,
  E_STDIN_WITH_PATHS: () => 'Cannot use - (stdin) and other paths together.',
  E_BAD_DATE: (value: string) =>
    `--reference-date must be a real date written YYYY-MM-DD, got "${value}".`,
  E_BAD_JOBS: (value: string) => `--jobs must be a whole number of at least 1, got "${value}".`,
  E_BAD_GLOB: (value: string, why: string) =>
    `--glob must be a pattern relative to each folder given (like **/*.txt), ${why}, got "${value}".`,
  W_JOBS_CAPPED: (asked: string, cpus: number) =>
    `${asked} is more than the ${cpus} CPU${cpus === 1 ? '' : 's'} here; using ${cpus} (more workers cannot run at once, and each holds about 50 MB)`,
  E_BAD_SIZE: (value: string) => `--max-size must be a number of megabytes above 0, got "${value}".`,
  E_CONFIG_EMPTY: () => '--config must name a config file, got ""; use --no-config for none.',
  E_OUT_DIR_EMPTY: () => '--out-dir must name a folder, got "" (use --out-dir . for the working folder).',
  E_OUT_DIR_NOT_DIR: (dir: string, what: string) =>
    `--out-dir ${dir} ${what}, not a folder; give a folder (it is created when missing).`,
  // Finding and reading inputs.
  E_NOT_FOUND: () => 'no such file or folder; check the path',
  E_ARG_NOT_UTF8: () =>
    'no such file or folder; its name has bytes that are not UTF-8 (read as \uFFFD), and such a name cannot be given on the command line: rename it, e.g. convmv -f latin1 -t utf-8 --notest, or give the folder that holds it to see its name',
  E_ACCESS: () => 'permission denied; check its permissions (chmod) or leave it out',
  E_LOOP: () => 'symbolic link loop; fix or remove the link',
  E_NO_MATCH: (glob: string) => `no files match ${glob} in this folder; check the path or --glob`,
  W_LINK_OUTSIDE: () =>
    'skipped: a symbolic link that leads out of the paths given; give its target as a path, or use --follow-symlinks',
  W_OUT_DIR_HOLDS_INPUTS: (glob: string, first: string) =>
    `not searched: it is the --out-dir, but holds files matching ${glob} (${first}); to annotate them, give --out-dir a folder of its own`,
  E_NAME_NOT_UTF8: () =>
    'skipped: its name is not valid UTF-8, so it cannot be named safely; rename it, e.g. convmv -f latin1 -t utf-8 --notest',
  E_NOT_FILE: (kind: string) => `is ${kind}, not a regular file; give a .txt file or a folder`,
  E_LIST: (why: string) => `cannot list this folder (${why}); check its permissions`,
  E_READ: (why: string) => `cannot read (${why}); check the file`,
  E_TOO_LARGE: (mb: string, limit: string, need: string) =>
    `file is ${mb}, over the ${limit} limit; raise it with --max-size ${need} or split the file`,
  E_TOO_DENSE: (tokens: string, need: string, limit: string) =>
    `text has up to ${tokens} words and signs, which need at least ${need} GB of memory, over the ${limit} GB one file may take; split the file`,
  E_OUT_OF_MEMORY: (mb: string) => `ran out of memory (over the ${mb} MB one file may take); split the file`,
  E_EMPTY: () => 'file is empty (no text to annotate); add text or leave it out',
  E_BINARY: (offset: number) =>
    `looks like a binary file (control byte at offset ${offset}); annotate reads UTF-8 and UTF-16 (with a BOM) text files only`,
  E_UTF16: (encoding: string, offset: number) =>
    `is ${encoding} text (it starts with that BOM) but is not well-formed (bad code unit at byte ${offset}); convert it, e.g. iconv -f utf-16 -t utf-8`,
  E_UTF32: () => 'is UTF-32 text (it starts with that BOM), which annotate does not read; convert it, e.g. iconv -f utf-32 -t utf-8',
  E_UTF8: (offset: number) =>
    `is not valid UTF-8 (bad byte at offset ${offset}); convert it, e.g. iconv -f latin1 -t utf-8`,
  // Outputs.
  E_FOREIGN: (output: string) =>
    `${output} exists and was not written by annotate (no "schema: annotate/" key); move it away or use --out-dir`,
  E_SAME_OUTPUT: (output: string, first: string) =>
    `its annotation ${output} would also be written for ${first}; annotate them into separate --out-dir folders`,
  E_OUTPUT_IS_INPUT: (output: string) =>
    `its annotation would overwrite the input itself (${output}); pick .txt files with --glob`,
  E_OUTPUT_NOT_FILE: (output: string, kind: string) => `${output} exists and is ${kind}, not a file; move it away`,
  E_WRITE: (output: string, why: string, advice: string) => `cannot write ${output} (${why}); ${advice}`,
  E_ANALYZE: (why: string) => `annotation failed (${why}); this is a bug in annotate, please report it with the file`,
  // --check findings (exit 1).
  W_MISSING: (output: string) => `annotation ${output} is missing; run annotate on it`,
  W_STALE: (output: string) => `annotation ${output} is out of date; run annotate on it`,
  W_MODIFIED: (output: string, why: string) =>
    `annotation ${output} is not what annotate wrote (${why}); run annotate to rewrite it. Hand edits are lost on rewrite: lasting corrections belong in annotate.config.yaml (see the README's "Corrections")`,
  // A normal run's warnings (printed even with --quiet: something was lost).
  W_REWRITTEN: (output: string, why: string) =>
    `rewrote ${output}, which was not what annotate wrote (${why}); hand edits in it are lost: lasting corrections belong in annotate.config.yaml (see the README's "Corrections")`,
  W_CORRECTION_UNUSED: (where: string, text: string) =>
    `the correction at ${where} finds no "${text}" in the text; update it (text, in, occurrence) or remove it`,
  W_NAME_UNUSED: (name: string, files: number) =>
    `the name "${name}" occurs in none of the ${files} file${files === 1 ? '' : 's'} annotated with this config in this run`,
  // The project's config (exit 2 before any file is written).
  E_CONFIG: (problem: string) => `bad config: ${problem}`,
  E_CONFIG_READ: (why: string) => `cannot read this config (${why}); fix it, name another with --config, or use --no-config`,
  // show.
  E_SHOW_NOT_FILE: (given: string, what: string) => `show takes one .txt file; ${given} is ${what}`,
  E_SHOW_BAD_ANNOTATION: (output: string, why: string) =>
    `${output} is not a readable annotate/1 file (${why}); delete it or run annotate --force on the file`,
} as const;

export type MessageId = keyof typeof catalog;
type Args<K extends MessageId> = Parameters<(typeof catalog)[K]>;

/** The text of message `id`. */
export function messageText<K extends MessageId>(id: K, ...args: Args<K>): string {
  return (catalog[id] as (...a: Args<K>) => string)(...args);
}

/** A fatal message for a Document. */
export function fatal<K extends MessageId>(id: K, ...args: Args<K>): Message {
  return { id, fatal: true, text: messageText(id, ...args) };
}

/** A non-fatal finding (e.g. --check). */
export function warning<K extends MessageId>(id: K, ...args: Args<K>): Message {
  return { id, fatal: false, text: messageText(id, ...args) };
}
