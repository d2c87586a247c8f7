/**
 * What real published data showed (issue: real data goes through), one small fixture each: what the IPT and GBIF
 * accept is at most a warning, the archive shapes GBIF publishes are recognised, and true problems stay reported at
 * the tier they deserve.
 */
import { getRowType, recogniseWorkbook, rowTypes, type RowTypeId } from "../../src/dwc";
import { createWorkbookValidator, loadBdqGeometry, RULE, validateRecords, type Issue } from "../../src/validate";
import { EVENT_CORE, EVENT_OCCURRENCES, occurrences, only, TAXON_CORE } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"];
const ok = ["o1", "HumanObservation", "Parus major", "2012-06-23"];
const tiers = (issues: Issue[]) => issues.filter((i) => i.severity !== "info").map((i) => [i.ruleId, i.severity]);

describe("values the IPT publishes and GBIF reads are warnings with their fix", () => {
  it.each([
    ["eventDate", "2016-09-30 16:31:30", "2016-09-30T16:31:30"],
    ["eventDate", "2016-09-30 16:31:30Z", "2016-09-30T16:31:30Z"],
    ["modified", "2018-08-28 07:12:44.5", "2018-08-28T07:12:44.5"],
    ["dateIdentified", "2017-6-20", "2017-06-20"],
  ])("%s %s -> %s", (term, value, iso) => {
    const headers = term === "eventDate" ? H : [...H, term];
    const row = term === "eventDate" ? ["o1", "HumanObservation", "Parus major", value] : [...ok, value];
    const issues = occurrences(headers, [row]);
    expect(tiers(issues)).toEqual([[RULE.dateIsoVariant, "warning"]]);
    expect(only(issues, RULE.dateIsoVariant)[0].fix?.changes).toEqual([expect.objectContaining({ term, from: value, to: iso })]);
  });
  it.each([
    ["basisOfRecord", "humanobservation", "HumanObservation"],
    ["basisOfRecord", "PRESERVED_SPECIMEN", "PreservedSpecimen"],
    ["basisOfRecord", "Human Observation", "HumanObservation"],
    ["language", "EN", "en"],
    ["license", "CC0-1.0", "http://creativecommons.org/publicdomain/zero/1.0/legalcode"],
  ])("%s %s -> %s", (term, value, to) => {
    const headers = term === "basisOfRecord" ? H : [...H, term];
    const row = term === "basisOfRecord" ? ["o1", value, "Parus major", "2012-06-23"] : [...ok, value];
    const issues = occurrences(headers, [row]);
    expect(tiers(issues)).toEqual([[RULE.vocabularyVariant, "warning"]]);
    expect(only(issues, RULE.vocabularyVariant)[0].fix?.changes[0].to).toBe(to);
  });
  it("asks events for samplingProtocol, sample size and type, and taxa for rank and name, with warnings", () => {
    const events = validateRecords([{ name: "Event", headers: ["eventID", "eventDate"], rows: [["e1", "2012-06-23"]], role: EVENT_CORE }]);
    expect(only(events, RULE.recommendedColumn).map((i) => [i.term, i.severity])).toEqual([
      ["type", "warning"],
      ["samplingProtocol", "warning"],
      ["sampleSizeValue", "warning"],
      ["sampleSizeUnit", "warning"],
    ]);
    const taxa = validateRecords([{ name: "Taxon", headers: ["taxonID"], rows: [["t1"]], role: TAXON_CORE }]);
    expect(only(taxa, RULE.recommendedColumn).map((i) => [i.term, i.severity])).toEqual([
      ["scientificName", "warning"],
      ["taxonRank", "warning"],
    ]);
    expect([...events, ...taxa].filter((i) => i.severity === "blocker" || i.severity === "error")).toEqual([]);
  });
});

describe("true problems stay reported", () => {
  it("an Excel error value blocks", () => {
    expect(only(occurrences([...H, "locality"], [[...ok, "#ИМЯ?"]]), RULE.excelError).map((i) => i.severity)).toEqual(["blocker"]);
  });
  it("basisOfRecord O blocks; occurrenceStatus 1 and dc:type Cruise are errors; 10/4/05 is an error", () => {
    const issues = occurrences([...H, "occurrenceStatus", "type"], [["o1", "O", "Parus major", "10/4/05", "1", "Cruise"]]);
    expect(issues.filter((i) => i.severity === "blocker" || i.severity === "error").map((i) => [i.ruleId, i.term, i.severity])).toEqual([
      [RULE.basisOfRecord, "basisOfRecord", "blocker"],
      [RULE.dateFormat, "eventDate", "error"],
      [RULE.vocabulary, "occurrenceStatus", "error"],
      [RULE.vocabulary, "type", "error"],
    ]);
  });
  it("a minimum depth above its maximum is an error", () => {
    const issues = occurrences([...H, "minimumDepthInMeters", "maximumDepthInMeters"], [[...ok, "50", "10"]]);
    expect(only(issues, "VALIDATION_MINDEPTH_LESSTHAN_MAXDEPTH").map((i) => i.severity)).toEqual(["error"]);
  });
  it("references to ids that do not exist are errors: parentEventID, and extension rows pointing nowhere", () => {
    const v = createWorkbookValidator({
      sheets: [
        { name: "Event", headers: ["eventID", "parentEventID", "eventDate"], role: EVENT_CORE },
        { name: "Occurrence", headers: ["eventID", "occurrenceID", "basisOfRecord", "scientificName"], role: EVENT_OCCURRENCES },
      ],
    });
    const issues = [
      ...v.addChunk("Event", { startRow: 2, values: [["e1", "e0", "2012-06-23"]] }),
      ...v.addChunk("Occurrence", { startRow: 2, values: [["e9", "o1", "HumanObservation", "Parus major"]] }),
      ...v.finish(),
    ];
    expect([...only(issues, RULE.referenceDangling), ...only(issues, RULE.linkDangling)].map((i) => [i.ruleId, i.value, i.severity])).toEqual([
      [RULE.referenceDangling, "e0", "error"],
      [RULE.linkDangling, "e9", "error"],
    ]);
  });
  it("cp1251 read as Latin mojibake (Osуrio) is a warning", () => {
    expect(only(occurrences([...H, "recordedBy"], [[...ok, "J. Osуrio"]]), RULE.mixedScript).map((i) => i.severity)).toEqual(["warning"]);
  });
  it("latitude 37.6, longitude 55.7 with countryCode RU is reported as swapped, with its fix", async () => {
    await loadBdqGeometry();
    const issues = occurrences([...H, "countryCode", "decimalLatitude", "decimalLongitude"], [[...ok, "RU", "37.6", "55.7"]]);
    const [swapped] = only(issues, RULE.coordinatesSwapped);
    expect(swapped).toMatchObject({ severity: "warning" });
    expect(swapped.fix?.changes.map((c) => [c.term, c.to])).toEqual([
      ["decimalLatitude", "55.7"],
      ["decimalLongitude", "37.6"],
    ]);
  });
});

describe("archive shapes GBIF publishes", () => {
  const sheet = (name: string, headers: string[], records = 1) => ({ name, headers, records });
  it("a Taxon core with an Occurrence extension linked by taxonID", () => {
    const roles = recogniseWorkbook([
      sheet("taxa", ["taxonID", "scientificName", "taxonRank"]),
      sheet("occurrences", ["occurrenceID", "taxonID", "basisOfRecord", "scientificName", "locality"]),
    ]);
    expect(roles).toEqual([
      { rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" },
      { rowTypeId: "occurrence", kind: "extension", datasetClass: "checklist", idTerm: "taxonID" },
    ]);
  });
  const extensionIds = rowTypes.filter((r) => !r.core).map((r) => r.id as RowTypeId);
  it("knows every extension of the model", () => {
    expect(extensionIds.sort()).toEqual(
      ["audiovisual", "description", "distribution", "extendedmeasurementorfact", "identification", "identifier", "measurementorfact", "multimedia", "references", "resourcerelationship", "speciesprofile", "typesandspecimen", "vernacularname"].sort(),
    );
  });
  it.each(extensionIds)("%s: an extension sheet of the core it extends, never a second core", (id) => {
    const def = getRowType(id)!;
    // The sheet as a data holder names it (the extension's name) with the properties it would carry.
    const props = def.properties.filter((p) => !["taxonID", "occurrenceID", "eventID"].includes(p.name)).slice(0, 6).map((p) => p.name);
    const checklist = ["description", "distribution", "speciesprofile", "typesandspecimen", "vernacularname", "references", "identifier", "multimedia"].includes(id);
    const [core, coreRole] = checklist ? [["taxonID", "scientificName", "taxonRank"], "taxonID"] : [["occurrenceID", "basisOfRecord", "scientificName"], "occurrenceID"];
    const roles = recogniseWorkbook([sheet("Core", core), sheet(def.name, [coreRole, ...props])]);
    expect(roles[0]?.kind).toBe("core");
    expect(roles[1]).toEqual({ rowTypeId: id, kind: "extension", datasetClass: checklist ? "checklist" : "occurrence", idTerm: coreRole });
  });
  it("decides a sheet's role from its whole header row: occurrences with vernacularName but no scientificName", () => {
    expect(recogniseWorkbook([sheet("Data", ["occurrenceID", "basisOfRecord", "eventDate", "vernacularName", "decimalLatitude", "decimalLongitude"])])[0]).toMatchObject({
      rowTypeId: "occurrence",
      kind: "core",
    });
  });
  it("never makes a header-only sheet the core", () => {
    const roles = recogniseWorkbook([sheet("Identification", ["occurrenceID", "identifiedBy", "scientificName"], 0), sheet("Occurrence", H, 5)]);
    expect(roles[1]).toMatchObject({ rowTypeId: "occurrence", kind: "core" });
    expect(roles[0]).toMatchObject({ rowTypeId: "identification", kind: "extension" });
    const alone = recogniseWorkbook([sheet("Old", H, 0), sheet("Occurrence", H, 5)]);
    expect(alone).toEqual([undefined, expect.objectContaining({ kind: "core" })]);
  });
  it("reads headers written as term IRIs or qualified names", () => {
    expect(
      recogniseWorkbook([sheet("occurrence", ["dwc:occurrenceID", "http://rs.tdwg.org/dwc/terms/basisOfRecord", "dwc:scientificName", "dcterms:type"])])[0],
    ).toMatchObject({ rowTypeId: "occurrence", kind: "core" });
  });
});
