/**
 * Metadata checks. Errors block the export, as the IPT's basic-metadata validator does (gbif/ipt
 * `EmlValidator`: title; description of at least 5 characters; licence; at least one creator and one contact, each
 * with a last name, organisation or position), plus everything that would make eml.xml invalid against the GBIF
 * profile 1.3 XSD (characters XML cannot hold, half-filled coverage, methods or project). Warnings: e-mail and
 * ORCID format, what GBIF's data quality page asks for beyond the IPT (metadata provider, publishing
 * organisation, citation).
 */
import type { Lang, Text2 } from "../dwc/types";
import { fieldLabel } from "./fields";
import { parseLicense } from "./licenses";
import type { Agent, DatasetMetadata, MetadataProblem } from "./types";
import { isEmptyAgent } from "./empty";
import { textFields } from "./walk";
import { codePointName, findInvalidXmlChars } from "../archive/xml-text";
import { isYearDate } from "./dates";

/** Excel's limit of characters in one cell; longer text cannot be stored in the Metadata sheet. */
export const EXCEL_CELL_LIMIT = 32767;

const both = (f: (lang: Lang) => string): Text2 => ({ en: f("en"), ru: f("ru") });

function problem(
  severity: MetadataProblem["severity"],
  code: string,
  field: string,
  message: (label: string, lang: Lang) => string
): MetadataProblem {
  return { severity, code, field, message: both((lang) => message(fieldLabel(field, lang), lang)) };
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** ISO 7064 MOD 11-2 check digit of an ORCID iD (https://support.orcid.org/hc/en-us/articles/360006897674). */
export function isValidOrcid(orcid: string): boolean {
  if (!ORCID.test(orcid)) return false;
  const digits = orcid.replace(/-/g, "");
  let total = 0;
  for (let i = 0; i < 15; i++) total = (total + Number(digits[i])) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? "X" : String(result);
  return digits[15] === check;
}

/** Strip an `https://orcid.org/` prefix: the model keeps the bare iD. */
export function normalizeOrcid(text: string): string {
  return text.trim().replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, "");
}

function checkAgent(prefix: string, index: number, a: Agent, out: MetadataProblem[]): void {
  const key = `${prefix}.${index + 1}`;
  if (a.surName.trim() === "" && a.organization.trim() === "" && a.position.trim() === "") {
    out.push(
      problem("error", "agentName", key, (label, lang) =>
        lang === "ru"
          ? `${label}: укажите фамилию, организацию или должность.`
          : `${label}: give a last name, an organisation or a position.`
      )
    );
  }
  if (a.givenName.trim() !== "" && a.surName.trim() === "") {
    out.push(
      problem("error", "agentName", `${key}.surName`, (label, lang) =>
        lang === "ru"
          ? `${label}: указано имя без фамилии; EML требует фамилию вместе с именем.`
          : `${label}: a given name without a last name; EML needs the last name with it.`
      )
    );
  }
  if (a.email.trim() !== "" && !EMAIL.test(a.email.trim())) {
    out.push(
      problem("warning", "email", `${key}.email`, (label, lang) =>
        lang === "ru"
          ? `${label}: «${a.email}» не похоже на адрес эл. почты.`
          : `${label}: "${a.email}" does not look like an e-mail address.`
      )
    );
  }
  const orcid = normalizeOrcid(a.orcid);
  if (orcid !== "" && !isValidOrcid(orcid)) {
    out.push(
      problem("warning", "orcid", `${key}.orcid`, (label, lang) =>
        lang === "ru"
          ? `${label}: «${a.orcid}» не является ORCID iD (формат 0000-0002-1825-0097, последняя цифра контрольная).`
          : `${label}: "${a.orcid}" is not an ORCID iD (format 0000-0002-1825-0097, the last digit is a checksum).`
      )
    );
  }
}

function checkAgents(prefix: string, agents: readonly Agent[], out: MetadataProblem[]): number {
  let count = 0;
  agents.forEach((a, i) => {
    if (isEmptyAgent(a)) return;
    count++;
    checkAgent(prefix, i, a, out);
  });
  return count;
}

function requiredText(field: string, value: string, out: MetadataProblem[]): void {
  if (value.trim() === "") {
    out.push(
      problem("error", "required", field, (label, lang) =>
        lang === "ru" ? `Заполните поле «${label}».` : `${label} is required.`
      )
    );
  }
}

const finite = (n: number | null): n is number => n !== null && Number.isFinite(n);

function checkGeographic(meta: DatasetMetadata, out: MetadataProblem[]): void {
  const g = meta.coverage.geographic;
  const bounds = [
    ["coverage.west", g.west, 180],
    ["coverage.east", g.east, 180],
    ["coverage.north", g.north, 90],
    ["coverage.south", g.south, 90],
  ] as const;
  const given = bounds.filter(([, v]) => v !== null);
  if (given.length === 0) {
    if (g.description.trim() !== "") {
      out.push(
        problem("error", "boundingBox", "coverage.west", (_l, lang) =>
          lang === "ru"
            ? "Для географического охвата нужны все четыре границы (запад, восток, север, юг)."
            : "Geographic coverage needs all four bounds (west, east, north, south)."
        )
      );
    }
    return;
  }
  for (const [key, v, limit] of bounds) {
    if (v === null) {
      out.push(
        problem("error", "boundingBox", key, (label, lang) =>
          lang === "ru"
            ? `${label}: укажите значение (нужны все четыре границы).`
            : `${label}: give a value (all four bounds are needed).`
        )
      );
    } else if (!finite(v) || Math.abs(v) > limit) {
      out.push(
        problem("error", "boundingBox", key, (label, lang) =>
          lang === "ru"
            ? `${label}: ${v} вне диапазона -${limit}..${limit}.`
            : `${label}: ${v} is outside -${limit}..${limit}.`
        )
      );
    }
  }
  if (finite(g.north) && finite(g.south) && g.south > g.north) {
    out.push(
      problem("error", "boundingBox", "coverage.south", (_l, lang) =>
        lang === "ru"
          ? `Южная граница (${g.south}) севернее северной (${g.north}).`
          : `South bound (${g.south}) is north of the north bound (${g.north}).`
      )
    );
  }
  if (g.description.trim() === "") requiredText("coverage.geographicDescription", "", out);
}

function checkTemporal(meta: DatasetMetadata, out: MetadataProblem[]): void {
  const t = meta.coverage.temporal;
  const begin = t.begin.trim();
  const end = t.end.trim();
  for (const [key, v] of [
    ["coverage.beginDate", begin],
    ["coverage.endDate", end],
  ] as const) {
    if (v !== "" && !isYearDate(v)) {
      out.push(
        problem("error", "date", key, (label, lang) =>
          lang === "ru"
            ? `${label}: «${v}» — ожидается ГГГГ или ГГГГ-ММ-ДД.`
            : `${label}: "${v}" is not YYYY or YYYY-MM-DD.`
        )
      );
    }
  }
  if (end !== "" && begin === "") requiredText("coverage.beginDate", "", out);
  if (
    isYearDate(begin) &&
    isYearDate(end) &&
    begin.slice(0, 4) + (begin.slice(4) || "-01-01") > end.slice(0, 4) + (end.slice(4) || "-12-31")
  ) {
    out.push(
      problem("error", "date", "coverage.endDate", (_l, lang) =>
        lang === "ru"
          ? `Конечная дата ${end} раньше начальной ${begin}.`
          : `End date ${end} is before start date ${begin}.`
      )
    );
  }
}

function checkTaxonomic(meta: DatasetMetadata, out: MetadataProblem[]): void {
  const tx = meta.coverage.taxonomic;
  if (tx.description.trim() !== "" && tx.taxa.length === 0) {
    out.push(
      problem("error", "taxa", "coverage.taxonomicDescription", (_l, lang) =>
        lang === "ru"
          ? "Для таксономического охвата нужен хотя бы один таксон (обновите охват по данным или добавьте таксон)."
          : "Taxonomic coverage needs at least one taxon (refresh coverage from the data or add one)."
      )
    );
  }
  tx.taxa.forEach((t, i) => {
    if (t.name.trim() === "") {
      out.push(
        problem("error", "taxa", `coverage.taxon.${i + 1}`, (label, lang) =>
          lang === "ru" ? `${label}: укажите научное название.` : `${label}: give the scientific name.`
        )
      );
    }
  });
}

function checkMethods(meta: DatasetMetadata, out: MetadataProblem[]): void {
  const m = meta.methods;
  const steps = m.steps.filter((s) => s.trim() !== "");
  const any = steps.length > 0 || [m.studyExtent, m.samplingDescription, m.qualityControl].some((s) => s.trim() !== "");
  if (!any) return;
  if (steps.length === 0) {
    out.push(
      problem("error", "methods", "methods.step.1", (_l, lang) =>
        lang === "ru"
          ? "В разделе «Методы» нужен хотя бы один этап методики."
          : "Methods need at least one method step."
      )
    );
  }
  // EML `sampling` needs both parts.
  const extent = m.studyExtent.trim() !== "";
  const sampling = m.samplingDescription.trim() !== "";
  if (extent !== sampling) requiredText(extent ? "methods.samplingDescription" : "methods.studyExtent", "", out);
}

function checkProject(meta: DatasetMetadata, out: MetadataProblem[]): void {
  const p = meta.project;
  const people = checkAgents("project.personnel", p.personnel, out);
  const any =
    people > 0 ||
    [p.title, p.identifier, p.description, p.funding, p.studyAreaDescription, p.designDescription].some(
      (s) => s.trim() !== ""
    );
  if (!any) return;
  requiredText("project.title", p.title, out);
  if (people === 0) {
    out.push(
      problem("error", "required", "project.personnel", (label, lang) =>
        lang === "ru"
          ? `Проект: укажите хотя бы одного участника (${label}).`
          : `Project: give at least one person (${label}).`
      )
    );
  }
}

/**
 * Check metadata. Errors block the export; warnings are listed. Each problem names its field by sheet key.
 *
 * @example checkMetadata(emptyMetadata()).filter(p => p.severity === "error").map(p => p.field)
 *   // ["title", "description", "license", "datasetType", "creator", "contact"]
 */
export function checkMetadata(meta: DatasetMetadata): MetadataProblem[] {
  const out: MetadataProblem[] = [];
  requiredText("title", meta.title, out);
  const plain = meta.description.replace(/<[^>]*>/g, "").trim();
  if (plain.length < 5) {
    out.push(
      problem("error", "required", "description", (label, lang) =>
        lang === "ru" ? `${label}: нужно не менее 5 символов.` : `${label} needs at least 5 characters.`
      )
    );
  }
  if (meta.license === "" || parseLicense(meta.license) !== meta.license) {
    out.push(
      problem("error", "required", "license", (label, lang) =>
        lang === "ru"
          ? `${label}: выберите CC0-1.0, CC-BY-4.0 или CC-BY-NC-4.0.`
          : `${label}: choose CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0.`
      )
    );
  }
  for (const key of ["metadataLanguage", "dataLanguage"] as const) {
    const v = meta[key];
    if (v !== "" && !/^[a-z]{3}$/.test(v)) {
      out.push(
        problem("error", "language", key, (label, lang) =>
          lang === "ru"
            ? `${label}: «${meta[key]}» — не язык из списка; выберите язык (на листе — его трёхбуквенный код, например rus для русского).`
            : `${label}: "${meta[key]}" is not a language of the list; choose one (in the sheet, its three-letter code, e.g. rus for Russian).`
        )
      );
    }
  }
  if (meta.datasetType === "") {
    out.push(
      problem("error", "required", "datasetType", (label, lang) =>
        lang === "ru"
          ? `${label} неизвестен: добавьте основной лист набора данных.`
          : `${label} is unknown: add a core sheet to the dataset.`
      )
    );
  }
  for (const list of [
    {
      key: "creator",
      agents: meta.creators,
      en: "Add at least one creator.",
      ru: "Добавьте хотя бы одного автора (creator).",
    },
    {
      key: "contact",
      agents: meta.contacts,
      en: "Add at least one contact.",
      ru: "Добавьте хотя бы одно контактное лицо.",
    },
  ]) {
    if (checkAgents(list.key, list.agents, out) === 0) {
      out.push({ severity: "error", code: "required", field: list.key, message: { en: list.en, ru: list.ru } });
    }
  }
  if (checkAgents("metadataProvider", meta.metadataProviders, out) === 0) {
    out.push({
      severity: "warning",
      code: "recommended",
      field: "metadataProvider",
      message: {
        en: "No metadata provider: GBIF's data quality requirements ask for one.",
        ru: "Не указан автор метаданных: требования GBIF к качеству данных его предусматривают.",
      },
    });
  }
  if (meta.publishingOrganization.trim() === "") {
    out.push(
      problem("warning", "recommended", "publishingOrganization", (label, lang) =>
        lang === "ru" ? `Не указано поле «${label}».` : `${label} is not given.`
      )
    );
  }
  if (meta.citation.trim() === "") {
    out.push(
      problem("warning", "recommended", "citation", (label, lang) =>
        lang === "ru"
          ? `${label}: GBIF настоятельно рекомендует указать, как цитировать набор.`
          : `${label}: GBIF strongly recommends one.`
      )
    );
  }
  if (meta.homepage.trim() !== "" && !/^https?:\/\/\S+$/i.test(meta.homepage.trim())) {
    out.push(
      problem("error", "url", "homepage", (label, lang) =>
        lang === "ru"
          ? `${label}: «${meta.homepage}» — нужен адрес http(s)://…`
          : `${label}: "${meta.homepage}" is not an http(s):// address.`
      )
    );
  }
  checkGeographic(meta, out);
  checkTemporal(meta, out);
  checkTaxonomic(meta, out);
  checkMethods(meta, out);
  checkProject(meta, out);
  for (const { key, value } of textFields(meta)) {
    const bad = findInvalidXmlChars(value);
    if (bad.length > 0) {
      const names = [...new Set(bad.map((b) => codePointName(b.codePoint)))].join(", ");
      out.push(
        problem("error", "invalidXmlChar", key, (label, lang) =>
          lang === "ru"
            ? `${label}: содержит управляющие символы (${names}), которые нельзя записать в XML. Удалите их или примените исправление.`
            : `${label}: holds control characters (${names}) that XML cannot hold. Remove them or apply the fix.`
        )
      );
    }
    if (value.length > EXCEL_CELL_LIMIT) {
      out.push(
        problem("warning", "tooLong", key, (label, lang) =>
          lang === "ru"
            ? `${label}: ${value.length} символов — больше, чем помещается в ячейку Excel (${EXCEL_CELL_LIMIT}); на листе «Metadata» текст не сохранится.`
            : `${label}: ${value.length} characters, more than an Excel cell holds (${EXCEL_CELL_LIMIT}); it cannot be stored in the Metadata sheet.`
        )
      );
    }
  }
  return out;
}

/** True when none of the problems blocks the export. */
export function metadataIsPublishable(problems: readonly MetadataProblem[]): boolean {
  return problems.every((p) => p.severity !== "error");
}
