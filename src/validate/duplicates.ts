/**
 * Duplicate rows of one sheet, found by row hashes (see checkRow: 64 bits per row, computed as the cells are read).
 *
 * Rows that agree in every cell agree in their id too. So in a core sheet a row with an id is only ever compared
 * with the rows holding the same id, which the sheet's id index already groups: its hash is kept in two typed
 * arrays in row order (8 bytes a row, no table to update at random), and the id index's repeated keys are where
 * duplicates can be. Rows without an id, and every row of a sheet without a core id, go into a hash index of their
 * own (an {@link IdIndex} keyed by the hash: a random table access and about 33 bytes a row).
 *
 * A duplicate group is named by a key: the id's key and the hash (`idKey/a:b`) for rows with an id, the hash alone
 * (`a:b`) for the others. Live edits collect the keys a row leaves and joins and re-read those groups.
 */
import { IdIndex, parseKey, presizedRows, type IdKey } from "./keyindex";

const NONE = 0;
/** The row's hash is in `ha`/`hb` and the row holds an id in the id index. */
const BY_ID = 1;
/** The row's hash is in the `loose` index. */
const LOOSE = 2;

export class RowDuplicates {
  private ha: Int32Array;
  private hb: Int32Array;
  private where: Uint8Array;
  private readonly loose: IdIndex;

  /**
   * @param ids the sheet's core id index (case-insensitive ids), or undefined when rows have no unique id (an
   *   extension's link column repeats by design, so it would not narrow the comparison)
   * @param expectedRows the adapter's row count hint (see SheetSpec.rowCount)
   */
  constructor(
    private readonly ids: IdIndex | undefined,
    expectedRows = 0,
  ) {
    const rows = presizedRows(ids ? expectedRows : 0);
    this.ha = new Int32Array(rows);
    this.hb = new Int32Array(rows);
    this.where = new Uint8Array(rows);
    // Rows without an id are few in a core sheet: the hint sizes the loose index only where it holds every row.
    this.loose = new IdIndex(false, ids ? 0 : expectedRows);
  }

  /**
   * Records a row's hash (a, b: 32 bits each), or clears it (a undefined: an empty row). Call after the id index
   * has the row's current id.
   */
  set(row: number, a: number | undefined, b: number): void {
    if (row >= this.where.length) this.grow(row);
    if (this.where[row] === LOOSE) this.loose.setHash(row, undefined);
    if (a === undefined) {
      this.where[row] = NONE;
      return;
    }
    if (this.ids && this.ids.holds(row)) {
      this.ha[row] = a | 0;
      this.hb[row] = b | 0;
      this.where[row] = BY_ID;
    } else {
      this.loose.setHash(row, a, b);
      this.where[row] = LOOSE;
    }
  }

  /** The key of the row's group (whether or not others share it), or undefined for a row without a hash. */
  keyAt(row: number): IdKey | undefined {
    if (row >= this.where.length) return undefined;
    const w = this.where[row];
    if (w === LOOSE) return this.loose.keyAt(row);
    if (w !== BY_ID) return undefined;
    return `${(this.ids as IdIndex).keyAt(row)}/${this.ha[row]}:${this.hb[row]}`;
  }

  /** The rows of a group, ascending. */
  rows(key: IdKey): number[] {
    const slash = key.indexOf("/");
    if (slash < 0) return this.loose.rows(key);
    if (!this.ids) return [];
    const [a, b] = parseKey(key.slice(slash + 1));
    return this.ids.rows(key.slice(0, slash)).filter((r) => this.where[r] === BY_ID && this.ha[r] === a && this.hb[r] === b);
  }

  /** Calls `fn` once per group of two or more identical rows, with its rows ascending. */
  forEachGroup(fn: (rows: number[]) => void): void {
    this.loose.forEachRepeated((a, b) => {
      const rows = this.loose.rowsOf(a, b);
      if (rows.length >= 2) fn(rows);
    });
    const ids = this.ids;
    if (!ids) return;
    ids.forEachRepeated((a, b) => {
      const members = ids.rowsOf(a, b);
      // Rows sharing an id: usually a handful, grouped by their hash.
      const groups = new Map<string, number[]>();
      for (const r of members) {
        if (this.where[r] !== BY_ID) continue;
        const k = `${this.ha[r]}:${this.hb[r]}`;
        const g = groups.get(k);
        if (g) g.push(r);
        else groups.set(k, [r]);
      }
      for (const g of groups.values()) if (g.length >= 2) fn(g);
    });
  }

  private grow(row: number): void {
    let n = this.where.length;
    while (n <= row) n *= 2;
    const ha = new Int32Array(n);
    ha.set(this.ha);
    const hb = new Int32Array(n);
    hb.set(this.hb);
    const where = new Uint8Array(n);
    where.set(this.where);
    this.ha = ha;
    this.hb = hb;
    this.where = where;
  }
}
