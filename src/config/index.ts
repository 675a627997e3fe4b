/**
 * The project config: found like prettier's and eslint's (the nearest annotate.config.yaml or
 * .annotaterc.yaml in the file's folder or above), or named with --config, or turned off with
 * --no-config. Each config is read and checked once per run, before anything is written; what
 * applies to one file is its rules, its own corrections and a key of both for freshness.
 */
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { sha256Hex, stableStringify } from '../core/fingerprint.js';
import { describeError, errorCode, type FsAdapter } from '../fs/adapter.js';
import { RULES_VERSION, type Correction, type DocumentRules, type Rules } from '../nlp/rules/types.js';
import { parseConfigText } from './parse.js';
import { ConfigError, validate } from './validate.js';

/** The names a config may have, in the order they are looked for in one folder. */
export const CONFIG_NAMES = ['annotate.config.yaml', '.annotaterc.yaml'] as const;

export interface LoadedConfig {
  /** Absolute. */
  path: string;
  rules: Rules;
  /** A hash of `rules`: the same rules give the same key whatever the file's layout or comments. */
  rulesKey: string;
  /** By source path relative to the config's folder, / between folders. */
  corrections: Map<string, { corrections: Correction[]; at: number[] }>;
  /** Where each names: entry starts (an offset for `position`), in the order of rules.names. */
  nameAt: number[];
  /** `line:column` (1-based) of an offset into the file. */
  position(at: number): string;
}

/** What the config says about one source file. */
export interface FileConfig {
  config: LoadedConfig;
  doc: DocumentRules;
  /** Part of the file's freshness key: its rules and its own corrections. */
  key: string;
  /** Where each of `doc.corrections` is written in the config, as `line:column`. */
  correctionAt: string[];
}

/** A config that cannot be used: `where` is `path:line:column` (or the path alone). */
export class ConfigProblem extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
    readonly unreadable: boolean,
  ) {
    super(problem);
  }
}

export interface ConfigChoice {
  /** --config PATH, absolute: this one for every file. */
  explicit: string | null;
  /** --no-config. */
  disabled: boolean;
}

export class ConfigResolver {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(
    private readonly fs: FsAdapter,
    private readonly choice: ConfigChoice,
    /** How a config's path is shown in messages (relative to the working folder). */
    private readonly show: (abs: string) => string,
  ) {}

  /** The config for files in folder `dir` (absolute), or null; throws a ConfigProblem. */
  forFolder(dir: string): LoadedConfig | null {
    if (this.choice.disabled) return null;
    const file = this.choice.explicit ?? this.find(dir);
    return file === null ? null : this.load(file);
  }

  /** What applies to the source file `abs`, or null when no config does. */
  forFile(abs: string): FileConfig | null {
    const config = this.forFolder(path.dirname(abs));
    if (config === null) return null;
    // path.relative normalizes both paths on every call: only worth it when there are corrections.
    const own = config.corrections.size === 0 ? undefined : config.corrections.get(path.relative(path.dirname(config.path), abs).split(path.sep).join('/'));
    const corrections = own?.corrections ?? [];
    const key = corrections.length === 0 ? config.rulesKey : sha256Hex(config.rulesKey + stableStringify(corrections)).slice(0, 16);
    return { config, doc: { rules: config.rules, corrections }, key, correctionAt: (own?.at ?? []).map((a) => config.position(a)) };
  }

  /** What applies to standard input read in folder `dir`: the rules, no document's corrections. */
  forStdin(dir: string): FileConfig | null {
    const config = this.forFolder(dir);
    return config && { config, doc: { rules: config.rules, corrections: [] }, key: config.rulesKey, correctionAt: [] };
  }

  private find(dir: string): string | null {
    const walked: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      found = this.nearest.get(d);
      if (found !== undefined) break;
      walked.push(d);
      found = this.configIn(d);
      if (found !== null || path.dirname(d) === d) break;
    }
    for (const d of walked) this.nearest.set(d, found);
    return found;
  }

  private configIn(dir: string): string | null {
    for (const name of CONFIG_NAMES) {
      const p = path.join(dir, name);
      try {
        if (this.fs.stat(p).isFile()) return p;
      } catch {
        // not there (or not reachable): look further up
      }
    }
    return null;
  }

  private load(file: string): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    let bytes: Buffer;
    try {
      bytes = this.fs.readFile(file);
    } catch (err) {
      throw new ConfigProblem(this.show(file), errorCode(err) === 'ENOENT' ? 'no such file' : describeError(err), true);
    }
    if (!isUtf8(bytes)) throw new ConfigProblem(this.show(file), 'it is not valid UTF-8 text', true);
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const position = (at: number): string => {
      let line = 1;
      let start = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
      }
      return `${line}:${at - start + 1}`;
    };
    try {
      const content = validate(parseConfigText(text));
      const config: LoadedConfig = {
        path: file,
        rules: content.rules,
        // The rules are built with their keys in one order (validate.ts), so plain JSON is
        // canonical here; stableStringify took 40 to 70 ms over 10,000 names.
        rulesKey: sha256Hex(JSON.stringify({ version: RULES_VERSION, rules: content.rules })).slice(0, 16),
        corrections: content.corrections,
        nameAt: content.nameAt,
        position,
      };
      this.loaded.set(file, config);
      return config;
    } catch (err) {
      if (err instanceof ConfigError) throw new ConfigProblem(`${this.show(file)}:${position(err.at)}`, err.message, false);
      throw err;
    }
  }
}
