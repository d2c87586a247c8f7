/**
 * Reading a few columns of a sheet in chunks (the map and the charts need a dozen of a sheet's columns, not its
 * every cell), and selecting rows. Each chunk is one request: one range per column, values and number formats,
 * its size kept under {@link TARGET_REQUEST_BYTES} by the bytes the previous chunk really took.
 */
import type { CellValue, RowChunk } from "../dwc/table";
import { ExcelAdapterError, throwIfAborted } from "./errors";
import type { ChunkOptions, SheetExtent } from "./read";
import { approxBytes, DEFAULT_CHUNK_ROWS, TARGET_REQUEST_BYTES } from "./read";

/** Reads rows start..start+n-1 of `columns` in one request. */
async function readColumnBlock(sheetId: string, start: number, n: number, columns: readonly number[]): Promise<{ chunk: RowChunk; bytes: number }> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetId);
    const ranges = columns.map((c) => {
      const r = sheet.getRangeByIndexes(start - 1, c, n, 1);
      r.load("values,numberFormat");
      return r;
    });
    await context.sync();
    const values: CellValue[][] = Array.from({ length: n }, () => new Array<CellValue>(columns.length));
    const numberFormats: (string | null)[][] = Array.from({ length: n }, () => new Array<string | null>(columns.length));
    let bytes = 0;
    ranges.forEach((r, j) => {
      const v = r.values as CellValue[][];
      const f = r.numberFormat as (string | null)[][];
      bytes += approxBytes(v) + approxBytes(f);
      for (let i = 0; i < n; i++) {
        const cell = v[i][0];
        values[i][j] = cell === "" ? null : cell;
        numberFormats[i][j] = f[i][0];
      }
    });
    return { chunk: { startRow: start, values, numberFormats }, bytes };
  });
}

/**
 * The data rows of `columns` (0-based indexes) of a sheet of known extent, as chunks whose `values[r][j]` is the
 * cell of column `columns[j]`. Nothing is read when `columns` is empty.
 *
 * @example for await (const c of columnChunks(extent, [3, 7], { signal })) use(c.values)
 */
export async function* columnChunks(
  extent: Pick<SheetExtent, "id" | "name" | "rowCount">,
  columns: readonly number[],
  options: ChunkOptions = {}
): AsyncGenerator<RowChunk> {
  if (columns.length === 0) return;
  const maxRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  let rows = Math.min(maxRows, 1000);
  let row = options.fromRow ?? 2;
  while (row <= extent.rowCount) {
    throwIfAborted(options.signal, extent.name);
    const n = Math.min(rows, extent.rowCount - row + 1);
    const start = row;
    const chunk = await readColumnBlock(extent.id, start, n, columns);
    options.onRequest?.(chunk.bytes, n);
    yield chunk.chunk;
    row += n;
    const perRow = Math.max(1, chunk.bytes / n);
    rows = Math.max(1, Math.min(maxRows, Math.floor((options.targetBytes ?? TARGET_REQUEST_BYTES) / perRow)));
  }
}

/** Row numbers as blocks of consecutive rows, [first, last], in order. */
export function rowBlocksOf(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Longest address list handed to `getRanges` (Excel limits the address text). */
const MAX_ADDRESS = 2000;

/**
 * Selects whole rows of a sheet (1-based) and activates it: one block with `getRange`, several with `getRanges`
 * (as many blocks as fit in one address list). Resolves to the number of rows selected.
 *
 * @throws ExcelAdapterError SHEET_NOT_FOUND
 */
export async function selectRows(sheetName: string, rows: readonly number[]): Promise<number> {
  const blocks = rowBlocksOf(rows.filter((r) => r >= 1));
  if (blocks.length === 0) return 0;
  const parts: string[] = [];
  let length = 0;
  let selected = 0;
  for (const [a, b] of blocks) {
    const part = `${a}:${b}`;
    if (parts.length > 0 && length + part.length + 1 > MAX_ADDRESS) break;
    parts.push(part);
    length += part.length + 1;
    selected += b - a + 1;
  }
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (ws.isNullObject) throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no sheet named "${sheetName}"`, { sheet: sheetName });
    ws.activate();
    if (parts.length === 1) ws.getRange(parts[0]).select();
    else ws.getRanges(parts.join(",")).select();
    await context.sync();
  });
  return selected;
}
