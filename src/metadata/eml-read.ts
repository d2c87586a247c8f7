/**
 * eml.xml -> the metadata model: what a published archive's metadata says, for import into a workbook.
 *
 * Reads EML 2.0.1 to 2.2.0 as the IPT, Symbiota, Pensoft and hand-built archives write it (GBIF Metadata Profile
 * 1.0 to 1.3). Fields the model holds are read into it; every other element the GBIF profile 1.3 allows is kept
 * verbatim in `meta.keep` with the place it goes (see {@link KeptXml}), so that `buildEmlXml` writes it back and
 * the exported eml.xml says what the original said. What the profile 1.3 has no place for (a Symbiota or Plazi
 * `additionalMetadata` block, `dataTable`) cannot be written into a valid eml.xml: it is left out and named in the
 * notes, as are values the model cannot take (a licence GBIF does not accept).
 *
 * A part the model would hold but cannot hold exactly (methods with sub-steps, a project with a related project, a
 * bounding box out of range) is kept verbatim as a whole instead, so nothing is lost or changed.
 */
import { checkMetadata, normalizeOrcid } from "./check";
import { escapeText } from "../archive/xml-text";
import { emptyAgent, emptyMetadata } from "./empty";
import { AGENT_ORDER, DATASET_ORDER, EML_NAMESPACE, GBIF_ORDER } from "./eml";
import { parseLicense } from "./licenses";
import type { Agent, DatasetMetadata, KeptXml, LicenseId, TaxonCoverage } from "./types";
import { LANGUAGES, normalizeLanguage, parseDatasetType, parseUpdateFrequency } from "./vocabularies";
import {
  isEmptyElement,
  namespaceAt,
  parseXmlTree,
  prefixesUsed,
  pruneEmpty,
  textOf,
  XmlSyntaxError,
  type XmlNode,
} from "../archive/xml-tree";

/** What {@link readEml} found. */
export interface EmlRead {
  meta: DatasetMetadata;
  /** The document's publication date (`pubDate`), trimmed; the export writes the date of the new version. */
  pubDate: string;
  /** What was left out or could not be read into the model, in words, one per item. */
  notes: string[];
}

/** Namespaces the written eml.xml declares on its root (src/metadata/eml.ts). */
const ROOT_NAMESPACES: Record<string, string> = {
  eml: EML_NAMESPACE,
  dc: "http://purl.org/dc/terms/",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** An ISO 639-2 code for a language code or English name (`en`, `eng`, `ENGLISH`); undefined when unknown. */
function languageCode(text: string): string | undefined {
  const t = text.trim();
  return normalizeLanguage(t) || LANGUAGES.find((l) => l.label.en.toLowerCase() === t.toLowerCase())?.code;
}

/** Text of a node with its whitespace runs collapsed, as a value of one line. */
const clean = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Paragraph blocks of a text element: each `para` (or the text itself), blank-line blocks trimmed. */
function paragraphs(node: XmlNode): string {
  const paras = node.children.filter((c) => c.name === "para" || c.name === "section");
  const texts = paras.length > 0 ? paras.map(textOf) : [textOf(node)];
  return texts
    .flatMap((t) => t.split(/\r?\n[ \t]*\r?\n/))
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

const child = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((c) => c.name === name);
const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] =>
  node ? node.children.filter((c) => c.name === name) : [];

class Reader {
  readonly meta = emptyMetadata();
  readonly notes: string[] = [];
  private readonly keep: KeptXml[] = [];

  constructor(
    private readonly source: string,
    /** Source spans of the empty elements pruned from the tree, left out of kept markup too. */
    private readonly pruned: readonly { start: number; end: number }[]
  ) {}

  /** The source of a span without the pruned elements inside it. */
  private markup(start: number, end: number): string {
    let out = "";
    let at = start;
    for (const p of this.pruned) {
      if (p.start < at || p.end > end) continue;
      out += this.source.slice(at, p.start);
      at = p.end;
    }
    return out + this.source.slice(at, end);
  }

  /** The element's markup as written, with declarations of the namespaces it uses that the output root lacks. */
  verbatim(node: XmlNode): string {
    let xml = this.markup(node.start, node.end);
    const declare: string[] = [];
    for (const prefix of prefixesUsed(node)) {
      if (prefix === "" || prefix === "xml" || prefix in node.namespaces) continue;
      const uri = namespaceAt(node, prefix);
      if (uri !== undefined && ROOT_NAMESPACES[prefix] !== uri)
        declare.push(` xmlns:${prefix}="${uri.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`);
    }
    if (declare.length > 0) xml = `<${node.qname}${declare.join("")}${xml.slice(node.qname.length + 1)}`;
    return xml;
  }

  /** Keeps an element (unless it holds nothing at all). */
  keepNode(parent: string, node: XmlNode): void {
    if (isEmptyElement(node)) return;
    this.keep.push({ parent, xml: node.name === "associatedParty" ? this.agentMarkup(node) : this.verbatim(node) });
  }

  /**
   * A person element (associatedParty) with its children in the profile's order, as the IPT writes them, and a
   * bare-text `individualName` (Symbiota writes `<individualName>Jennifer Zaspel</individualName>`) as a surName:
   * the same content, in the form the profile accepts. Unknown children are left out and named in the notes.
   */
  agentMarkup(node: XmlNode): string {
    const rank = (c: XmlNode): number => {
      const i = (AGENT_ORDER as readonly string[]).indexOf(c.name);
      return i < 1 ? 0 : i - 2 < 0 ? 0 : i; // name, organisation and position may come in any order
    };
    const parts = node.children
      .filter((c) => {
        const known = (AGENT_ORDER as readonly string[]).includes(c.name);
        if (!known) this.leftOut(`dataset/${node.name}/${c.qname}`, "not an element of a person in the GBIF profile");
        return known;
      })
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
      .map(({ c }) =>
        c.name === "individualName" && c.children.length === 0
          ? `<individualName><surName>${escapeText(clean(textOf(c)))}</surName></individualName>`
          : this.verbatim(c)
      );
    const open = this.source.slice(node.start, this.source.indexOf(">", node.start) + 1).replace(/\/>$/, ">");
    return `${open}${parts.join("")}</${node.qname}>`;
  }

  leftOut(path: string, why: string): void {
    this.notes.push(`${path}: ${why}; left out of eml.xml`);
  }

  finish(): DatasetMetadata {
    if (this.keep.length > 0) this.meta.keep = this.keep;
    return this.meta;
  }

  /** An agent into the model; what the model has no field for is kept under `parent`. */
  agent(node: XmlNode, parent: string, withRole: boolean): Agent {
    const a = emptyAgent();
    for (const c of node.children) {
      const text = clean(textOf(c));
      switch (c.name) {
        case "individualName":
          if (a.surName === "" && a.givenName === "") {
            a.givenName = childrenNamed(c, "givenName")
              .map((g) => clean(textOf(g)))
              .filter(Boolean)
              .join(" ");
            a.surName = clean(textOf(child(c, "surName") ?? c.children[0] ?? c));
            if (child(c, "salutation"))
              this.notes.push(`${parent}: salutation "${clean(textOf(child(c, "salutation")!))}" not kept`);
          } else this.keepNode(parent, c);
          break;
        case "organizationName":
          if (a.organization === "") a.organization = text;
          else this.keepNode(parent, c);
          break;
        case "positionName":
          if (a.position === "") a.position = text;
          else this.keepNode(parent, c);
          break;
        case "electronicMailAddress":
          if (a.email === "") a.email = text;
          else this.keepNode(parent, c);
          break;
        case "userId":
          if (a.orcid === "" && /orcid/i.test(c.attributes.directory ?? "") && normalizeOrcid(text) !== "")
            a.orcid = normalizeOrcid(text);
          else this.keepNode(parent, c);
          break;
        case "role":
          if (withRole) a.role = text;
          else this.keepNode(parent, c);
          break;
        default:
          if ((AGENT_ORDER as readonly string[]).includes(c.name)) this.keepNode(parent, c);
          else this.leftOut(`${parent}/${c.name}`, "not an element of a person in the GBIF profile");
      }
    }
    return a;
  }
}

/** The licence an `intellectualRights` (or `licensed`) element names: from its link, title or words. */
function licenseOf(node: XmlNode): LicenseId | undefined {
  const candidates: string[] = [];
  const walk = (n: XmlNode): void => {
    for (const k of ["url"]) if (n.attributes[k]) candidates.push(n.attributes[k]);
    if (n.name === "citetitle" || n.name === "url" || n.name === "identifier" || n.name === "licenseName")
      candidates.push(textOf(n));
    n.children.forEach(walk);
  };
  walk(node);
  const all = clean(textOf(node));
  candidates.push(all);
  for (const c of candidates) {
    const id = parseLicense(clean(c));
    if (id) return id;
  }
  // A licence named inside a sentence: its legal-code URL, or "CC BY 4.0", "CC0", "CC-BY-NC".
  const url =
    /(?:https?:\/\/)?(?:www\.)?creativecommons\.org\/(?:publicdomain\/zero\/1\.0|licenses\/by(?:-nc)?\/4\.0)/i.exec(
      all
    );
  if (url) return parseLicense(url[0]);
  const words = /\bcc[\s_-]?(?:0|zero|by(?:[\s_-]?nc)?)(?:[\s_-]?(?:4\.0|1\.0))?\b/i.exec(all);
  if (
    words &&
    !/\b(?:3\.0|2\.5|2\.0|1\.0)\b/.test(all.slice(words.index + words[0].length, words.index + words[0].length + 6))
  ) {
    return parseLicense(words[0]);
  }
  return undefined;
}

function readCoverage(r: Reader, coverage: XmlNode): void {
  const meta = r.meta;
  let geo = false;
  let time = false;
  let taxa = false;
  for (const c of coverage.children) {
    if (c.name === "geographicCoverage" && !geo) {
      const box = child(c, "boundingCoordinates");
      const num = (name: string): number | null => {
        const t = clean(textOf(child(box, name) ?? c)).replace(",", ".");
        return box && child(box, name) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
      };
      const g = meta.coverage.geographic;
      const values = {
        west: num("westBoundingCoordinate"),
        east: num("eastBoundingCoordinate"),
        north: num("northBoundingCoordinate"),
        south: num("southBoundingCoordinate"),
      };
      const simple = c.children.every((x) => x.name === "geographicDescription" || x.name === "boundingCoordinates");
      if (simple && !box) {
        // The profile requires a bounding box, and the model a box with its description: nothing to write back.
        const said = clean(textOf(child(c, "geographicDescription") ?? c));
        r.leftOut(`geographicCoverage "${said}"`, "no bounding box (the GBIF profile requires one)");
        continue;
      }
      if (simple && Object.values(values).every((v) => v !== null)) {
        Object.assign(g, values);
        g.description = clean(textOf(child(c, "geographicDescription") ?? c.children[0]));
        g.source = "user";
        geo = true;
        continue;
      }
    } else if (c.name === "temporalCoverage" && !time) {
      const range = child(c, "rangeOfDates");
      const single = child(c, "singleDateTime");
      const date = (n: XmlNode | undefined): string | undefined => {
        const d = child(n, "calendarDate");
        return d && n!.children.length === 1 ? clean(textOf(d)) : undefined;
      };
      const t = meta.coverage.temporal;
      if (c.children.length === 1 && range && range.children.length === 2) {
        const begin = date(child(range, "beginDate"));
        const end = date(child(range, "endDate"));
        if (begin && end) {
          Object.assign(t, { begin, end, source: "user" });
          time = true;
          continue;
        }
      } else if (c.children.length === 1 && single && date(single)) {
        Object.assign(t, { begin: date(single), end: "", source: "user" });
        time = true;
        continue;
      }
    } else if (c.name === "taxonomicCoverage" && !taxa) {
      const classes = childrenNamed(c, "taxonomicClassification");
      const flat =
        classes.length > 0 &&
        c.children.every((x) => x.name === "generalTaxonomicCoverage" || x.name === "taxonomicClassification") &&
        classes.every((x) =>
          x.children.every((y) => ["taxonRankName", "taxonRankValue", "commonName"].includes(y.name))
        ) &&
        classes.every(
          (x) => childrenNamed(x, "commonName").length <= 1 && clean(textOf(child(x, "taxonRankValue") ?? x)) !== ""
        ) &&
        classes.every((x) => child(x, "taxonRankValue") !== undefined);
      if (flat) {
        const tx = meta.coverage.taxonomic;
        tx.description = textOf(child(c, "generalTaxonomicCoverage") ?? c).trim();
        if (!child(c, "generalTaxonomicCoverage")) tx.description = "";
        tx.taxa = classes.map((x): TaxonCoverage => ({
          rank:
            clean(textOf(child(x, "taxonRankName") ?? x)) && child(x, "taxonRankName")
              ? clean(textOf(child(x, "taxonRankName")!))
              : "",
          name: clean(textOf(child(x, "taxonRankValue")!)),
          commonName: child(x, "commonName") ? clean(textOf(child(x, "commonName")!)) : "",
          count: null,
        }));
        tx.source = "user";
        taxa = true;
        continue;
      }
    }
    r.keepNode("dataset/coverage", c);
  }
}

/** Whether every child of `node` is one of `names` (each at most `max` times when given). */
function only(node: XmlNode, names: readonly string[], once: readonly string[] = []): boolean {
  return node.children.every((c) => names.includes(c.name)) && once.every((n) => childrenNamed(node, n).length <= 1);
}

/** A `description`-like element holding only `description/para…` or `para…`. */
function describedText(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const d = child(node, "description");
  if (d && node.children.length === 1 && only(d, ["para"])) return paragraphs(d);
  if (!d && only(node, ["para"])) return paragraphs(node);
  return undefined;
}

function readMethods(r: Reader, methods: XmlNode): void {
  const m = r.meta.methods;
  const steps = childrenNamed(methods, "methodStep").map(describedText);
  const sampling = child(methods, "sampling");
  const extent = sampling ? describedText(child(sampling, "studyExtent")) : "";
  const samplingDescription = sampling ? describedText(child(sampling, "samplingDescription")) : "";
  const qualityControl = child(methods, "qualityControl") ? describedText(child(methods, "qualityControl")) : "";
  const fits =
    steps.length > 0 &&
    steps.every((s) => s !== undefined && s !== "") &&
    only(methods, ["methodStep", "sampling", "qualityControl"], ["sampling", "qualityControl"]) &&
    (!sampling ||
      (only(sampling, ["studyExtent", "samplingDescription"], ["studyExtent", "samplingDescription"]) &&
        !!extent &&
        !!samplingDescription)) &&
    qualityControl !== undefined;
  if (!fits) {
    r.keepNode("dataset", methods);
    return;
  }
  m.steps = steps as string[];
  m.studyExtent = extent ?? "";
  m.samplingDescription = samplingDescription ?? "";
  m.qualityControl = qualityControl ?? "";
}

function readProject(r: Reader, project: XmlNode): void {
  const p = r.meta.project;
  const title = child(project, "title");
  const area = child(project, "studyAreaDescription");
  const descriptor = child(area, "descriptor");
  const areaFits =
    !area ||
    (area.children.length === 1 &&
      descriptor !== undefined &&
      descriptor.attributes.name === "generic" &&
      only(descriptor, ["descriptorValue"], ["descriptorValue"]));
  const design = child(project, "designDescription");
  const designText = design ? describedText(design) : "";
  const fits =
    title !== undefined &&
    clean(textOf(title)) !== "" &&
    only(
      project,
      ["title", "personnel", "abstract", "funding", "studyAreaDescription", "designDescription"],
      ["title", "abstract", "funding", "studyAreaDescription", "designDescription"]
    ) &&
    areaFits &&
    designText !== undefined &&
    childrenNamed(project, "personnel").length > 0 &&
    Object.keys(project.attributes).every((a) => a === "id");
  if (!fits) {
    r.keepNode("dataset", project);
    return;
  }
  p.title = clean(textOf(title!));
  p.identifier = (project.attributes.id ?? "").trim();
  p.personnel = childrenNamed(project, "personnel").map((a, i) =>
    r.agent(a, `dataset/project/personnel/${i + 1}`, true)
  );
  p.description = child(project, "abstract") ? paragraphs(child(project, "abstract")!) : "";
  p.funding = child(project, "funding") ? paragraphs(child(project, "funding")!) : "";
  p.studyAreaDescription = descriptor ? clean(textOf(child(descriptor, "descriptorValue") ?? descriptor)) : "";
  p.designDescription = designText ?? "";
}

function readGbif(r: Reader, gbif: XmlNode): void {
  for (const c of gbif.children) {
    if (c.name === "dateStamp" || c.name === "hierarchyLevel") continue; // written anew
    if (c.name === "citation" && r.meta.citation === "") {
      r.meta.citation = clean(textOf(c));
      r.meta.citationIdentifier = (c.attributes.identifier ?? "").trim();
    } else if (c.name === "physical" && !["objectName", "dataFormat", "distribution"].every((n) => child(c, n))) {
      r.leftOut(
        "additionalMetadata/metadata/gbif/physical",
        "without its name, format or address (the profile requires them)"
      );
    } else if ((GBIF_ORDER as readonly string[]).includes(c.name)) r.keepNode("additionalMetadata/metadata/gbif", c);
    else r.leftOut(`additionalMetadata/metadata/gbif/${c.qname}`, "not in the GBIF metadata profile 1.3");
  }
}

/**
 * Reads eml.xml into the metadata model.
 *
 * @example readEml(text).meta.title // "Avifauna do Parque Nacional da Quiçama"
 * @throws XmlSyntaxError when the text is not well-formed XML, Error when its root is not `eml`.
 */
export function readEml(text: string): EmlRead {
  const root = parseXmlTree(text);
  if (root.name !== "eml") throw new XmlSyntaxError(`the root element is <${root.qname}>, not <eml:eml>`);
  const r = new Reader(text, pruneEmpty(root));
  const meta = r.meta;
  meta.packageId = (root.attributes.packageId ?? "").trim();
  const rootLang = languageCode(root.attributes["xml:lang"] ?? "");
  let pubDate = "";
  const dataset = child(root, "dataset");
  if (!dataset) r.notes.push("eml.xml has no <dataset>");
  let abstractSeen = false;
  let licenseRead = false;
  const keywordSets: string[] = [];
  for (const c of dataset?.children ?? []) {
    switch (c.name) {
      case "title":
        if (meta.title === "") {
          meta.title = clean(textOf(c));
          const lang = languageCode(c.attributes["xml:lang"] ?? "");
          if (!rootLang && lang) meta.metadataLanguage = lang;
        } else r.keepNode("dataset", c);
        break;
      case "creator":
        meta.creators.push(r.agent(c, `dataset/creator/${meta.creators.length + 1}`, false));
        break;
      case "metadataProvider":
        meta.metadataProviders.push(r.agent(c, `dataset/metadataProvider/${meta.metadataProviders.length + 1}`, false));
        break;
      case "contact":
        meta.contacts.push(r.agent(c, `dataset/contact/${meta.contacts.length + 1}`, false));
        break;
      case "pubDate":
        pubDate = clean(textOf(c));
        break;
      case "language": {
        const lang = clean(textOf(c));
        meta.dataLanguage = languageCode(lang) || lang || "eng";
        break;
      }
      case "abstract":
        if (abstractSeen) r.leftOut("dataset/abstract", "a second abstract (the GBIF profile has one)");
        else meta.description = paragraphs(c);
        abstractSeen = true;
        break;
      case "keywordSet": {
        const thesaurus = clean(textOf(child(c, "keywordThesaurus") ?? ({ content: [] } as unknown as XmlNode)));
        const words = childrenNamed(c, "keyword")
          .map((k) => clean(textOf(k)))
          .filter(Boolean);
        const types = words.map(parseDatasetType);
        if (/dataset type vocabulary/i.test(thesaurus) && words.length === 1 && types[0] && meta.datasetType === "") {
          meta.datasetType = types[0];
        } else if ((thesaurus === "" || /^n\/?a$/i.test(thesaurus)) && only(c, ["keyword", "keywordThesaurus"])) {
          keywordSets.push(...words);
        } else r.keepNode("dataset", c);
        break;
      }
      case "intellectualRights": {
        const id = licenseOf(c);
        if (id) {
          meta.license = id;
          licenseRead = true;
        } else {
          const said = clean(paragraphs(c).replace(/\n\n/g, " "));
          if (said)
            r.notes.push(
              `licence "${said.length > 120 ? `${said.slice(0, 117)}…` : said}" is not one GBIF accepts (CC0-1.0, CC-BY-4.0, CC-BY-NC-4.0); kept as written until a licence is chosen`
            );
          r.keepNode("dataset", c);
        }
        break;
      }
      case "licensed": {
        const id = licenseOf(c);
        if (id && (!licenseRead || meta.license === id)) {
          meta.license = id;
          licenseRead = true;
        } else r.keepNode("dataset", c);
        break;
      }
      case "distribution": {
        const url = child(child(c, "online"), "url");
        if (
          meta.homepage === "" &&
          url &&
          (url.attributes.function ?? "information") === "information" &&
          /^https?:\/\/\S+$/i.test(clean(textOf(url))) &&
          c.children.length === 1 &&
          child(c, "online")!.children.length === 1
        ) {
          meta.homepage = clean(textOf(url));
        } else r.keepNode("dataset", c);
        break;
      }
      case "coverage":
        readCoverage(r, c);
        break;
      case "purpose":
        if (only(c, ["para"])) meta.purpose = paragraphs(c);
        else r.keepNode("dataset", c);
        break;
      case "maintenance": {
        const desc = child(c, "description");
        const freq = child(c, "maintenanceUpdateFrequency");
        meta.updateDescription = desc ? paragraphs(desc) : "";
        const f = freq ? parseUpdateFrequency(textOf(freq)) : undefined;
        if (freq && !f)
          r.notes.push(`maintenanceUpdateFrequency "${clean(textOf(freq))}" is not an EML value; read as unknown`);
        meta.updateFrequency = f ?? "unknown";
        for (const x of c.children) if (x !== desc && x !== freq) r.keepNode("dataset/maintenance", x);
        break;
      }
      case "publisher": {
        const org = childrenNamed(c, "organizationName");
        if (org.length > 0 && meta.publishingOrganization === "") {
          meta.publishingOrganization = clean(textOf(org[0]));
          for (const x of c.children) if (x !== org[0]) r.keepNode("dataset/publisher", x);
        } else r.keepNode("dataset", c);
        break;
      }
      case "methods":
        readMethods(r, c);
        break;
      case "project":
        readProject(r, c);
        break;
      default:
        if ((DATASET_ORDER as readonly string[]).includes(c.name)) r.keepNode("dataset", c);
        else r.leftOut(`dataset/${c.qname}`, "not in the GBIF metadata profile 1.3");
    }
  }
  meta.keywords = [...new Set(keywordSets)];
  if (rootLang) meta.metadataLanguage = rootLang;
  else if (root.attributes["xml:lang"]) meta.metadataLanguage = root.attributes["xml:lang"].trim();
  for (const add of childrenNamed(root, "additionalMetadata")) {
    for (const m of add.children) {
      const gbif = m.name === "metadata" ? child(m, "gbif") : undefined;
      if (gbif && m.children.length === 1) readGbif(r, gbif);
      else if (m.name === "replaces")
        r.keepNode("additionalMetadata/metadata/gbif", m); // its place in profile 1.3
      else
        r.leftOut(
          `additionalMetadata/${m.qname}${m.name === "metadata" && m.children[0] ? `/${m.children[0].qname}` : ""}`,
          "not in the GBIF metadata profile 1.3"
        );
    }
  }
  // A part the model took but the checks refuse (a bounding box out of range, a date that is not one): keep the
  // original element instead, so the export writes what the publisher wrote.
  const problems = checkMetadata(meta).filter((p) => p.severity === "error");
  const coverage = child(dataset, "coverage");
  for (const [part, fields, element] of [
    ["geographic", /^coverage\.(west|east|north|south|geographic)/, "geographicCoverage"],
    ["temporal", /^coverage\.(beginDate|endDate|temporal)/, "temporalCoverage"],
  ] as const) {
    if (!coverage || !problems.some((p) => fields.test(p.field))) continue;
    const original = child(coverage, element);
    if (part === "geographic") meta.coverage.geographic = emptyMetadata().coverage.geographic;
    else meta.coverage.temporal = emptyMetadata().coverage.temporal;
    if (original) r.keepNode("dataset/coverage", original);
  }
  const out = r.finish();
  // Kept elements in the order of the source document within each parent (as read, already).
  return { meta: out, pubDate, notes: r.notes };
}
