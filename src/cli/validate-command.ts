import * as path from "path";
import type { Lang } from "../dwc/types";
import { fileWorkbook, openTableFile } from "../file";
import { validateDataset } from "../archive";
import { loadBdqGeometry, reportTable } from "../validate";
import type { Issue, Severity } from "../validate/types";
import { choice, textOption, type ParsedArgs } from "./args";
import { CORES, datasetOf, hiddenSheetIssue, type Dataset } from "./dataset";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";
import { coreHint, countBySeverity, countsLine, formatIssues, issueToJson, noteToIssue } from "./issue-format";
import type { TableSource } from "../file";

const LANGS: readonly Lang[] = ["en", "ru"];

/** Options of `dwc-excel validate`. */
export const VALIDATE_OPTIONS = { values: ["core", "lang", "report", "marked"], flags: ["json", "no-geo", "strict"] };

/**
 * Loads the country and coastline boundaries the geography checks need (coordinates against the country, in the
 * sea, swapped or negated, country centroids, the BDQ spatial tests), unless `--no-geo` was given.
 */
export async function prepareGeography(args: ParsedArgs): Promise<void> {
  if (args.options["no-geo"] !== true) await loadBdqGeometry();
}

/** The exit code for a list of findings: 1 when something blocks (or, with `--strict`, any error), else 0. */
export function exitFor(counts: Record<Severity, number>, strict: boolean): number {
  return counts.blocker > 0 || (strict && counts.error > 0) ? EXIT.dataErrors : EXIT.ok;
}

/** The one input file of validate/export, or a usage error. */
export function inputFile(args: ParsedArgs, command: string): string {
  const [file, ...extra] = args.positionals;
  if (!file) throw new UsageError(`${command}: name the input file (.xlsx, .csv or .tsv)`);
  if (extra.length > 0) throw new UsageError(`${command}: unexpected argument "${extra[0]}" (one input file)`);
  return file;
}

/** Unusable-input message when a file holds no sheet the tools can work on. */
export function noDatasetMessage(source: TableSource, lang: Lang): string {
  const names = source.sheets
    .filter((s) => s.visible)
    .map((s) => `${s.name} [${s.headers.slice(0, 4).join(", ")}${s.headers.length > 4 ? ", …" : ""}]`);
  return lang === "ru"
    ? `${source.path}: нет листа Darwin Core (заголовки не распознаны как термины ядра): ${names.join("; ")}. Укажите ядро: --core occurrence|event|taxon.`
    : `${source.path}: no Darwin Core sheet (headers not recognised as the terms of a core): ${names.join("; ")}. Name the core with --core occurrence|event|taxon.`;
}

/**
 * Validates every dataset sheet of the file (the core's `validateDataset` over the file adapter's sources: row
 * chunks straight from the file into the engine) and returns the issues: the file's own notes first, then the
 * engine's.
 */
export async function validateFile(source: TableSource, dataset: Dataset, lang: Lang): Promise<Issue[]> {
  const notes = [...source.notes.map(noteToIssue), ...dataset.hiddenDataSheets.map(hiddenSheetIssue)];
  return [...notes, ...(await validateDataset(dataset.sources, { lang }))];
}

/** "12 rows" / "12 строк", with the Russian plural (1 строка, 2 строки, 5 строк, 21 строка). */
export function rowsText(n: number, lang: Lang): string {
  if (lang !== "ru") return `${n} ${n === 1 ? "row" : "rows"}`;
  const d = n % 10;
  const dd = n % 100;
  const word = d === 1 && dd !== 11 ? "строка" : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? "строки" : "строк";
  return `${n} ${word}`;
}

/** The `--report` file, if given: an .xlsx file other than the input, or a usage error. */
export function reportFile(args: ParsedArgs, input: string): string | undefined {
  const report = textOption(args.options, "report");
  if (report === undefined) return undefined;
  if (!/\.xlsx$/i.test(report)) throw new UsageError(`validate: the report must be an .xlsx file (got ${report})`);
  if (path.resolve(report) === path.resolve(input)) throw new UsageError("validate: the report must not be the input file");
  return report;
}

/** The `--marked` file, if given: an .xlsx file other than the input (and other than the report), or a usage error. */
export function markedFile(args: ParsedArgs, input: string, report: string | undefined): string | undefined {
  const marked = textOption(args.options, "marked");
  if (marked === undefined) return undefined;
  if (!/\.xlsx$/i.test(marked)) throw new UsageError(`validate: the marked copy must be an .xlsx file (got ${marked})`);
  if (path.resolve(marked) === path.resolve(input)) throw new UsageError("validate: the marked copy must not be the input file");
  if (report !== undefined && path.resolve(marked) === path.resolve(report)) {
    throw new UsageError("validate: the marked copy and the report must be two files");
  }
  return marked;
}

/**
 * `dwc-excel validate FILE [--core] [--json] [--lang] [--no-geo] [--strict] [--report REPORT.xlsx]
 * [--marked OUT.xlsx]`: exit 1 when something would block the export (with `--strict`, when there is any error), as
 * `export` would refuse. With `--report`, every finding is also written to REPORT.xlsx as the pane's report sheet
 * (the core's `reportTable`, through the file adapter's `writeSheet`). With `--marked`, OUT.xlsx is a copy of the
 * input with the add-in's validation marks (the file adapter's `markCells`: red errors, yellow warnings; a CSV/TSV
 * file's copy is one sheet of its values as text). The input file is never changed.
 */
export async function validateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = inputFile(args, "validate");
  const core = choice(args.options, "core", CORES);
  const lang = choice(args.options, "lang", LANGS, "en");
  const json = args.options.json === true;
  const report = reportFile(args, file);
  const marked = markedFile(args, file, report);
  const source = await openTableFile(file);
  const dataset = datasetOf(source, core);
  if (!dataset.sheets.some((s) => s.role)) {
    io.err(`dwc-excel validate: ${noDatasetMessage(source, lang)}\n`);
    return EXIT.unusable;
  }
  await prepareGeography(args);
  const issues = await validateFile(source, dataset, lang);
  const counts = countBySeverity(issues);
  if (json) {
    io.out(
      `${JSON.stringify(
        issues.map((i) => issueToJson(i, lang)),
        null,
        2
      )}\n`
    );
  } else {
    const sheets = dataset.sheets
      .filter((s) => s.role)
      .map((s) => `${s.info.name} (${s.role!.rowTypeId}, ${rowsText(Math.max(0, s.info.rowCount - 1), lang)})`);
    const head = lang === "ru" ? `Проверен ${file}: ${sheets.join(", ")}` : `Validated ${file}: ${sheets.join(", ")}`;
    io.out(`${head}\n${countsLine(counts, lang)}\n${formatIssues(issues, lang)}${coreHint(issues, lang)}`);
  }
  if (report) {
    const workbook = fileWorkbook(source, core);
    const table = reportTable(issues, lang);
    const sheet = await workbook.writeSheet(table.sheetName, table.header, table.rows);
    await workbook.save(report);
    const line =
      lang === "ru"
        ? `Отчёт записан: ${report}, лист «${sheet.name}» (находок: ${sheet.rows})\n`
        : `Wrote the report ${report}: sheet "${sheet.name}" (${sheet.rows} ${sheet.rows === 1 ? "finding" : "findings"})\n`;
    // --json keeps standard output one JSON document.
    if (json) io.err(line);
    else io.out(line);
  }
  if (marked) {
    const workbook = fileWorkbook(source, core, { copy: true });
    const datasetSheets = new Set(dataset.sheets.filter((s) => s.role).map((s) => s.info.name));
    const own = issues.filter((i) => datasetSheets.has(i.sheet));
    await workbook.markCells(own);
    await workbook.save(marked);
    const cells = workbook.marked.map((m) =>
      lang === "ru"
        ? `${m.sheet}: красных ${m.errors}, жёлтых ${m.warnings}`
        : `${m.sheet}: ${m.errors} red, ${m.warnings} yellow`
    );
    const line =
      cells.length === 0
        ? lang === "ru"
          ? `Копия записана: ${marked} (помечать нечего)\n`
          : `Wrote the copy ${marked} (nothing to mark)\n`
        : lang === "ru"
          ? `Копия с пометками записана: ${marked} (${cells.join("; ")}); в Excel их убирает кнопка надстройки «Убрать пометки»\n`
          : `Wrote the marked copy ${marked} (${cells.join("; ")}); the add-in's "Remove marks" removes them in Excel\n`;
    if (json) io.err(line);
    else io.out(line);
  }
  return exitFor(counts, args.options.strict === true);
}
