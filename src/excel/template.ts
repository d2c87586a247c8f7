/**
 * Inserting template sheets and formatting existing data sheets. One `Excel.run` per action and a fixed number of
 * round trips whatever the number of columns and vocabularies: (1) probe sheets, names and the registry,
 * (2) read the vocabulary sheet's header row when it exists, (3) every write in one batch, (4) the registry entry
 * (it needs the new sheets' ids) and activation.
 */
import { buildTemplate, columnFor, extensionTemplate } from "../dwc";
import type { Lang, SheetRole, SheetTemplate, TemplateColumn } from "../dwc/types";
import { freeSheetName } from "../archive/adapter";
import { ExcelAdapterError } from "./errors";
import { loadRegistry, registryFrom, saveRegistry } from "./registry";
import {
  BLOCK_COLOURS,
  LEVEL_FILLS,
  MARK_COLOURS,
  TEMPLATE_LAST_ROW,
  columnFormatting,
  templateLastRow,
  isOwnHighlightFormula,
} from "./style";
import { ensureVocabularies, loadVocabularyHeaders, probeVocabularies } from "./vocabularySheet";

/** A sheet the add-in created. */
export interface InsertedSheet {
  name: string;
  /** Worksheet id (stable across renames). */
  id: string;
  role: SheetRole;
}

/** The free sheet name rule every adapter's new sheets follow (src/archive/adapter.ts). */
export { freeSheetName };

/** Writes a column's type-dependent formats, dropdown and highlight over rows 2..lastRow (or from `fromRow`). */
function formatColumn(
  sheet: Excel.Worksheet,
  column: TemplateColumn,
  index: number,
  lang: Lang,
  vocabularies: Set<string>,
  lastRow: number,
  options: { numberFormatFromRow: number; clearValidation: boolean },
): void {
  const f = columnFormatting(column, index, lang, column.vocabulary ? vocabularies.has(column.vocabulary) : false);
  const data = sheet.getRangeByIndexes(1, index, lastRow - 1, 1);
  if (f.numberFormat && options.numberFormatFromRow <= lastRow) {
    const rows = sheet.getRangeByIndexes(options.numberFormatFromRow - 1, index, lastRow - options.numberFormatFromRow + 1, 1);
    // A single value applies to every cell of the range (Office.js), so the request stays tiny for 50,000 rows.
    rows.numberFormat = f.numberFormat as unknown as string[][];
  }
  if (f.rule) {
    if (options.clearValidation) data.dataValidation.clear();
    data.dataValidation.rule = f.rule;
    if (f.errorAlert) data.dataValidation.errorAlert = f.errorAlert;
  }
  if (f.highlight) {
    const cf = data.conditionalFormats.add("Custom");
    cf.custom.rule.formula = f.highlight.formula;
    const colours = MARK_COLOURS[f.highlight.severity];
    cf.custom.format.fill.color = colours.fill;
    cf.custom.format.font.color = colours.font;
  }
}

/**
 * Header cell look: fill by level, thick bottom border in the block's colour, bold unless optional, width. Shared
 * by inserted templates, formatted sheets and imported archives (src/excel/import.ts).
 */
export function formatHeaderCell(sheet: Excel.Worksheet, column: TemplateColumn, index: number): void {
  const cell = sheet.getRangeByIndexes(0, index, 1, 1);
  const fill = LEVEL_FILLS[column.level];
  if (fill) cell.format.fill.color = fill;
  cell.format.font.bold = column.level !== "optional";
  const border = cell.format.borders.getItem("EdgeBottom");
  border.style = "Continuous";
  border.weight = "Thick";
  border.color = BLOCK_COLOURS[column.block];
  cell.format.columnWidth = Math.max(60, column.term.length * 7 + 16);
}

/**
 * Inserts the template's sheets as new sheets (named after the sheet's title in `lang`; a taken name gets
 * " (2)", " (3)"…). Row 1 holds exactly the Darwin Core term names, frozen, filled by level with a block-coloured
 * border; text columns are text-formatted and numeric ones numeric from row 2 to {@link TEMPLATE_LAST_ROW};
 * vocabulary columns get a dropdown bound to a named range on the very hidden vocabulary sheet (stop alert for
 * closed vocabularies, warning for open ones), numeric terms a range rule, and both a conditional format that
 * marks a wrong value even when pasted. Each sheet's role is stored in the registry. No existing cell changes.
 *
 * @example await insertTemplate(buildTemplate("event", "minimal"), "ru") // [{ name: "События", id: "{…}", role: {…} }, …]
 */
export async function insertTemplate(sheetTemplates: SheetTemplate[], lang: Lang): Promise<InsertedSheet[]> {
  if (sheetTemplates.length === 0) return [];
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const probe = probeVocabularies(context, lang);
    const registryItem = loadRegistry(context);
    await context.sync();

    const headerRow = loadVocabularyHeaders(probe);
    if (headerRow) await context.sync();

    const taken = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
    const vocabularyIds = sheetTemplates.flatMap((t) => t.columns.map((c) => c.vocabulary).filter((v): v is string => !!v));
    const ready = ensureVocabularies(context, probe, headerRow, vocabularyIds);

    const created = sheetTemplates.map((template) => {
      const name = freeSheetName(template.title[lang], taken);
      const sheet = worksheets.add(name);
      const terms = template.columns.map((c) => c.term as string);
      if (terms.length > 0) {
        const header = sheet.getRangeByIndexes(0, 0, 1, terms.length);
        header.numberFormat = [terms.map(() => "@")];
        header.values = [terms];
      }
      template.columns.forEach((column, index) => {
        formatHeaderCell(sheet, column, index);
        formatColumn(sheet, column, index, lang, ready, TEMPLATE_LAST_ROW, { numberFormatFromRow: 2, clearValidation: false });
      });
      sheet.freezePanes.freezeRows(1);
      sheet.load("id,name");
      return { sheet, template };
    });
    await context.sync();

    const registry = registryFrom(registryItem);
    for (const { sheet, template } of created) {
      registry.sheets[sheet.id] = { name: sheet.name, role: template.role, lastRow: TEMPLATE_LAST_ROW };
    }
    saveRegistry(context, registry);
    created[0].sheet.activate();
    created[0].sheet.getRange("A2").select();
    await context.sync();
    return created.map(({ sheet, template }) => ({ name: sheet.name, id: sheet.id, role: template.role }));
  });
}

/** The default template sheet for a role (its column levels are the reference for existing sheets). */
export function templateForRole(role: SheetRole): SheetTemplate | undefined {
  try {
    if (role.kind === "core") return buildTemplate(role.datasetClass, "extended")[0];
    if (role.rowTypeId === "occurrence" && role.datasetClass === "event") return buildTemplate("event", "extended")[1];
    return extensionTemplate(role.rowTypeId, role.datasetClass);
  } catch {
    // Unknown combinations (a role stored by a newer version) just get no template levels.
    return undefined;
  }
}

/**
 * The template column for each header of a sheet with `role` (undefined for blanks and headers that are not
 * terms of that core or extension). Levels come from the role's template (required/recommended), else optional.
 */
export function columnsForHeaders(role: SheetRole, headers: readonly string[]): (TemplateColumn | undefined)[] {
  const template = templateForRole(role);
  const levels = new Map((template?.columns ?? []).map((c) => [c.term.toLowerCase(), c.level] as const));
  return headers.map((h) => {
    const term = h.trim();
    if (!term) return undefined;
    try {
      const column = columnFor(role.rowTypeId, term, levels.get(term.toLowerCase()) ?? "optional");
      // Only exact term names count: a header with other spelling is the validator's business (it suggests the term).
      return column.term === term ? column : undefined;
    } catch {
      return undefined;
    }
  });
}

/** What {@link formatExistingSheet} did. */
export interface FormatResult {
  name: string;
  id: string;
  /** Headers that got formats, dropdowns or highlighting. */
  formatted: string[];
  /** Non-blank headers left alone (not terms of the sheet's core or extension). */
  skipped: string[];
  /** Last row covered by dropdowns and highlighting. */
  lastRow: number;
}

/**
 * Applies header fills, dropdowns, numeric rules, highlighting and number formats to an existing data sheet
 * whose row 1 holds Darwin Core term names, without changing any value: number formats only go to the empty
 * rows below the data (re-formatting filled cells could turn a displayed date into its serial number), header
 * cells keep their text, and the sheet's existing data validation on those columns is replaced. Stores the role.
 *
 * @throws ExcelAdapterError SHEET_NOT_FOUND when there is no such sheet.
 */
export async function formatExistingSheet(sheetName: string, role: SheetRole, lang: Lang = "en"): Promise<FormatResult> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load("id,name");
    const probe = probeVocabularies(context, lang);
    const registryItem = loadRegistry(context);
    await context.sync();
    if (sheet.isNullObject) throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no sheet named "${sheetName}"`, { sheet: sheetName });

    // Second round trip: header row, extent, the vocabulary sheet's header row, the sheet's conditional formats.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    const header = sheet.getRange("1:1").getUsedRangeOrNullObject(true);
    header.load("values,columnIndex");
    const headerRow = loadVocabularyHeaders(probe);
    const existing = sheet.getRange().conditionalFormats;
    existing.load("items/type");
    await context.sync();
    const custom = existing.items.filter((cf) => cf.type === "Custom");
    for (const cf of custom) cf.custom.rule.load("formula");
    if (custom.length > 0) await context.sync();
    for (const cf of custom) if (isOwnHighlightFormula(cf.custom.rule.formula)) cf.delete();

    const headers: string[] = header.isNullObject
      ? []
      : [...new Array<string>(header.columnIndex).fill(""), ...header.values[0].map((v) => String(v ?? ""))];
    const lastDataRow = used.isNullObject ? 1 : used.rowIndex + used.rowCount;
    const lastRow = templateLastRow(lastDataRow);
    const columns = columnsForHeaders(role, headers);
    const ready = ensureVocabularies(
      context,
      probe,
      headerRow,
      columns.flatMap((c) => (c?.vocabulary ? [c.vocabulary] : [])),
    );

    const formatted: string[] = [];
    const skipped: string[] = [];
    columns.forEach((column, index) => {
      if (!column) {
        if (headers[index].trim()) skipped.push(headers[index]);
        return;
      }
      formatted.push(column.term);
      formatHeaderCell(sheet, column, index);
      formatColumn(sheet, column, index, lang, ready, lastRow, { numberFormatFromRow: lastDataRow + 1, clearValidation: true });
    });
    sheet.freezePanes.freezeRows(1);
    const registry = registryFrom(registryItem);
    registry.sheets[sheet.id] = { ...registry.sheets[sheet.id], name: sheet.name, role, lastRow };
    saveRegistry(context, registry);
    await context.sync();
    return { name: sheet.name, id: sheet.id, formatted, skipped, lastRow };
  });
}
