/**
 * eml.xml writer: EML 2.2.0 in GBIF Metadata Profile 1.3, in the layout the IPT 3 writes (root attributes,
 * element order of the profile's `dataset` sequence, `intellectualRights` sentence with `ulink` + `licensed`,
 * dataset-type keyword set, `additionalMetadata/metadata/gbif` with `dateStamp`, `hierarchyLevel`, `citation`).
 *
 * Characters XML 1.0 cannot hold are refused, never dropped: `buildEmlXml` throws a MetadataError naming the
 * field when `checkMetadata` reports any error; `replaceInvalidXmlChars` is the explicit fix.
 */
import { numberToText } from "../dwc/cells";
import { checkMetadata, normalizeOrcid } from "./check";
import { COVERAGE_RANKS, plural } from "./coverage";
import { isYearDate } from "./dates";
import { MetadataError } from "./errors";
import { getLicense, spdxUrl } from "./licenses";
import type { Agent, DatasetMetadata, KeptXml, TaxonCoverage } from "./types";
import { isEmptyAgent } from "./empty";
import { escapeAttribute, escapeText, findInvalidXmlChars, codePointName } from "../archive/xml-text";

/** The namespace and schema location the IPT writes for profile 1.3. */
export const EML_NAMESPACE = "https://eml.ecoinformatics.org/eml-2.2.0";
export const EML_SCHEMA_LOCATION = "https://rs.gbif.org/schema/eml-gbif-profile/1.3/eml.xsd";
/** Thesaurus of the dataset-type keyword, as the IPT names it (gbif/ipt `Constants.THESAURUS_DATASET_TYPE`). */
export const DATASET_TYPE_THESAURUS =
  "GBIF Dataset Type Vocabulary: http://rs.gbif.org/vocabulary/gbif/dataset_type_2015-07-10.xml";

/** What eml.xml needs beyond the metadata. */
export interface EmlOptions {
  /** Unique id of this version of the document, e.g. `https://ipt.example.org/resource?id=plants/v1.0` or a UUID. */
  packageId: string;
  /** Publication date, `YYYY-MM-DD` (or `YYYY`). */
  pubDate: string;
  /** Metadata creation time (xs:dateTime); default: now, in UTC. */
  dateStamp?: string;
  /** Other identifiers of the dataset (e.g. a DOI), written as `alternateIdentifier`. */
  alternateIdentifiers?: readonly string[];
}

/** Children of `dataset` in GBIF profile 1.3 order: what can be written back. */
export const DATASET_ORDER = [
  "alternateIdentifier",
  "shortName",
  "title",
  "creator",
  "metadataProvider",
  "associatedParty",
  "pubDate",
  "language",
  "abstract",
  "keywordSet",
  "additionalInfo",
  "intellectualRights",
  "licensed",
  "distribution",
  "coverage",
  "purpose",
  "introduction",
  "gettingStarted",
  "acknowledgements",
  "maintenance",
  "contact",
  "publisher",
  "methods",
  "project",
  "literatureCited",
] as const;

/** Children of `additionalMetadata/metadata/gbif` in profile 1.3 order. */
export const GBIF_ORDER = [
  "dateStamp",
  "hierarchyLevel",
  "citation",
  "bibliography",
  "physical",
  "resourceLogoUrl",
  "collection",
  "formationPeriod",
  "specimenPreservationMethod",
  "livingTimePeriod",
  "jgtiCuratorialUnit",
  "replaces",
] as const;

/** Children of an agent in profile order (agentType, plus `role` of associatedParty and personnel). */
export const AGENT_ORDER = [
  "individualName",
  "organizationName",
  "positionName",
  "address",
  "phone",
  "electronicMailAddress",
  "onlineUrl",
  "userId",
  "role",
] as const;

/**
 * The kept elements (from an imported eml.xml, see `KeptXml`) of one parent, in their order; with `names`, only
 * those whose element is one of them.
 */
function keptAt(meta: DatasetMetadata, parent: string, names?: readonly string[]): KeptXml[] {
  return (meta.keep ?? []).filter((k) => k.parent === parent && (!names || names.includes(keptName(k.xml))));
}

/** Local name of a kept element's root (`dc:replaces` -> `replaces`). */
export function keptName(xml: string): string {
  const m = /^\s*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml);
  return m ? m[2] : "";
}

const DATE_TIME = /^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Small writer that keeps indentation. */
class XmlLines {
  private readonly lines: string[] = [];
  private depth = 0;

  open(tag: string, attrs = ""): void {
    this.lines.push(`${"  ".repeat(this.depth)}<${tag}${attrs}>`);
    this.depth++;
  }

  close(tag: string): void {
    this.depth--;
    this.lines.push(`${"  ".repeat(this.depth)}</${tag}>`);
  }

  /** `<tag attrs>text</tag>` with `text` escaped. */
  text(tag: string, text: string, attrs = ""): void {
    this.lines.push(`${"  ".repeat(this.depth)}<${tag}${attrs}>${escapeText(text)}</${tag}>`);
  }

  /** A line of ready-made markup. */
  raw(markup: string): void {
    this.lines.push(`${"  ".repeat(this.depth)}${markup}`);
  }

  /** Kept elements, verbatim. */
  kept(elements: readonly KeptXml[]): void {
    for (const k of elements) this.raw(k.xml.trim());
  }

  toString(): string {
    return this.lines.join("\n") + "\n";
  }
}

const attr = (name: string, value: string): string => ` ${name}="${escapeAttribute(value)}"`;
const filled = (s: string): boolean => s.trim() !== "";

/** Paragraphs of a text: blank lines separate them. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function writeParas(x: XmlLines, tag: string, text: string, attrs = ""): void {
  x.open(tag, attrs);
  for (const p of paragraphs(text)) x.text("para", p);
  x.close(tag);
}

/** `<description><para>…</para></description>` for EML `description`-typed elements (one paragraph per block). */
function writeDescription(x: XmlLines, tag: string, text: string): void {
  x.open(tag);
  x.open("description");
  const paras = paragraphs(text);
  if (paras.length === 0) x.raw("<para></para>");
  for (const p of paras) x.text("para", p);
  x.close("description");
  x.close(tag);
}

function writeAgent(x: XmlLines, tag: string, a: Agent, withRole: boolean, kept: readonly KeptXml[]): void {
  const extra = (...names: string[]): void => x.kept(kept.filter((k) => names.includes(keptName(k.xml))));
  x.open(tag);
  if (filled(a.surName)) {
    x.open("individualName");
    if (filled(a.givenName)) x.text("givenName", a.givenName.trim());
    x.text("surName", a.surName.trim());
    x.close("individualName");
  }
  if (filled(a.organization)) x.text("organizationName", a.organization.trim());
  if (filled(a.position)) x.text("positionName", a.position.trim());
  extra("individualName", "organizationName", "positionName");
  extra("address");
  extra("phone");
  if (filled(a.email)) x.text("electronicMailAddress", a.email.trim());
  extra("electronicMailAddress");
  extra("onlineUrl");
  const orcid = normalizeOrcid(a.orcid);
  if (orcid !== "") x.text("userId", orcid, attr("directory", "https://orcid.org/"));
  extra("userId");
  if (withRole) x.text("role", a.role.trim());
  x.close(tag);
}

/**
 * The agents of a list; `path` is where their kept elements are (`dataset/creator` -> `dataset/creator/1`, …),
 * numbered by place in the list.
 */
function writeAgents(
  x: XmlLines,
  tag: string,
  agents: readonly Agent[],
  meta: DatasetMetadata,
  path: string,
  withRole = false
): void {
  agents.forEach((a, i) => {
    if (!isEmptyAgent(a)) writeAgent(x, tag, a, withRole, keptAt(meta, `${path}/${i + 1}`));
  });
}

const RANK_NAMES: Record<string, { en: string; ru: string }> = {
  kingdom: { en: "Kingdom", ru: "Царство" },
  phylum: { en: "Phylum", ru: "Тип (отдел)" },
  class: { en: "Class", ru: "Класс" },
  order: { en: "Order", ru: "Порядок" },
  family: { en: "Family", ru: "Семейство" },
};

/**
 * The record counts of the taxa as a sentence, in Russian when the metadata language is `rus`:
 * "Number of records: Kingdom: Plantae (1523). Family: Rosaceae (120), Poaceae (98)."
 */
export function taxonCountsText(taxa: readonly TaxonCoverage[], metadataLanguage: string): string {
  const lang = metadataLanguage === "rus" ? "ru" : "en";
  const counted = taxa.filter((t) => t.count !== null && filled(t.name));
  if (counted.length === 0) return "";
  const ranks = [...new Set(counted.map((t) => t.rank.trim()))].sort((a, b) => rankOrder(a) - rankOrder(b));
  const parts = ranks.map((rank) => {
    const names = counted
      .filter((t) => t.rank.trim() === rank)
      .map((t) => `${t.name.trim()} (${t.count})`)
      .join(", ");
    const label = RANK_NAMES[rank]?.[lang] ?? (rank === "" ? (lang === "ru" ? "Без ранга" : "No rank") : rank);
    return `${label}: ${names}.`;
  });
  const total = counted.length;
  const head =
    lang === "ru"
      ? `Число записей по таксонам (${total} ${plural(total, "таксон", "таксона", "таксонов")}):`
      : `Number of records per taxon (${total} ${total === 1 ? "taxon" : "taxa"}):`;
  return `${head} ${parts.join(" ")}`;
}

function rankOrder(rank: string): number {
  const i = (COVERAGE_RANKS as readonly string[]).indexOf(rank);
  return i < 0 ? COVERAGE_RANKS.length : i;
}

function writeCoverage(x: XmlLines, meta: DatasetMetadata): void {
  const { geographic: g, temporal: t, taxonomic: tx } = meta.coverage;
  const hasGeo = g.west !== null && g.east !== null && g.north !== null && g.south !== null;
  const hasTime = filled(t.begin);
  const taxa = tx.taxa.filter((tc) => filled(tc.name));
  const kept = keptAt(meta, "dataset/coverage");
  if (!hasGeo && !hasTime && taxa.length === 0 && kept.length === 0) return;
  x.open("coverage");
  if (hasGeo) {
    x.open("geographicCoverage");
    x.text("geographicDescription", g.description.trim());
    x.open("boundingCoordinates");
    x.text("westBoundingCoordinate", numberToText(g.west as number));
    x.text("eastBoundingCoordinate", numberToText(g.east as number));
    x.text("northBoundingCoordinate", numberToText(g.north as number));
    x.text("southBoundingCoordinate", numberToText(g.south as number));
    x.close("boundingCoordinates");
    x.close("geographicCoverage");
  }
  if (hasTime) {
    x.open("temporalCoverage");
    if (filled(t.end)) {
      x.open("rangeOfDates");
      x.open("beginDate");
      x.text("calendarDate", t.begin.trim());
      x.close("beginDate");
      x.open("endDate");
      x.text("calendarDate", t.end.trim());
      x.close("endDate");
      x.close("rangeOfDates");
    } else {
      x.open("singleDateTime");
      x.text("calendarDate", t.begin.trim());
      x.close("singleDateTime");
    }
    x.close("temporalCoverage");
  }
  if (taxa.length > 0) {
    x.open("taxonomicCoverage");
    const general = [tx.description.trim(), taxonCountsText(taxa, meta.metadataLanguage || "eng")]
      .filter(filled)
      .join("\n");
    if (general !== "") x.text("generalTaxonomicCoverage", general);
    for (const taxon of taxa) {
      x.open("taxonomicClassification");
      if (filled(taxon.rank)) x.text("taxonRankName", taxon.rank.trim());
      x.text("taxonRankValue", taxon.name.trim());
      if (filled(taxon.commonName)) x.text("commonName", taxon.commonName.trim());
      x.close("taxonomicClassification");
    }
    x.close("taxonomicCoverage");
  }
  x.kept(kept);
  x.close("coverage");
}

function writeMethods(x: XmlLines, meta: DatasetMetadata): void {
  const m = meta.methods;
  const steps = m.steps.filter(filled);
  if (steps.length === 0) {
    // checkMetadata requires a step whenever methods are filled in; methods kept from an imported eml.xml instead
    x.kept(keptAt(meta, "dataset", ["methods"]));
    return;
  }
  x.open("methods");
  for (const step of steps) writeDescription(x, "methodStep", step);
  if (filled(m.studyExtent) && filled(m.samplingDescription)) {
    x.open("sampling");
    writeDescription(x, "studyExtent", m.studyExtent);
    x.open("samplingDescription");
    x.text("para", m.samplingDescription.trim());
    x.close("samplingDescription");
    x.close("sampling");
  }
  if (filled(m.qualityControl)) writeDescription(x, "qualityControl", m.qualityControl);
  x.close("methods");
}

function writeProject(x: XmlLines, meta: DatasetMetadata): void {
  const p = meta.project;
  if (!filled(p.title)) {
    // checkMetadata requires the title whenever the project is filled in; a project kept from eml.xml instead
    x.kept(keptAt(meta, "dataset", ["project"]));
    return;
  }
  x.open("project", filled(p.identifier) ? attr("id", p.identifier.trim()) : "");
  x.text("title", p.title.trim());
  writeAgents(x, "personnel", p.personnel, meta, "dataset/project/personnel", true);
  if (filled(p.description)) writeParas(x, "abstract", p.description);
  if (filled(p.funding)) {
    x.open("funding");
    x.text("para", p.funding.trim());
    x.close("funding");
  }
  if (filled(p.studyAreaDescription)) {
    x.open("studyAreaDescription");
    x.open("descriptor", `${attr("name", "generic")}${attr("citableClassificationSystem", "false")}`);
    x.text("descriptorValue", p.studyAreaDescription.trim());
    x.close("descriptor");
    x.close("studyAreaDescription");
  }
  if (filled(p.designDescription)) {
    x.open("designDescription");
    x.open("description");
    for (const para of paragraphs(p.designDescription)) x.text("para", para);
    x.close("description");
    x.close("designDescription");
  }
  x.close("project");
}

function checkOptions(options: EmlOptions): void {
  const fail = (field: string, message: string): never => {
    throw new MetadataError("EML_OPTION_INVALID", field, `eml.xml ${field}: ${message}`);
  };
  const values: [string, string][] = [
    ["packageId", options.packageId],
    ["pubDate", options.pubDate],
    ...(options.alternateIdentifiers ?? []).map((v, i): [string, string] => [`alternateIdentifiers[${i}]`, v]),
  ];
  if (options.dateStamp !== undefined) values.push(["dateStamp", options.dateStamp]);
  for (const [field, value] of values) {
    const bad = findInvalidXmlChars(value);
    if (bad.length > 0) fail(field, `holds characters XML cannot hold (${codePointName(bad[0].codePoint)})`);
  }
  if (!filled(options.packageId)) fail("packageId", "is empty");
  if (!isYearDate(options.pubDate)) fail("pubDate", `"${options.pubDate}" is not YYYY-MM-DD`);
  if (options.dateStamp !== undefined && !DATE_TIME.test(options.dateStamp)) {
    fail("dateStamp", `"${options.dateStamp}" is not an ISO 8601 date-time`);
  }
  (options.alternateIdentifiers ?? []).forEach((v, i) => {
    if (!filled(v)) fail(`alternateIdentifiers[${i}]`, "is empty");
  });
}

/**
 * Write eml.xml. Throws MetadataError `METADATA_INVALID` (naming the fields) when `checkMetadata` reports errors,
 * and `EML_OPTION_INVALID` for a bad option; otherwise the result is valid against the GBIF profile 1.3 XSD.
 *
 * @example buildEmlXml(meta, { packageId: "urn:uuid:…", pubDate: "2026-11-21" })
 *   // '<?xml version="1.0" encoding="UTF-8"?>\n<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0" …'
 */
export function buildEmlXml(meta: DatasetMetadata, options: EmlOptions): string {
  const errors = checkMetadata(meta).filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new MetadataError(
      "METADATA_INVALID",
      errors[0].field,
      `Metadata cannot be written to eml.xml: ${errors.map((e) => `${e.field}: ${e.message.en}`).join("; ")}`,
      errors
    );
  }
  checkOptions(options);
  const metaLang = meta.metadataLanguage || "eng";
  const x = new XmlLines();
  x.raw('<?xml version="1.0" encoding="UTF-8"?>');
  x.open(
    "eml:eml",
    ` xmlns:eml="${EML_NAMESPACE}" xmlns:dc="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      `${attr("xsi:schemaLocation", `${EML_NAMESPACE} ${EML_SCHEMA_LOCATION}`)}` +
      `${attr("packageId", options.packageId.trim())} system="http://gbif.org" scope="system"${attr("xml:lang", metaLang)}`
  );
  x.open("dataset");
  const slot = (...names: string[]): void => x.kept(keptAt(meta, "dataset", names));
  for (const id of options.alternateIdentifiers ?? []) x.text("alternateIdentifier", id.trim());
  slot("alternateIdentifier", "shortName");
  x.text("title", meta.title.trim(), attr("xml:lang", metaLang));
  slot("title");
  writeAgents(x, "creator", meta.creators, meta, "dataset/creator");
  writeAgents(x, "metadataProvider", meta.metadataProviders, meta, "dataset/metadataProvider");
  slot("associatedParty");
  x.text("pubDate", options.pubDate);
  x.text("language", meta.dataLanguage || "eng");
  writeParas(x, "abstract", meta.description);
  const keywords = meta.keywords.map((k) => k.trim()).filter((k) => k !== "");
  if (keywords.length > 0) {
    x.open("keywordSet");
    for (const k of keywords) x.text("keyword", k);
    x.text("keywordThesaurus", "n/a");
    x.close("keywordSet");
  }
  if (meta.datasetType !== "") {
    x.open("keywordSet");
    x.text("keyword", meta.datasetType[0].toUpperCase() + meta.datasetType.slice(1));
    x.text("keywordThesaurus", DATASET_TYPE_THESAURUS);
    x.close("keywordSet");
  }
  slot("keywordSet");
  slot("additionalInfo");
  if (meta.license !== "") {
    const lic = getLicense(meta.license);
    x.open("intellectualRights");
    x.raw(
      `<para>${escapeText(lic.before)}<ulink${attr("url", lic.legalCode)}><citetitle>${escapeText(lic.iptName)}</citetitle></ulink>${escapeText(lic.after)}</para>`
    );
    x.close("intellectualRights");
    x.open("licensed");
    x.text("licenseName", lic.spdxName);
    x.text("url", spdxUrl(lic.id));
    x.text("identifier", lic.id);
    x.close("licensed");
  } else {
    // The original rights statement of an imported eml.xml, until a licence GBIF accepts is chosen.
    slot("intellectualRights");
    slot("licensed");
  }
  if (filled(meta.homepage)) {
    x.open("distribution", attr("scope", "document"));
    x.open("online");
    x.text("url", meta.homepage.trim(), attr("function", "information"));
    x.close("online");
    x.close("distribution");
  }
  slot("distribution");
  writeCoverage(x, meta);
  if (filled(meta.purpose)) writeParas(x, "purpose", meta.purpose);
  else slot("purpose");
  slot("introduction", "gettingStarted", "acknowledgements");
  x.open("maintenance");
  x.open("description");
  x.text("para", meta.updateDescription.trim());
  x.close("description");
  x.text("maintenanceUpdateFrequency", meta.updateFrequency);
  x.kept(keptAt(meta, "dataset/maintenance"));
  x.close("maintenance");
  writeAgents(x, "contact", meta.contacts, meta, "dataset/contact");
  if (filled(meta.publishingOrganization)) {
    x.open("publisher");
    x.text("organizationName", meta.publishingOrganization.trim());
    x.kept(keptAt(meta, "dataset/publisher"));
    x.close("publisher");
  } else slot("publisher");
  writeMethods(x, meta);
  writeProject(x, meta);
  slot("literatureCited");
  x.close("dataset");
  x.open("additionalMetadata");
  x.open("metadata");
  x.open("gbif");
  x.text("dateStamp", options.dateStamp ?? new Date().toISOString());
  x.text("hierarchyLevel", "dataset");
  if (filled(meta.citation)) {
    x.text(
      "citation",
      meta.citation.trim(),
      filled(meta.citationIdentifier) ? attr("identifier", meta.citationIdentifier.trim()) : ""
    );
  }
  const gbif = keptAt(meta, "additionalMetadata/metadata/gbif");
  const order = (k: KeptXml): number => (GBIF_ORDER as readonly string[]).indexOf(keptName(k.xml));
  x.kept(
    gbif
      .map((k, i) => ({ k, i }))
      .sort((a, b) => order(a.k) - order(b.k) || a.i - b.i)
      .map(({ k }) => k)
  );
  x.close("gbif");
  x.close("metadata");
  x.close("additionalMetadata");
  x.close("eml:eml");
  return x.toString();
}
