/**
 * Workbook-shaped test input: sheets as the adapters hand them to the export (header row + row chunks with
 * number formats and formulas), each cell paired with the text the archive must hold for it.
 */
import type { CellValue, RowChunk } from "../../src/dwc/table";
import type { SheetRole } from "../../src/dwc/types";
import { termName } from "../../src/dwc/types";
import type { SheetSource } from "../../src/archive";

/** A cell and what the user means by it. A bare string or null stands for itself ("" for null). */
export type TestCell = string | null | { value: CellValue; format?: string; formula?: string; text: string };

export interface TestSheet {
  source: SheetSource;
  headers: string[];
  /** Expected text per header for each non-empty row, in order. */
  expected: Record<string, string>[];
  /** Number of chunk requests the source served. */
  chunksServed: () => number;
}

export const role = (
  rowTypeId: string,
  kind: "core" | "extension",
  datasetClass: "occurrence" | "checklist" | "event",
  idTerm: string
): SheetRole => ({ rowTypeId, kind, datasetClass, idTerm: termName(idTerm) });

/** Builds a sheet source whose rows arrive in chunks of `chunkSize`, asynchronously, like the Excel adapter. */
export function testSheet(name: string, sheetRole: SheetRole, headers: string[], rows: TestCell[][], chunkSize = 2): TestSheet {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const expected: Record<string, string>[] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const fx: (string | null)[] = [];
    const e: Record<string, string> = {};
    row.forEach((cell, c) => {
      if (cell === null || typeof cell === "string") {
        v.push(cell);
        f.push("General");
        fx.push(null);
        e[headers[c]] = cell ?? "";
      } else {
        v.push(cell.value);
        f.push(cell.format ?? "General");
        fx.push(cell.formula ?? null);
        e[headers[c]] = cell.text;
      }
    });
    values.push(v);
    formats.push(f);
    formulas.push(fx);
    if (row.some((cell) => cell !== null && cell !== "")) expected.push(e);
  }
  let served = 0;
  async function* chunks(): AsyncGenerator<RowChunk> {
    for (let start = 0; start < values.length; start += chunkSize) {
      served++;
      await Promise.resolve();
      yield {
        startRow: start + 2,
        values: values.slice(start, start + chunkSize),
        numberFormats: formats.slice(start, start + chunkSize),
        formulas: formulas.slice(start, start + chunkSize),
      };
    }
  }
  return {
    source: { name, role: sheetRole, headers, rows: chunks(), rowCount: rows.length + 1 },
    headers,
    expected,
    chunksServed: () => served,
  };
}
