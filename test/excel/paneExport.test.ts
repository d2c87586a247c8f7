/**
 * The pane's export through the real services (src/taskpane/services/officeServices.ts) over the strict fake Excel,
 * in the in-thread fallback of the export worker (jest has no Worker): the data are validated once, in the
 * export's own pass, with the country boundaries loaded in that JS context; each finding is counted once (an
 * Excel error is one blocker, not also a refusal); errors do not block but wait for the user's answer, and only
 * then is a new packageId written to the Metadata sheet.
 */
import { readArchive, recordsOf } from "../../src/archive";
import { resetValidationState } from "../../src/excel";
import { emptyAgent, emptyMetadata } from "../../src/metadata";
import { createOfficeServices } from "../../src/taskpane/services/officeServices";
import type { ExportOutcome, Progress } from "../../src/taskpane/services";
import { isBdqGeometryLoaded } from "../../src/validate";
import * as workbook from "../../src/validate/workbook";
import type { FakeValue } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

jest.setTimeout(120_000);

afterEach(() => {
  uninstallFakes();
  resetValidationState();
  jest.restoreAllMocks();
});

const HEADERS = [
  "occurrenceID",
  "basisOfRecord",
  "scientificName",
  "eventDate",
  "locality",
  "countryCode",
  "decimalLatitude",
  "decimalLongitude",
];

function metadata() {
  const m = emptyMetadata();
  m.title = "Birds of Moscow";
  m.description = "Bird observations in Moscow.";
  m.license = "CC-BY-4.0";
  m.creators = [{ ...emptyAgent(), surName: "Ivanova" }];
  m.contacts = [{ ...emptyAgent(), organization: "Moscow University" }];
  return m;
}

function sheet(rows: FakeValue[][]) {
  return [
    {
      name: "Occurrence",
      values: [HEADERS, ...rows],
      numberFormats: [[], ...rows.map(() => ["@", "@", "@", "@", "@", "@"])],
    },
  ];
}

const ok = (id: string): FakeValue[] => [
  id,
  "HumanObservation",
  "Parus major",
  "2023-06-14",
  "Moscow",
  "RU",
  55.75,
  37.62,
];

async function exportWith(
  rows: FakeValue[][]
): Promise<{ outcome: ExportOutcome; validators: jest.SpyInstance; fake: ReturnType<typeof installFake> }> {
  const fake = installFake(sheet(rows));
  const validators = jest.spyOn(workbook, "createWorkbookValidator");
  const progress: Progress[] = [];
  const outcome = await createOfficeServices().exportArchive(
    metadata(),
    { signal: new AbortController().signal, onProgress: (p) => progress.push(p) },
    "en"
  );
  expect(progress.some((p) => p.phase === "validate")).toBe(false);
  return { outcome, validators, fake };
}

describe("the pane's export", () => {
  // First in this file: the boundaries stay loaded in this module registry afterwards.
  it("checks coordinates against countries in the export's own context (the boundaries are loaded there)", async () => {
    expect(isBdqGeometryLoaded()).toBe(false);
    const { outcome } = await exportWith([
      ok("o1"),
      ["o2", "HumanObservation", "Parus major", "2023-06-14", "Moscow", "FR", 55.75, 37.62],
    ]);
    expect(isBdqGeometryLoaded()).toBe(true);
    expect(outcome.kind).toBe("done");
    const findings = outcome.kind === "done" ? outcome.summary.warnings : [];
    expect(findings.filter((i) => i.ruleId === "coordinates-outside-country").map((i) => i.row)).toEqual([3]);
  });

  it("validates once, in the export's pass, and counts an Excel error once, as a blocker with its cell", async () => {
    const { outcome, validators, fake } = await exportWith([
      ok("o1"),
      ["o2", "HumanObservation", "#N/A", "2023-06-14", "Moscow", "RU", 55.75, 37.62],
      ["o3", "HumanObservation", "Parus major", "13.06.2023", "Moscow", "RU", 55.75, 37.62],
      ["o4", "HumanObservation", "Parus major", "2023-06-14", "Moscow ", "RU", 55.75, 37.62],
    ]);
    expect(validators).toHaveBeenCalledTimes(1);
    expect(outcome.kind).toBe("blocked");
    if (outcome.kind !== "blocked") return;
    const s = outcome.summary;
    expect(s.blockers.map((i) => [i.ruleId, i.sheet, i.row, i.column, i.value])).toEqual([
      ["excel-error", "Occurrence", 3, 2, "#N/A"],
    ]);
    expect(s.blockerCount).toBe(1);
    expect(s.errors.map((i) => [i.ruleId, i.row])).toEqual([["day-first-date", 4]]);
    expect(s.errorCount).toBe(1);
    expect(s.warnings.filter((i) => i.ruleId === "whitespace-edges").map((i) => i.row)).toEqual([5]);
    expect(s.warningCount).toBe(s.warnings.length);
    expect(outcome.metadataProblems).toEqual([]);
    // no whole-workbook validation ran beside the export: it would have written marks
    expect(fake.sheetNames().filter((n) => n.startsWith("DwC marks"))).toEqual([]);
  });

  it("with errors only, builds the archive but hands it over (and keeps the new packageId) only when asked, without validating again", async () => {
    const { outcome, validators, fake } = await exportWith([
      ok("o1"),
      ["o2", "HumanObservation", "Parus major", "13.06.2023", "Moscow", "RU", 55.75, 37.62],
    ]);
    expect(outcome.kind).toBe("errors");
    if (outcome.kind !== "errors") return;
    expect([outcome.summary.errorCount, outcome.summary.blockerCount]).toEqual([1, 0]);
    expect(fake.sheetNames()).not.toContain("Metadata");
    const done = await outcome.proceed();
    expect(validators).toHaveBeenCalledTimes(1);
    expect(done.kind).toBe("done");
    expect(done.newPackageId).toEqual({ saved: true });
    expect(fake.sheetNames()).toContain("Metadata");
    const bytes = new Uint8Array(done.zip.reduce((n, c) => n + c.length, 0));
    done.zip.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    const records = recordsOf(readArchive(bytes).core);
    expect(records.map((r) => r.values["http://rs.tdwg.org/dwc/terms/occurrenceID"])).toEqual(["o1", "o2"]);
    // asking again hands over the same archive, and writes nothing more
    expect(await outcome.proceed()).toBe(done);
  });

  it("with metadata missing, still reads the data to list every blocker at once, and builds nothing", async () => {
    const fake = installFake(
      sheet([ok("o1"), ["o1", "HumanObservation", "Parus major", "2023-06-14", "Moscow", "RU", 55.75, 37.62]])
    );
    const outcome = await createOfficeServices().exportArchive(
      emptyMetadata(),
      { signal: new AbortController().signal, onProgress: () => undefined },
      "en"
    );
    expect(outcome.kind).toBe("blocked");
    if (outcome.kind !== "blocked") return;
    expect(outcome.metadataProblems.map((p) => p.field)).toContain("title");
    expect(outcome.summary.blockers.map((i) => i.row)).toContain(3);
    expect(fake.sheetNames()).not.toContain("Metadata");
  });
});
