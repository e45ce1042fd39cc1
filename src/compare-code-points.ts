/**
 * Orders two strings by Unicode code point (not UTF-16 code unit, not locale).
 *
 * `Array.prototype.sort()` without a comparator compares UTF-16 code units, which puts
 * characters outside the BMP (surrogate pairs) before U+E000–U+FFFF; this comparator
 * does not. Use it wherever output order must be deterministic.
 *
 * @returns negative when `a` sorts first, positive when `b` does, 0 when equal.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
