/**
 * Colour is decided once, for the stream actually written to. chalk's own detection follows
 * stdout and ignores NO_COLOR on a terminal, so the level is computed here per stream.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export type ColorChoice = 'auto' | 'always' | 'never';

export function colorLevel(choice: ColorChoice, isTTY: boolean, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  if (choice === 'never') return 0;
  const force = env['FORCE_COLOR'];
  const forced = force === undefined ? undefined : force === '' || force === 'true' ? 1 : force === 'false' ? 0 : Math.min(3, Math.max(0, Number.parseInt(force, 10) || 0));
  if (choice === 'always') return (forced && forced > 0 ? forced : 1) as 1 | 2 | 3;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  if (forced !== undefined) return forced as 0 | 1 | 2 | 3;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  const colorterm = env['COLORTERM'];
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if (/-256(color)?$/i.test(env['TERM'] ?? '')) return 2;
  return 1;
}

export function chalkFor(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
