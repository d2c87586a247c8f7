import { allRules, getRule, RULE, validateRecords } from "../../src/validate";
import { createCellConverter, EARLIEST_YEAR, EXTENSION_CHOICES, extensionTemplate, latestYear, rangeMax, TERM_RANGES } from "../../src/dwc";
import type { SheetRole } from "../../src/dwc/types";
import { at, EVENT_CORE, occurrences, only, TAXON_CORE } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"];
const ok = ["o1", "HumanObservation", "Parus major", "2012-06-23"];

describe("rule registry", () => {
  // Every rule's id, tier, scope, source and titles are checked in catalog.test.ts.
  it("marks the rules that propose a fix", () => {
    expect(getRule(RULE.decimalComma)?.fixable).toBe(true);
    expect(getRule(RULE.vocabulary)?.fixable).toBe(false);
    expect(getRule(RULE.vocabularyVariant)?.fixable).toBe(true);
    expect(allRules().filter((r) => r.fixable).length).toBeGreaterThan(10);
  });
  it("reports nothing on a clean record", () => {
    expect(occurrences(H, [ok]).filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("methodology: spaces", () => {
  it("flags leading and trailing spaces and offers the trimmed value", () => {
    const [i] = only(occurrences(H, [["o1", "HumanObservation", " Parus major ", "2012-06-23"]]), RULE.whitespaceEdges);
    expect(i).toMatchObject({ row: 2, column: 2, term: "scientificName", value: " Parus major ", severity: "warning" });
    expect(i.message.en).toContain('" Parus major "');
    expect(i.message.ru).toContain("пробелы");
    expect(i.fix?.changes).toEqual([{ sheet: "Occurrence", row: 2, column: 2, term: "scientificName", from: " Parus major ", to: "Parus major" }]);
  });
  it("flags a no-break space, a tab and a line break inside a value", () => {
    const issues = occurrences([...H, "locality"], [[...ok, "окр.\u00a0д. Луково"], ["o2", "HumanObservation", "Parus\tmajor", "2012-06-23", "a\r\nb"]]);
    const found = only(issues, RULE.whitespaceNonPlain);
    expect(found.map((i) => [i.row, i.column])).toEqual([[2, 4], [3, 2], [3, 4]]);
    expect(found[0].message.en).toContain("U+00A0 no-break space");
    expect(found[0].fix?.changes[0].to).toBe("окр. д. Луково");
  });
});

describe("methodology: duplicates", () => {
  it("flags identical rows, each naming the other", () => {
    const issues = occurrences(H, [ok, ["o2", "HumanObservation", "Parus major", "2012-06-23"], ok]);
    const d = only(issues, RULE.duplicateRow);
    expect(d.map((i) => i.row)).toEqual([2, 4]);
    expect(d[0].message.en).toBe("Row 2 is identical to row(s) 4");
  });
  it("flags a repeated column", () => {
    const [i] = only(occurrences([...H, "scientificName"], [[...ok, "Parus major"]]), RULE.duplicateColumn);
    expect(i).toMatchObject({ row: 1, column: 4, severity: "error" });
    expect(i.message.en).toBe('Column E "scientificName" repeats column C');
  });
});

describe("methodology: headers", () => {
  const suggestionFor = (header: string) => {
    const [i] = only(occurrences([...H, header], [[...ok, "x"]]), RULE.headerUnknown);
    return i;
  };
  it("suggests the term for a case variant and offers the rename", () => {
    const [i] = only(occurrences(["occurrenceID", "basisOfRecord", "scientificname"], [["o1", "HumanObservation", "Parus major"]]), RULE.headerUnknown);
    expect(i.message.en).toContain("did you mean scientificName?");
    expect(i.fix?.changes[0]).toMatchObject({ row: 1, column: 2, from: "scientificname", to: "scientificName" });
  });
  it("suggests decimalLatitude for Latitude and both elevation terms for elevation", () => {
    expect(suggestionFor("Latitude").fix?.changes[0].to).toBe("decimalLatitude");
    expect(suggestionFor("elevation").message.en).toContain("minimumElevationInMeters / verbatimElevation");
  });
  it("suggests by edit distance for a typo", () => {
    expect(suggestionFor("scientifcName").fix?.changes[0].to).toBe("scientificName");
    expect(suggestionFor("recordedby").fix?.changes[0].to).toBe("recordedBy");
  });
  it("says plainly when nothing is close", () => {
    const i = suggestionFor("Zzzqx Foo");
    expect(i.fix).toBeUndefined();
    expect(i.message.en).toContain("will not be published");
  });
});

describe("methodology: multi-value fields", () => {
  const sep = (v: string) => only(occurrences([...H, "recordedBy"], [[...ok, v]]), RULE.multiValueSeparator);
  it("suggests ' | ' where ';' separates people", () => {
    expect(sep("Ivanov I.I.; Petrov P.P.")[0].fix?.changes[0].to).toBe("Ivanov I.I. | Petrov P.P.");
  });
  it("suggests ' | ' where ',' separates full names", () => {
    expect(sep("J. Smith, A. Brown")[0].fix?.changes[0].to).toBe("J. Smith | A. Brown");
  });
  it("leaves 'Surname, initials' and correct lists alone", () => {
    expect(sep("Smith, J.")).toEqual([]);
    expect(sep("Ivanov I.I. | Petrov P.P.")).toEqual([]);
  });
  it("normalises spacing around '|'", () => {
    expect(sep("Ivanov|Petrov")[0].fix?.changes[0].to).toBe("Ivanov | Petrov");
  });
});

describe("methodology: coordinates and numbers", () => {
  const CH = [...H, "decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "coordinatePrecision", "countryCode"];
  const row = (lat: unknown, lon: unknown, unc: unknown = 30, prec: unknown = "", cc = "RU") => [...ok, lat, lon, unc, prec, cc] as (string | number)[];
  it("rejects coordinateUncertaintyInMeters = 0", () => {
    expect(at(occurrences(CH, [row(55.75, 37.62, 0)]), 2, 6)).toContain(RULE.uncertaintyZero);
  });
  it("requires coordinatePrecision in (0, 1]", () => {
    const issues = occurrences(CH, [row(55.75, 37.62, 30, 0), row(55.75, 37.62, 30, 1.5), row(55.75, 37.62, 30, "0.00001")]);
    expect(only(issues, RULE.precisionRange).map((i) => [i.row, i.value])).toEqual([[2, "0"], [3, "1.5"]]);
  });
  it("flags out-of-range latitude and longitude", () => {
    const issues = only(occurrences(CH, [row(95, 37, 30), row(55, -181, 30)]), RULE.coordinateRange);
    expect(issues.map((i) => [i.row, i.term])).toEqual([[2, "decimalLatitude"], [3, "decimalLongitude"]]);
  });
  it("flags 0, 0", () => {
    expect(only(occurrences(CH, [row(0, 0)]), RULE.coordinatesZero)).toHaveLength(1);
  });
  it("flags likely swapped coordinates and offers the swap", () => {
    const [i] = only(occurrences(CH, [row(104.3, 52.28)]), RULE.coordinatesSwapped);
    expect(i.fix?.changes.map((c) => [c.term, c.from, c.to])).toEqual([["decimalLatitude", "104.3", "52.28"], ["decimalLongitude", "52.28", "104.3"]]);
  });
  it("turns a decimal comma into a point and keeps the original in verbatimLatitude (added)", () => {
    const [i] = only(occurrences(CH, [row("55,75", "37.62")]), RULE.decimalComma);
    expect(i.fix?.changes).toEqual([
      { sheet: "Occurrence", row: 2, column: 4, term: "decimalLatitude", from: "55,75", to: "55.75" },
      { sheet: "Occurrence", row: 2, column: -1, term: "verbatimLatitude", from: "", to: "55,75" },
    ]);
  });
  it("writes the original into an existing empty verbatimLongitude column", () => {
    const [i] = only(occurrences([...CH, "verbatimLongitude"], [[...row("55.75", "37,62"), ""]]), RULE.decimalComma);
    expect(i.fix?.changes[1]).toEqual({ sheet: "Occurrence", row: 2, column: 9, term: "verbatimLongitude", from: "", to: "37,62" });
  });
  it("flags text that is not a number", () => {
    expect(only(occurrences(CH, [row("55°45'N", 37)]), RULE.numberExpected)[0].value).toBe("55°45'N");
  });
});

describe("methodology: dynamicProperties", () => {
  const dp = (v: string) => only(occurrences([...H, "dynamicProperties"], [[...ok, v]]), RULE.dynamicPropertiesJson);
  it("accepts a JSON object", () => expect(dp('{"weight":"12 g","age":3}')).toEqual([]));
  it("rejects a JSON array, broken JSON and plain text", () => {
    expect(dp("[1,2]")).toHaveLength(1);
    expect(dp("{weight: 12}")).toHaveLength(1);
    expect(dp("weight=12")).toHaveLength(1);
  });
  it("judges whitespace-only, padded, truncated and repeated values alike on every row", () => {
    expect(dp(" ")).toHaveLength(1);
    expect(dp("\u00a0")).toHaveLength(1);
    expect(dp('{"weight":"12 g"')).toHaveLength(1);
    expect(dp('"{}"')).toHaveLength(1);
    expect(dp(' {"weight":"12 g"}\t')).toEqual([]); // JSON whitespace; the spaces are another rule's finding
    const rows = [0, 1, 2, 3].map((i) => ["o" + i, "HumanObservation", "Parus major", "2012-06-23", i % 2 ? '{"a":1}' : "{a:1}"]);
    const found = only(occurrences([...H, "dynamicProperties"], rows), RULE.dynamicPropertiesJson).map((i) => i.row);
    expect(found).toEqual([2, 4]);
  });
});

describe("methodology: eventDate", () => {
  const dates = (v: string | number, fmt?: string) =>
    occurrences(H, [["o1", "HumanObservation", "Parus major", v]], fmt ? { numberFormats: [[null, null, null, fmt]] } : {});
  it("accepts ISO 8601 dates, reduced forms and intervals", () => {
    for (const v of ["2012-06-23/30", "2009/2013", "2012-06", "2012-06-23T14:07", "2012"]) expect(only(dates(v), RULE.dateFormat)).toEqual([]);
  });
  it("rejects other formats", () => {
    expect(only(dates("June 2012"), RULE.dateFormat)[0].message.en).toContain('eventDate "June 2012" is not an ISO 8601 date');
    expect(only(dates("2011-02-29"), RULE.dateFormat)).toHaveLength(1);
  });
  it("fixes day-first dates and keeps the original in verbatimEventDate", () => {
    for (const v of ["23.06.2012", "23/06/2012"]) {
      const [i] = only(dates(v), RULE.dayFirstDate);
      expect(i.fix?.changes).toEqual([
        { sheet: "Occurrence", row: 2, column: 3, term: "eventDate", from: v, to: "2012-06-23" },
        { sheet: "Occurrence", row: 2, column: -1, term: "verbatimEventDate", from: "", to: v },
      ]);
    }
  });
  it("reports an Excel date serial with a date format as info (exported as ISO)", () => {
    const [i] = only(dates(41083, "dd.mm.yyyy"), RULE.excelSerialDate);
    expect(i).toMatchObject({ severity: "info", row: 2, column: 3, value: "2012-06-23", count: 1 });
    expect(i.message.en).toBe("eventDate: Excel dates in date-formatted cells (1 cell in D2); exported as ISO 8601, e.g. D2 as 2012-06-23");
    expect(i.message.ru).toBe("eventDate: даты Excel в ячейках с форматом даты (1 ячейка в D2); экспортируются в ISO 8601, например D2 как 2012-06-23");
  });
  it("reports date-formatted serials once per column, at the first cell, with the count and the range", () => {
    // Rows 2-6: four formatted serials (one of them with a time) and a text date in row 4; row 7 has a bare serial.
    const values = [41083, 41084.5, "2012-06-25", 41086, 41087, 41088];
    const fmts = ["dd.mm.yyyy", "yyyy-mm-dd hh:mm", null, "ДД.ММ.ГГГГ", "dd.mm.yyyy", "General"];
    const issues = occurrences(
      H,
      values.map((v, i) => [`o${i}`, "HumanObservation", "Parus major", v]),
      { numberFormats: fmts.map((f) => [null, null, null, f]) },
    );
    const serials = only(issues, RULE.excelSerialDate);
    const infos = serials.filter((i) => i.severity === "info");
    expect(infos.map((i) => [i.row, i.column, i.count, i.value])).toEqual([[2, 3, 4, "2012-06-23"]]);
    expect(infos[0].message.en).toContain("(4 cells in D2:D6)");
    expect(infos[0].message.ru).toContain("(4 ячейки в D2:D6)");
    // The bare serial has a fix of its own, so it stays a per-cell warning.
    expect(serials.filter((i) => i.severity === "warning").map((i) => [i.row, i.count, i.fix?.changes[0].to])).toEqual([[7, undefined, "2012-06-28"]]);
  });
  it("counts a long date column as one issue (counts grouped in the message)", () => {
    const rows = 12_345;
    const values: number[][] = [];
    for (let r = 0; r < rows; r++) values.push([41083 + (r % 3000)]);
    const issues = validateRecords([{ name: "Dates", headers: ["eventDate"], rows: values, numberFormats: values.map(() => ["yyyy-mm-dd"]), role: EVENT_CORE }]);
    const serials = only(issues, RULE.excelSerialDate);
    expect(serials).toHaveLength(1);
    expect(serials[0]).toMatchObject({ row: 2, column: 0, count: rows, value: "2012-06-23" });
    expect(serials[0].message.en).toContain("(12,345 cells in A2:A12346)");
    expect(serials[0].message.ru).toContain("(12\u00a0345 ячеек в A2:A12346)");
  });
  it("warns about a bare serial without date format and offers the ISO date", () => {
    const [i] = only(dates(41083), RULE.excelSerialDate);
    expect(i.severity).toBe("warning");
    expect(i.fix?.changes[0].to).toBe("2012-06-23");
  });
  it("accepts a year typed as a number", () => expect(dates(2012).filter((i) => i.column === 3)).toEqual([]));
});

describe("methodology: year, month, day agree with eventDate", () => {
  const DH = [...H, "year", "month", "day", "startDayOfYear", "endDayOfYear"];
  const agree = (date: string, parts: (number | string)[]) => only(occurrences(DH, [["o1", "HumanObservation", "Parus major", date, ...parts]]), RULE.eventDateFieldsAgree);
  it("accepts agreeing parts, for a day and for an interval", () => {
    expect(agree("2012-06-23", [2012, 6, 23, 175, 175])).toEqual([]);
    expect(agree("2012-06-23/30", [2012, 6, 23, 175, 182])).toEqual([]);
  });
  it("names each disagreeing part with the expected value", () => {
    const found = agree("2012-06-23", [2011, 7, 23, 170, 175]);
    expect(found.map((i) => i.term)).toEqual(["year", "month", "startDayOfYear"]);
    expect(found[0].message.en).toBe("year 2011 disagrees with eventDate 2012-06-23 (expected 2012)");
  });
  it("flags impossible parts", () => {
    const issues = occurrences(DH, [["o1", "HumanObservation", "Parus major", "", 2012, 13, 32, 0, 367]]);
    expect(only(issues, RULE.dateFieldRange).map((i) => i.term)).toEqual(["month", "day", "startDayOfYear", "endDayOfYear"]);
  });
  it("checks the model's term ranges: each bound is accepted and the number just past it refused", () => {
    // The templates' data validation is built from the same TERM_RANGES (test/excel, test/file).
    const closed = Object.entries(TERM_RANGES).filter(([, r]) => r.min !== undefined && r.max !== undefined);
    expect(closed.map(([term]) => term)).toEqual(expect.arrayContaining(["decimalLatitude", "year", "month", "endDayOfYear"]));
    for (const [term, range] of closed) {
      const max = rangeMax(range) as number;
      const step = range.whole ? 1 : 0.5;
      const values = [range.min as number, max, (range.min as number) - step, max + step];
      const heads = [...H, term, ...(term === "decimalLatitude" ? ["decimalLongitude"] : term === "decimalLongitude" ? ["decimalLatitude"] : [])];
      const rows = values.map((v, n) => [`o${n}`, "HumanObservation", "Parus major", "", v, ...(heads.length > H.length + 1 ? [0.5] : [])]);
      const found = occurrences(heads, rows).filter((x) => x.ruleId === RULE.dateFieldRange || x.ruleId === RULE.coordinateRange);
      expect([term, found.map((x) => x.row)]).toEqual([term, [4, 5]]);
    }
    const year = TERM_RANGES.year;
    expect([year.min, rangeMax(year)]).toEqual([EARLIEST_YEAR, latestYear()]);
  });
});

describe("Excel and locale traps", () => {
  it("flags identifiers turned into numbers", () => {
    const issues = occurrences([...H, "catalogNumber"], [[...ok, 1234567890123456], ["o2", "HumanObservation", "Parus major", "2012-06-23", "1.23457E+15"], ["o3", "HumanObservation", "Parus major", "2012-06-23", 123]]);
    // Excel keeps 15 digits: the 16-digit number is shown and exported as 1234567890123460.
    expect(only(issues, RULE.idScientific).map((i) => [i.row, i.value])).toEqual([[2, "1234567890123460"], [3, "1.23457E+15"]]);
    expect(only(issues, RULE.idAsNumber).map((i) => [i.row, i.severity, i.count])).toEqual([[4, "info", 1]]);
  });
  it("reports identifiers stored as numbers once per column, quoting the first as the example", () => {
    const rows = [[...ok, 73], ["o2", "HumanObservation", "Parus major", "2012-06-23", "A-74"], ["o3", "HumanObservation", "Parus major", "2012-06-23", 75], ["o4", "HumanObservation", "Parus major", "2012-06-23", 76]];
    const ids = only(occurrences([...H, "catalogNumber"], rows), RULE.idAsNumber);
    expect(ids.map((i) => [i.row, i.column, i.count, i.value])).toEqual([[2, 4, 3, "73"]]);
    expect(ids[0].message.en).toBe("catalogNumber: identifiers stored as numbers (3 cells in E2:E5, e.g. E2 73): leading zeros (00073) would be lost; format the column as Text");
    expect(ids[0].message.ru).toBe("catalogNumber: идентификаторы хранятся как числа (3 ячейки в E2:E5, например E2 73): ведущие нули (00073) теряются; задайте столбцу формат «Текстовый»");
  });
  it("flags Excel error values, English and Russian", () => {
    const issues = occurrences([...H, "locality"], [[...ok, "#N/A"], ["o2", "HumanObservation", "#ИМЯ?", "2012-06-23", "#Н/Д"], ["o3", "HumanObservation", "Parus major", "2012-06-23", "#VALUE!"]]);
    expect(only(issues, RULE.excelError).map((i) => [i.row, i.column, i.value])).toEqual([[2, 4, "#N/A"], [3, 2, "#ИМЯ?"], [3, 4, "#Н/Д"], [4, 4, "#VALUE!"]]);
  });
  it("flags formulas in data cells, quoting formula and result", () => {
    const [i] = only(occurrences([...H, "individualCount"], [[...ok, 3]], { formulas: [[null, null, null, null, "=1+2"]] }), RULE.formula);
    expect(i).toMatchObject({ row: 2, column: 4, value: "=1+2" });
    expect(i.message.en).toBe('Formula =1+2 in individualCount; its result "3" is exported');
  });
  it("quotes numbers as the export writes them (Excel's 15 digits), not as the raw double", () => {
    const sum = 0.1 + 0.2; // 0.30000000000000004 in the cell, 0.3 on screen and in the archive
    const precision = 1.1 + 0.2; // 1.3000000000000003
    const count = 2.1 + 0.2; // 2.3000000000000003
    const exported = createCellConverter({ date1904: false });
    const issues = occurrences(
      [...H, "coordinatePrecision", "individualCount", "catalogNumber", "sampleSizeValue"],
      [[...ok, precision, count, sum, sum]],
      { formulas: [[null, null, null, null, null, null, null, "=0.1+0.2"]] },
    );
    const [prec] = only(issues, RULE.precisionRange);
    expect(prec.value).toBe(exported(precision, "General"));
    expect(prec.value).toBe("1.3");
    expect(prec.message.en).toContain("coordinatePrecision 1.3 must be");
    const [whole] = only(issues, RULE.numberExpected);
    expect([whole.value, whole.message.en]).toEqual(["2.3", "individualCount 2.3 is not a whole number"]);
    const [id] = only(issues, RULE.idAsNumber);
    expect(id.value).toBe("0.3");
    expect(id.message.en).not.toContain("0.30000000000000004");
    const [formula] = only(issues, RULE.formula);
    expect(formula.message.en).toBe('Formula =0.1+0.2 in sampleSizeValue; its result "0.3" is exported');
    for (const i of issues) expect(`${i.value} ${i.message.en} ${i.message.ru}`).not.toMatch(/0000000000000/);
  });
  it("quotes a number in a date-formatted cell as the ISO date the export writes", () => {
    const exported = createCellConverter({ date1904: false });
    const serial = 41083 + 0.1 + 0.2 - 0.3; // a date computed by a formula, with binary noise
    const [i] = only(occurrences(H, [["o1", "HumanObservation", "Parus major", serial]], { numberFormats: [[null, null, null, "dd.mm.yyyy"]] }), RULE.excelSerialDate);
    expect(i.value).toBe(exported(serial, "dd.mm.yyyy"));
    expect(i.value).toBe("2012-06-23");
  });
  it("flags mixed Cyrillic and Latin letters in one word (Osуrio)", () => {
    const [i] = only(occurrences([...H, "recordedBy"], [[...ok, "J. Osуrio"]]), RULE.mixedScript);
    expect(i.message.en).toContain("у (U+0443)");
  });
});

describe("vocabularies", () => {
  it("accepts basisOfRecord variants the IPT normalises (case, spaces, underscores) with a warning and the fix", () => {
    for (const v of ["preservedspecimen", "Preserved Specimen", "preserved_specimen", "PRESERVED_SPECIMEN", "PRESERVEDSPECIMEN"]) {
      const issues = occurrences(H, [["o1", v, "Parus major", "2012-06-23"]]);
      expect(only(issues, RULE.basisOfRecord)).toEqual([]);
      const [i] = only(issues, RULE.vocabularyVariant);
      expect(i).toMatchObject({ severity: "warning", term: "basisOfRecord", value: v });
      expect(i.fix?.changes[0].to).toBe("PreservedSpecimen");
    }
  });
  it("blocks a basisOfRecord the IPT refuses: a synonym GBIF's indexer knows gets the fix, anything else none", () => {
    const [literature] = only(occurrences(H, [["o1", "LITERATURE", "Parus major", "2012-06-23"]]), RULE.basisOfRecord);
    expect(literature).toMatchObject({ severity: "blocker", value: "LITERATURE" });
    expect(literature.fix?.changes[0].to).toBe("MaterialCitation");
    for (const v of ["O", "Herbarium sheet"]) {
      const [i] = only(occurrences(H, [["o1", v, "Parus major", "2012-06-23"]]), RULE.basisOfRecord);
      expect(i).toMatchObject({ severity: "blocker", value: v });
      expect(i.fix).toBeUndefined();
    }
  });
  it("reports a closed-vocabulary value nothing can interpret as an error without fix (occurrenceStatus 1, dc:type Cruise)", () => {
    const issues = occurrences([...H, "occurrenceStatus", "type"], [[...ok, "1", "Cruise"]]);
    const v = only(issues, RULE.vocabulary);
    expect(v.map((i) => [i.term, i.severity, i.fix])).toEqual([
      ["occurrenceStatus", "error", undefined],
      ["type", "error", undefined],
    ]);
  });
  it("turns variants into warnings with their fix and leaves unknown values of an open vocabulary as warnings", () => {
    const issues = occurrences([...H, "sex", "countryCode", "language"], [[...ok, "Male", "ru", "EN"], ["o2", "HumanObservation", "Parus major", "2012-06-23", "самец?", "RUS", "en"]]);
    expect(only(issues, RULE.vocabularyVariant).map((i) => [i.row, i.term, i.severity, i.fix?.changes[0].to])).toEqual([
      [2, "sex", "warning", "male"],
      [2, "countryCode", "warning", "RU"],
      [2, "language", "warning", "en"],
      [3, "countryCode", "warning", "RU"],
    ]);
    expect(only(issues, RULE.vocabulary).map((i) => [i.row, i.term, i.severity])).toEqual([[3, "sex", "warning"]]);
  });
});

describe("IPT and GBIF rules", () => {
  it("requires the core id, unique case-insensitively", () => {
    const issues = occurrences(H, [ok, ["O1", "HumanObservation", "Parus minor", "2012-06-23"], ["", "HumanObservation", "Parus", "2012"]]);
    expect(only(issues, RULE.idDuplicate).map((i) => i.row)).toEqual([2, 3]);
    expect(only(issues, RULE.idMissing).map((i) => i.row)).toEqual([4]);
  });
  it("blocks an occurrence row without basisOfRecord, and a sheet without the column", () => {
    expect(only(occurrences(H, [["o1", "", "Parus major", "2012"]]), RULE.basisOfRecord).map((i) => [i.term, i.severity])).toEqual([["basisOfRecord", "blocker"]]);
    expect(only(occurrences(["occurrenceID", "scientificName"], [["o1", "Parus major"]]), RULE.basisOfRecord).map((i) => [i.term, i.row, i.severity])).toEqual([["basisOfRecord", 1, "blocker"]]);
  });
  it("asks for strongly recommended terms with warnings, never blockers", () => {
    const issues = occurrences(["occurrenceID", "basisOfRecord"], [["o1", "HumanObservation"]]);
    expect(only(issues, RULE.recommendedColumn).map((i) => [i.term, i.severity])).toEqual([
      ["scientificName", "warning"],
      ["eventDate", "warning"],
    ]);
    expect(issues.filter((i) => i.severity === "blocker" || i.severity === "error")).toEqual([]);
  });
  it("checks that every extension row links to a core id and that parentEventID exists", () => {
    const issues = validateRecords([
      { name: "Event", headers: ["eventID", "parentEventID", "eventDate"], rows: [["e1", "", "2012-06-23"], ["e2", "e1", "2012-06-23"], ["e3", "e9", "2012"]], role: EVENT_CORE },
      {
        name: "Associated occurrences",
        headers: ["eventID", "occurrenceID", "basisOfRecord", "scientificName"],
        rows: [["e1", "o1", "HumanObservation", "Parus major"], ["e7", "o2", "HumanObservation", "Parus major"], ["E2", "o1", "HumanObservation", "Parus minor"]],
        role: { rowTypeId: "occurrence", kind: "extension", datasetClass: "event", idTerm: "eventID" as never },
      },
    ]);
    expect(only(issues, RULE.linkDangling).map((i) => [i.sheet, i.row, i.value])).toEqual([["Associated occurrences", 3, "e7"]]);
    expect(only(issues, RULE.referenceDangling).map((i) => [i.sheet, i.row, i.term, i.value])).toEqual([["Event", 4, "parentEventID", "e9"]]);
    expect(only(issues, RULE.occurrenceIdDuplicate).map((i) => i.row)).toEqual([2, 4]);
  });
  it("checks acceptedNameUsageID and parentNameUsageID against taxonID", () => {
    const issues = validateRecords([
      { name: "Taxon", headers: ["taxonID", "scientificName", "acceptedNameUsageID", "parentNameUsageID"], rows: [["t1", "Parus", "", ""], ["t2", "Parus major", "t2", "t1"], ["t3", "Parus maior", "t22", "t0"]], role: TAXON_CORE },
    ]);
    expect(only(issues, RULE.referenceDangling).map((i) => `${i.row} ${i.term} ${i.value}`).sort()).toEqual(["4 acceptedNameUsageID t22", "4 parentNameUsageID t0"]);
  });
});

describe("terms outside the sheet's row type", () => {
  it("warns about scientificName in an Event core sheet, which the IPT cannot map", () => {
    const issues = validateRecords([{ name: "Event", headers: ["eventID", "eventDate", "scientificName"], rows: [["e1", "2012-06-23", "Parus major"]], role: EVENT_CORE }]);
    expect(only(issues, RULE.termNotInRowType).map((i) => [i.row, i.column, i.term])).toEqual([[1, 2, "scientificName"]]);
  });

  it("accepts an extension's link column (the core id term) but still warns about a foreign term", () => {
    const mof: SheetRole = { rowTypeId: "measurementorfact", kind: "extension", datasetClass: "event", idTerm: "eventID" as SheetRole["idTerm"] };
    const vernacular: SheetRole = { rowTypeId: "vernacularname", kind: "extension", datasetClass: "checklist", idTerm: "taxonID" as SheetRole["idTerm"] };
    const issues = validateRecords([
      { name: "Event", headers: ["eventID", "eventDate"], rows: [["e1", "2012-06-23"]], role: EVENT_CORE },
      { name: "Measurements", headers: ["eventID", "measurementType", "measurementValue", "basisOfRecord"], rows: [["e1", "water temperature", "12"]], role: mof },
    ]);
    expect(only(issues, RULE.termNotInRowType).map((i) => [i.sheet, i.column, i.term])).toEqual([["Measurements", 3, "basisOfRecord"]]);
    const names = validateRecords([
      { name: "Taxon", headers: ["taxonID", "scientificName"], rows: [["t1", "Parus major"]], role: TAXON_CORE },
      { name: "Vernacular names", headers: ["taxonID", "vernacularName", "language", "eventDate"], rows: [["t1", "Большая синица", "ru", "2012"]], role: vernacular },
    ]);
    expect(only(names, RULE.termNotInRowType).map((i) => [i.sheet, i.column, i.term])).toEqual([["Vernacular names", 3, "eventDate"]]);
  });

  it("accepts the link column of every template extension sheet", () => {
    for (const choice of EXTENSION_CHOICES) {
      for (const datasetClass of choice.datasetClasses) {
        const tpl = extensionTemplate(choice.rowTypeId, datasetClass);
        const headers = tpl.columns.map((c) => c.term as string);
        const issues = validateRecords([{ name: "X", headers, rows: [], role: tpl.role }]);
        expect(only(issues, RULE.termNotInRowType).map((i) => `${datasetClass}/${choice}/${i.term}`)).toEqual([]);
      }
    }
  });
});
