/** Locale-independent ordering: by UTF-16 code units, the same on every machine and LANG. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
