/**
 * Generates the Darwin Core model data (`src/dwc/generated/*.ts`) from the standard's files in `../shared/dwc`.
 *
 *   npx ts-node --transpile-only scripts/generate-model.ts [outDir] [sharedDwcDir]
 *
 * Inputs (see ../shared/dwc/README.md for provenance):
 * - tdwg-dwc/term_versions.csv: every current Darwin Core term (status `recommended`).
 * - gbif-rs/core/*.xml, gbif-rs/extension/**\/*.xml: GBIF core and extension definitions.
 * - gbif-rs/vocabulary/**: GBIF thesauri; gbif-vocabulary-server/LifeStage_export.json; gbif-ipt/licenses.properties.
 * - gbif-ipt/templates/*.xlsx (not the `_example_data` copies): column levels from the header fills.
 * - npm packages i18n-iso-countries and @cospired/i18n-iso-languages: English/Russian country and language names.
 *
 * The output is deterministic: `test/dwc/generator.test.ts` regenerates it and fails when the committed files differ.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import type { Block } from "../src/dwc/types";

// ---------------------------------------------------------------------------------------------------------------
// Minimal XML reader: elements and attributes only (no file we read needs text content). Handles comments,
// processing instructions, CDATA, both quote styles, attribute-value normalisation (XML 1.0 §3.3.3: tab, CR and LF
// become spaces) and the predefined and numeric character references.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

const XML_ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const XML_NAME = /[^\s/>]+/y;

function decodeAttr(raw: string): string {
  return raw.replace(/[\t\n\r]/g, " ").replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Parses `xml` and returns its root element; throws naming the file and offset on malformed input. */
export function parseXml(xml: string, file: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${file}: ${msg} at offset ${i}`);
  };
  const skipTo = (end: string, what: string) => {
    const at = xml.indexOf(end, i);
    if (at < 0) fail(`unterminated ${what}`);
    i = at + end.length;
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith("<!--", i)) skipTo("-->", "comment");
    else if (xml.startsWith("<![CDATA[", i)) skipTo("]]>", "CDATA section");
    else if (xml.startsWith("<?", i) || xml.startsWith("<!", i)) skipTo(">", "declaration");
    else if (xml.startsWith("</", i)) {
      const end = xml.indexOf(">", i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`closing tag </${name}> does not match <${open?.name}>`);
      i = end + 1;
    } else {
      XML_NAME.lastIndex = i + 1;
      const m = XML_NAME.exec(xml);
      if (!m) return fail("element name expected");
      const el: XmlElement = { name: m[0], attrs: {}, children: [] };
      i = XML_NAME.lastIndex;
      for (;;) {
        XML_ATTR.lastIndex = i;
        const a = XML_ATTR.exec(xml);
        if (!a) break;
        el.attrs[a[1]] = decodeAttr(a[2] ?? a[3]);
        i = XML_ATTR.lastIndex;
      }
      while (/\s/.test(xml[i] ?? "")) i++;
      stack[stack.length - 1].children.push(el);
      if (xml.startsWith("/>", i)) i += 2;
      else if (xml[i] === ">") {
        stack.push(el);
        i += 1;
      } else fail(`unexpected ${JSON.stringify(xml[i])} in <${el.name}>`);
    }
  }
  if (stack.length !== 1) fail(`unclosed element <${stack[stack.length - 1].name}>`);
  return root.children[0] ?? fail("no root element");
}

const childrenNamed = (el: XmlElement, local: string) =>
  el.children.filter((c) => c.name === local || c.name.endsWith(`:${local}`));

// ---------------------------------------------------------------------------------------------------------------
// Terms


/** Block of each class (by local name). Record-level terms (no class) are RECORD; other DwC-DP classes OTHER. */
const CLASS_BLOCK: Record<string, Block> = {
  Occurrence: "OCCURRENCE",
  HumanObservation: "OCCURRENCE",
  MachineObservation: "OCCURRENCE",
  Organism: "ORGANISM",
  OrganismInteraction: "ORGANISM",
  MaterialEntity: "MATERIAL",
  MaterialSample: "MATERIAL",
  PreservedSpecimen: "MATERIAL",
  FossilSpecimen: "MATERIAL",
  LivingSpecimen: "MATERIAL",
  MaterialCitation: "MATERIAL",
  Event: "EVENT",
  Location: "LOCATION",
  GeologicalContext: "GEOLOGY",
  Identification: "IDENTIFICATION",
  Taxon: "TAXON",
  MeasurementOrFact: "MEASUREMENT",
  ResourceRelationship: "RELATIONSHIP",
};

const localName = (iri: string) => iri.replace(/^.*[/#]/, "");
const USE_WITH_IRI = "http://rs.tdwg.org/dwc/terms/attributes/UseWithIRI";

/** Splits the standard's examples (`` `a` (note); `b` ``) into items without back-ticks. */
export function splitExamples(raw: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inTick = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "`") inTick = !inTick;
    else if (ch === ";" && !inTick && (raw[i + 1] === " " || i === raw.length - 1)) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.filter((s) => s.length > 0);
}

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  const parsed = Papa.parse<Row>(fs.readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

function buildTerms(dwcDir: string) {
  const rows = readCsv(path.join(dwcDir, "tdwg-dwc/term_versions.csv")).filter((r) => r.status === "recommended");
  const classOfName = new Map<string, string>();
  for (const r of rows) {
    if (r.organized_in && r.organized_in !== USE_WITH_IRI && !r.term_iri.includes("/dwc/iri/"))
      classOfName.set(r.term_localName, r.organized_in);
  }
  const isClassIri = (iri: string) => /\/[A-Z][A-Za-z]*$/.test(iri);
  const terms = rows.map((r) => {
    const isClass = r.rdf_type.endsWith("#Class");
    let classIri = r.organized_in === USE_WITH_IRI ? (classOfName.get(r.term_localName) ?? "") : r.organized_in;
    if (!isClassIri(classIri)) classIri = ""; // dc:/dcterms: namespaces given as organized_in are record-level
    const block: Block = isClass
      ? (CLASS_BLOCK[r.term_localName] ?? "OTHER")
      : classIri
        ? (CLASS_BLOCK[localName(classIri)] ?? "OTHER")
        : "RECORD";
    return [
      r.term_localName,
      r.term_iri,
      r.label,
      r.definition,
      r.comments,
      splitExamples(r.examples),
      classIri,
      block,
      r.issued,
      r.flags.split(/\s*;\s*|\s+/).includes("simple") ? 1 : 0,
      isClass ? "class" : "property",
    ] as const;
  });
  const release = rows.reduce((max, r) => (r.issued > max ? r.issued : max), "");
  return { terms, release };
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies

interface VocabSpec {
  id: string;
  /** Path under gbif-rs/vocabulary, or a special source handled below. */
  file: string;
  /**
   * Closed vocabularies get a stop alert in Excel (no other value can be typed); open ones a warning.
   * Closed: the value set is complete and GBIF/IPT reject or cannot interpret anything else (basisOfRecord,
   * DCMI type, occurrenceStatus, licence, ISO codes, nomenclatural codes, the TDWG invasive-species vocabularies
   * ratified with Darwin Core, EML enumerations). Open: the list is GBIF's suggestion but real data legitimately
   * holds more (ranks such as infraclass or parvorder are missing from the rank list; type status, sex, life stage,
   * quantity types and units are free text in DwC with a recommended vocabulary; DwC examples such as
   * "individuals per 100 traps*days" or "4 females | 5 males" are valid).
   */
  closed: boolean;
}

const VOCABS: VocabSpec[] = [
  { id: "basisOfRecord", file: "dwc/basis_of_record_2024-02-19.xml", closed: true },
  { id: "type", file: "dcterms/type.xml", closed: true },
  // GBIF's list (bound to the Occurrence core; the IPT templates use it). DwC 2026-05-26 recommends
  // detected/notDetected instead; GBIF has not followed yet (README §6.1).
  { id: "occurrenceStatus", file: "gbif/occurrence_status_2020-07-15.xml", closed: true },
  { id: "sex", file: "gbif/sex.xml", closed: false },
  { id: "lifeStage", file: "gbif/life_stage.xml", closed: false },
  { id: "establishmentMeans", file: "dwc/establishment_means_2025-07-10.xml", closed: true },
  { id: "degreeOfEstablishment", file: "dwc/degree_of_establishment_2025-07-10.xml", closed: true },
  { id: "pathway", file: "dwc/pathway_2025-07-10.xml", closed: true },
  { id: "taxonRank", file: "gbif/rank_2015-04-24.xml", closed: false },
  { id: "taxonomicStatus", file: "gbif/taxonomic_status_2022-02-02.xml", closed: false },
  { id: "nomenclaturalStatus", file: "gbif/nomenclatural_status_2019-02-08.xml", closed: false },
  { id: "nomenclaturalCode", file: "gbif/nomenclatural_code.xml", closed: true },
  { id: "typeStatus", file: "gbif/type_status_2021-01-18.xml", closed: false },
  { id: "organismQuantityType", file: "gbif/quantity_type_2015-07-10.xml", closed: false },
  { id: "sampleSizeUnit", file: "gbif/unit_of_measurement_2015-07-10.xml", closed: false },
  { id: "countryCode", file: "iso/3166-1_alpha2.xml", closed: true },
  { id: "language", file: "iso/639-1.xml", closed: true },
  { id: "license", file: "#licenses.properties", closed: true },
  { id: "updateFrequency", file: "eml/update_frequency_2_2.xml", closed: true },
  { id: "agentRole", file: "gbif/agent_role.xml", closed: true },
  { id: "datasetType", file: "gbif/dataset_type.xml", closed: true },
  // Bound by the Species Distribution extension.
  { id: "distributionStatus", file: "gbif/distribution_status_2020-07-15.xml", closed: true },
  { id: "threatStatus", file: "iucn/threat_status.xml", closed: true },
];

/** Vocabulary id for a thesaurus URL of an extension property (dates in file names ignored), if we carry it. */
function vocabularyForThesaurus(url: string): string | undefined {
  const key = url
    .replace(/^https?:\/\/rs\.gbif\.org\/vocabulary\//, "")
    .replace(/\.xml$/, "")
    .replace(/_\d{4}-\d{2}-\d{2}$/, "");
  const byKey: Record<string, string> = {};
  for (const v of VOCABS) byKey[v.file.replace(/\.xml$/, "").replace(/_\d{4}-\d{2}-\d{2}$/, "")] = v.id;
  return byKey[key];
}

type ConceptRow = [value: string, label: string, alternatives: string[], definition: string, labelRu: string];

function readThesaurus(file: string) {
  const root = parseXml(fs.readFileSync(file, "utf8"), file);
  const concepts: ConceptRow[] = childrenNamed(root, "concept").map((c) => {
    // The IUCN file writes "NE " with a trailing space; cell values never carry one.
    const value = (c.attrs["dc:identifier"] ?? "").trim();
    const terms = (kind: string) => childrenNamed(c, kind).flatMap((p) => childrenNamed(p, "term"));
    const preferred = terms("preferred");
    const en = preferred.find((t) => t.attrs["xml:lang"] === "en") ?? preferred[0];
    const label = (en?.attrs["dc:title"] ?? value).trim();
    const alternatives = [...new Set(terms("alternative").map((t) => (t.attrs["dc:title"] ?? "").trim()))].filter(
      (a) => a && a !== value
    );
    return [value, label, alternatives, (c.attrs["dc:description"] ?? "").trim(), ""];
  });
  return {
    title: root.attrs["dc:title"] ?? "",
    uri: root.attrs["dc:URI"] ?? "",
    issued: root.attrs["dc:issued"] ?? "",
    concepts,
  };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s(,-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

function buildVocabularies(dwcDir: string) {
  const countries = require("i18n-iso-countries");
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  countries.registerLocale(require("i18n-iso-countries/langs/ru.json"));
  const languages = require("@cospired/i18n-iso-languages");
  languages.registerLocale(require("@cospired/i18n-iso-languages/langs/en.json"));
  languages.registerLocale(require("@cospired/i18n-iso-languages/langs/ru.json"));

  return VOCABS.map((spec) => {
    const source = spec.file.startsWith("#") ? `gbif-ipt/${spec.file.slice(1)}` : `gbif-rs/vocabulary/${spec.file}`;
    let v: ReturnType<typeof readThesaurus>;
    if (spec.id === "license") v = readLicences(path.join(dwcDir, source));
    else v = readThesaurus(path.join(dwcDir, source));

    if (spec.id === "updateFrequency") {
      // `unkown` is a misspelling GBIF keeps for old metadata: accept it, never offer it.
      const bad = v.concepts.find((c) => c[0] === "unkown");
      v.concepts = v.concepts.filter((c) => c !== bad);
      v.concepts.find((c) => c[0] === "unknown")?.[2].push("unkown");
    }
    if (spec.id === "lifeStage") addServerLifeStages(v.concepts, dwcDir);
    if (spec.id === "countryCode") {
      // DwC countryCode comment: ZZ for an unknown location, XZ for the high seas beyond national jurisdiction.
      v.concepts.push(["XZ", "High seas", [], "Area beyond national jurisdiction (DwC countryCode comment).", ""]);
      v.concepts.push(["ZZ", "Unknown", [], "Unknown or invalid territory (DwC countryCode comment).", ""]);
      for (const c of v.concepts) {
        c[1] = countries.getName(c[0], "en") ?? (c[0] === "XZ" || c[0] === "ZZ" ? c[1] : titleCase(c[1]));
        c[4] = countries.getName(c[0], "ru") ?? "";
      }
      v.concepts.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    }
    if (spec.id === "language") {
      for (const c of v.concepts) c[4] = languages.getName(c[0], "ru") ?? "";
    }
    return {
      id: spec.id,
      title: v.title,
      uri: v.uri,
      issued: v.issued,
      source,
      closed: spec.closed,
      concepts: v.concepts,
    };
  });
}

/** GBIF's vocabulary server knows more life stages than the 2015 thesaurus (e.g. seedling, flowering, fruiting,
 * which DwC gives as examples); add them in the thesaurus' lower-case style. */
function addServerLifeStages(concepts: ConceptRow[], dwcDir: string) {
  const file = path.join(dwcDir, "gbif-vocabulary-server/LifeStage_export.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as {
    concepts: {
      name: string;
      label: Record<string, string>;
      definition?: Record<string, string>;
      alternativeLabels?: unknown;
    }[];
  };
  const have = new Set(concepts.map((c) => c[0].toLowerCase()));
  for (const c of json.concepts) {
    const value = c.name.toLowerCase();
    if (have.has(value)) continue;
    have.add(value);
    const alts = Array.isArray(c.alternativeLabels)
      ? (c.alternativeLabels as { language?: string; value?: string }[])
          .filter((a) => !a.language || a.language === "en")
          .map((a) => String(a.value ?? ""))
          .filter(Boolean)
      : [];
    concepts.push([value, (c.label.en ?? c.name).toLowerCase(), [...new Set(alts)], c.definition?.en ?? "", ""]);
  }
}

/** The three licences the IPT offers (licenses.properties). Cell value = the legalcode URL, as in the DwC
 * `license` examples; short label, SPDX id, IPT name and URL variants are accepted alternatives. */
function readLicences(file: string) {
  const props = new Map<string, string>();
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    const m = /^\s*([^#!][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) props.set(m[1], m[2].trim());
  }
  const meta: Record<string, { short: string; spdx: string }> = {
    cczero: { short: "CC0 1.0", spdx: "CC0-1.0" },
    ccby: { short: "CC BY 4.0", spdx: "CC-BY-4.0" },
    ccbync: { short: "CC BY-NC 4.0", spdx: "CC-BY-NC-4.0" },
  };
  const concepts: ConceptRow[] = Object.entries(meta).map(([key, m]) => {
    const url = props.get(`license.url.${key}`);
    const name = props.get(`license.name.${key}`);
    if (!url || !name) throw new Error(`${file}: license.url.${key} / license.name.${key} missing`);
    const value = `http://${url}/legalcode`;
    const alts = [
      m.short,
      m.spdx,
      name,
      `https://${url}/legalcode`,
      `http://${url}/`,
      `https://${url}/`,
      `http://${url}`,
      `https://${url}`,
    ];
    return [value, m.short, alts, name, ""];
  });
  return { title: "Licences accepted by GBIF (IPT)", uri: "https://www.gbif.org/terms/licences", issued: "", concepts };
}

// ---------------------------------------------------------------------------------------------------------------
// Core and extension definitions

/** Our ids of the GBIF definitions, by rowType IRI. */
const ROW_TYPE_IDS: Record<string, string> = {
  "http://rs.tdwg.org/dwc/terms/Occurrence": "occurrence",
  "http://rs.tdwg.org/dwc/terms/Event": "event",
  "http://rs.tdwg.org/dwc/terms/Taxon": "taxon",
  "http://rs.tdwg.org/dwc/terms/MeasurementOrFact": "measurementorfact",
  "http://rs.iobis.org/obis/terms/ExtendedMeasurementOrFact": "extendedmeasurementorfact",
  "http://rs.gbif.org/terms/1.0/Multimedia": "multimedia",
  "http://rs.gbif.org/terms/1.0/VernacularName": "vernacularname",
  "http://rs.gbif.org/terms/1.0/Reference": "references",
  "http://rs.tdwg.org/dwc/terms/ResourceRelationship": "resourcerelationship",
  "http://rs.tdwg.org/dwc/terms/Identification": "identification",
  "http://rs.gbif.org/terms/1.0/Distribution": "distribution",
  "http://rs.gbif.org/terms/1.0/Description": "description",
  "http://rs.gbif.org/terms/1.0/SpeciesProfile": "speciesprofile",
  "http://rs.gbif.org/terms/1.0/TypesAndSpecimen": "typesandspecimen",
  "http://rs.gbif.org/terms/1.0/Identifier": "identifier",
  "http://rs.tdwg.org/ac/terms/Multimedia": "audiovisual",
};

function listXml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listXml(path.join(dir, e.name)) : e.name.endsWith(".xml") ? [path.join(dir, e.name)] : []
    )
    .sort();
}

type PropertyDoc = [label: string, definition: string, comments: string, examples: string[]];

function buildRowTypes(
  dwcDir: string,
  dwcIris: Set<string>,
  unknownThesauri: Set<string>,
  docs: Map<string, PropertyDoc>
) {
  const files = [
    ...listXml(path.join(dwcDir, "gbif-rs/core")).map((f) => ({ f, core: true })),
    ...listXml(path.join(dwcDir, "gbif-rs/extension")).map((f) => ({ f, core: false })),
  ];
  return files.map(({ f, core }) => {
    const rel = path.relative(dwcDir, f).split(path.sep).join("/");
    const root = parseXml(fs.readFileSync(f, "utf8"), rel);
    const rowType = root.attrs.rowType;
    const id = ROW_TYPE_IDS[rowType];
    if (!id) throw new Error(`${rel}: rowType ${rowType} has no id in ROW_TYPE_IDS`);
    const properties = childrenNamed(root, "property").map((p) => {
      const thesaurus = p.attrs.thesaurus ?? "";
      const vocabulary = thesaurus ? vocabularyForThesaurus(thesaurus) : undefined;
      if (thesaurus && !vocabulary) unknownThesauri.add(`${rel} ${p.attrs.name}: ${thesaurus}`);
      // Help text for terms that are not Darwin Core terms (Dublin Core, Audubon Core, GBIF, OBIS): from the
      // definition file, first definition wins.
      if (!dwcIris.has(p.attrs.qualName) && !docs.has(p.attrs.qualName)) {
        const examples = p.attrs.examples ?? "";
        docs.set(p.attrs.qualName, [
          p.attrs.label ?? "",
          p.attrs["dc:description"] ?? "",
          p.attrs.comments ?? "",
          examples.includes("`") ? splitExamples(examples) : examples ? [examples] : [],
        ]);
      }
      return [
        p.attrs.name,
        p.attrs.qualName,
        p.attrs.group ?? "",
        p.attrs.type ?? "string",
        p.attrs.required === "true" ? 1 : 0,
        vocabulary ?? "",
      ] as const;
    });
    return {
      id,
      name: root.attrs.name,
      rowType,
      title: root.attrs["dc:title"] ?? "",
      issued: root.attrs["dc:issued"] ?? "",
      core,
      source: rel,
      properties,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// GBIF IPT spreadsheet templates: column order and level (header fill: dark green = required, light green =
// recommended, none = share if available).

const FILL_LEVEL: Record<string, string> = { FF85B372: "required", FFD8E3CF: "recommended" };

async function buildIptTemplates(dwcDir: string) {
  const dir = path.join(dwcDir, "gbif-ipt/templates");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx") && !f.includes("example"))
    .sort();
  const out: { file: string; sheet: string; columns: [string, string][] }[] = [];
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, file));
    for (const ws of wb.worksheets) {
      if (ws.name === "README") continue;
      const columns: [string, string][] = [];
      ws.getRow(1).eachCell((cell) => {
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        columns.push([String(cell.value).trim(), FILL_LEVEL[fill?.fgColor?.argb ?? ""] ?? "optional"]);
      });
      out.push({ file, sheet: ws.name, columns });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The methodology's term table (../shared/seeds/004_*.txt, Russian): six blocks, each a table
// "Термин | Описание | Комментарии, примеры |". We keep the block order, the term order and the short Russian
// label (the "Описание" column); its longer comments are not copied.

const METHODOLOGY_BLOCKS = ["RECORD", "OCCURRENCE", "EVENT", "LOCATION", "IDENTIFICATION", "TAXON"];

function buildMethodology(dwcDir: string) {
  const seeds = path.resolve(dwcDir, "../seeds");
  const file = fs.readdirSync(seeds).find((f) => /^004_.*\.txt$/.test(f));
  if (!file) throw new Error(`${seeds}: methodology term table 004_*.txt not found`);
  const blocks: [string, [string, string][]][] = [];
  for (const raw of fs.readFileSync(path.join(seeds, file), "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (METHODOLOGY_BLOCKS.includes(line)) blocks.push([line, []]);
    else if (blocks.length && line.includes(" | ") && !line.startsWith("Термин")) {
      const [term, label] = line.split(" | ").map((x) => x.trim());
      if (/^[A-Za-z]+$/.test(term)) blocks[blocks.length - 1][1].push([term, label]);
    }
  }
  if (blocks.length !== METHODOLOGY_BLOCKS.length)
    throw new Error(`${file}: expected 6 blocks, found ${blocks.length}`);
  return { file, blocks };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const HEADER = (what: string) => `/* eslint-disable */
// GENERATED by scripts/generate-model.ts from ../shared/dwc — do not edit; run \`npm run generate\`.
${what}
`;

const TDWG_ATTRIBUTION = `// Term names, labels, definitions, comments and examples: Darwin Core, Biodiversity Information Standards (TDWG),
// https://dwc.tdwg.org/ (tdwg/dwc vocabulary/term_versions.csv), licensed CC BY 4.0
// (https://creativecommons.org/licenses/by/4.0/). Reproduced unchanged; examples split into a list.`;

const GBIF_ATTRIBUTION = `// GBIF core/extension definitions and vocabularies: rs.gbif.org (gbif/rs.gbif.org); Darwin Core vocabularies of
// establishmentMeans, degreeOfEstablishment and pathway: TDWG, CC BY 4.0. Life stages added from GBIF's vocabulary
// server export (gbif/vocabulary, Apache-2.0). Country and language names: i18n-iso-countries and
// @cospired/i18n-iso-languages (MIT).`;

const lines = (rows: readonly unknown[]) => rows.map((r) => "  " + JSON.stringify(r) + ",").join("\n");

/** Generates all model files; returns file name -> content. */
export async function generateModel(dwcDir: string): Promise<Map<string, string>> {
  const { terms, release } = buildTerms(dwcDir);
  const unknownThesauri = new Set<string>();
  const docs = new Map<string, PropertyDoc>();
  const rowTypes = buildRowTypes(dwcDir, new Set(terms.map((t) => t[1])), unknownThesauri, docs);
  const vocabularies = buildVocabularies(dwcDir);
  const ipt = await buildIptTemplates(dwcDir);
  const methodology = buildMethodology(dwcDir);
  const files = new Map<string, string>();

  files.set(
    "terms.ts",
    HEADER(TDWG_ATTRIBUTION) +
      `import type { Block } from "../types";

/** Date of the newest Darwin Core release the term list comes from (newest \`issued\` among current terms). */
export const DWC_RELEASE = ${JSON.stringify(release)};

/** [name, iri, label, definition, comments, examples, classIri, block, issued, simple (1/0), rdfType] */
export type TermRow = readonly [string, string, string, string, string, readonly string[], string, Block, string, 0 | 1, "property" | "class"];

/** Every current term (term_versions.csv, status = recommended), in file order. */
export const TERM_ROWS: readonly TermRow[] = [
${lines(terms)}
];
`
  );

  files.set(
    "rowTypes.ts",
    HEADER(GBIF_ATTRIBUTION) +
      `import type { DataType } from "../types";

/** [name, qualName IRI, group, type, required (1/0), vocabulary id or ""] */
export type PropertyRow = readonly [string, string, string, DataType, 0 | 1, string];

export interface RowTypeRow {
  id: string;
  name: string;
  rowType: string;
  title: string;
  issued: string;
  core: boolean;
  /** Path under ../shared/dwc. */
  source: string;
  properties: readonly PropertyRow[];
}

/**
 * Thesauri referenced by extension properties that the model does not carry (no vocabulary bound):
${[...unknownThesauri].map((t) => ` * - ${t}`).join("\n")}
 */
export const ROW_TYPE_ROWS: readonly RowTypeRow[] = [
${rowTypes
  .map(
    ({ properties, ...rest }) =>
      `  {\n${Object.entries(rest)
        .map(([k, v]) => `    ${k}: ${JSON.stringify(v)},`)
        .join(
          "\n"
        )}\n    properties: [\n${properties.map((p) => "      " + JSON.stringify(p) + ",").join("\n")}\n    ],\n  },`
  )
  .join("\n")}
];

/** Help for properties whose IRI is not a Darwin Core term: IRI -> [label, definition, comments, examples]. */
export const PROPERTY_DOCS: Readonly<Record<string, readonly [string, string, string, readonly string[]]>> = {
${[...docs]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([iri, d]) => `  ${JSON.stringify(iri)}: ${JSON.stringify(d)},`)
  .join("\n")}
};
`
  );

  files.set(
    "vocabularies.ts",
    HEADER(GBIF_ATTRIBUTION) +
      `/** [value, English label, alternatives, definition, Russian label or ""] */
export type ConceptRow = readonly [string, string, readonly string[], string, string];

export interface VocabularyRow {
  id: string;
  title: string;
  uri: string;
  issued: string;
  /** Path under ../shared/dwc. */
  source: string;
  closed: boolean;
  concepts: readonly ConceptRow[];
}

export const VOCABULARY_ROWS: readonly VocabularyRow[] = [
${vocabularies
  .map(
    ({ concepts, ...rest }) =>
      `  {\n${Object.entries(rest)
        .map(([k, v]) => `    ${k}: ${JSON.stringify(v)},`)
        .join(
          "\n"
        )}\n    concepts: [\n${concepts.map((c) => "      " + JSON.stringify(c) + ",").join("\n")}\n    ],\n  },`
  )
  .join("\n")}
];
`
  );

  files.set(
    "iptTemplates.ts",
    HEADER(
      "// GBIF IPT spreadsheet templates (gbif/ipt docs, CC BY 4.0): column order and level from the header fills."
    ) +
      `import type { ColumnLevel } from "../types";

export interface IptTemplateSheet {
  file: string;
  sheet: string;
  columns: readonly (readonly [string, ColumnLevel])[];
}

export const IPT_TEMPLATES: readonly IptTemplateSheet[] = [
${ipt.map((s) => `  { file: ${JSON.stringify(s.file)}, sheet: ${JSON.stringify(s.sheet)}, columns: ${JSON.stringify(s.columns)} },`).join("\n")}
];
`
  );

  files.set(
    "methodology.ts",
    HEADER(
      `// The methodology's term table (seeds/${methodology.file}): blocks, term order and short Russian labels.`
    ) +
      `import type { Block } from "../types";

/** [block, [term as written in the table, Russian label][]] in the table's order. */
export const METHODOLOGY_BLOCKS: readonly (readonly [Block, readonly (readonly [string, string])[]])[] = [
${methodology.blocks.map(([b, rows]) => `  [${JSON.stringify(b)}, ${JSON.stringify(rows)}],`).join("\n")}
];
`
  );
  return files;
}

/** Writes the generated files into `outDir`. */
export async function writeModel(outDir: string, dwcDir: string): Promise<string[]> {
  const files = await generateModel(dwcDir);
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(outDir, name), content);
  return [...files.keys()];
}

/** Default location of the reference data: the `shared` folder beside the repository. */
export const DEFAULT_DWC_DIR = path.resolve(__dirname, "../../shared/dwc");

if (require.main === module) {
  const outDir = process.argv[2] ?? path.resolve(__dirname, "../src/dwc/generated");
  const dwcDir = process.argv[3] ?? DEFAULT_DWC_DIR;
  writeModel(outDir, dwcDir).then(
    (names) => console.log(`wrote ${names.join(", ")} to ${outDir}`),
    (err) => {
      console.error(err);
      process.exit(1);
    }
  );
}
