/**
 * Reading a row: {@link checkRow} scans each cell once (text hash, recent-text cache), runs the cell rules
 * (cells.ts) on what it has not seen, then the record rules (record-rules.ts) and the BDQ tests; and the column
 * tallies (one issue per column for valid-but-notable cells). The plan it reads is compiled by plan.ts.
 */
import type { CellValue } from "../dwc/table";
import { runBdq } from "./bdqRules";
import { RULE } from "./rules";
import { cellsText, tallyIssue, unmarkRow, type ColumnTally, type TallyFacts } from "./tally";
import { SCAN_HASH, scanText } from "./text";
import type { Issue } from "./types";
import { checkText, dateNumber, formulaCheck, idNumber, numericRanges, vocabularyCheck } from "./cells";
import { CACHE_WAYS, F64, I32, K_DATE, K_ID, K_NUM, NUMBER_TEXT, type SheetPlan, isDateFormatCached, textOf, txt } from "./plan";
import { recordRules } from "./record-rules";


/**
 * Runs the cell and record rules on one row and appends issues to `out`. Fills `plan.texts` with the row's
 * text values (what export writes) for the caller's id sets and duplicate hashes.
 * Returns false when the row is entirely empty (not a record: nothing checked).
 */
export function checkRow(
  plan: SheetPlan,
  row: number,
  values: readonly CellValue[],
  formats: readonly (string | null)[] | undefined,
  formulas: readonly (string | null)[] | undefined,
  out: Issue[],
): boolean {
  const { columns, texts, nums, lastText, lastFlags, lastH1, lastH2, lastClean, cellH1, cellH2, cellEmpty } = plan;
  const { hasData, misses, lastHit, lastNext, lastNum } = plan;
  const dateColumn = plan.at.eventDate;
  const n = columns.length;
  plan.rowFormats = formats;
  /** This row's issues start here. */
  const first = out.length;
  let any = false;
  let h1 = 0x2545f491 | 0;
  let h2 = 0x6b43a9b5 | 0;
  // A row checked again (a live edit) is counted afresh.
  for (const t of plan.tallyList) if (t.count !== 0) unmarkRow(t, row);
  for (let c = 0; c < n; c++) {
    const col = columns[c];
    const v = c < values.length ? values[c] : null;
    if (v === null || v === undefined || v === "") {
      nums[c] = NaN;
      texts[c] = "";
      cellEmpty[c] = 1;
      cellH1[c] = 0x1f;
      cellH2[c] = 0x1f;
      h1 = Math.imul(h1 ^ 0x1f, 16777619);
      h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
      continue;
    }
    any = true;
    hasData[c] = 1;
    cellEmpty[c] = 0;
    const kinds = col.kinds;
    if (typeof v === "string") {
      texts[c] = v;
      let flags: number;
      const base = c * CACHE_WAYS;
      // The slot hit last first; the others unless the column has stopped repeating (ids, notes), then only now
      // and then, so a column of unique values pays one comparison per cell.
      let slot = base + lastHit[c];
      if (lastText[slot] !== v) {
        const missed = misses[c];
        slot = base + CACHE_WAYS;
        if (missed < 16 || (missed & 31) === 0) {
          for (let k = base; k < base + CACHE_WAYS; k++) {
            if (lastText[k] === v) {
              slot = k;
              break;
            }
          }
        }
      }
      if (slot < base + CACHE_WAYS) {
        misses[c] = 0;
        lastHit[c] = slot - base;
        h1 = Math.imul(h1 ^ (cellH1[c] = lastH1[slot]), 16777619);
        h2 = Math.imul(h2 ^ (cellH2[c] = lastH2[slot]), 0x5bd1e995);
        h2 ^= h2 >>> 15;
        if (lastClean[slot] === 1) {
          // A recent value of the column that passed: same verdict, same parsed number and date. (Excel errors
          // are never clean.) The common case, kept in this loop; the rest is checkText's.
          nums[c] = lastNum[slot];
          if (c === dateColumn) plan.parsedDate = plan.lastDate[slot];
          if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
          continue;
        }
        flags = lastFlags[slot];
      } else {
        flags = scanText(v);
        if (misses[c] < 0x3fffffff) misses[c]++;
        const next = lastNext[c];
        lastHit[c] = next;
        slot = base + next;
        lastNext[c] = (next + 1) & (CACHE_WAYS - 1);
        lastClean[slot] = 0;
        lastText[slot] = v;
        lastFlags[slot] = flags;
        lastH1[slot] = cellH1[c] = SCAN_HASH[0];
        lastH2[slot] = cellH2[c] = SCAN_HASH[1];
        h1 = Math.imul(h1 ^ SCAN_HASH[0], 16777619);
        h2 = Math.imul(h2 ^ SCAN_HASH[1], 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      checkText(plan, row, col, v, slot, flags, formulas, out);
      continue;
    } else if (typeof v === "number") {
      F64[0] = v;
      const lo = I32[0];
      const hi = I32[1];
      h1 = Math.imul(h1 ^ lo, 16777619);
      h2 = Math.imul(h2 ^ hi, 0x5bd1e995);
      // Whole numbers have all-zero low bits: the high word is mixed in, keeping the pair one-to-one with the number.
      cellH1[c] = lo ^ Math.imul(hi, 0x85ebca6b);
      cellH2[c] = hi;
      h2 ^= h2 >>> 15;
      if (kinds & K_DATE) {
        nums[c] = NaN;
        dateNumber(plan, row, col, v, formats ? formats[c] : undefined, out);
        // The text depends on the cell's format too: the BDQ memo keys it by the text.
        scanText(texts[c]);
        cellH1[c] = SCAN_HASH[0];
        cellH2[c] = SCAN_HASH[1];
      } else {
        texts[c] = NUMBER_TEXT;
        nums[c] = v;
        // A date format turns the number into a date text (see textOf): the BDQ memo must tell the two apart.
        if (formats) {
          const f = formats[c];
          if (f && f !== "General" && isDateFormatCached(plan, f)) cellH2[c] ^= 0x2f1e3d4c;
        }
        if (kinds & K_ID) idNumber(plan, row, col, v, out);
        else if (kinds & K_NUM) numericRanges(plan, row, col, v, undefined, out);
        if (col.vocabulary) vocabularyCheck(plan, row, col, textOf(plan, c), out);
      }
    } else {
      nums[c] = NaN;
      texts[c] = plan.convert(v, formats ? formats[c] : null);
      if (texts[c].length === 0) cellEmpty[c] = 1;
      scanText(texts[c]);
      h1 = Math.imul(h1 ^ (cellH1[c] = SCAN_HASH[0]), 16777619);
      h2 = Math.imul(h2 ^ (cellH2[c] = SCAN_HASH[1]), 0x5bd1e995);
      if (col.vocabulary) vocabularyCheck(plan, row, col, texts[c], out);
    }
    if (formulas) formulaCheck(plan, row, col, formulas[c], textOf(plan, c), out);
  }
  if (!any) return false;
  // 30 bits: a small integer (Smi) in V8, the cheapest Map key; the second part tells apart rows whose first collides.
  plan.rowHash = h1 & 0x3fffffff;
  plan.rowHash2 = h2;
  recordRules(plan, row, out);
  if (plan.bdq) {
    // The columns this row's engine issues are about, and those their fixes change, marked with a new number per
    // row checked (nothing to clear; the number is not the row, which a live edit checks again).
    const cells = plan.cells;
    const mark = (cells.mark = (cells.mark + 1) | 0);
    const { flaggedAt, fixedAt } = cells;
    for (let k = first; k < out.length; k++) {
      const issue = out[k];
      if (issue.column >= 0 && issue.column < n) flaggedAt[issue.column] = mark;
      const f = issue.fix;
      if (f) for (const ch of f.changes) if (ch.column >= 0 && ch.column < n) fixedAt[ch.column] = mark;
    }
    runBdq(plan.bdq, row, cells, out.length !== first, out);
  }
  return true;
}

/** The message of a column's date serials in date-formatted cells (exported as ISO 8601 dates). */
export function serialDatesText(f: TallyFacts): { en: string; ru: string } {
  const cells = cellsText(f.count);
  const eg = f.example;
  return txt(
    `${f.term}: Excel dates in date-formatted cells (${cells.en} in ${f.range}); exported as ISO 8601${eg ? `, e.g. ${eg.cell} as ${eg.text}` : ""}`,
    `${f.term}: даты Excel в ячейках с форматом даты (${cells.ru} в ${f.range}); экспортируются в ISO 8601${eg ? `, например ${eg.cell} как ${eg.text}` : ""}`,
  );
}

/** The message of a column's identifiers stored as numbers (exported as shown; leading zeros would be lost). */
export function numericIdsText(f: TallyFacts): { en: string; ru: string } {
  const cells = cellsText(f.count);
  const eg = f.example;
  return txt(
    `${f.term}: identifiers stored as numbers (${cells.en} in ${f.range}${eg ? `, e.g. ${eg.cell} ${eg.text}` : ""}): leading zeros${eg ? ` (000${eg.text})` : ""} would be lost; format the column as Text`,
    `${f.term}: идентификаторы хранятся как числа (${cells.ru} в ${f.range}${eg ? `, например ${eg.cell} ${eg.text}` : ""}): ведущие нули${eg ? ` (000${eg.text})` : ""} теряются; задайте столбцу формат «Текстовый»`,
  );
}

/** The one issue of a tally (undefined when it counts no cell). */
export function columnTallyIssue(plan: SheetPlan, t: ColumnTally): Issue | undefined {
  return tallyIssue(t, plan.name, t.ruleId === RULE.excelSerialDate ? serialDatesText : numericIdsText);
}

/**
 * One info issue per column for valid cells worth knowing about, at the column's first such cell with the count:
 * date serials in date-formatted cells (exported as ISO 8601) and identifiers stored as numbers. Reported per
 * column, not per cell, so a million-row sheet does not make a million issues.
 */
export function columnTallyIssues(plan: SheetPlan): Issue[] {
  const out: Issue[] = [];
  for (const t of plan.tallyList) {
    const issue = columnTallyIssue(plan, t);
    if (issue) out.push(issue);
  }
  return out;
}

