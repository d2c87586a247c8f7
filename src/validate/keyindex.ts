/**
 * The id sets the cross-row rules keep: for one column of one sheet, which rows hold which key. A single row is
 * stored as a number, several as an array, so a million unique ids cost one map entry each.
 */

/** Rows per key, plus each row's value (to update the index when a row is edited). */
export class KeyIndex<K extends string | number = string> {
  readonly byKey = new Map<K, number | number[]>();
  /** Value per row as written (ids) or the row hash; undefined for empty. Sparse by row number. */
  readonly byRow: (K | undefined)[] = [];

  constructor(private readonly keyOf: (value: K) => K = (v) => v) {}

  /** Sets a row's value, returning the previous one. Empty strings are not indexed. */
  set(row: number, value: K | undefined): K | undefined {
    const old = this.byRow[row];
    if (old === value) return old;
    if (old !== undefined) this.remove(this.keyOf(old), row);
    if (value === undefined || value === "") {
      if (old !== undefined) this.byRow[row] = undefined;
      return old;
    }
    this.byRow[row] = value;
    const key = this.keyOf(value);
    const cur = this.byKey.get(key);
    if (cur === undefined) this.byKey.set(key, row);
    else if (typeof cur === "number") this.byKey.set(key, cur === row ? cur : [cur, row]);
    else if (!cur.includes(row)) cur.push(row);
    return old;
  }

  private remove(key: K, row: number): void {
    const cur = this.byKey.get(key);
    if (cur === undefined) return;
    if (typeof cur === "number") {
      if (cur === row) this.byKey.delete(key);
      return;
    }
    const i = cur.indexOf(row);
    if (i >= 0) cur.splice(i, 1);
    if (cur.length === 1) this.byKey.set(key, cur[0]);
    else if (cur.length === 0) this.byKey.delete(key);
  }

  /** Rows holding a key, ascending. */
  rows(key: K): number[] {
    const cur = this.byKey.get(key);
    if (cur === undefined) return [];
    return typeof cur === "number" ? [cur] : [...cur].sort((a, b) => a - b);
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }

  /** The key under which a value is indexed. */
  key(value: K): K {
    return this.keyOf(value);
  }
}

/** Ids are compared case-insensitively, as the IPT compares core ids. */
export const idKey = (v: string): string => v.toLowerCase();
