/**
 * Inserting templates and formatting existing sheets, asserted on the fake workbook (issue 2 §4, §7).
 */
import { buildTemplate, CURRENT_YEAR, EARLIEST_YEAR, extensionTemplate, getVocabulary, isTextColumn, TEMPLATE_LAST_ROW, TERM_RANGES } from "../../src/dwc";
import { VOCABULARY_SHEET, formatExistingSheet, freeSheetName, insertTemplate } from "../../src/excel";
import { columnLetters } from "../../src/excel/address";
import { REGISTRY_KEY } from "../../src/excel/registry";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

const existing = () => [
  { name: "Occurrence", values: [["my notes", 42], ["007", null]] },
  { name: "Other", values: [["x"]], numberFormats: [["0.00"]] },
];

describe("insertTemplate", () => {
  it("adds the template's sheets with exactly the term names in a frozen row 1", async () => {
    const fake = installFake();
    const templates = buildTemplate("event", "minimal");
    const inserted = await insertTemplate(templates, "en");
    expect(inserted.map((s) => s.name)).toEqual(["Event", "Associated occurrences"]);
    for (const [i, t] of templates.entries()) {
      const sheet = fake.sheet(inserted[i].name);
      const terms = t.columns.map((c) => c.term);
      const last = columnLetters(terms.length - 1);
      expect(sheet.values(`A1:${last}1`)[0]).toEqual(terms);
      expect(sheet.value(`${columnLetters(terms.length)}1`)).toBeNull();
      expect(sheet.frozenRows).toBe(1);
    }
    expect(inserted[0].role).toEqual(templates[0].role);
  });

  it("names sheets in Russian and picks a free name when the name is taken", async () => {
    const fake = installFake(existing());
    const inserted = await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    expect(inserted[0].name).toBe("Occurrence (2)");
    await insertTemplate(buildTemplate("occurrence", "minimal"), "ru");
    expect(fake.sheetNames()).toEqual(["Occurrence", "Other", VOCABULARY_SHEET, "Occurrence (2)", "Находки"]);
    expect(freeSheetName("Occurrence", new Set(["occurrence", "occurrence (2)"]))).toBe("Occurrence (3)");
    expect(freeSheetName("A/B:C", new Set())).toBe("A B C");
    expect(freeSheetName("x".repeat(40), new Set(["x".repeat(31)]))).toBe(`${"x".repeat(27)} (2)`);
  });

  it("never changes an existing sheet", async () => {
    const fake = installFake(existing());
    const before = fake.sheetNames().map((n) => fake.snapshot(n));
    await insertTemplate(buildTemplate("event", "extended"), "ru");
    expect(["Occurrence", "Other"].map((n) => fake.snapshot(n))).toEqual(before);
  });

  it("fills headers by level and marks each column's block with a coloured border", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "extended");
    const [ins] = await insertTemplate([t], "en");
    const sheet = fake.sheet(ins.name);
    const at = (term: string) => columnLetters(t.columns.findIndex((c) => c.term === term)) + "1";
    expect(sheet.format(at("occurrenceID"), "fill.color")).toBe("#85B372");
    expect(sheet.format(at("basisOfRecord"), "fill.color")).toBe("#85B372");
    const recommended = t.columns.find((c) => c.level === "recommended");
    const optional = t.columns.find((c) => c.level === "optional");
    expect(recommended && sheet.format(at(recommended.term), "fill.color")).toBe("#D8E3CF");
    expect(optional && sheet.format(at(optional.term), "fill.color")).toBe("#FFFFFF");
    // Blocks: a location term and an occurrence term carry different border colours.
    const loc = at("decimalLatitude");
    const occ = at("recordedBy");
    expect(sheet.format(loc, "borders.EdgeBottom.style")).toBe("Continuous");
    expect(sheet.format(loc, "borders.EdgeBottom.color")).not.toEqual(sheet.format(occ, "borders.EdgeBottom.color"));
  });

  it("formats text columns as text and numeric columns as numbers, over bounded ranges", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "extended");
    const [ins] = await insertTemplate([t], "en");
    const sheet = fake.sheet(ins.name);
    const col = (term: string) => columnLetters(t.columns.findIndex((c) => c.term === term));
    expect(sheet.numberFormat(`${col("occurrenceID")}2`)).toBe("@");
    expect(sheet.numberFormat(`${col("eventDate")}50000`)).toBe("@");
    expect(sheet.numberFormat(`${col("eventDate")}50001`)).toBe("General");
    expect(sheet.numberFormat(`${col("decimalLatitude")}2`)).toBe("General");
    // Typing an id with leading zeros and an ISO date keeps them as text.
    await fake.userEdit(ins.name, `${col("occurrenceID")}2`, "007");
    await fake.userEdit(ins.name, `${col("eventDate")}2`, "2012-06-23");
    expect(sheet.value(`${col("occurrenceID")}2`)).toBe("007");
    expect(sheet.value(`${col("eventDate")}2`)).toBe("2012-06-23");
    for (const v of sheet.validations()) expect(v.address).toMatch(/^[A-Z]+2:[A-Z]+50000$/);
    // Both are the model's definitions, which the command line's .xlsx templates use too (test/file).
    expect(TEMPLATE_LAST_ROW).toBe(50000);
    for (const column of t.columns) {
      const at = `${columnLetters(t.columns.indexOf(column))}${TEMPLATE_LAST_ROW}`;
      expect([column.term, sheet.numberFormat(at) === "@"]).toEqual([column.term, isTextColumn(column)]);
    }
  });

  it("binds dropdowns to named ranges on one very hidden vocabulary sheet, reused by later inserts", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "minimal");
    const [ins] = await insertTemplate([t], "en");
    const vocab = fake.sheet(VOCABULARY_SHEET);
    expect(vocab.visibility).toBe("VeryHidden");
    const name = fake.names().find((n) => n.name === "dwc_basisOfRecord");
    expect(name).toBeDefined();
    const concepts = getVocabulary("basisOfRecord")!.concepts.map((c) => c.value);
    const ref = /^='DwC vocabularies'!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(name!.formula);
    expect(ref).not.toBeNull();
    expect(vocab.values(`${ref![1]}2:${ref![1]}${ref![2]}`).map((r) => r[0])).toEqual(concepts);
    const col = columnLetters(t.columns.findIndex((c) => c.term === "basisOfRecord"));
    const rule = fake.sheet(ins.name).validation(`${col}2`)!;
    expect(rule.rule).toEqual({ list: { inCellDropDown: true, source: "=dwc_basisOfRecord" } });
    expect(rule.errorAlert).toMatchObject({ style: "Stop", showAlert: true });
    // A second insert reuses the sheet and its names.
    await insertTemplate(buildTemplate("event", "minimal"), "en");
    expect(fake.sheetNames().filter((n) => n.startsWith("DwC"))).toEqual([VOCABULARY_SHEET]);
    expect(fake.names().filter((n) => n.name === "dwc_basisOfRecord")).toHaveLength(1);
    expect(fake.names().find((n) => n.name === "dwc_basisOfRecord")!.formula).toBe(name!.formula);
  });

  it("uses a warning alert for open vocabularies and numeric rules for coordinates and dates", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "extended");
    const [ins] = await insertTemplate([t], "en");
    const sheet = fake.sheet(ins.name);
    const at = (term: string) => `${columnLetters(t.columns.findIndex((c) => c.term === term))}2`;
    const open = t.columns.find((c) => c.vocabulary && !getVocabulary(c.vocabulary)!.closed);
    expect(open).toBeDefined();
    expect(sheet.validation(at(open!.term))!.errorAlert).toMatchObject({ style: "Warning" });
    expect(sheet.validation(at("decimalLatitude"))!.rule).toEqual({ decimal: { formula1: -90, formula2: 90, operator: "Between" } });
    expect(sheet.validation(at("decimalLongitude"))!.rule).toEqual({ decimal: { formula1: -180, formula2: 180, operator: "Between" } });
    expect(sheet.validation(at("coordinateUncertaintyInMeters"))!.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThan" } });
    for (const term of ["year", "month", "day"]) {
      if (t.columns.some((c) => c.term === term)) expect(Object.keys(sheet.validation(at(term))!.rule!)).toEqual(["wholeNumber"]);
    }
    // Every numeric rule is the model's term range (the validator checks the same one); the year runs to Excel's
    // own current year.
    const ranged = t.columns.filter((c) => TERM_RANGES[c.term]);
    expect(ranged.map((c) => c.term)).toEqual(expect.arrayContaining(["year", "month", "day", "coordinateUncertaintyInMeters"]));
    for (const column of ranged) {
      const range = TERM_RANGES[column.term];
      const max = range.max === CURRENT_YEAR ? "=YEAR(TODAY())" : range.max;
      const basic = range.minExclusive ? { formula1: range.min, operator: "GreaterThan" } : { formula1: range.min, formula2: max, operator: "Between" };
      expect([column.term, sheet.validation(at(column.term))!.rule]).toEqual([column.term, { [range.whole ? "wholeNumber" : "decimal"]: basic }]);
    }
    expect(sheet.validation(at("year"))!.rule).toEqual({ wholeNumber: { formula1: EARLIEST_YEAR, formula2: "=YEAR(TODAY())", operator: "Between" } });
  });

  it("adds conditional formats that mark vocabulary and range violations", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "extended");
    const [ins] = await insertTemplate([t], "en");
    const cfs = fake.sheet(ins.name).conditionalFormats();
    const col = (term: string) => columnLetters(t.columns.findIndex((c) => c.term === term));
    const bor = cfs.find((c) => c.address === `${col("basisOfRecord")}2:${col("basisOfRecord")}50000`);
    expect(bor?.type).toBe("Custom");
    expect(bor?.rule.formula).toBe(`=AND(${col("basisOfRecord")}2<>"",ISNA(MATCH(${col("basisOfRecord")}2,dwc_basisOfRecord,0)))`);
    expect(bor?.format["fill.color"]).toBe("#FFC7CE");
    const lat = cfs.find((c) => c.address.startsWith(`${col("decimalLatitude")}2:`));
    const l = `${col("decimalLatitude")}2`;
    expect(lat?.rule.formula).toBe(`=AND(${l}<>"",OR(NOT(ISNUMBER(${l})),${l}<-90,${l}>90))`);
    const y = `${col("year")}2`;
    const year = cfs.find((c) => c.address.startsWith(`${col("year")}2:`));
    expect(year?.rule.formula).toBe(`=AND(${y}<>"",OR(NOT(ISNUMBER(${y})),${y}<${EARLIEST_YEAR},${y}>YEAR(TODAY()),${y}<>INT(${y})))`);
  });

  it("remembers each sheet's role by worksheet id, so a rename keeps it", async () => {
    const fake = installFake();
    const inserted = await insertTemplate([extensionTemplate("measurementorfact", "occurrence")], "en");
    const registry = fake.settings()[REGISTRY_KEY] as { sheets: Record<string, { role: unknown; name: string }> };
    expect(registry.sheets[inserted[0].id].role).toEqual({
      rowTypeId: "measurementorfact",
      kind: "extension",
      datasetClass: "occurrence",
      idTerm: "occurrenceID",
    });
  });

  it("takes a fixed number of round trips whatever the template's size", async () => {
    const small = installFake();
    await insertTemplate([extensionTemplate("references", "checklist")], "en");
    const big = installFake();
    await insertTemplate(buildTemplate("event", "extended"), "ru");
    expect(small.syncCount).toBeLessThanOrEqual(4);
    expect(big.syncCount).toBe(small.syncCount);
    // A second insert, with the vocabulary sheet present, reads its header row: still at most 4.
    big.resetCounters();
    await insertTemplate(buildTemplate("occurrence", "extended"), "en");
    expect(big.syncCount).toBeLessThanOrEqual(4);
    for (const s of big.syncLog) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("formatExistingSheet", () => {
  const filled = () => [
    {
      name: "Birds",
      values: [
        ["occurrenceID", "basisOfRecord", "eventDate", "decimalLatitude", "my notes", "countryCode"],
        ["001", "HumanObservation", 41083, 55.75, "seen twice", "RU"],
        ["002", "preservedspecimen", "2012-06-23", "55,75", "", "ZZ"],
      ],
      numberFormats: [
        [null, null, null, null, null, null],
        ["@", null, "yyyy-mm-dd", "0.00", null, null],
        ["@", null, "@", null, null, null],
      ],
    },
  ];
  const role = { rowTypeId: "occurrence", kind: "core" as const, datasetClass: "occurrence" as const, idTerm: "occurrenceID" as never };

  it("adds dropdowns, highlighting and header fills without changing any value or existing cell format", async () => {
    const fake = installFake(filled());
    const before = fake.sheet("Birds").values("A1:F3");
    const formatsBefore = ["A2", "C2", "D2", "C3"].map((a) => fake.sheet("Birds").numberFormat(a));
    const result = await formatExistingSheet("Birds", role, "en");
    const sheet = fake.sheet("Birds");
    expect(sheet.values("A1:F3")).toEqual(before);
    expect(["A2", "C2", "D2", "C3"].map((a) => sheet.numberFormat(a))).toEqual(formatsBefore);
    expect(result.formatted).toEqual(["occurrenceID", "basisOfRecord", "eventDate", "decimalLatitude", "countryCode"]);
    expect(result.skipped).toEqual(["my notes"]);
    expect(sheet.format("A1", "fill.color")).toBe("#85B372");
    expect(sheet.format("E1", "fill.color")).toBe("#FFFFFF");
    expect(sheet.validation("B2")!.rule).toEqual({ list: { inCellDropDown: true, source: "=dwc_basisOfRecord" } });
    expect(sheet.validation("E2")).toBeUndefined();
    // Empty rows below the data get the text format.
    expect(sheet.numberFormat("A4")).toBe("@");
    expect(sheet.numberFormat("C4")).toBe("@");
    expect(sheet.frozenRows).toBe(1);
  });

  it("replaces its own highlighting when run twice instead of stacking it", async () => {
    const fake = installFake(filled());
    await formatExistingSheet("Birds", role);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    const once = fake.sheet("Birds").conditionalFormats().length;
    fake.resetCounters();
    await formatExistingSheet("Birds", role);
    expect(fake.sheet("Birds").conditionalFormats()).toHaveLength(once);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
  });

  it("fails with SHEET_NOT_FOUND for a missing sheet", async () => {
    installFake(filled());
    await expect(formatExistingSheet("Nope", role)).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
  });
});
