import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RowChunk } from "../../src/dwc/table";
import type { TableSource } from "../../src/file";

/** A fresh temporary folder for one test file's outputs. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dwc-excel-${prefix}-`));
}

/** Every data row of a sheet, gathered from its chunks, with formats and formulas side by side. */
export async function readAll(source: TableSource, sheet: string, chunkRows?: number) {
  const chunks: RowChunk[] = [];
  for await (const c of source.readRows(sheet, chunkRows)) chunks.push(c);
  return {
    chunks,
    values: chunks.flatMap((c) => c.values),
    numberFormats: chunks.flatMap((c) => c.numberFormats ?? []),
    formulas: chunks.flatMap((c) => c.formulas ?? []),
  };
}
