import { allRules, getRule, loadBdqGeometry, RULE, validateRecords } from "../../src/validate";
import { occurrences, OCCURRENCE_CORE, only } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"];
const ok = ["o1", "HumanObservation", "Parus major", "2012-06-23"];

describe("BDQ tests as rules", () => {
  it("registers the offline BDQ tests under their labels", () => {
    const ids = allRules().map((r) => r.id);
    expect(ids).toContain("VALIDATION_YEAR_INRANGE");
    expect(ids).toContain("AMENDMENT_EVENTDATE_STANDARDIZED");
    expect(getRule("VALIDATION_COORDINATESCOUNTRYCODE_CONSISTENT")?.source).toBe("bdq");
    // Tests needing an online authority are not rules.
    expect(ids).not.toContain("VALIDATION_SCIENTIFICNAME_FOUND");
  });
  it("runs the default set on each record: year before 1582, min elevation above max", () => {
    const issues = occurrences([...H, "year", "minimumElevationInMeters", "maximumElevationInMeters"], [["o1", "HumanObservation", "Parus major", "", 1500, 500, 100]]);
    expect(only(issues, "VALIDATION_YEAR_INRANGE").map((i) => [i.row, i.term, i.value])).toEqual([[2, "year", "1500"]]);
    expect(only(issues, "VALIDATION_MINELEVATION_LESSTHAN_MAXELEVATION")).toHaveLength(1);
  });
  it("runs nothing with bdq: off, and the not-empty checks with bdq: all", () => {
    const sheet = { name: "Occurrence", headers: [...H, "country"], rows: [[...ok, ""], ["o2", "HumanObservation", "Parus major", "2012-06-23", "Russia"]], role: OCCURRENCE_CORE };
    expect(validateRecords([sheet], { bdq: "off" }).filter((i) => getRule(i.ruleId)?.source === "bdq")).toEqual([]);
    expect(only(validateRecords([sheet], { bdq: "all" }), "VALIDATION_COUNTRY_NOTEMPTY").map((i) => i.row)).toEqual([2]);
  });
  it("treats an Excel error like an empty cell (it is exported as nothing) and checks the next row's value again", () => {
    const heads = [...H, "year", "country"];
    const rows = [["o1", "HumanObservation", "Parus major", "", "#N/A", ""], ["o2", "HumanObservation", "Parus major", "", 1500, "#VALUE!"], ["o3", "HumanObservation", "Parus major", "", "#N/A", "Russia"]];
    const issues = validateRecords([{ name: "Occurrence", headers: heads, rows, role: OCCURRENCE_CORE }], { bdq: "all" });
    expect(only(issues, "VALIDATION_YEAR_INRANGE").map((i) => i.row)).toEqual([3]);
    // Row 3's country is empty to BDQ too, but its cell already has the Excel-error finding: one finding per cell.
    expect(only(issues, "VALIDATION_COUNTRY_NOTEMPTY").map((i) => i.row)).toEqual([2]);
    expect(only(issues, RULE.excelError).map((i) => i.row)).toEqual([2, 3, 4]);
  });
});

describe("coordinates against the geometry pack", () => {
  beforeAll(() => loadBdqGeometry(), 60_000);
  const CH = [...H, "decimalLatitude", "decimalLongitude", "countryCode", "waterBody"];
  const geo = (lat: number, lon: number, cc: string, water = "") => occurrences(CH, [[...ok, lat, lon, cc, water]]);
  it("accepts Moscow in RU", () => {
    const issues = geo(55.75, 37.62, "RU");
    expect([...only(issues, RULE.coordinatesCountry), ...only(issues, RULE.coordinatesSwapped), ...only(issues, RULE.coordinatesSea)]).toEqual([]);
  });
  it("flags coordinates outside the stated country (Paris given as RU)", () => {
    expect(only(geo(48.85, 2.35, "RU"), RULE.coordinatesCountry)[0].message.en).toBe("Coordinates 48.85, 2.35 lie outside the stated country RU");
  });
  it("flags swapped coordinates that fall in the stated country once swapped, with the swap as fix", () => {
    const [i] = only(geo(37.62, 55.75, "RU"), RULE.coordinatesSwapped);
    expect(i.message.en).toContain("swapped, they fall in RU");
    expect(i.fix?.changes.map((c) => c.to)).toEqual(["55.75", "37.62"]);
  });
  it("flags a terrestrial record in the open sea but not an aquatic one", () => {
    expect(only(geo(45, -30, ""), RULE.coordinatesSea)).toHaveLength(1);
    expect(only(geo(45, -30, "", "North Atlantic Ocean"), RULE.coordinatesSea)).toEqual([]);
  });
});

describe("BDQ amendments", () => {
  it("propose a standard value where the engine flags a cell without a fix (month written as a Roman numeral)", () => {
    const issues = occurrences([...H, "month"], [["o1", "HumanObservation", "Parus major", "", "VI"]]);
    expect(only(issues, RULE.numberExpected).map((i) => i.value)).toEqual(["VI"]);
    const [a] = only(issues, "AMENDMENT_MONTH_STANDARDIZED");
    expect(a.fix?.changes[0]).toMatchObject({ row: 2, term: "month", from: "VI", to: "6" });
  });
  it("stay silent where the engine already offers a fix (day-first eventDate)", () => {
    expect(only(occurrences(H, [["o1", "HumanObservation", "Parus major", "23.06.2012"]]), "AMENDMENT_EVENTDATE_STANDARDIZED")).toEqual([]);
  });
});

describe("BDQ results are remembered per distinct input, never across different inputs", () => {
  it("flags exactly the rows whose year or day/month/year fails", () => {
    const rows = [
      [2012, 2, 29],
      [1500, 2, 28],
      [2011, 2, 29],
      [2012, 2, 29],
      [1500, 2, 28],
      [2011, 2, 28],
    ].map(([y, m, d], i) => [`o${i}`, "HumanObservation", "Parus major", "", y, m, d]);
    const issues = occurrences([...H, "year", "month", "day"], rows);
    expect(only(issues, "VALIDATION_YEAR_INRANGE").map((i) => i.row)).toEqual([3, 6]);
    expect(only(issues, "VALIDATION_DAY_INRANGE").map((i) => i.row)).toEqual([4]);
  });
});
