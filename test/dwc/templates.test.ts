import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { DatasetClass, Preset, SheetTemplate } from "../../src/dwc";
import {
  addableTerms,
  buildTemplate,
  EXCEL_MAX_ROWS,
  isTextColumn,
  TEMPLATE_LAST_ROW,
  templateLastRow,
  EXTENSION_CHOICES,
  extensionTemplate,
  getProperty,
  getRowType,
  recogniseSheet,
  TemplateError,
  termHelp,
  vocabularyIdFor,
} from "../../src/dwc";
import { sharedFile, SHARED_DWC } from "./shared";

const CLASSES: DatasetClass[] = ["checklist", "occurrence", "event"];
const PRESETS: Preset[] = ["minimal", "extended"];

/** Every sheet the add-in offers: both presets of each class, and each extension for each class it fits. */
function allSheets(): SheetTemplate[] {
  const sheets = CLASSES.flatMap((c) => PRESETS.flatMap((p) => buildTemplate(c, p)));
  for (const e of EXTENSION_CHOICES) for (const c of e.datasetClasses) sheets.push(extensionTemplate(e.rowTypeId, c));
  return sheets;
}

interface IptSheet {
  file: string;
  sheet: string;
  columns: { term: string; level: string }[];
}

/** Header row and level (dark green #85B372 required, light green #D8E3CF recommended) of the IPT templates. */
async function readIptTemplates(withExamples: boolean): Promise<IptSheet[]> {
  const dir = sharedFile("gbif-ipt/templates");
  const out: IptSheet[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx") && (withExamples || !f.includes("example")))) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, file));
    for (const ws of wb.worksheets) {
      if (ws.name === "README") continue;
      const columns: { term: string; level: string }[] = [];
      ws.getRow(1).eachCell((cell) => {
        const argb = (cell.fill as { fgColor?: { argb?: string } })?.fgColor?.argb;
        columns.push({
          term: String(cell.value),
          level: argb === "FF85B372" ? "required" : argb === "FFD8E3CF" ? "recommended" : "optional",
        });
      });
      out.push({ file, sheet: ws.name, columns });
    }
  }
  return out;
}

const terms = (s: SheetTemplate) => s.columns.map((c) => c.term as string);
const required = (s: SheetTemplate) => s.columns.filter((c) => c.level === "required").map((c) => c.term as string);
const level = (s: SheetTemplate, term: string) => s.columns.find((c) => c.term === term)?.level;

describe("buildTemplate", () => {
  it("gives each class its required columns, the same in both presets", () => {
    for (const preset of PRESETS) {
      const [taxa] = buildTemplate("checklist", preset);
      expect(required(taxa).sort()).toEqual(["scientificName", "taxonID", "taxonRank"]);
      const [occ] = buildTemplate("occurrence", preset);
      expect(required(occ).sort()).toEqual(["basisOfRecord", "occurrenceID"]);
      const [events, assoc] = buildTemplate("event", preset);
      expect(required(events).sort()).toEqual(
        ["eventDate", "eventID", "sampleSizeUnit", "sampleSizeValue", "samplingProtocol", "type"].sort()
      );
      expect(required(assoc).sort()).toEqual([
        "basisOfRecord",
        "eventDate",
        "eventID",
        "occurrenceID",
        "scientificName",
      ]);
    }
  });

  it("puts the core sheet first and adds the Associated occurrences sheet (Occurrence as extension) to events", () => {
    expect(buildTemplate("checklist", "minimal").map((s) => s.role)).toEqual([
      { rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" },
    ]);
    expect(buildTemplate("occurrence", "minimal").map((s) => s.role)).toEqual([
      { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" },
    ]);
    const event = buildTemplate("event", "extended");
    expect(event.map((s) => s.role)).toEqual([
      { rowTypeId: "event", kind: "core", datasetClass: "event", idTerm: "eventID" },
      { rowTypeId: "occurrence", kind: "extension", datasetClass: "event", idTerm: "eventID" },
    ]);
    expect(event.map((s) => s.title)).toEqual([
      { en: "Event", ru: "События" },
      { en: "Associated occurrences", ru: "Связанные находки" },
    ]);
    expect(buildTemplate("occurrence", "minimal")[0].title).toEqual({ en: "Occurrence", ru: "Находки" });
  });

  it("Minimal = the IPT template's required and recommended columns (basisOfRecord raised to required)", async () => {
    const ipt = await readIptTemplates(false);
    const pairs: [SheetTemplate, string][] = [
      [buildTemplate("checklist", "minimal")[0], "Taxon"],
      [buildTemplate("occurrence", "minimal")[0], "Occurrences"],
      [buildTemplate("event", "minimal")[0], "Sampling Events"],
      [buildTemplate("event", "minimal")[1], "Associated Occurrences"],
    ];
    for (const [sheet, iptName] of pairs) {
      const src = ipt.find((s) => s.sheet === iptName) as IptSheet;
      const expected = src.columns.filter((c) => c.level !== "optional");
      expect(terms(sheet).sort()).toEqual(expected.map((c) => c.term).sort());
      for (const c of expected) {
        const want = c.term === "basisOfRecord" || c.term === sheet.role.idTerm ? "required" : c.level;
        expect({ sheet: iptName, term: c.term, level: level(sheet, c.term) }).toEqual({
          sheet: iptName,
          term: c.term,
          level: want,
        });
      }
    }
  });

  it("Extended follows the methodology's six blocks in its order, for terms the definition has", () => {
    const seed = fs.readdirSync(path.resolve(SHARED_DWC, "../seeds")).find((f) => f.startsWith("004_")) as string;
    const table = fs
      .readFileSync(path.resolve(SHARED_DWC, "../seeds", seed), "utf8")
      .split(/\r?\n/)
      .filter((l) => / \| /.test(l) && !l.startsWith("Термин"))
      .map((l) => l.split(" | ")[0].trim());
    const [occ] = buildTemplate("occurrence", "extended");
    const wanted = table.filter((t) => getProperty("occurrence", t));
    // The methodology terms appear in the table's order (other columns may sit between them).
    const positions = wanted.map((t) => terms(occ).indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // occurrenceID is the id column and comes first; the rest keep the table's order.
    const withoutId = positions.filter((p) => p !== 0);
    expect(withoutId).toEqual([...withoutId].sort((a, b) => a - b));
    expect(occ.columns.map((c) => c.block)).toEqual(
      expect.arrayContaining(["RECORD", "OCCURRENCE", "EVENT", "LOCATION", "IDENTIFICATION", "TAXON"])
    );
  });

  it("offers the real elevation terms instead of the methodology's elevation and elevationAccuracy", () => {
    for (const sheet of CLASSES.flatMap((c) => buildTemplate(c, "extended"))) {
      expect(terms(sheet)).not.toContain("elevation");
      expect(terms(sheet)).not.toContain("elevationAccuracy");
    }
    const [occ] = buildTemplate("occurrence", "extended");
    expect(terms(occ)).toEqual(
      expect.arrayContaining(["minimumElevationInMeters", "maximumElevationInMeters", "verbatimElevation"])
    );
  });

  it("keeps place and time on the event sheet and the organism on the Associated occurrences sheet", () => {
    const [events, assoc] = buildTemplate("event", "extended");
    expect(terms(events)).toEqual(expect.arrayContaining(["locality", "decimalLatitude", "habitat", "samplingEffort"]));
    expect(terms(events)).not.toContain("scientificName");
    expect(terms(assoc)).toEqual(expect.arrayContaining(["recordedBy", "individualCount", "identifiedBy", "family"]));
    expect(terms(assoc)).not.toContain("locality");
  });

  it("uses the methodology's block where it differs from the DwC class (typeStatus in TAXON)", () => {
    const [occ] = buildTemplate("occurrence", "extended");
    expect(occ.columns.find((c) => c.term === "typeStatus")?.block).toBe("TAXON");
    expect(occ.columns.find((c) => c.term === "disposition")?.block).toBe("OCCURRENCE");
  });
});

describe("every template sheet", () => {
  const sheets = allSheets();

  it("starts with its required id or link column", () => {
    for (const s of sheets) {
      expect({ sheet: s.title.en, first: s.columns[0].term, level: s.columns[0].level }).toEqual({
        sheet: s.title.en,
        first: s.role.idTerm,
        level: "required",
      });
    }
  });

  it("has basisOfRecord required wherever it holds occurrences", () => {
    for (const s of sheets.filter((x) => x.role.rowTypeId === "occurrence"))
      expect(level(s, "basisOfRecord")).toBe("required");
  });

  it("has only properties of its definition (plus the link column), each once, with the definition's IRI, type and vocabulary", () => {
    for (const s of sheets) {
      expect(new Set(terms(s)).size).toBe(s.columns.length);
      for (const c of s.columns) {
        const p = getProperty(s.role.rowTypeId, c.term);
        if (!p) {
          expect(c.term).toBe(s.role.idTerm);
          continue;
        }
        expect([c.iri, c.type, c.vocabulary]).toEqual([p.iri, p.type, vocabularyIdFor(s.role.rowTypeId, c.term)]);
      }
    }
  });

  it("has Russian and English help for every column", () => {
    for (const s of sheets)
      for (const c of s.columns) {
        const ru = termHelp(c.term, "ru");
        const en = termHelp(c.term, "en");
        expect({ term: c.term, ru: /[а-яё]/i.test(ru.label) && /[а-яё]/i.test(ru.definition) }).toEqual({
          term: c.term,
          ru: true,
        });
        expect({ term: c.term, en: en.definition.length > 0 }).toEqual({ term: c.term, en: true });
      }
  });

  it("has titles that are valid Excel sheet names in both languages", () => {
    for (const s of sheets)
      for (const t of [s.title.en, s.title.ru]) {
        expect(t.length).toBeLessThanOrEqual(31);
        expect(t).not.toMatch(/[[\]:*?/\\]/);
      }
  });

  it("is recognised from its own header row", () => {
    for (const s of sheets)
      expect({ sheet: s.title.en, role: recogniseSheet(terms(s)) }).toEqual({ sheet: s.title.en, role: s.role });
  });
});

describe("extensionTemplate and EXTENSION_CHOICES", () => {
  it("offers the six extension sheets; vernacular names only for checklists", () => {
    expect(EXTENSION_CHOICES.map((e) => e.rowTypeId)).toEqual([
      "measurementorfact",
      "extendedmeasurementorfact",
      "multimedia",
      "vernacularname",
      "references",
      "resourcerelationship",
    ]);
    expect(EXTENSION_CHOICES.find((e) => e.rowTypeId === "vernacularname")?.datasetClasses).toEqual(["checklist"]);
  });

  it("links each extension sheet by the core's id and keeps GBIF's required properties required", () => {
    const mof = extensionTemplate("measurementorfact", "event");
    expect(mof.columns[0]).toMatchObject({
      term: "eventID",
      level: "required",
      iri: "http://rs.tdwg.org/dwc/terms/eventID",
    });
    expect(required(mof)).toEqual(["eventID", "measurementType"]);
    expect(required(extensionTemplate("resourcerelationship", "occurrence"))).toEqual([
      "occurrenceID",
      "resourceID",
      "relatedResourceID",
    ]);
    expect(required(extensionTemplate("vernacularname", "checklist"))).toEqual(["taxonID", "vernacularName"]);
    expect(terms(extensionTemplate("extendedmeasurementorfact", "occurrence"))[0]).toBe("occurrenceID");
    expect(
      terms(extensionTemplate("extendedmeasurementorfact", "occurrence")).filter((t) => t === "occurrenceID")
    ).toHaveLength(1);
  });

  it("holds every property of the extension", () => {
    for (const e of EXTENSION_CHOICES) {
      const def = getRowType(e.rowTypeId);
      const sheet = extensionTemplate(e.rowTypeId, e.datasetClasses[0]);
      expect(terms(sheet)).toEqual(expect.arrayContaining(def?.properties.map((p) => p.name as string) ?? []));
    }
  });

  it("refuses cores and unknown definitions with a coded error", () => {
    expect(() => extensionTemplate("nosuch", "occurrence")).toThrow(TemplateError);
    try {
      extensionTemplate("taxon", "occurrence");
    } catch (e) {
      expect((e as TemplateError).code).toBe("not-an-extension");
    }
    expect.assertions(2);
  });
});

describe("addableTerms", () => {
  it("offers every property of the definition as an optional column", () => {
    const occ = addableTerms("occurrence");
    expect(occ).toHaveLength(getRowType("occurrence")?.properties.length ?? -1);
    expect(occ.every((c) => c.level === "optional")).toBe(true);
    expect(occ.find((c) => c.term === "establishmentMeans")?.vocabulary).toBe("establishmentMeans");
    expect(addableTerms("measurementorfact").map((c) => c.term)).toContain("measurementRemarks");
  });
});

describe("recogniseSheet", () => {
  it("recognises the sheets of GBIF's IPT templates, empty and filled", async () => {
    const expected: Record<string, object> = {
      Taxon: { rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" },
      Occurrences: { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" },
      "Sampling Events": { rowTypeId: "event", kind: "core", datasetClass: "event", idTerm: "eventID" },
      "Associated Occurrences": {
        rowTypeId: "occurrence",
        kind: "extension",
        datasetClass: "event",
        idTerm: "eventID",
      },
    };
    const sheets = await readIptTemplates(true);
    expect(sheets).toHaveLength(8);
    for (const s of sheets) {
      const headers = s.columns.map((c) => c.term);
      expect({ file: s.file, sheet: s.sheet, role: recogniseSheet(headers, s.sheet) }).toEqual({
        file: s.file,
        sheet: s.sheet,
        role: expected[s.sheet],
      });
      // The headers alone are enough.
      expect(recogniseSheet(headers)).toEqual(expected[s.sheet]);
    }
  });

  it("ignores case, surrounding spaces, blank headers and a few unknown columns", () => {
    const role = recogniseSheet([" OccurrenceID", "basisofrecord ", "", "scientificName", "Notes", "Photo"]);
    expect(role).toMatchObject({ rowTypeId: "occurrence", kind: "core" });
  });

  it("uses the sheet name to tell associated occurrences from an occurrence core", () => {
    const headers = ["occurrenceID", "eventID", "basisOfRecord", "scientificName"];
    expect(recogniseSheet(headers)?.kind).toBe("core");
    expect(recogniseSheet(headers, "Связанные находки")?.kind).toBe("extension");
  });

  it("tells MeasurementOrFact from Extended MeasurementOrFact and finds the link column", () => {
    expect(recogniseSheet(["occurrenceID", "measurementType", "measurementValue", "measurementUnit"])).toMatchObject({
      rowTypeId: "measurementorfact",
      datasetClass: "occurrence",
    });
    expect(
      recogniseSheet(["eventID", "occurrenceID", "measurementType", "measurementTypeID", "measurementValue"])
    ).toMatchObject({
      rowTypeId: "extendedmeasurementorfact",
      datasetClass: "event",
    });
  });

  it("returns undefined for sheets that are not Darwin Core", () => {
    expect(recogniseSheet([])).toBeUndefined();
    expect(recogniseSheet(["Name", "Date", "Place", "Count", "Remarks"])).toBeUndefined();
    expect(recogniseSheet(["occurrenceID", "a", "b", "c", "d", "e", "f"])).toBeUndefined();
    // An extension sheet without a column linking it to a core cannot be placed.
    expect(recogniseSheet(["measurementType", "measurementValue"])).toBeUndefined();
  });
});

describe("Russian help beyond the default columns", () => {
  it("covers every property of the three cores, so terms can be searched in Russian", () => {
    for (const id of ["occurrence", "event", "taxon"])
      for (const p of getRowType(id)?.properties ?? [])
        expect({ id, term: p.name, ru: /[а-яё]/i.test(termHelp(p.name, "ru").label) }).toEqual({
          id,
          term: p.name,
          ru: true,
        });
  });
});

describe("template rows and text columns (shared by the Excel add-in and the .xlsx files)", () => {
  it("covers 50,000 rows, or 10,000 below the data, never past Excel's last row", () => {
    expect(templateLastRow()).toBe(TEMPLATE_LAST_ROW);
    expect(templateLastRow(45_000)).toBe(55_000);
    expect(templateLastRow(1_048_000)).toBe(EXCEL_MAX_ROWS);
  });
  it("formats every column as text except numbers", () => {
    const columns = buildTemplate("occurrence", "extended").flatMap((t) => t.columns);
    const text = (term: string) => isTextColumn(columns.find((c) => c.term === term)!);
    expect([text("occurrenceID"), text("eventDate"), text("decimalLatitude"), text("individualCount")]).toEqual([true, true, false, false]);
  });
});
