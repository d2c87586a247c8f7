/**
 * Column tallies: valid data that an info rule reports once per column instead of once per cell (a million date
 * serials in date-formatted cells make one issue, not a million). Each column keeps one byte per row, so a live
 * edit of some rows updates the count, the first cell and the range exactly.
 */
import type { Text2 } from "../dwc/types";
import { columnLetter, makeIssue } from "./issue";
import type { Issue } from "./types";

/** The cells of one column that one rule reports together. */
export interface ColumnTally {
  readonly ruleId: string;
  readonly column: number;
  readonly term: string;
  /** 1 at the rows holding such a cell (grown on demand; empty until the first). */
  marks: Uint8Array;
  count: number;
  /** A row holding such a cell, quoted as the example (the lowest seen; 0 when unknown after an edit). */
  sampleRow: number;
  /** The exported text of the example cell. */
  sample: string;
}

/** First and last row of a tally's cells; 0 and 0 when it has none. */
export interface TallySpan {
  first: number;
  last: number;
}

/** What a rule says about a tally's cells. */
export interface TallyFacts {
  term: string;
  count: number;
  /** `E2:E1000001`, or `E2` for one cell. */
  range: string;
  /** The example cell (`E2`) and its text; undefined when no example is known. */
  example?: { cell: string; text: string };
}

const EMPTY = new Uint8Array(0);

/** An empty tally for `column`. */
export function createTally(ruleId: string, column: number, term: string): ColumnTally {
  return { ruleId, column, term, marks: EMPTY, count: 0, sampleRow: 0, sample: "" };
}

/**
 * Counts `row`. Returns true when the row becomes the example: the caller then sets `sample` (converting the cell
 * to text only for the example, not for every cell counted).
 */
export function markRow(t: ColumnTally, row: number): boolean {
  let marks = t.marks;
  if (row >= marks.length) {
    const grown = new Uint8Array(Math.max(row + 1, marks.length * 2, 1024));
    grown.set(marks);
    t.marks = marks = grown;
  }
  if (marks[row] === 0) {
    marks[row] = 1;
    t.count++;
  }
  if (t.sampleRow === 0 || row < t.sampleRow) {
    t.sampleRow = row;
    return true;
  }
  return row === t.sampleRow;
}

/** Forgets `row` before it is checked again (a live edit). */
export function unmarkRow(t: ColumnTally, row: number): void {
  if (row < t.marks.length && t.marks[row] === 1) {
    t.marks[row] = 0;
    t.count--;
    if (t.sampleRow === row) {
      t.sampleRow = 0;
      t.sample = "";
    }
  }
}

/** First and last counted row. */
export function tallySpan(t: ColumnTally): TallySpan {
  if (t.count === 0) return { first: 0, last: 0 };
  const m = t.marks;
  let first = 0;
  while (m[first] === 0) first++;
  let last = m.length - 1;
  while (m[last] === 0) last--;
  return { first, last };
}

/**
 * The tally's one issue, at its first cell with `count` set, or undefined when it counts no cell.
 * `describe` words the message from the facts (count, range, example).
 */
export function tallyIssue(t: ColumnTally, sheet: string, describe: (facts: TallyFacts) => Text2): Issue | undefined {
  if (t.count === 0) return undefined;
  const { first, last } = tallySpan(t);
  const letter = columnLetter(t.column);
  const range = first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`;
  const example = t.sampleRow ? { cell: `${letter}${t.sampleRow}`, text: t.sample } : undefined;
  const issue = makeIssue(t.ruleId, sheet, first, t.column, t.term, example?.text, describe({ term: t.term, count: t.count, range, example }));
  issue.count = t.count;
  return issue;
}

/** A count with thousands grouped: `1,000,000` (en) or `1 000 000` with no-break spaces (ru). */
export function groupedCount(n: number, lang: "en" | "ru"): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : "\u00a0");
}

/** "1 cell", "2 cells" / "1 ячейка", "3 ячейки", "5 ячеек", with the count grouped. */
export function cellsText(n: number): Text2 {
  const m10 = n % 10;
  const m100 = n % 100;
  const ru = m10 === 1 && m100 !== 11 ? "ячейка" : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? "ячейки" : "ячеек";
  return { en: `${groupedCount(n, "en")} ${n === 1 ? "cell" : "cells"}`, ru: `${groupedCount(n, "ru")} ${ru}` };
}
