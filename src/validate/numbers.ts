/** Strict number parsing for cells, by char scan (no `Number("")` = 0, no hex, no spaces). */

/**
 * Parses a plain decimal number (`-12`, `55.75`, `1e-3`) with `sep` as decimal separator (46 `.` or 44 `,`).
 * Returns NaN for anything else.
 */
export function parseDecimal(s: string, sep = 46): number {
  const n = s.length;
  if (n === 0 || n > 40) return NaN;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43) i++;
  let digits = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === sep) {
    i++;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  if (i < n && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i++;
    if (i < n && (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43)) i++;
    const st = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === st) return NaN;
  }
  if (i !== n) return NaN;
  return Number(sep === 46 ? s : s.replace(",", "."));
}

/** Whether text looks like a number Excel displayed in scientific notation: `1.23E+15`, `1,23E+15` (RU). */
export function isScientificNotation(s: string): boolean {
  const e = s.indexOf("E+");
  return e > 0 && !Number.isNaN(parseDecimal(s.replace(",", ".")));
}
