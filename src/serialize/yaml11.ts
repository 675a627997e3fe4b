/**
 * Plain scalars a YAML 1.1 reader (PyYAML, Ruby's Psych, SnakeYAML) would not load as strings.
 * The patterns are PyYAML's implicit resolvers (resolver.py), widened where YAML 1.1 itself is
 * wider (y/n booleans, any date-like prefix) so that every reader agrees.
 */
const RESOLVERS: RegExp[] = [
  // bool (YAML 1.1 also has y/n, which PyYAML leaves out but other readers do not)
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  // float, including sexagesimal 190:20:30.15, .inf, .nan
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
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
