/**
 * Fixes on the user's click: a fix's changes written where the cells still hold what the fix was proposed for,
 * verbatim columns added when missing, the changed rows validated again.
 */
import { getProperty, getTerm } from "../dwc";
import { mergeFixes } from "../validate";
import type { CellChange, Fix } from "../validate/types";
import { columnLetters } from "./address";
import { activeSession, enqueue, notify } from "./session";
import { isTextColumn } from "./style";
import { fullValidation, LIVE_BLOCK_ROWS, validateRows } from "./workbookValidation";

/** What {@link applyFix} did. */
export interface FixResult {
  applied: CellChange[];
  /** Changes not applied because the cell no longer holds `from` (edited since the fix was proposed). */
  outOfDate: CellChange[];
  /** Changes not applied because an earlier change of the same fix writes the same cell (`planFixes` conflicts). */
  conflicts: CellChange[];
  /** Columns added for verbatim copies, as `Sheet!X1`. */
  addedColumns: string[];
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * Applies a fix on the user's click (one issue's fix, or the changes `planFixes` merged for "Apply to all"):
 * writes each change's `to` where the cell still holds `from` (a row with a cell that no longer does is left
 * alone, all its changes out of date: a fix's cells go together). The plan comes from `mergeFixes` (src/validate), the
 * one implementation of fix planning: a change with column -1 goes to the column headed by its term, which is added
 * once per sheet at the end of the header row when missing (the verbatim copy of the original value); a second
 * change of the same cell is a conflict and is not written. Text terms are written into text-formatted cells so
 * that Excel does not turn an ISO date or an id into a number. The changed rows are then validated again.
 */
export async function applyFix(fix: Fix): Promise<FixResult> {
  return enqueue(() => applyFixNow(fix));
}

/** Rows to validate again after a fix, as blocks of nearby rows (one read each) instead of one read per row. */
function rowBlocks(rows: number[]): [first: number, count: number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r - (last[0] + last[1] - 1) <= 50 && r - last[0] < LIVE_BLOCK_ROWS) last[1] = r - last[0] + 1;
    else blocks.push([r, 1]);
  }
  return blocks;
}

async function applyFixNow(fix: Fix): Promise<FixResult> {
  const plan = mergeFixes([fix]);
  const result: FixResult = { applied: [], outOfDate: [], conflicts: plan.conflicts, addedColumns: [] };
  const bySheet = new Map<string, CellChange[]>();
  for (const c of plan.changes) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const touched: { id: string; rows: number[] }[] = [];
  await Excel.run(async (context) => {
    const reads = [...bySheet].map(([name, changes]) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load("id");
      const header = ws.getRange("1:1").getUsedRangeOrNullObject(true);
      header.load("values,columnIndex");
      const cells = changes.map((c) => {
        if (c.column < 0) return undefined;
        const cell = ws.getCell(c.row - 1, c.column);
        cell.load("values");
        return cell;
      });
      return { name, ws, header, changes, cells };
    });
    await context.sync();
    // Where each planned new column goes: an existing column of that header (its cells must still be empty, as the
    // plan assumed), or a new one at the end of the header row.
    const columnOf = new Map<string, number>();
    const existing: { change: CellChange; index: number; cell: Excel.Range }[] = [];
    for (const r of reads) {
      const headers: string[] = r.header.isNullObject ? [] : [...new Array<string>(r.header.columnIndex).fill(""), ...r.header.values[0].map(cellText)];
      for (const { sheet, term } of plan.newColumns) {
        if (sheet !== r.name) continue;
        let column = headers.indexOf(term);
        if (column < 0) {
          column = headers.length;
          headers.push(term);
          const h = r.ws.getCell(0, column);
          h.numberFormat = [["@"]];
          h.values = [[term]];
          activeSession().ownWrites.push(`${r.ws.id}|${columnLetters(column)}1`);
          result.addedColumns.push(`${r.name}!${columnLetters(column)}1`);
        } else {
          r.changes.forEach((change, index) => {
            if (change.column >= 0 || change.term !== term) return;
            const cell = r.ws.getCell(change.row - 1, column);
            cell.load("values");
            existing.push({ change, index, cell });
          });
        }
        columnOf.set(`${r.name}\u0000${term}`, column);
      }
    }
    if (existing.length > 0) {
      await context.sync();
      for (const e of existing) {
        const r = reads.find((x) => x.changes[e.index] === e.change);
        if (r) r.cells[e.index] = e.cell;
      }
    }
    for (const { name, ws, changes, cells } of reads) {
      const rows: number[] = [];
      const known = activeSession().state?.sheets;
      const role = known ? [...known.values()].find((s) => s.name === name)?.role : undefined;
      // A row's changes go together: a date is not rewritten when its original can no longer be kept beside it.
      const staleRows = new Set(changes.filter((c, i) => cells[i] && cellText(cells[i]?.values[0][0]) !== c.from).map((c) => c.row));
      changes.forEach((change) => {
        if (staleRows.has(change.row)) {
          result.outOfDate.push(change);
          return;
        }
        const column = change.column >= 0 ? change.column : (columnOf.get(`${name}\u0000${change.term}`) as number);
        const target = ws.getCell(change.row - 1, column);
        const type = (role ? getProperty(role.rowTypeId, change.term)?.type : undefined) ?? (getTerm(change.term) ? "string" : undefined);
        if (type && isTextColumn({ type })) target.numberFormat = [["@"]];
        target.values = [[change.to]];
        activeSession().ownWrites.push(`${ws.id}|${columnLetters(column)}${change.row}`);
        result.applied.push({ ...change, column });
        rows.push(change.row);
      });
      touched.push({ id: ws.id, rows });
    }
    await context.sync();
  });
  // The add-in's own writes are ignored by the handler; validate the changed rows here instead.
  const st = activeSession().state;
  if (st) {
    if (result.addedColumns.length > 0) await fullValidation(undefined, undefined, { lang: st.lang });
    else {
      for (const { id, rows } of touched) {
        const sheet = st.sheets.get(id);
        if (!sheet) continue;
        for (const [first, count] of rowBlocks(rows)) await validateRows(st, sheet, first, count, Math.max(1, sheet.width));
      }
      notify("edit");
    }
  }
  return result;
}
