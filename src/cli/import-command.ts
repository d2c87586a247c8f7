import * as fs from "fs";
import * as path from "path";
import { ArchiveError } from "../archive/errors";
import { rowTypes } from "../dwc/rowTypes";
import type { Lang } from "../dwc/types";
import { FileError } from "../file";
import { openArchiveSource, readArchiveHead, writeArchiveWorkbook } from "../file/archive-workbook";
import {
  METADATA_SHEET_NAME,
  checkMetadata,
  importedMetadata,
  metadataToSheetRows,
  type DatasetMetadata,
} from "../metadata";
import { choice, textOption, type ParsedArgs } from "./args";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";

const LANGS: readonly Lang[] = ["en", "ru"];

/** Options of `dwc-excel import`. */
export const IMPORT_OPTIONS = {
  values: ["lang", "output"],
  flags: [],
  aliases: { o: "output" },
};

/** Lines for `dwc-excel --help` (src/cli/usage.ts). */
export const IMPORT_USAGE = "dwc-excel import ARCHIVE.zip|FOLDER [--lang en|ru] [-o WORKBOOK.xlsx]";

/** `occurrence-dwca.zip` -> `occurrence-dwca.xlsx`; a folder `dwca/` -> `dwca.xlsx`. */
export function defaultWorkbookName(archive: string): string {
  const clean = archive.replace(/[\\/]+$/, "");
  return /\.zip$/i.test(clean) ? clean.replace(/\.zip$/i, ".xlsx") : `${clean}.xlsx`;
}

/**
 * `dwc-excel import ARCHIVE.zip|FOLDER [--lang en|ru] [-o WORKBOOK.xlsx]`: a published Darwin Core Archive as a
 * workbook: one sheet per data file (every value as text), and the Metadata sheet filled from eml.xml with its
 * packageId, so that `dwc-excel export` of the workbook publishes a new version of the same dataset. Never
 * overwrites: an existing output is refused (exit 2).
 */
export async function importCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [archive, ...extra] = args.positionals;
  if (!archive) throw new UsageError("import: name the archive: dwc-excel import ARCHIVE.zip [-o WORKBOOK.xlsx]");
  if (extra.length > 0) throw new UsageError(`import: unexpected argument "${extra[0]}"`);
  const lang = choice(args.options, "lang", LANGS, "en");
  const ru = lang === "ru";
  const output = textOption(args.options, "output") ?? defaultWorkbookName(archive);
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`import: the output must be an .xlsx file (got ${output})`);
  if (fs.existsSync(output)) {
    io.err(
      ru
        ? `dwc-excel import: ${output}: файл уже существует и не будет перезаписан; укажите другой -o или удалите его.\n`
        : `dwc-excel import: ${output}: the file exists and is not overwritten; give another -o or remove it.\n`
    );
    return EXIT.unusable;
  }
  const notes: string[] = [];
  let written;
  let meta: DatasetMetadata;
  try {
    const head = readArchiveHead(openArchiveSource(archive));
    const coreId = rowTypes.find((r) => r.rowType === head.descriptor.core.rowType)?.id;
    const imported = importedMetadata(head.metadata?.text, head.metadata?.location, coreId);
    meta = imported.meta;
    notes.push(...imported.notes);
    written = await writeArchiveWorkbook(head, output, {
      metadataRows: metadataToSheetRows(meta, lang),
      metadataSheetName: METADATA_SHEET_NAME,
      lang,
    });
  } catch (e) {
    if (e instanceof ArchiveError || e instanceof FileError) {
      const message = e instanceof FileError ? e.message : `${archive}: ${e.message}`;
      io.err(`dwc-excel import: ${message}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
  const lines = [ru ? `Книга записана: ${path.resolve(output)}` : `Wrote ${path.resolve(output)}`];
  for (const s of written.sheets) {
    lines.push(
      ru
        ? `  ${s.name} ← ${s.location}: записей ${s.records}, столбцов ${s.columns}`
        : `  ${s.name} <- ${s.location}: ${s.records} records, ${s.columns} columns`
    );
    for (const n of s.notes) lines.push(`    ${n}`);
  }
  lines.push(
    ru
      ? `  ${METADATA_SHEET_NAME} ← eml.xml: packageId ${meta.packageId || "(нет)"}, сохранённых элементов eml.xml ${meta.keep?.length ?? 0}`
      : `  ${METADATA_SHEET_NAME} <- eml.xml: packageId ${meta.packageId || "(none)"}, ${meta.keep?.length ?? 0} eml.xml elements kept as written`
  );
  const all = [...written.notes, ...notes];
  if (all.length > 0) {
    lines.push(ru ? "Замечания:" : "Notes:");
    for (const n of all) lines.push(`  ${n}`);
  }
  const blocking = checkMetadata(meta).filter((p) => p.severity === "error" && p.field !== "datasetType");
  if (blocking.length > 0) {
    lines.push(
      ru
        ? "До экспорта заполните на листе Metadata (GBIF требует):"
        : "Before export, fill in on the Metadata sheet (GBIF requires it):"
    );
    for (const p of blocking) lines.push(`  ${p.field}: ${p.message[lang]}`);
  }
  io.out(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
