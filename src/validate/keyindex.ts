/**
 * A compact case-insensitive id index for one column of one sheet: which rows hold which id, in typed arrays.
 *
 * Each id is folded to lower case and keyed by two independent 32-bit hashes (64 bits). Two different ids are
 * taken for the same one only when both hashes agree: at 1,000,000 distinct ids the chance of any such pair is
 * about n²/2⁶⁵ ≈ 3e-8 per column. Rows of a key form a chain through `next`; an open-addressing table maps the
 * hash pair to the chain's head. Original values are kept only where a message needs them: for every row when
 * `keepValues` (links and references, whose dangling rows are named), otherwise only for rows whose id repeats
 * in the column. The first row of a repeated id is no longer at hand when the repeat is seen; a third hash of the
 * exact text tells whether it was written the same way (then its value is the repeat's). When only the case
 * differed, the first row is named with the repeat's spelling. About 33 bytes per row instead of two strings and
 * a map entry (a million unique ids: about 35 MB instead of about 130 MB). The same table serves the
 * duplicate-row index of rows without an id through {@link IdIndex.setHash} (see duplicates.ts).
 */

const EMPTY = -1;

/** FNV-1a over UTF-16 code units with a murmur3 finaliser. */
function hashA(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A multiply-rotate hash with another seed and multiplier, independent of {@link hashA}. */
function hashB(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h = (h << 13) | (h >>> 19);
  }
  return fmix(h ^ 0x27d4eb2f);
}

/**
 * For an ASCII value (the usual id), the three hashes `set` needs in one pass and without allocating the folded
 * copy: {@link hashA} and {@link hashB} of the lower-cased text, and {@link hashA} of the text as written, left in
 * {@link HASHES}. Returns false for other text (its case folding is left to `toLowerCase`).
 */
function hashAscii(s: string): boolean {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return false;
    const f = c >= 65 && c <= 90 ? c + 32 : c;
    a = Math.imul(a ^ f, 0x01000193);
    b = Math.imul(b ^ f, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
    x = Math.imul(x ^ c, 0x01000193);
  }
  HASHES[0] = fmix(a);
  HASHES[1] = fmix(b ^ 0x27d4eb2f);
  HASHES[2] = fmix(x);
  return true;
}

const HASHES = new Int32Array(3);

/** A 32-bit finaliser (murmur3's): every input bit affects every output bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A key as text (`h1:h2`), for the small sets of keys an edit touches. */
export type IdKey = string;

const keyText = (a: number, b: number): IdKey => `${a}:${b}`;

/** The largest row count an index allocates for up front (about 35 MB of arrays); beyond it, the index grows. */
const MAX_PRESIZE_ROWS = 1 << 20;

/**
 * The row capacity to allocate for a sheet expected to have `expectedRows` rows: a power of two above it, at least
 * 1,024 and at most {@link MAX_PRESIZE_ROWS} (beyond it, arrays grow as rows arrive).
 */
export function presizedRows(expectedRows: number): number {
  let rows = 1024;
  while (rows <= Math.min(expectedRows, MAX_PRESIZE_ROWS)) rows *= 2;
  return rows;
}

/** Rows per case-folded id, plus what is needed to name the values in messages. */
export class IdIndex {
  private h1: Int32Array;
  private h2: Int32Array;
  /** Hash of the exact text, to recover the first row's value of a repeated id. */
  private hx: Int32Array;
  /** Next row with the same key; -1 ends the chain. */
  private next: Int32Array;
  private used: Uint8Array;
  /**
   * Per slot `s`, the head row at `2s` (-1: empty) and the key's first half at `2s + 1`: a probe reads one pair and
   * touches the row arrays only when the first halves agree (the table is the one array read at random).
   */
  private table: Int32Array;
  /** Slots in `table`. */
  private slots: number;
  private count = 0;
  private readonly values = new Map<number, string>();
  /**
   * Rows that joined a key other rows already held: every key held by several rows has one among them (the last to
   * join did), so {@link forEachRepeated} visits these instead of every key. Entries go stale when rows change;
   * they are dropped there.
   */
  private repeats: number[] = [];

  /**
   * @param keepValues keep every row's value (links and references, whose dangling rows are named)
   * @param expectedRows the last row the sheet is expected to have, when known: the arrays are allocated for it
   *   at once instead of doubling (and rehashing) as rows arrive; capped at {@link MAX_PRESIZE_ROWS}
   */
  constructor(
    private readonly keepValues = false,
    expectedRows = 0,
  ) {
    const rows = presizedRows(expectedRows);
    this.h1 = new Int32Array(rows);
    this.h2 = new Int32Array(rows);
    this.hx = new Int32Array(rows);
    this.next = new Int32Array(rows).fill(EMPTY);
    this.used = new Uint8Array(rows);
    // At most half the slots are used: twice the rows.
    this.slots = rows * 2;
    this.table = new Int32Array(this.slots * 2).fill(EMPTY);
  }

  /** Sets a row's value (empty or undefined: none). */
  set(row: number, value: string | undefined): void {
    if (value === "") value = undefined;
    if (this.used[row] && row < this.used.length) {
      if (value !== undefined && this.values.get(row) === value) return;
      if (value !== undefined && !this.values.has(row)) {
        const folded = value.toLowerCase();
        if (this.h1[row] === hashA(folded) && this.h2[row] === hashB(folded) && this.hx[row] === hashA(value)) return;
      }
      this.remove(row);
    }
    if (value === undefined) return;
    if (hashAscii(value)) {
      this.insert(row, HASHES[0], HASHES[1], HASHES[2], value);
      return;
    }
    const folded = value.toLowerCase();
    this.insert(row, hashA(folded), hashB(folded), hashA(value), value);
  }

  /**
   * Sets a row's key directly from a 64-bit hash it already has (a and b, 32 bits each), or clears it
   * (undefined): the duplicate-row index, where rows are hashed as they are read.
   */
  setHash(row: number, a: number | undefined, b = 0): void {
    if (row < this.used.length && this.used[row]) {
      if (a !== undefined && this.h1[row] === (a | 0) && this.h2[row] === (b | 0)) return;
      this.remove(row);
    }
    if (a !== undefined) this.insert(row, a | 0, b | 0, 0, undefined);
  }

  private insert(row: number, a: number, b: number, x: number, value: string | undefined): void {
    this.grow(row);
    this.h1[row] = a;
    this.h2[row] = b;
    this.hx[row] = x;
    this.used[row] = 1;
    const slot = this.find(a, b);
    const head = this.table[2 * slot];
    if (head === EMPTY) {
      this.table[2 * slot] = row;
      this.table[2 * slot + 1] = a;
      this.next[row] = EMPTY;
      if (this.keepValues && value !== undefined) this.values.set(row, value);
      if (++this.count * 2 > this.slots) this.rehash();
      return;
    }
    this.next[row] = head;
    this.table[2 * slot] = row;
    this.repeats.push(row);
    if (value === undefined) return;
    // A repeat: every member is named in the duplicate messages.
    this.values.set(row, value);
    for (let r = this.next[row]; r !== EMPTY; r = this.next[r]) if (!this.values.has(r)) this.values.set(r, value);
  }

  /** Whether the row has a value. */
  holds(row: number): boolean {
    return row < this.used.length && this.used[row] === 1;
  }

  /** The key of the row's current value, or undefined when it has none. */
  keyAt(row: number): IdKey | undefined {
    return row < this.used.length && this.used[row] ? keyText(this.h1[row], this.h2[row]) : undefined;
  }

  /** The key of a value (empty: undefined). */
  keyOf(value: string): IdKey | undefined {
    if (value === "") return undefined;
    const folded = value.toLowerCase();
    return keyText(hashA(folded), hashB(folded));
  }

  /** Rows holding a key, ascending. */
  rows(key: IdKey): number[] {
    const [a, b] = parseKey(key);
    return this.rowsOf(a, b);
  }

  has(key: IdKey): boolean {
    const [a, b] = parseKey(key);
    return this.hasPair(a, b);
  }

  /** The row's value as written, when kept; `fallback` otherwise. */
  value(row: number, fallback = ""): string {
    return this.values.get(row) ?? fallback;
  }

  /**
   * Calls `fn` once per key with the key's two halves, its head row and whether several rows hold it (as arguments,
   * not an object: a million keys allocate nothing).
   */
  forEachKey(fn: (a: number, b: number, head: number, repeated: boolean) => void): void {
    const t = this.table;
    for (let s = 0; s < t.length; s += 2) {
      const head = t[s];
      if (head !== EMPTY) fn(this.h1[head], this.h2[head], head, this.next[head] !== EMPTY);
    }
  }

  /** Calls `fn` once per key that several rows hold, with the key's two halves (in no particular order). */
  forEachRepeated(fn: (a: number, b: number) => void): void {
    const seen = new Set<IdKey>();
    const still: number[] = [];
    for (const r of this.repeats) {
      if (!this.used[r]) continue;
      const a = this.h1[r];
      const b = this.h2[r];
      const head = this.table[2 * this.find(a, b)];
      if (head === EMPTY || this.next[head] === EMPTY) continue;
      still.push(r);
      const key = keyText(a, b);
      if (seen.has(key)) continue;
      seen.add(key);
      fn(a, b);
    }
    this.repeats = still;
  }

  /** The key of a head given by {@link forEachKey}. */
  static key(a: number, b: number): IdKey {
    return keyText(a, b);
  }

  hasPair(a: number, b: number): boolean {
    return this.table[2 * this.find(a, b)] !== EMPTY;
  }

  rowsOf(a: number, b: number): number[] {
    const out: number[] = [];
    for (let r = this.table[2 * this.find(a, b)]; r !== EMPTY; r = this.next[r]) out.push(r);
    return out.sort((x, y) => x - y);
  }

  private find(a: number, b: number): number {
    const t = this.table;
    const mask = this.slots - 1;
    for (let s = a & mask; ; s = (s + 1) & mask) {
      const head = t[2 * s];
      if (head === EMPTY || (t[2 * s + 1] === a && this.h2[head] === b)) return s;
    }
  }

  private remove(row: number): void {
    this.used[row] = 0;
    this.values.delete(row);
    const slot = this.find(this.h1[row], this.h2[row]);
    const head = this.table[2 * slot];
    if (head === EMPTY) return;
    if (head === row) {
      if (this.next[row] !== EMPTY) this.table[2 * slot] = this.next[row];
      else this.deleteSlot(slot);
    } else {
      let prev = head;
      while (this.next[prev] !== EMPTY && this.next[prev] !== row) prev = this.next[prev];
      if (this.next[prev] === row) this.next[prev] = this.next[row];
    }
    this.next[row] = EMPTY;
  }

  /** Linear-probing deletion: shifts later entries of the probe run back so lookups still find them. */
  private deleteSlot(slot: number): void {
    const t = this.table;
    const mask = this.slots - 1;
    let hole = slot;
    for (let s = (slot + 1) & mask; t[2 * s] !== EMPTY; s = (s + 1) & mask) {
      const home = t[2 * s + 1] & mask;
      // Move the entry into the hole unless its home lies cyclically in (hole, s].
      const inRange = hole <= s ? home > hole && home <= s : home > hole || home <= s;
      if (!inRange) {
        t[2 * hole] = t[2 * s];
        t[2 * hole + 1] = t[2 * s + 1];
        hole = s;
      }
    }
    t[2 * hole] = EMPTY;
    this.count--;
  }

  private rehash(): void {
    const old = this.table;
    this.slots *= 2;
    this.table = new Int32Array(2 * this.slots).fill(EMPTY);
    for (let s = 0; s < old.length; s += 2) {
      const head = old[s];
      if (head === EMPTY) continue;
      const at = 2 * this.find(old[s + 1], this.h2[head]);
      this.table[at] = head;
      this.table[at + 1] = old[s + 1];
    }
  }

  private grow(row: number): void {
    if (row < this.used.length) return;
    let n = this.used.length;
    while (n <= row) n *= 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const w = make(n);
      w.set(a);
      return w;
    };
    this.h1 = widen(this.h1, (k) => new Int32Array(k));
    this.h2 = widen(this.h2, (k) => new Int32Array(k));
    this.hx = widen(this.hx, (k) => new Int32Array(k));
    this.next = widen(this.next, (k) => new Int32Array(k).fill(EMPTY));
    this.used = widen(this.used, (k) => new Uint8Array(k));
  }
}

/** The two hash halves of a key made by {@link IdIndex.key}. */
export function parseKey(key: IdKey): [number, number] {
  const i = key.indexOf(":");
  return [Number(key.slice(0, i)), Number(key.slice(i + 1))];
}
