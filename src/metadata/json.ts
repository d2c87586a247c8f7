/**
 * The `--metadata META.json` format: the metadata model as JSON. Every field is optional; a missing field keeps its
 * default (`emptyMetadata()`). Unknown fields are errors (they are usually typos); keys starting with `$` or `//`
 * are comments and ignored.
 *
 * ```json
 * {
 *   "format": "dwc-excel-metadata/1",
 *   "title": "Vascular plants of the Kostomuksha Nature Reserve",
 *   "description": "Paragraphs separated by a blank line (\n\n).",
 *   "metadataLanguage": "eng",
 *   "dataLanguage": "rus",
 *   "license": "CC-BY-4.0",
 *   "datasetType": "occurrence",
 *   "updateFrequency": "annually",
 *   "updateDescription": "",
 *   "publishingOrganization": "",
 *   "keywords": ["flora", "Karelia"],
 *   "purpose": "", "homepage": "https://…",
 *   "citation": "", "citationIdentifier": "",
 *   "packageId": "urn:uuid:…",
 *   "creators": [{ "givenName": "", "surName": "", "organization": "", "position": "", "email": "", "orcid": "" }],
 *   "contacts": [ … ], "metadataProviders": [ … ],
 *   "methods": { "studyExtent": "", "samplingDescription": "", "steps": [""], "qualityControl": "" },
 *   "project": { "title": "", "identifier": "", "description": "", "funding": "", "studyAreaDescription": "",
 *                "designDescription": "", "personnel": [{ …agent, "role": "principalInvestigator" }] },
 *   "coverage": {
 *     "geographic": { "description": "", "west": 30.0, "east": 30.9, "north": 65.0, "south": 64.3 },
 *     "temporal": { "begin": "1983", "end": "2023-09-30" },
 *     "taxonomic": { "description": "", "taxa": [{ "rank": "family", "name": "Rosaceae", "commonName": "", "count": 120 }] }
 *   }
 * }
 * ```
 * Values: languages are ISO 639-2 (`ru`/`en` are read as `rus`/`eng`); `license` is CC0-1.0 | CC-BY-4.0 |
 * CC-BY-NC-4.0 (also `CC BY 4.0` or the legal-code URL); `datasetType` occurrence | checklist | samplingevent (the
 * CLI sets it from the core); `packageId` is the eml.xml packageId (absent or `""`: the export makes a new one and
 * prints it, to be added here so that later exports reuse it); `updateFrequency` an EML maintenanceUpdateFrequency value; `orcid` bare or as
 * `https://orcid.org/…`; numbers may also be given as text.
 * `keep` (a list of `{ "parent": "dataset", "xml": "<associatedParty>…</associatedParty>" }`) holds the elements of
 * an imported eml.xml the fields do not hold, written back in their place (see `KeptXml`).
 * A coverage part present in the JSON is the user's (`"source": "user"`, kept when coverage is derived from the
 * data); give `"source": "data"` to let the data replace it. Absent parts are derived from the data at export.
 */
import type { Agent, CoverageSource, DatasetMetadata, MetadataProblem, TaxonCoverage } from "./types";
import { normalizeOrcid } from "./check";
import { emptyAgent, emptyMetadata } from "./empty";
import { parseLicense } from "./licenses";
import { METADATA_SHEET_FORMAT } from "./sheet";
import { normalizeLanguage, parseDatasetType, parseUpdateFrequency } from "./vocabularies";

type Json = unknown;
type Obj = Record<string, Json>;

class Reader {
  readonly problems: MetadataProblem[] = [];

  fail(path: string, en: string, ru: string): void {
    this.problems.push({
      severity: "error",
      code: "json",
      field: path,
      message: { en: `${path}: ${en}`, ru: `${path}: ${ru}` },
    });
  }

  object(path: string, v: Json, keys: readonly string[]): Obj | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "object" || Array.isArray(v)) {
      this.fail(path || "(top level)", "must be an object { … }.", "должно быть объектом { … }.");
      return undefined;
    }
    const o = v as Obj;
    for (const k of Object.keys(o)) {
      if (k.startsWith("$") || k.startsWith("//")) continue;
      if (!keys.includes(k)) {
        const at = path ? `${path}.${k}` : k;
        this.fail(
          at,
          `unknown field (known: ${keys.join(", ")}).`,
          `неизвестное поле (допустимы: ${keys.join(", ")}).`
        );
      }
    }
    return o;
  }

  string(path: string, v: Json): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v !== "string") {
      this.fail(path, "must be text.", "должно быть текстом.");
      return undefined;
    }
    return v.trim();
  }

  number(path: string, v: Json): number | null | undefined {
    if (v === undefined) return undefined;
    if (v === null || v === "") return null;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim())) return Number(v.trim());
    this.fail(path, `${JSON.stringify(v)} is not a number.`, `${JSON.stringify(v)} — не число.`);
    return undefined;
  }

  array(path: string, v: Json): Json[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.fail(path, "must be a list [ … ].", "должно быть списком [ … ].");
      return [];
    }
    return v;
  }

  strings(path: string, v: Json): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    return this.array(path, v)
      .map((item, i) => this.string(`${path}[${i}]`, item))
      .filter((s): s is string => s !== undefined && s !== "");
  }
}

const AGENT_KEYS = ["givenName", "surName", "organization", "position", "email", "orcid", "role"] as const;

function agents(r: Reader, path: string, v: Json, withRole: boolean): Agent[] | undefined {
  if (v === undefined || v === null) return undefined;
  return r.array(path, v).flatMap((item, i) => {
    const at = `${path}[${i}]`;
    const o = r.object(at, item, withRole ? AGENT_KEYS : AGENT_KEYS.filter((k) => k !== "role"));
    if (!o) return [];
    const a = emptyAgent();
    for (const k of AGENT_KEYS) {
      const s = r.string(`${at}.${k}`, o[k]);
      if (s !== undefined) a[k] = k === "orcid" ? normalizeOrcid(s) : s;
    }
    return [a];
  });
}

function source(r: Reader, path: string, v: Json): CoverageSource {
  if (v === undefined || v === null) return "user";
  if (v === "data" || v === "user") return v;
  r.fail(path, 'must be "data" or "user".', 'должно быть "data" или "user".');
  return "user";
}

const TOP_KEYS = [
  "format",
  "title",
  "description",
  "metadataLanguage",
  "dataLanguage",
  "license",
  "datasetType",
  "updateFrequency",
  "updateDescription",
  "publishingOrganization",
  "keywords",
  "purpose",
  "homepage",
  "citation",
  "citationIdentifier",
  "packageId",
  "creators",
  "contacts",
  "metadataProviders",
  "methods",
  "project",
  "coverage",
  "keep",
] as const;

const TEXT_KEYS = [
  "title",
  "description",
  "updateDescription",
  "publishingOrganization",
  "purpose",
  "homepage",
  "citation",
  "citationIdentifier",
  "packageId",
] as const;

/**
 * Read `--metadata META.json`. Problems name the field by its JSON path (`creators[1].email`); a JSON syntax error
 * is one problem with the position. The metadata are returned even with problems (fields that could be read).
 */
export function parseMetadataJson(text: string): { meta: DatasetMetadata; problems: MetadataProblem[] } {
  const meta = emptyMetadata();
  const r = new Reader();
  let doc: Json;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(msg);
    let where = "";
    if (at) {
      const before = text
        .replace(/^\uFEFF/, "")
        .slice(0, Number(at[1]))
        .split("\n");
      where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
    }
    r.fail(
      "(file)",
      `not valid JSON${where}: ${msg}`,
      `не является корректным JSON${where.replace("line", "строка").replace("column", "столбец")}: ${msg}`
    );
    return { meta, problems: r.problems };
  }
  const top = r.object("", doc, TOP_KEYS);
  if (!top) {
    if (doc === null || doc === undefined)
      r.fail("(top level)", "must be an object { … }.", "должно быть объектом { … }.");
    return { meta, problems: r.problems };
  }
  const format = r.string("format", top.format);
  if (format !== undefined && format !== METADATA_SHEET_FORMAT) {
    r.fail("format", `"${format}" is not ${METADATA_SHEET_FORMAT}.`, `«${format}» — не ${METADATA_SHEET_FORMAT}.`);
  }
  for (const k of TEXT_KEYS) {
    const s = r.string(k, top[k]);
    if (s !== undefined) meta[k] = s;
  }
  for (const k of ["metadataLanguage", "dataLanguage"] as const) {
    const s = r.string(k, top[k]);
    if (s !== undefined) meta[k] = normalizeLanguage(s) || (s === "" ? "eng" : s);
  }
  const license = r.string("license", top.license);
  if (license !== undefined && license !== "") {
    const id = parseLicense(license);
    if (id) meta.license = id;
    else
      r.fail(
        "license",
        `"${license}" is not CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0.`,
        `«${license}» — не CC0-1.0, CC-BY-4.0 или CC-BY-NC-4.0.`
      );
  }
  const type = r.string("datasetType", top.datasetType);
  if (type !== undefined && type !== "") {
    const t = parseDatasetType(type);
    if (t) meta.datasetType = t;
    else
      r.fail(
        "datasetType",
        `"${type}" is not occurrence, checklist or samplingevent.`,
        `«${type}» — не occurrence, checklist или samplingevent.`
      );
  }
  const freq = r.string("updateFrequency", top.updateFrequency);
  if (freq !== undefined && freq !== "") {
    const f = parseUpdateFrequency(freq);
    if (f) meta.updateFrequency = f;
    else
      r.fail(
        "updateFrequency",
        `"${freq}" is not an EML update frequency (annually, asNeeded, unknown, …).`,
        `«${freq}» — не значение EML (annually, asNeeded, unknown, …).`
      );
  }
  meta.keywords = r.strings("keywords", top.keywords) ?? [];
  meta.creators = agents(r, "creators", top.creators, false) ?? [];
  meta.contacts = agents(r, "contacts", top.contacts, false) ?? [];
  meta.metadataProviders = agents(r, "metadataProviders", top.metadataProviders, false) ?? [];

  const methods = r.object("methods", top.methods, ["studyExtent", "samplingDescription", "steps", "qualityControl"]);
  if (methods) {
    for (const k of ["studyExtent", "samplingDescription", "qualityControl"] as const)
      meta.methods[k] = r.string(`methods.${k}`, methods[k]) ?? "";
    meta.methods.steps = r.strings("methods.steps", methods.steps) ?? [];
  }
  const project = r.object("project", top.project, [
    "title",
    "identifier",
    "description",
    "funding",
    "studyAreaDescription",
    "designDescription",
    "personnel",
  ]);
  if (project) {
    for (const k of [
      "title",
      "identifier",
      "description",
      "funding",
      "studyAreaDescription",
      "designDescription",
    ] as const) {
      meta.project[k] = r.string(`project.${k}`, project[k]) ?? "";
    }
    meta.project.personnel = agents(r, "project.personnel", project.personnel, true) ?? [];
  }
  const coverage = r.object("coverage", top.coverage, ["geographic", "temporal", "taxonomic"]);
  if (coverage) {
    const g = r.object("coverage.geographic", coverage.geographic, [
      "description",
      "west",
      "east",
      "north",
      "south",
      "source",
    ]);
    if (g) {
      const geo = meta.coverage.geographic;
      geo.description = r.string("coverage.geographic.description", g.description) ?? "";
      for (const k of ["west", "east", "north", "south"] as const)
        geo[k] = r.number(`coverage.geographic.${k}`, g[k]) ?? null;
      geo.source = source(r, "coverage.geographic.source", g.source);
    }
    const t = r.object("coverage.temporal", coverage.temporal, ["begin", "end", "source"]);
    if (t) {
      meta.coverage.temporal = {
        begin: r.string("coverage.temporal.begin", t.begin) ?? "",
        end: r.string("coverage.temporal.end", t.end) ?? "",
        source: source(r, "coverage.temporal.source", t.source),
      };
    }
    const tx = r.object("coverage.taxonomic", coverage.taxonomic, ["description", "taxa", "source"]);
    if (tx) {
      const taxa: TaxonCoverage[] = r.array("coverage.taxonomic.taxa", tx.taxa).flatMap((item, i) => {
        const at = `coverage.taxonomic.taxa[${i}]`;
        const o = r.object(at, item, ["rank", "name", "commonName", "count"]);
        if (!o) return [];
        const count = r.number(`${at}.count`, o.count) ?? null;
        if (count !== null && (!Number.isInteger(count) || count < 0))
          r.fail(`${at}.count`, "must be a whole number ≥ 0.", "должно быть целым числом ≥ 0.");
        return [
          {
            rank: r.string(`${at}.rank`, o.rank) ?? "",
            name: r.string(`${at}.name`, o.name) ?? "",
            commonName: r.string(`${at}.commonName`, o.commonName) ?? "",
            count,
          },
        ];
      });
      meta.coverage.taxonomic = {
        description: r.string("coverage.taxonomic.description", tx.description) ?? "",
        taxa,
        source: source(r, "coverage.taxonomic.source", tx.source),
      };
    }
  }
  const keep = r.array("keep", top.keep).flatMap((item, i) => {
    const at = `keep[${i}]`;
    const o = r.object(at, item, ["parent", "xml"]);
    const parent = o ? r.string(`${at}.parent`, o.parent) : undefined;
    const xml = o ? r.string(`${at}.xml`, o.xml) : undefined;
    if (!parent || !xml) {
      if (o) r.fail(at, "needs its parent and xml.", "нужны parent и xml.");
      return [];
    }
    return [{ parent, xml }];
  });
  if (keep.length > 0) meta.keep = keep;
  return { meta, problems: r.problems };
}

/** Metadata as JSON in the `--metadata` format (every field written, coverage with its `source`). */
export function metadataToJson(meta: DatasetMetadata): string {
  const { coverage, ...rest } = meta;
  const agent = (a: Agent, withRole: boolean): Partial<Agent> => {
    const { role, ...other } = a;
    return withRole ? { ...other, role } : other;
  };
  return (
    JSON.stringify(
      {
        format: METADATA_SHEET_FORMAT,
        ...rest,
        creators: meta.creators.map((a) => agent(a, false)),
        contacts: meta.contacts.map((a) => agent(a, false)),
        metadataProviders: meta.metadataProviders.map((a) => agent(a, false)),
        project: { ...meta.project, personnel: meta.project.personnel.map((a) => agent(a, true)) },
        coverage,
      },
      null,
      2
    ) + "\n"
  );
}
