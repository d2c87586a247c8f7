/**
 * Applying fixes in bulk ("fix all matching cells"): many issues' fixes merged into one plan of cell changes,
 * with each verbatim column to be added listed once per sheet.
 */
import type { CellChange, Fix, Issue } from "./types";

/** What an adapter writes to apply several fixes at once. */
export interface FixPlan {
  /** Columns to add (header = term) before writing, once per sheet and term, in first-seen order. */
  newColumns: { sheet: string; term: string }[];
  /**
   * Cell changes. A change with `column: -1` targets the new column of its `term` in its sheet. When two fixes
   * change the same cell, the first one wins and the other is listed in `conflicts`.
   */
  changes: CellChange[];
  conflicts: CellChange[];
}

/**
 * Merges the fixes of `issues` (optionally only those of one rule) into a {@link FixPlan}.
 *
 * @example planFixes(issues, "day-first-date") // every day-first date to ISO, originals into verbatimEventDate
 */
export function planFixes(issues: readonly Issue[], ruleId?: string): FixPlan {
  const fixes: Fix[] = [];
  for (const i of issues) if (i.fix && (ruleId === undefined || i.ruleId === ruleId)) fixes.push(i.fix);
  return mergeFixes(fixes);
}

/** Merges fixes; see {@link planFixes}. */
export function mergeFixes(fixes: readonly Fix[]): FixPlan {
  const newColumns: FixPlan["newColumns"] = [];
  const seenColumns = new Set<string>();
  const seenCells = new Set<string>();
  const changes: CellChange[] = [];
  const conflicts: CellChange[] = [];
  for (const fix of fixes) {
    for (const ch of fix.changes) {
      if (ch.column < 0) {
        const key = `${ch.sheet}\u0000${ch.term}`;
        if (!seenColumns.has(key)) {
          seenColumns.add(key);
          newColumns.push({ sheet: ch.sheet, term: ch.term });
        }
      }
      const cell = `${ch.sheet}\u0000${ch.row}\u0000${ch.column < 0 ? ch.term : ch.column}`;
      if (seenCells.has(cell)) {
        conflicts.push(ch);
        continue;
      }
      seenCells.add(cell);
      changes.push(ch);
    }
  }
  return { newColumns, changes, conflicts };
}
