/**
 * Reading an archive for the pane's import: the zip read whole (`readArchive`), its sheets named and mapped by
 * `sheetLayouts` (the same layouts as the CLI's `dwc-excel import`), their roles, and eml.xml read into the
 * metadata model. Runs inside the import worker, or in the pane's thread where workers do not exist (tests).
 */
import { readArchive } from "../../archive/reader";
import { sheetRoles } from "../../archive/sheet-roles";
import { sheetLayouts, type SheetLayout } from "../../archive/sheets";
import { importedMetadata } from "../../metadata/imported";
import type { ImportHead } from "./protocol";

/** Rows per block handed to the pane (the Excel adapter regroups them by bytes for its requests). */
export const BLOCK_ROWS = 2000;

/** An archive read for import: its head, and each sheet's rows block by block. */
export interface ArchiveForImport {
  head: ImportHead;
  /** The next block of sheet `sheet` (mapped to the sheet's columns), or undefined after its last one. */
  next(sheet: number): string[][] | undefined;
}

/**
 * Reads the archive.
 *
 * @throws ArchiveError (not a zip, no meta.xml and no single data file, a missing data file…)
 * @example openForImport(zipBytes).head.sheets.map((s) => s.name) // ["Occurrence", "Multimedia"]
 */
export function openForImport(bytes: Uint8Array, blockRows = BLOCK_ROWS): ArchiveForImport {
  const archive = readArchive(bytes);
  const files = [archive.core, ...archive.extensions];
  const layouts: SheetLayout[] = sheetLayouts(
    archive.descriptor,
    files.map((f) => ({ headerLines: f.headerLines, width: f.rows.reduce((w, r) => Math.max(w, r.length), 0) }))
  );
  const roles = sheetRoles(layouts);
  const core = layouts[0];
  const metadata = importedMetadata(archive.metadata?.text, archive.metadata?.location, core?.rowTypeId);
  const head: ImportHead = {
    sheets: layouts.map((l, i) => {
      const role = roles[i];
      return {
        name: l.name,
        kind: l.kind,
        rowType: l.rowType,
        ...(l.rowTypeId ? { rowTypeId: l.rowTypeId } : {}),
        location: l.location,
        headers: l.headers,
        notes: l.notes,
        remarks: l.remarks,
        records: files[i].rows.length,
        ...(role ? { role } : {}),
      };
    }),
    metadata: metadata.meta,
    metadataRead: metadata.read,
    notes: [...archive.notes, ...metadata.notes],
  };
  const cursors = files.map(() => 0);
  return {
    head,
    next(sheet) {
      const rows = files[sheet].rows;
      const from = cursors[sheet];
      if (from >= rows.length) return undefined;
      const to = Math.min(rows.length, from + blockRows);
      cursors[sheet] = to;
      const block = new Array<string[]>(to - from);
      for (let r = from; r < to; r++) block[r - from] = layouts[sheet].row(rows[r]);
      // The raw rows are not needed again: let them go as the import proceeds.
      rows.fill([], from, to);
      return block;
    },
  };
}
