/**
 * Reads a config file's text into the position-carrying tree validate.ts checks: fast-parse.ts
 * for the plain YAML configs are written in, else the yaml library (which also reports YAML
 * mistakes with their place). Keys are checked for
 * duplicates by validate.ts, where a names: list of thousands costs one Map, not yaml's
 * uniqueKeys check, which compares every key with every other.
 */
import { yamlLib } from '../serialize/yaml-lib.js';
import { ConfigError, type Node } from './validate.js';
import { fastParse } from './fast-parse.js';

export function parseConfigText(text: string): Node | null {
  const fast = fastParse(text);
  return fast === undefined ? parseWithLibrary(text) : fast;
}

/** The tree as the yaml library reads `text` (the reference the fast reader is held to). */
export function parseWithLibrary(text: string): Node | null {
  const yaml = yamlLib();
  const doc = yaml.parseDocument(text, { uniqueKeys: false, prettyErrors: false, version: '1.2' });
  const error = doc.errors[0];
  if (error) throw new ConfigError(error.pos[0], `not valid YAML: ${firstLine(error.message)}`);
  const toNode = (value: unknown, depth: number): Node => {
    if (depth > 64) throw new ConfigError(0, 'nested too deeply');
    if (yaml.isAlias(value)) throw new ConfigError(value.range?.[0] ?? 0, 'anchors and aliases (*name) are not supported here; write the value out');
    if (yaml.isMap(value)) {
      const pairs = value.items.map((pair) => {
        const key = pair.key;
        if (!yaml.isScalar(key) || key.value === null || typeof key.value === 'object') {
          throw new ConfigError(rangeOf(key, value), 'a key must be a plain string');
        }
        const at = rangeOf(key, value);
        const v = pair.value === null ? { kind: 'scalar' as const, at, value: null } : toNode(pair.value, depth + 1);
        return { key: String(key.value), keyAt: at, value: v };
      });
      return { kind: 'map', at: rangeOf(value, null), pairs };
    }
    if (yaml.isSeq(value)) return { kind: 'list', at: rangeOf(value, null), items: value.items.map((i) => toNode(i, depth + 1)) };
    if (yaml.isScalar(value)) {
      const v = value.value;
      const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', at: rangeOf(value, null), value: scalar };
    }
    throw new ConfigError(0, 'unexpected content');
  };
  return doc.contents === null ? null : toNode(doc.contents, 0);
}

function rangeOf(node: unknown, parent: unknown): number {
  const r = (node as { range?: [number, number, number] } | null)?.range ?? (parent as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : 0;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
