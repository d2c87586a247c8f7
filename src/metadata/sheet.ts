/**
 * The visible `Metadata` sheet: dataset metadata stored in the workbook so that it travels with the file and the
 * CLI can read it from the .xlsx. Pure functions from and to cell rows, used by both the Excel and the ExcelJS
 * adapter.
 *
 * Layout (fixed; column A is the key and must not be changed, column B the value, column C a label and help in
 * the interface language, which the reader ignores):
 *
 * | row | A (key) | B (value) | C (help) |
 * | --- | --- | --- | --- |
 * | 1 | `key` | `value` | `Field — help` / `Поле — пояснение` |
 * | 2 | `format` | `dwc-excel-metadata/1` | format version |
 * | … | `# Basic metadata` | | section title (rows whose key starts with `#` are comments) |
 * | … | `title` | Vascular plants of … | `Title * — …` (`*` = required by GBIF) |
 *
 * Keys, in sheet order:
 * - basic: `title`, `description`, `license` (CC0-1.0 / CC-BY-4.0 / CC-BY-NC-4.0; other spellings such as
 *   `CC BY 4.0` or the legal-code URL are read too), `metadataLanguage`, `dataLanguage` (ISO 639-2, e.g. `rus`;
 *   `ru` is read as `rus`), `datasetType` (occurrence / checklist / samplingevent), `keywords` (separated by `|`,
 *   `;` or line breaks), `purpose`, `homepage`.
 * - people: `publishingOrganization`; then agents as numbered keys `creator.N.F`, `contact.N.F`,
 *   `metadataProvider.N.F` with N = 1, 2, … and F = `givenName`, `surName`, `organization`, `position`, `email`,
 *   `orcid`. A block whose values are all empty is ignored; copy a block and renumber it to add a person.
 * - coverage: `coverage.geographicDescription`, `coverage.west`, `coverage.east`, `coverage.north`,
 *   `coverage.south` (numbers, decimal degrees), `coverage.geographicSource` (`data` = replaced by "refresh",
 *   `user` = kept), `coverage.beginDate`, `coverage.endDate` (YYYY or YYYY-MM-DD; a date cell is read too),
 *   `coverage.temporalSource`, `coverage.taxonomicDescription`, `coverage.taxonomicSource`, then one row per taxon
 *   `coverage.taxon.N` = `rank | name | records | common name` (e.g. `family | Rosaceae | 120 | Розоцветные`; the
 *   last two parts may be empty or left out).
 * - methods: `methods.studyExtent`, `methods.samplingDescription`, `methods.step.N`, `methods.qualityControl`.
 * - project: `project.title`, `project.identifier`, `project.description`, `project.funding`,
 *   `project.studyAreaDescription`, `project.designDescription`, `project.personnel.N.F` (F as for agents plus
 *   `role`).
 * - citation and maintenance: `citation`, `citationIdentifier`, `packageId` (the eml.xml packageId, e.g.
 *   `urn:uuid:…`; filled in by the first export and reused by later ones; a sheet without this row is read as
 *   having none), `updateFrequency` (EML values: daily … unknown, otherMaintenancePeriod), `updateDescription`.
 *
 * - kept from an imported eml.xml (only when there is something): a `# Kept from eml.xml` heading, then one row per
 *   element the fields above do not hold, `eml.keep.N` = its place (`dataset`, `dataset/creator/1`, …), a line
 *   break, and the element as written (`<associatedParty>…</associatedParty>`); an element longer than a cell
 *   continues in rows `eml.keep.N.2`, `eml.keep.N.3`, … Export writes them back into eml.xml in their place.
 *
 * Adapters must write column B as text (number format `@`), so that Excel does not turn `2019-05-01` into a date
 * or `=…` into a formula; bounding-box numbers are written as numbers.
 */
import type { CellValue } from "../dwc/table";
import type { Lang } from "../dwc/types";
import { normalizeOrcid } from "./check";
import { excelSerialToIso, numberToText } from "../dwc/cells";
import { emptyAgent, emptyMetadata, isEmptyAgent } from "./empty";
import { AGENT_FIELDS, AGENT_LISTS, SCALAR_FIELDS, SECTIONS, fieldLabel, scalarField } from "./fields";
import type { FieldKind } from "./fields";
import { parseLicense } from "./licenses";
import type { Agent, CoverageSource, DatasetMetadata, KeptXml, MetadataProblem, TaxonCoverage } from "./types";
import { parseXmlTree, XmlSyntaxError } from "../archive/xml-tree";
import { fieldValue, joinKeywords, setFieldValue, splitKeywords } from "./paths";
import { normalizeLanguage, parseDatasetType, parseUpdateFrequency } from "./vocabularies";

/** Default name of the sheet. */
export const METADATA_SHEET_NAME = "Metadata";
/**
 * Whether a sheet is the Metadata sheet: named {@link METADATA_SHEET_NAME} (compared as Excel compares sheet names,
 * case-insensitively), or laid out as one under another name (`key`, `value` in row 1). Never a dataset sheet.
 *
 * @example isMetadataSheet("metadata") // true
 * @example isMetadataSheet("Метаданные", ["key", "value", "Поле — пояснение"]) // true
 */
export function isMetadataSheet(name: string, headers: readonly unknown[] = []): boolean {
  if (name.toLowerCase() === METADATA_SHEET_NAME.toLowerCase()) return true;
  const [a, b] = headers.map((h) => String(h ?? "").trim().toLowerCase());
  return a === "key" && b === "value";
}

/** Value of the `format` row. */
export const METADATA_SHEET_FORMAT = "dwc-excel-metadata/1";

type Row = CellValue[];


function scalarValue(meta: DatasetMetadata, key: string): CellValue {
  const v = key === "keywords" ? joinKeywords(meta.keywords) : (fieldValue(meta, key) as CellValue);
  return v === "" ? null : v;
}

function help(key: string, lang: Lang): string {
  const spec = scalarField(key);
  if (!spec) return fieldLabel(key, lang);
  const label = spec.label[lang] + (spec.required ? " *" : "");
  return spec.help[lang] ? `${label} — ${spec.help[lang]}` : label;
}

function agentRows(prefix: string, agents: readonly Agent[], withRole: boolean, lang: Lang, required: boolean): Row[] {
  const rows: Row[] = [];
  const list = agents.length > 0 ? agents : [emptyAgent()];
  list.forEach((a, i) => {
    for (const { prop } of AGENT_FIELDS) {
      if (prop === "role" && !withRole) continue;
      const key = `${prefix}.${i + 1}.${prop}`;
      const star = required && i === 0 && prop === "surName" ? " *" : "";
      rows.push([key, a[prop] === "" ? null : a[prop], fieldLabel(key, lang) + star]);
    }
  });
  return rows;
}

/** `rank | name | count | common name`, without empty trailing parts. */
export function taxonToCell(t: TaxonCoverage): string {
  const parts = [t.rank, t.name, t.count === null ? "" : String(t.count), t.commonName];
  while (parts.length > 2 && parts[parts.length - 1] === "") parts.pop();
  return parts.join(" | ");
}

/**
 * The Metadata sheet's rows (columns A, B, C) for `meta`, with help in `lang`. Empty values are `null`.
 * @example metadataToSheetRows(meta, "ru")[0] // ["key", "value", "Поле — пояснение"]
 */
export function metadataToSheetRows(meta: DatasetMetadata, lang: Lang): CellValue[][] {
  const rows: Row[] = [
    [
      "key",
      "value",
      lang === "ru"
        ? "Поле — пояснение (столбец A не изменяйте; * — обязательно для GBIF)"
        : "Field — help (do not change column A; * = required by GBIF)",
    ],
    ["format", METADATA_SHEET_FORMAT, lang === "ru" ? "Версия формата листа" : "Format version of this sheet"],
  ];
  const section = (id: keyof typeof SECTIONS): void => {
    rows.push([`# ${SECTIONS[id].title.en}`, null, SECTIONS[id].title[lang]]);
    for (const spec of SCALAR_FIELDS[id]) rows.push([spec.key, scalarValue(meta, spec.key), help(spec.key, lang)]);
  };
  section("basic");
  section("people");
  for (const list of AGENT_LISTS) rows.push(...agentRows(list.prefix, meta[list.prop], false, lang, list.required));
  section("coverage");
  const taxa = meta.coverage.taxonomic.taxa;
  taxa.forEach((t, i) => {
    rows.push([
      `coverage.taxon.${i + 1}`,
      taxonToCell(t),
      `${fieldLabel(`coverage.taxon.${i + 1}`, lang)} — ${lang === "ru" ? "ранг | название | записей | русское название" : "rank | name | records | common name"}`,
    ]);
  });
  rows.push([`# ${SECTIONS.methods.title.en}`, null, SECTIONS.methods.title[lang]]);
  const [extent, sampling, quality] = SCALAR_FIELDS.methods;
  rows.push([extent.key, scalarValue(meta, extent.key), help(extent.key, lang)]);
  rows.push([sampling.key, scalarValue(meta, sampling.key), help(sampling.key, lang)]);
  const steps = meta.methods.steps.length > 0 ? meta.methods.steps : [""];
  steps.forEach((s, i) =>
    rows.push([`methods.step.${i + 1}`, s === "" ? null : s, fieldLabel(`methods.step.${i + 1}`, lang)])
  );
  rows.push([quality.key, scalarValue(meta, quality.key), help(quality.key, lang)]);
  section("project");
  rows.push(...agentRows("project.personnel", meta.project.personnel, true, lang, false));
  section("citation");
  rows.push(...keptRows(meta.keep ?? [], lang));
  return rows;
}

/** Characters of one `eml.keep` cell (Excel holds 32,767). */
const KEEP_CELL = 32000;
const KEEP_PLACE =
  /^(dataset|dataset\/(coverage|maintenance|publisher)|dataset\/(creator|metadataProvider|contact|project\/personnel)\/[1-9]\d*|additionalMetadata\/metadata\/gbif)$/;

/** The rows of the kept eml.xml elements: `eml.keep.N` = place, line break, element (split past a cell). */
function keptRows(keep: readonly KeptXml[], lang: Lang): Row[] {
  if (keep.length === 0) return [];
  const rows: Row[] = [
    [
      "# Kept from eml.xml",
      null,
      lang === "ru"
        ? "Элементы исходного eml.xml, которых нет в полях выше; экспорт записывает их обратно"
        : "Elements of the original eml.xml the fields above do not hold; export writes them back",
    ],
  ];
  keep.forEach((k, i) => {
    const text = `${k.parent}\n${k.xml}`;
    for (let at = 0, part = 1; at < text.length; at += KEEP_CELL, part++) {
      const key = part === 1 ? `eml.keep.${i + 1}` : `eml.keep.${i + 1}.${part}`;
      const help =
        part > 1
          ? lang === "ru"
            ? "продолжение"
            : "continued"
          : `${fieldLabel(`eml.keep.${i + 1}`, lang)} — ${lang === "ru" ? "место в eml.xml, затем элемент как есть" : "place in eml.xml, then the element as written"}`;
      rows.push([key, text.slice(at, at + KEEP_CELL), help]);
    }
  });
  return rows;
}

/** Text of a cell as read from the sheet. */
function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.trim();
}

/** Options for reading the sheet. */
export interface SheetReadOptions {
  /** Workbook date system, for dates typed into date cells. */
  date1904?: boolean;
}

/**
 * Read the Metadata sheet's rows (columns A and B; C is ignored). Unknown keys, values that cannot be read and
 * duplicated keys are reported as problems with their row; nothing is dropped silently.
 */
export function metadataFromSheetRows(
  rows: readonly (readonly CellValue[])[],
  options: SheetReadOptions = {}
): { meta: DatasetMetadata; problems: MetadataProblem[] } {
  const meta = emptyMetadata();
  const problems: MetadataProblem[] = [];
  const seen = new Map<string, number>();
  const agents = new Map<string, Map<number, Agent>>();
  const steps = new Map<number, string>();
  const taxa = new Map<number, TaxonCoverage>();
  const keepParts = new Map<number, Map<number, { text: string; row: number }>>();
  const sources: Partial<Record<"geographic" | "temporal" | "taxonomic", CoverageSource>> = {};
  const report = (
    severity: MetadataProblem["severity"],
    code: string,
    field: string,
    row: number,
    en: string,
    ru: string
  ): void => {
    problems.push({
      severity,
      code,
      field,
      row,
      message: { en: `Metadata row ${row}: ${en}`, ru: `Лист метаданных, строка ${row}: ${ru}` },
    });
  };

  rows.forEach((cells, i) => {
    const row = i + 1;
    const key = cellText(cells[0] ?? null);
    if (key === "" || key.startsWith("#") || (key === "key" && row === 1)) return;
    const raw = cells[1] ?? null;
    const text = cellText(raw);
    if (seen.has(key)) {
      report(
        "warning",
        "duplicateKey",
        key,
        row,
        `key "${key}" also in row ${seen.get(key)}; this row's value is used.`,
        `ключ «${key}» уже есть в строке ${seen.get(key)}; используется значение этой строки.`
      );
    }
    seen.set(key, row);
    if (key === "format") {
      if (text !== METADATA_SHEET_FORMAT) {
        report(
          "warning",
          "format",
          key,
          row,
          `format "${text}" is not ${METADATA_SHEET_FORMAT}; reading it as that.`,
          `формат «${text}» отличается от ${METADATA_SHEET_FORMAT}; лист читается как ${METADATA_SHEET_FORMAT}.`
        );
      }
      return;
    }
    const agent = /^(creator|contact|metadataProvider|project\.personnel)\.(\d+)\.(\w+)$/.exec(key);
    if (agent) {
      const prop = AGENT_FIELDS.find((a) => a.prop === agent[3])?.prop;
      if (!prop || (prop === "role" && agent[1] !== "project.personnel")) {
        report(
          "warning",
          "unknownKey",
          key,
          row,
          `unknown key "${key}"; ignored.`,
          `неизвестный ключ «${key}»; строка пропущена.`
        );
        return;
      }
      const list = agents.get(agent[1]) ?? new Map<number, Agent>();
      agents.set(agent[1], list);
      const a = list.get(+agent[2]) ?? emptyAgent();
      list.set(+agent[2], a);
      a[prop] = prop === "orcid" ? normalizeOrcid(text) : text;
      return;
    }
    const kept = /^eml\.keep\.(\d+)(?:\.(\d+))?$/.exec(key);
    if (kept) {
      const parts = keepParts.get(+kept[1]) ?? new Map<number, { text: string; row: number }>();
      keepParts.set(+kept[1], parts);
      parts.set(kept[2] ? +kept[2] : 1, { text: typeof raw === "string" ? raw : text, row });
      return;
    }
    const step = /^methods\.step\.(\d+)$/.exec(key);
    if (step) {
      steps.set(+step[1], text);
      return;
    }
    const taxon = /^coverage\.taxon\.(\d+)$/.exec(key);
    if (taxon) {
      if (text === "") return;
      const parts = text.split("|").map((p) => p.trim());
      const [rank, name, count, commonName] = parts.length === 1 ? ["", parts[0]] : parts;
      if (parts.length > 4 || (count && !/^\d+$/.test(count))) {
        report(
          "error",
          "taxon",
          key,
          row,
          `"${text}" is not "rank | name | records | common name".`,
          `«${text}» не в формате «ранг | название | записей | русское название».`
        );
        return;
      }
      taxa.set(+taxon[1], {
        rank: rank ?? "",
        name: name ?? "",
        count: count ? Number(count) : null,
        commonName: commonName ?? "",
      });
      return;
    }
    const spec = scalarField(key);
    if (!spec) {
      report(
        "warning",
        "unknownKey",
        key,
        row,
        `unknown key "${key}"; ignored.`,
        `неизвестный ключ «${key}»; строка пропущена.`
      );
      return;
    }
    const problem = setScalar(meta, key, spec.kind, raw, text, options, sources);
    if (problem) report("error", problem.code, key, row, problem.en, problem.ru);
  });

  for (const list of AGENT_LISTS) meta[list.prop] = numbered(agents.get(list.prefix)).filter((a) => !isEmptyAgent(a));
  meta.project.personnel = numbered(agents.get("project.personnel")).filter((a) => !isEmptyAgent(a));
  const keep = readKept(keepParts, agents, report);
  if (keep.length > 0) meta.keep = keep;
  meta.methods.steps = numbered(steps).filter((s) => s !== "");
  meta.coverage.taxonomic.taxa = numbered(taxa);
  const c = meta.coverage;
  const hasGeo =
    c.geographic.description !== "" ||
    [c.geographic.west, c.geographic.east, c.geographic.north, c.geographic.south].some((v) => v !== null);
  c.geographic.source = sources.geographic ?? (hasGeo ? "user" : "data");
  c.temporal.source = sources.temporal ?? (c.temporal.begin !== "" || c.temporal.end !== "" ? "user" : "data");
  c.taxonomic.source =
    sources.taxonomic ?? (c.taxonomic.description !== "" || c.taxonomic.taxa.length > 0 ? "user" : "data");
  return { meta, problems };
}

/**
 * The kept eml.xml elements from their rows: parts joined, each checked (a known place, one well-formed element).
 * An agent's place follows the agent when the numbering of the sheet skips empty blocks.
 */
function readKept(
  parts: Map<number, Map<number, { text: string; row: number }>>,
  agents: Map<string, Map<number, Agent>>,
  report: (
    severity: MetadataProblem["severity"],
    code: string,
    field: string,
    row: number,
    en: string,
    ru: string
  ) => void
): KeptXml[] {
  const keep: KeptXml[] = [];
  const place = (parent: string): string | undefined => {
    const a = /^dataset\/(creator|metadataProvider|contact|project\/personnel)\/(\d+)$/.exec(parent);
    if (!a) return parent;
    const list = [...(agents.get(a[1].replace("/", ".")) ?? new Map<number, Agent>()).entries()]
      .sort((x, y) => x[0] - y[0])
      .filter(([, v]) => !isEmptyAgent(v));
    const at = list.findIndex(([n]) => n === +a[2]);
    return at < 0 ? undefined : `dataset/${a[1]}/${at + 1}`;
  };
  for (const [n, byPart] of [...parts.entries()].sort((x, y) => x[0] - y[0])) {
    const ordered = [...byPart.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v);
    const key = `eml.keep.${n}`;
    const row = ordered[0].row;
    const text = ordered.map((p) => p.text).join("");
    if (text.trim() === "") continue;
    const newline = text.indexOf("\n");
    const parent = (newline < 0 ? text : text.slice(0, newline)).trim();
    const xml = newline < 0 ? "" : text.slice(newline + 1).trim();
    let problem = KEEP_PLACE.test(parent)
      ? ""
      : `"${parent}" is not a place in eml.xml (dataset, dataset/creator/1, …)`;
    if (!problem) {
      try {
        const root = parseXmlTree(xml);
        if (!xml.startsWith("<") || !xml.endsWith(">"))
          problem = "the value after the first line is not one XML element";
        else if (root.name === "") problem = "no element";
      } catch (e) {
        problem = `the element is not well-formed XML (${e instanceof XmlSyntaxError ? e.message : String(e)})`;
      }
    }
    if (problem) {
      report("error", "format", key, row, `${problem}.`, `${problem}.`);
      continue;
    }
    const where = place(parent);
    if (where === undefined) {
      report(
        "warning",
        "unknownKey",
        key,
        row,
        `${parent} has no person in the sheet any more; the element is left out.`,
        `${parent}: такого человека на листе больше нет; элемент пропущен.`
      );
      continue;
    }
    keep.push({ parent: where, xml });
  }
  return keep;
}

function numbered<T>(map: Map<number, T> | undefined): T[] {
  if (!map) return [];
  return [...map.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function setScalar(
  meta: DatasetMetadata,
  key: string,
  kind: FieldKind,
  raw: CellValue,
  text: string,
  options: SheetReadOptions,
  sources: Partial<Record<"geographic" | "temporal" | "taxonomic", CoverageSource>>
): { code: string; en: string; ru: string } | undefined {
  switch (kind) {
    case "license": {
      const id = parseLicense(text);
      if (text !== "" && !id)
        return {
          code: "license",
          en: `licence "${text}" is not CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0.`,
          ru: `лицензия «${text}» — не CC0-1.0, CC-BY-4.0 или CC-BY-NC-4.0.`,
        };
      meta.license = id ?? "";
      return undefined;
    }
    case "language": {
      const code = normalizeLanguage(text);
      // An unreadable code is kept as typed, so checkMetadata names it.
      const value = code === "" ? "eng" : (code ?? text);
      setFieldValue(meta, key, value);
      return undefined;
    }
    case "datasetType": {
      const type = parseDatasetType(text);
      if (text !== "" && !type)
        return {
          code: "vocabulary",
          en: `dataset type "${text}" is not occurrence, checklist or samplingevent.`,
          ru: `тип «${text}» — не occurrence, checklist или samplingevent.`,
        };
      meta.datasetType = type ?? "";
      return undefined;
    }
    case "updateFrequency": {
      const freq = parseUpdateFrequency(text);
      if (text !== "" && !freq)
        return {
          code: "vocabulary",
          en: `update frequency "${text}" is not an EML value (annually, asNeeded, unknown, …).`,
          ru: `частота «${text}» — не значение EML (annually, asNeeded, unknown, …).`,
        };
      meta.updateFrequency = freq ?? "unknown";
      return undefined;
    }
    case "number": {
      const n =
        typeof raw === "number" ? raw : text === "" ? null : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
      if (n !== null && Number.isNaN(n))
        return {
          code: "number",
          en: `"${text}" is not a number (use a dot as decimal separator).`,
          ru: `«${text}» — не число (десятичный разделитель — точка).`,
        };
      setFieldValue(meta, key, n);
      return undefined;
    }
    case "date": {
      let value = text;
      if (typeof raw === "number") {
        // A year typed as a number stays a year; other numbers are date cells (serials), of which the day counts.
        value =
          Number.isInteger(raw) && raw >= 1000 && raw <= 9999
            ? String(raw)
            : excelSerialToIso(raw, options.date1904 ?? false).slice(0, 10);
      }
      setFieldValue(meta, key, value);
      return undefined;
    }
    case "source": {
      const part =
        key === "coverage.geographicSource"
          ? "geographic"
          : key === "coverage.temporalSource"
            ? "temporal"
            : "taxonomic";
      const t = text.toLowerCase();
      if (t === "") return undefined;
      if (t !== "data" && t !== "user")
        return { code: "vocabulary", en: `"${text}" is neither “data” (from the data) nor “user” (as typed).`, ru: `«${text}» — ни «data» (по данным), ни «user» (как введено).` };
      sources[part] = t;
      return undefined;
    }
    case "list":
      meta.keywords = splitKeywords(text);
      return undefined;
    default:
      setFieldValue(meta, key, typeof raw === "string" ? raw.trim() : text);
      return undefined;
  }
}
