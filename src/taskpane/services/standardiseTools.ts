/** Small pure helpers of the standardisation services (shared by the Office services and the tests' fake). */

/**
 * Up to `n` distinct filled values of each column, in row order: what the pane shows as a column's samples.
 *
 * @example firstValues([["1", ""], ["2", "x"], ["2", "y"]], 2, 3) // [["1", "2"], ["x", "y"]]
 */
export function firstValues(rows: readonly (readonly string[])[], width: number, n: number): string[][] {
  const out: string[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    let full = true;
    for (let c = 0; c < width; c++) {
      const v = (row[c] ?? "").trim();
      if (out[c].length < n && v !== "" && !out[c].includes(v)) out[c].push(v);
      if (out[c].length < n) full = false;
    }
    if (full) break;
  }
  return out;
}
