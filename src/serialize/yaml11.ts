/**
 * Plain scalars a YAML 1.1 reader (PyYAML, Ruby's Psych, SnakeYAML) would not load as strings.
 * The patterns are PyYAML's implicit resolvers (resolver.py), widened where YAML 1.1 itself is
 * wider (y/n booleans, any date-like prefix) so that every reader agrees.
 */
const RESOLVERS: RegExp[] = [
  // bool (YAML 1.1 also has y/n, which PyYAML leaves out but other readers do not)
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  // float, including sexagesimal 190:20:30.15, .inf, .nan. PyYAML's pattern, plus what the YAML
  // 1.1 spec's is wider in (a sign before .5, more dots: 1.2.3) and SnakeYAML's (_1, 1_e5).
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/,
  /^[-+]?(?:\.[0-9]+|[0-9_]+(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  // int: binary, octal, decimal, hex, sexagesimal 12:37
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?)$/,
  // merge key, null, value
  /^(?:<<|~|null|Null|NULL|=|)$/,
  // timestamp: anything that starts like a date (2016-09-13, 2016-9-1 12:37:00, 2016-09-13T12:37+02:00)
  /^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:$|[Tt \t])/,
];

/** True when `value`, written as a plain scalar, would load as something other than this string in YAML 1.1. */
export function isAmbiguousIn11(value: string): boolean {
  return RESOLVERS.some((re) => re.test(value));
}

/**
 * Plain (unquoted) only when every YAML reader, in block and flow context, reads it the same:
 * no leading indicator or space, none of # , [ ] { } inside nor a : unless glued to what follows, no tab, line break, BOM or
 * control character, no trailing space. PyYAML is stricter than YAML 1.2 here (it rejects
 * `{text: ?q}` and breaks lines at U+2028), so this errs on the side of quoting.
 */
const SAFE_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`\p{C}](?:[^:#,[\]{}\t\n\r\u0085\u2028\u2029\p{C}]|:(?=[^\s,[\]{}]))*$/u;

export function isSafePlain(value: string): boolean {
  return SAFE_PLAIN.test(value) && !/\s$/u.test(value) && !isAmbiguousIn11(value);
}

/** Needs double quotes (escapes): characters other than the space that are not plainly printable. */
export function needsEscapes(value: string): boolean {
  return /[\t\n\r\u0085\u2028\u2029\p{C}]|[^\S ]/u.test(value);
}
