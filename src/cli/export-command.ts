import { randomUUID } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { exportDataset, type ExportSummary } from "../archive";
import type { Lang } from "../dwc/types";
import { cellRef, FileError, openTableFile } from "../file";
import { exportPackageId, type MetadataProblem } from "../metadata";
import type { Issue } from "../validate/types";
import { choice, textOption, type ParsedArgs } from "./args";
import { CORES, datasetOf, hiddenSheetIssue } from "./dataset";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";
import { coreHint, countBySeverity, countsLine, formatIssues, noteToIssue } from "./issue-format";
import { completeMetadata, readMetadata, type MetadataRead } from "./metadata-source";
import { inputFile, noDatasetMessage, prepareGeography } from "./validate-command";

const LANGS: readonly Lang[] = ["en", "ru"];

/** Options of `dwc-excel export`. */
export const EXPORT_OPTIONS = {
  values: ["core", "lang", "metadata", "output"],
  flags: ["strict", "no-geo"],
  aliases: { o: "output" },
};

/**
 * A metadata problem as an issue on the Metadata sheet (or the JSON file), so it prints like the data's. On the
 * sheet it points at the value cell (column B) of the field's row; a list field (`creator`) at its first row.
 */
function metadataIssue(problem: MetadataProblem, from: string, keyRows: Map<string, number>): Issue {
  let row = problem.row ?? keyRows.get(problem.field) ?? 0;
  if (!row)
    for (const [key, r] of keyRows)
      if (key.startsWith(`${problem.field}.`)) {
        row = r;
        break;
      }
  // What the metadata checks call an error is what the IPT's metadata validator or the EML schema refuses.
  return {
    ruleId: `metadata.${problem.code}`,
    severity: problem.severity === "error" ? "blocker" : problem.severity,
    sheet: from,
    row,
    column: row ? 1 : -1,
    term: problem.field,
    message: problem.message,
  };
}

/** Same problem reported by the sheet reader and by the checks: keep one. */
function uniqueProblems(problems: MetadataProblem[]): MetadataProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.code}|${p.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** The export summary: files with records and columns, left-out columns, then warnings by rule. */
function formatSummary(output: string, size: number, summary: ExportSummary, lang: Lang): string {
  const ru = lang === "ru";
  const lines = [ru ? `Архив записан: ${output} (${kb(size)})` : `Wrote ${output} (${kb(size)})`];
  for (const f of summary.files) {
    lines.push(
      ru
        ? `  ${f.location} ← ${f.sheet}: записей ${f.records}, столбцов ${f.columns.length}${f.emptyRowsSkipped ? `, пустых строк пропущено ${f.emptyRowsSkipped}` : ""}`
        : `  ${f.location} <- ${f.sheet}: ${f.records} records, ${f.columns.length} columns${f.emptyRowsSkipped ? `, ${f.emptyRowsSkipped} empty rows skipped` : ""}`
    );
  }
  if (summary.leftOutColumns.length > 0) {
    lines.push(
      ru
        ? "Не вошли в архив (не термины своего ядра или расширения):"
        : "Left out (not terms of their core or extension):"
    );
    for (const c of summary.leftOutColumns) {
      const reason = {
        "not-a-term": ru ? "не термин" : "not a term",
        duplicate: ru ? "повтор" : "duplicate",
        "blank-header": ru ? "без заголовка" : "no header",
      }[c.reason];
      lines.push(
        `  ${cellRef(c.sheet, 1, c.column)} ${JSON.stringify(c.header)}: ${reason}, ${ru ? "заполненных ячеек" : "filled cells"} ${c.filledCells}`
      );
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * Where to keep a packageId the export made, so that the next export writes the same one: the CLI never changes its
 * input, so it tells the user (the Metadata sheet's packageId cell, a row to add, or the JSON field).
 */
function packageIdNote(packageId: string, read: MetadataRead, fromJson: boolean, lang: Lang): string {
  const ru = lang === "ru";
  const head = ru
    ? `В метаданных нет packageId; архиву присвоен новый идентификатор набора данных (packageId в eml.xml): ${packageId}`
    : `The metadata have no packageId; the archive got a new dataset identifier (eml.xml packageId): ${packageId}`;
  const why = ru
    ? "чтобы следующие экспорты сохранили его и GBIF видел новые версии того же набора данных, а не новый набор."
    : "so that later exports keep it and GBIF sees new versions of the same dataset, not a new dataset each time.";
  const from = read.from ?? "Metadata";
  const row = read.keyRows.get("packageId");
  let where: string;
  if (fromJson) {
    where = ru ? `Добавьте в ${from} поле "packageId": "${packageId}",` : `Add "packageId": "${packageId}" to ${from}`;
  } else if (row !== undefined) {
    where = ru ? `Впишите его в ячейку ${cellRef(from, row, 1)} (строка packageId),` : `Put it in ${cellRef(from, row, 1)} (row packageId)`;
  } else {
    where = ru
      ? `Добавьте на лист ${from} строку: packageId в столбце A, идентификатор в столбце B,`
      : `Add a row to the ${from} sheet: packageId in column A, the identifier in column B,`;
  }
  return `${head}
  ${where} ${why}
`;
}

/**
 * `dwc-excel export FILE [--core] [--metadata META.json] [--strict] [--no-geo] -o OUT.zip`: validates while
 * writing. Blockers (what the IPT or GBIF would refuse, values an archive cannot hold, required metadata) stop the
 * archive and exit 1, and nothing is written; errors are listed with their cells and the archive is written (exit
 * 0) unless `--strict`, which refuses on any error too.
 */
export async function exportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = inputFile(args, "export");
  const core = choice(args.options, "core", CORES);
  const lang = choice(args.options, "lang", LANGS, "en");
  const output = textOption(args.options, "output");
  if (!output) throw new UsageError("export: give the archive to write with -o OUT.zip");
  if (!/\.zip$/i.test(output)) throw new UsageError(`export: the output must be a .zip file (got ${output})`);
  const source = await openTableFile(file);
  if (source.kind === "csv" && !core) {
    throw new UsageError("export: name the core of a CSV/TSV file with --core occurrence|event|taxon");
  }
  const dataset = datasetOf(source, core);
  const roled = dataset.sheets.filter((s) => s.role);
  if (roled.length === 0) {
    io.err(`dwc-excel export: ${noDatasetMessage(source, lang)}\n`);
    return EXIT.unusable;
  }
  const coreSheet = roled.find((s) => s.role!.kind === "core");
  const metadataPath = textOption(args.options, "metadata");
  const read = await readMetadata(source, dataset, metadataPath);
  if (!read.meta) {
    io.err(
      lang === "ru"
        ? `dwc-excel export: ${file}: нет метаданных. Добавьте лист Metadata (его создаёт dwc-excel template) или укажите --metadata META.json.\n`
        : `dwc-excel export: ${file}: no metadata. Add a Metadata sheet (dwc-excel template writes one) or give --metadata META.json.\n`
    );
    return EXIT.dataErrors;
  }
  const meta = await completeMetadata(read.meta, source, dataset, (coreSheet ?? roled[0]).role!.datasetClass);
  const from =
    read.from === undefined
      ? "Metadata"
      : read.from === dataset.metadataSheet?.name
        ? read.from
        : path.basename(read.from);
  const notes = [...source.notes.map(noteToIssue), ...dataset.hiddenDataSheets.map(hiddenSheetIssue)];

  const strict = args.options.strict === true;
  await prepareGeography(args);
  // The metadata's packageId, or a new one for the user to keep (see packageIdNote).
  const { packageId, created: packageIdCreated } = exportPackageId(meta, randomUUID);

  // Opened on the first chunk: with the metadata blocking (check-only) nothing is written, not even a temp file.
  const temp = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.part`);
  let fd: number | undefined;
  const openTemp = (): number => {
    try {
      return fs.openSync(temp, "w");
    } catch (e) {
      throw new FileError(
        "WRITE_FAILED",
        output,
        `cannot write the archive (${(e as NodeJS.ErrnoException).code ?? String(e)})`
      );
    }
  };
  let size = 0;
  let result;
  let finished = false;
  try {
    // Metadata check, eml.xml, and the archive validated in the same pass: the core's one flow (the pane's too).
    result = await exportDataset(dataset.sources, {
      metadata: meta,
      readProblems: read.problems,
      packageId,
      pubDate: new Date().toISOString().slice(0, 10),
      lang,
      strict,
      onData: (chunk) => {
        fd ??= openTemp();
        fs.writeSync(fd, chunk);
        size += chunk.length;
      },
    });
    if (!result.checkOnly) fd ??= openTemp();
    finished = true;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    // Never leave a half-written archive behind, whatever stopped the export.
    if (!finished) fs.rmSync(temp, { force: true });
  }
  const metaIssues = uniqueProblems(result.metadataProblems).map((p) => metadataIssue(p, from, read.keyRows));
  const { summary } = result;
  const warnings = [...notes, ...metaIssues, ...summary.warnings];
  // Exact counts: the lists stop at their caps, the counts do not.
  const counts = countBySeverity([...notes, ...metaIssues]);
  counts.blocker += summary.blockerCount;
  counts.error += summary.errorCount;
  for (const w of summary.warnings) counts[w.severity]++;
  const overflow = summary.warningCount - summary.warnings.length;
  if (overflow > 0) counts.warning += overflow;
  const blockedByNotes = notes.some((n) => n.severity === "blocker");
  if (!result.ok || blockedByNotes) {
    fs.rmSync(temp, { force: true });
    const own = [...notes, ...metaIssues];
    const all = [...own.filter((n) => n.severity === "blocker"), ...summary.blockers, ...summary.errors, ...warnings.filter((n) => n.severity !== "blocker")];
    const why =
      strict && counts.blocker === 0
        ? lang === "ru"
          ? " (--strict: ошибки тоже останавливают экспорт)"
          : " (--strict: errors block too)"
        : "";
    io.err(`${lang === "ru" ? "Экспорт остановлен" : "Export blocked"}: ${countsLine(counts, lang)}${why}\n${formatIssues(all, lang)}${coreHint(all, lang)}`);
    return EXIT.dataErrors;
  }
  fs.renameSync(temp, output);
  io.out(formatSummary(output, size, summary, lang));
  if (packageIdCreated) io.out(packageIdNote(packageId, read, metadataPath !== undefined, lang));
  const listed = [...summary.errors, ...warnings];
  if (listed.length > 0) {
    const head =
      summary.errorCount > 0
        ? lang === "ru"
          ? `Архив записан, но в данных есть ошибки: GBIF отметит или отбросит эти значения (--strict не пишет архив с ошибками).\n`
          : `The archive was written, but the data has errors: GBIF will flag or drop these values (--strict refuses an archive with errors).\n`
        : "";
    io.out(`${head}${countsLine(counts, lang)}\n${formatIssues(listed, lang, 10)}`);
  }
  return EXIT.ok;
}
