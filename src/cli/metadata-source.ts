import * as fs from "fs";
import { cellToText } from "../dwc";
import type { CellValue } from "../dwc/table";
import type { DatasetClass } from "../dwc/types";
import type { TableSource } from "../file";
import {
  addChunkToCoverage,
  datasetTypeFor,
  deriveCoverage,
  mergeCoverage,
  metadataFromSheetRows,
  newCoverageStats,
  parseMetadataJson,
  type DatasetMetadata,
  type MetadataProblem,
} from "../metadata";
import { EncodingSniffer, FileError } from "../file";
import type { Dataset } from "./dataset";

/** The dataset's metadata and where it came from, with the problems found reading it. */
export interface MetadataRead {
  meta: DatasetMetadata | undefined;
  /** `--metadata` path, the Metadata sheet's name, or undefined when there is none. */
  from: string | undefined;
  problems: MetadataProblem[];
  /** Metadata sheet rows (1-based) by the key in column A, to point problems at the cell to fill (B). */
  keyRows: Map<string, number>;
}

/**
 * The text of a metadata JSON file, which must be UTF-8 (JSON's encoding, RFC 8259): a file in another encoding
 * (a Windows-1251 one from Notepad) would put garbled names into eml.xml, so it is refused naming the line.
 * @throws FileError naming the file, line and byte offset of the first byte that is not UTF-8.
 */
export function metadataText(jsonPath: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const sniffer = new EncodingSniffer();
    sniffer.push(bytes);
    const bad = sniffer.firstInvalid() ?? { offset: 0, line: 1, byte: bytes[0] };
    const { offset, line } = bad;
    throw new FileError(
      "FILE_MALFORMED",
      jsonPath,
      `the metadata file is not UTF-8 (line ${line}, byte offset ${offset}: byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, "0")}); save it as UTF-8 (JSON files must be UTF-8)`
    );
  }
}

/**
 * Reads the metadata: `--metadata META.json` when given (it wins), else the workbook's Metadata sheet. A missing or
 * unreadable JSON file is unusable input ({@link FileError}); problems in its content are returned.
 */
export async function readMetadata(
  source: TableSource,
  dataset: Dataset,
  jsonPath: string | undefined
): Promise<MetadataRead> {
  if (jsonPath !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(jsonPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new FileError(
        code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE",
        jsonPath,
        code === "ENOENT" ? "metadata file not found" : `cannot read the metadata file (${code})`
      );
    }
    const { meta, problems } = parseMetadataJson(metadataText(jsonPath, bytes).replace(/^\uFEFF/, ""));
    return { meta, from: jsonPath, problems, keyRows: new Map() };
  }
  const sheet = dataset.metadataSheet;
  if (!sheet) return { meta: undefined, from: undefined, problems: [], keyRows: new Map() };
  // The Metadata sheet's row 1 is `key | value | help`; the reader wants every row, header included.
  const rows: CellValue[][] = [sheet.headers];
  for await (const chunk of source.readRows(sheet.name)) rows.push(...chunk.values);
  const { meta, problems } = metadataFromSheetRows(rows, { date1904: source.facts.date1904 });
  const keyRows = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = typeof r[0] === "string" ? r[0].trim() : "";
    if (key && !keyRows.has(key)) keyRows.set(key, i + 1);
  });
  return { meta, from: sheet.name, problems, keyRows };
}

/**
 * Fills what the data decide: the dataset type from the core's class, and the coverage parts not edited by the
 * user (bounding box, date range, taxa) from every dataset sheet.
 */
export async function completeMetadata(
  meta: DatasetMetadata,
  source: TableSource,
  dataset: Dataset,
  datasetClass: DatasetClass
): Promise<DatasetMetadata> {
  const stats = newCoverageStats();
  const cellText = (v: CellValue, f: string | null | undefined) => cellToText(v, f, source.facts);
  for (const sheet of dataset.sheets) {
    if (!sheet.role) continue;
    for await (const chunk of source.readRows(sheet.info.name)) {
      addChunkToCoverage(stats, sheet.info.headers, chunk, { date1904: source.facts.date1904, cellText });
    }
  }
  const lang = meta.metadataLanguage === "rus" ? "ru" : "en";
  return {
    ...meta,
    datasetType: datasetTypeFor(datasetClass),
    coverage: mergeCoverage(meta.coverage, deriveCoverage(stats, lang)),
  };
}
