import * as path from "path";
import { EXTENSION_CHOICES, buildTemplate, extensionTemplate } from "../dwc";
import type { DatasetClass, Lang, Preset, SheetTemplate } from "../dwc/types";
import { newFileWorkbook } from "../file";
import { choice, textOption, type ParsedArgs } from "./args";
import { EXIT, UsageError } from "./errors";
import type { CliIo } from "./io";
import { metadataSheetRows } from "./metadata-sheet";

const CLASSES: readonly DatasetClass[] = ["occurrence", "checklist", "event"];
const PRESETS: readonly Preset[] = ["minimal", "extended"];
const LANGS: readonly Lang[] = ["en", "ru"];

/** Options of `dwc-excel template`. */
export const TEMPLATE_OPTIONS = {
  values: ["preset", "lang", "extensions", "output"],
  flags: [],
  aliases: { o: "output" },
};

/** The template's sheets: the class's sheets for the preset, then the requested extension sheets. */
export function templateSheets(datasetClass: DatasetClass, preset: Preset, extensions: string[]): SheetTemplate[] {
  const sheets = buildTemplate(datasetClass, preset);
  for (const id of extensions) {
    if (!EXTENSION_CHOICES.some((c) => c.rowTypeId === id)) {
      const ids = EXTENSION_CHOICES.map((c) => c.rowTypeId).join(", ");
      throw new UsageError(`--extensions: "${id}" is not an extension sheet; choose from: ${ids}`);
    }
    if (sheets.some((s) => s.role.rowTypeId === id)) continue;
    sheets.push(extensionTemplate(id, datasetClass));
  }
  return sheets;
}

/** `dwc-excel template CLASS [--preset] [--lang] [--extensions] -o FILE.xlsx`. */
export async function templateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [cls, ...extra] = args.positionals;
  if (!cls) throw new UsageError("template: name the dataset class: occurrence, checklist or event");
  if (extra.length > 0) throw new UsageError(`template: unexpected argument "${extra[0]}"`);
  if (!(CLASSES as readonly string[]).includes(cls)) {
    throw new UsageError(`template: the dataset class must be occurrence, checklist or event (got "${cls}")`);
  }
  const datasetClass = cls as DatasetClass;
  const preset = choice(args.options, "preset", PRESETS, "minimal");
  const lang = choice(args.options, "lang", LANGS, "en");
  const output = textOption(args.options, "output");
  if (!output) throw new UsageError("template: give the output file with -o FILE.xlsx");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`template: the output must be an .xlsx file (got ${output})`);
  const extensions = (textOption(args.options, "extensions") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  const sheets = templateSheets(datasetClass, preset, extensions);
  const metadata = metadataSheetRows(datasetClass, lang);
  // No input file: the template goes through the file adapter's WorkbookAdapter, as the pane's goes through Excel's.
  const workbook = newFileWorkbook();
  const written = await workbook.writeTemplate(sheets, lang, metadata);
  await workbook.save(output);
  const names = written.map((w, i) => `${w.name} (${sheets[i].columns.length})`).join(", ");
  io.out(`Wrote ${path.resolve(output)}: ${names}${`, ${metadata.sheetName}`}\n`);
  return EXIT.ok;
}
