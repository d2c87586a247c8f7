import * as fs from "fs";
import * as path from "path";
import { SHEET_TITLES, createCellConverter } from "../dwc";
import type { DatasetClass, Lang } from "../dwc/types";
import { cellRef, columnLetters, FileError, openTableFile, writeStandardisedWorkbook, type TableSource } from "../file";
import {
  applyMapping,
  MappingError,
  parseSavedMapping,
  proposeMapping,
  recheckMapping,
  toSavedMapping,
  type CellNote,
  type ColumnProposal,
  type MappingRecheck,
  type SavedMapping,
  type StandardiseSummary,
} from "../standardise";
import { choice, textOption, type ParsedArgs } from "./args";
import { CORES, isMetadataSheet, type CoreName } from "./dataset";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";
import { inputFile } from "./validate-command";

const LANGS: readonly Lang[] = ["en", "ru"];
const CLASS_OF_CORE: Readonly<Record<CoreName, DatasetClass>> = {
  occurrence: "occurrence",
  event: "event",
  taxon: "checklist",
};
const SHEET_OF_CLASS: Readonly<Record<DatasetClass, string>> = {
  occurrence: "occurrence",
  event: "event",
  checklist: "taxon",
};
/** Rows the proposal looks at: enough to see every kind of value a column holds, few enough to stay instant. */
const SAMPLE_ROWS = 500;
/** Name of the report sheet, in either language (the user searches for it by this name). */
export const REPORT_SHEET = "Standardisation report";

/** Options of `dwc-excel standardise`. */
export const STANDARDISE_OPTIONS = {
  values: ["sheet", "core", "mapping", "write-mapping", "lang", "output"],
  flags: [],
  aliases: { o: "output" },
};

const ACTION_TEXT: Record<string, Record<Lang, string>> = {
  map: { en: "map", ru: "сопоставить" },
  verbatim: { en: "copy as written", ru: "перенести дословно" },
  "leave-out": { en: "leave out", ru: "не включать" },
};

const CONFIDENCE_TEXT: Record<string, Record<Lang, string>> = {
  confident: { en: "confident", ru: "уверенно" },
  likely: { en: "likely", ru: "вероятно" },
  ambiguous: { en: "ambiguous", ru: "неоднозначно" },
};

/** How many listed cells of each kind the printed summary shows (the report sheet lists them all). */
const PRINT_LIMIT = 10;

function cellLine(sheet: string, n: CellNote, lang: Lang): string {
  const to = n.to !== undefined ? ` → ${JSON.stringify(n.to)}` : "";
  const why = n.reason ? `: ${n.reason[lang]}` : "";
  return `  ${cellRef(sheet, n.row, n.column)} ${JSON.stringify(n.value)}${n.term ? ` (${n.term})` : ""}${to}${why}`;
}

function list(title: string, sheet: string, notes: CellNote[], lang: Lang): string[] {
  if (notes.length === 0) return [];
  const more =
    notes.length > PRINT_LIMIT
      ? lang === "ru"
        ? `  … и ещё ${notes.length - PRINT_LIMIT}`
        : `  … and ${notes.length - PRINT_LIMIT} more`
      : "";
  return [
    `${title} (${notes.length}):`,
    ...notes.slice(0, PRINT_LIMIT).map((n) => cellLine(sheet, n, lang)),
    ...(more ? [more] : []),
  ];
}

/** The printed summary: one line per column, then the cells kept as written, the assumptions and what was left out. */
function summaryText(
  sheet: string,
  summary: StandardiseSummary,
  proposals: ColumnProposal[] | undefined,
  lang: Lang
): string {
  const ru = lang === "ru";
  const lines = [ru ? "Столбцы:" : "Columns:"];
  for (const c of summary.columns) {
    const p = proposals?.find((x) => x.index === c.column);
    const conf = p ? ` (${CONFIDENCE_TEXT[p.confidence][lang]})` : "";
    const target =
      c.term && c.action !== "leave-out"
        ? `→ ${c.term}${c.action === "verbatim" ? (ru ? " дословно" : " as written") : ""}`
        : ru
          ? "не включён"
          : "left out";
    const counts =
      c.action === "leave-out" || !c.term
        ? ru
          ? `заполненных ячеек ${c.leftOut}`
          : `${c.leftOut} filled cells`
        : ru
          ? `заполнено ${c.filled}, преобразовано ${c.converted}, оставлено как есть ${c.kept.length}`
          : `${c.filled} filled, ${c.converted} converted, ${c.kept.length} kept as written`;
    lines.push(`  ${columnLetters(c.column)} ${JSON.stringify(c.header)} ${target}${conf}: ${counts}`);
    if (p && (p.confidence !== "confident" || !p.term)) lines.push(`      ${p.reason[lang]}`);
  }
  const assumed = summary.columns.flatMap((c) => c.assumed);
  lines.push(
    ...list(
      ru
        ? "Оставлены как записаны (не удалось однозначно преобразовать)"
        : "Kept as written (no unambiguous conversion)",
      sheet,
      summary.kept,
      lang
    )
  );
  lines.push(
    ...list(
      ru ? "Преобразованы с допущением, проверьте" : "Converted under an assumption, please check",
      sheet,
      assumed,
      lang
    )
  );
  lines.push(...list(ru ? "Не вошли в новый лист" : "Left out of the new sheet", sheet, summary.leftOut, lang));
  return lines.join("\n") + "\n";
}

/** Problems of a saved mapping against the table's headers, or "" when it fits. */
function recheckText(file: string, recheck: MappingRecheck, lang: Lang): string {
  if (recheck.ok) return "";
  const ru = lang === "ru";
  const lines: string[] = [];
  if (recheck.missing.length > 0) {
    lines.push(
      `${file}: ${ru ? "в таблице нет столбцов" : "the table has no columns"} ${recheck.missing.map((h) => JSON.stringify(h)).join(", ")}`
    );
  }
  if (recheck.unmapped.length > 0) {
    lines.push(
      `${file}: ${ru ? "сопоставление не знает столбцов (их ячейки не войдут в новый лист)" : "the mapping does not know the columns (their cells are left out)"} ${recheck.unmapped.map((h) => JSON.stringify(h)).join(", ")}`
    );
  }
  return lines.join("\n") + "\n";
}

/** Rows of the report sheet and which of them head a table (1-based). */
function reportRows(
  source: { file: string; sheet: string },
  newSheet: string,
  summary: StandardiseSummary,
  proposals: ColumnProposal[] | undefined,
  lang: Lang
): { rows: (string | number)[][]; heads: number[] } {
  const ru = lang === "ru";
  const rows: (string | number)[][] = [
    [
      ru
        ? `Стандартизация: ${source.file}, лист ${source.sheet} → лист ${newSheet}`
        : `Standardisation of ${source.file}, sheet ${source.sheet} → sheet ${newSheet}`,
    ],
    [],
  ];
  const heads: number[] = [];
  heads.push(rows.length + 1);
  rows.push(
    ru
      ? [
          "Столбец",
          "Заголовок",
          "Термин",
          "Действие",
          "Уверенность",
          "Заполнено",
          "Причина",
          "Преобразовано",
          "Без изменений",
          "Как записано",
          "Допущение",
          "Не включено",
        ]
      : [
          "Column",
          "Header",
          "Term",
          "Action",
          "Confidence",
          "Filled",
          "Reason",
          "Converted",
          "Unchanged",
          "Kept as written",
          "Assumed",
          "Left out",
        ]
  );
  for (const c of summary.columns) {
    const p = proposals?.find((x) => x.index === c.column);
    rows.push([
      columnLetters(c.column),
      c.header,
      c.term ?? "",
      ACTION_TEXT[c.action][lang],
      p ? CONFIDENCE_TEXT[p.confidence][lang] : "",
      c.filled,
      p ? p.reason[lang] : "",
      c.converted,
      c.unchanged,
      c.kept.length,
      c.assumed.length,
      c.leftOut,
    ]);
  }
  rows.push([]);
  heads.push(rows.length + 1);
  rows.push(
    ru
      ? ["Ячейка", "Заголовок", "Как записано", "Термин", "Новое значение", "Что сделано", "Почему"]
      : ["Cell", "Header", "As written", "Term", "New value", "What happened", "Why"]
  );
  const what = {
    converted: ru ? "преобразовано" : "converted",
    assumed: ru ? "преобразовано с допущением" : "converted, assumed",
    kept: ru ? "оставлено как записано" : "kept as written",
    left: ru ? "не включено" : "left out",
  };
  const assumed = new Set(summary.columns.flatMap((c) => c.assumed));
  const cell = (n: CellNote, kind: string): (string | number)[] => [
    cellRef(source.sheet, n.row, n.column),
    n.header,
    n.value,
    n.term ?? "",
    n.to ?? "",
    kind,
    n.reason ? n.reason[lang] : "",
  ];
  for (const n of summary.conversions) rows.push(cell(n, assumed.has(n) ? what.assumed : what.converted));
  for (const n of summary.kept) rows.push(cell(n, what.kept));
  for (const n of summary.leftOut) rows.push(cell(n, what.left));
  return { rows, heads };
}

/** The sheet to standardise: `--sheet`, or the first visible sheet with data that is not the Metadata sheet. */
function pickSheet(source: TableSource, wanted: string | undefined) {
  if (wanted !== undefined)
    return (
      source.sheets.find((s) => s.name === wanted) ??
      source.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase())
    );
  const candidates = source.sheets.filter((s) => s.visible && !source.veryHidden.has(s.name) && !isMetadataSheet(s));
  return candidates.find((s) => s.rowCount > 1) ?? candidates[0];
}

/** Every data row of a sheet as text (dates shown as dates become ISO, numbers plain), as wide as the header. */
async function readTable(source: TableSource, sheet: string, width: number): Promise<string[][]> {
  const text = createCellConverter(source.facts);
  const rows: string[][] = [];
  for await (const chunk of source.readRows(sheet)) {
    chunk.values.forEach((values, r) => {
      const row: string[] = [];
      for (let c = 0; c < Math.max(width, values.length); c++)
        row.push(text(values[c] ?? null, chunk.numberFormats?.[r]?.[c] ?? null));
      rows.push(row);
    });
  }
  return rows;
}

/** A saved mapping from a JSON file; a {@link UsageError}-like one-line problem when it cannot be used. */
function readMapping(file: string): SavedMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new FileError("FILE_NOT_FOUND", file, "mapping file not found");
  }
  try {
    return parseSavedMapping(JSON.parse(text.replace(/^\uFEFF/, "")));
  } catch (e) {
    const why = e instanceof MappingError ? e.message : `not JSON (${e instanceof Error ? e.message : String(e)})`;
    throw new FileError("FILE_MALFORMED", file, `not a usable mapping: ${why}`);
  }
}

/**
 * `dwc-excel standardise FILE [--sheet NAME] [--core] [--mapping MAP.json] [--write-mapping MAP.json] [--lang]
 * -o OUT.xlsx`: proposes Darwin Core terms for the columns of a data holder's own table (or applies a saved
 * mapping, re-checked against the headers), converts the values (ISO dates, decimal coordinates, vocabulary values,
 * country codes; originals kept in the verbatim terms) and writes OUT.xlsx: the input's sheets unchanged, the new
 * Darwin Core sheet and a "Standardisation report" sheet listing every conversion and everything left out. Exit 0
 * when written, 2 for unusable input (bad arguments, a file or sheet that cannot be read or has no data, a mapping
 * file that cannot be used).
 */
export async function standardiseCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = inputFile(args, "standardise");
  const core = choice(args.options, "core", CORES);
  const lang = choice(args.options, "lang", LANGS, "en");
  const output = textOption(args.options, "output");
  if (!output) throw new UsageError("standardise: give the workbook to write with -o OUT.xlsx");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`standardise: the output must be an .xlsx file (got ${output})`);
  if (path.resolve(output) === path.resolve(file))
    throw new UsageError("standardise: the output must not be the input file");
  const mappingFile = textOption(args.options, "mapping");
  const writeMappingFile = textOption(args.options, "write-mapping");
  const ru = lang === "ru";
  const saved = mappingFile ? readMapping(mappingFile) : undefined;
  const source = await openTableFile(file);
  const info = pickSheet(source, textOption(args.options, "sheet"));
  if (!info) {
    const names = source.sheets.map((s) => JSON.stringify(s.name)).join(", ");
    io.err(
      `dwc-excel standardise: ${file}: ${ru ? "нет листа" : "no sheet"} ${JSON.stringify(textOption(args.options, "sheet") ?? "")} (${names})\n`
    );
    return EXIT.unusable;
  }
  const headers = info.headers;
  // The sheet as it is named in the workbook written: a CSV file's table is named after the file, without extension.
  const sheetName = source.kind === "csv" ? info.name.replace(/\.(csv|tsv|tab|txt)$/i, "") || "Data" : info.name;
  const rows = await readTable(source, info.name, headers.length);
  const width = Math.max(headers.length, ...rows.map((r) => r.length));
  const fullHeaders = [...headers, ...new Array<string>(width - headers.length).fill("")];
  if (rows.length === 0 || headers.every((h) => h.trim() === "")) {
    io.err(
      `dwc-excel standardise: ${file}: ${ru ? `на листе ${sheetName} нет строк с данными под заголовками` : `sheet ${sheetName} has no data rows under a header row`}\n`
    );
    return EXIT.unusable;
  }
  let proposals: ColumnProposal[] | undefined;
  let mapping: SavedMapping;
  if (saved) {
    mapping = core ? { ...saved, datasetClass: CLASS_OF_CORE[core] } : saved;
    io.out(recheckText(mappingFile as string, recheckMapping(saved, fullHeaders), lang));
  } else {
    const proposal = proposeMapping(fullHeaders, rows.slice(0, SAMPLE_ROWS), core ? CLASS_OF_CORE[core] : undefined);
    proposals = proposal.columns;
    mapping = toSavedMapping(proposal);
    if (!core)
      io.out(
        `${ru ? "Класс набора данных" : "Dataset class"}: ${proposal.datasetClass} (${proposal.datasetClassReason[lang]})\n`
      );
  }
  const table = applyMapping(mapping, fullHeaders, rows);
  const written = await writeStandardisedWorkbook(output, {
    input:
      source.kind === "xlsx" ? { kind: "xlsx", path: file } : { kind: "csv", sheetName, headers: fullHeaders, rows },
    sheetName: SHEET_TITLES[SHEET_OF_CLASS[mapping.datasetClass]][lang],
    headers: table.headers,
    rows: table.rows,
    datasetClass: mapping.datasetClass,
    lang,
    reportName: REPORT_SHEET,
    ...(() => {
      const r = reportRows(
        { file: path.basename(file), sheet: sheetName },
        SHEET_TITLES[SHEET_OF_CLASS[mapping.datasetClass]][lang],
        table.summary,
        proposals,
        lang
      );
      return { report: r.rows, reportHeadRows: r.heads };
    })(),
  });
  io.out(summaryText(sheetName, table.summary, proposals, lang));
  if (writeMappingFile) {
    try {
      fs.writeFileSync(writeMappingFile, JSON.stringify(mapping, null, 2) + "\n", "utf8");
    } catch (e) {
      throw new FileError(
        "WRITE_FAILED",
        writeMappingFile,
        `cannot write the mapping (${(e as NodeJS.ErrnoException).code ?? String(e)})`
      );
    }
    io.out(`${ru ? "Сопоставление записано" : "Wrote the mapping"}: ${writeMappingFile}\n`);
  }
  io.out(
    ru
      ? `Записан ${output}: лист «${written.sheet}» (${table.rows.length} строк, ${table.headers.length} столбцов Darwin Core) и лист «${written.report}»\n`
      : `Wrote ${output}: sheet "${written.sheet}" (${table.rows.length} rows, ${table.headers.length} Darwin Core columns) and sheet "${written.report}"\n`
  );
  return EXIT.ok;
}
