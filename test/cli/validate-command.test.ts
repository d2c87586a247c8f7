import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { metadataJson, OCCURRENCE_HEADERS, OCCURRENCE_ROWS, run, tempDir, writeWorkbook } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("cli-validate");

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe("dwc-excel validate", () => {
  it("exits 0 on a clean occurrence workbook and names the sheet and its rows", async () => {
    const file = await writeWorkbook(dir, "clean.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
    ]);
    const r = await run("validate", file);
    expect(r.err).toBe("");
    expect(r.out).toContain("Occurrence (occurrence, 2 rows)");
    expect(r.out).toContain("0 error(s)");
    expect(r.code).toBe(0);
  });

  it("exits 1 on blockers and lists them by rule with their cells and values", async () => {
    const bad = OCCURRENCE_ROWS.map((r) => [...r]);
    bad[1][0] = "OKA-2021-0001"; // same id as row 2 compared case-insensitively, as the IPT does
    bad[0][1] = "Human Observation";
    const file = await writeWorkbook(dir, "errors.xlsx", [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...bad] }]);
    const r = await run("validate", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BLOCKER id-duplicate — /);
    expect(r.out).toContain('Occurrence!B2 "Human Observation"');
    expect(r.out).toMatch(/Occurrence!A3/);
    const ru = await run("validate", file, "--lang", "ru");
    expect(ru.code).toBe(1);
    expect(ru.out).toMatch(/^Проверен .*errors\.xlsx: Occurrence \(occurrence, 2 строки\)\nблокирующих: 2, ошибок: \d+/);
    expect(ru.out).toMatch(/БЛОКИРУЕТ \S+ — [А-Яа-яЁё]/);
  });

  it("reports a second core with the same words as export, and says which --core settles it", async () => {
    const file = await writeWorkbook(dir, "two-cores.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
      { name: "More", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS.map((r) => [`x-${String(r[0])}`, ...r.slice(1)])] },
    ]);
    const v = await run("validate", file, "--json", "--no-geo");
    expect(v.code).toBe(1);
    const core = (JSON.parse(v.out) as { ruleId: string; severity: string; message: string }[]).find((i) => i.ruleId === "archive.coreCount")!;
    expect(core.severity).toBe("blocker");
    const human = await run("validate", file, "--no-geo");
    expect(human.out).toContain("--core occurrence|event|taxon");
    const meta = path.join(dir, "two-cores.json");
    fs.writeFileSync(meta, metadataJson("Two cores"));
    const e = await run("export", file, "--metadata", meta, "--no-geo", "-o", path.join(dir, "two-cores.zip"));
    expect(e.code).toBe(1);
    expect(e.err).toContain(core.message);
    expect(e.err).toContain("--core occurrence|event|taxon");
  });

  it("exits 0 on errors that do not block, and 1 with --strict", async () => {
    const bad = OCCURRENCE_ROWS.map((r) => [...r]);
    bad[0][5] = 95; // decimalLatitude out of range: GBIF drops the coordinates, the IPT publishes the record
    const file = await writeWorkbook(dir, "strict.xlsx", [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...bad] }]);
    const r = await run("validate", file);
    expect(r.out).toMatch(/ERROR coordinate-out-of-range — /);
    expect(r.code).toBe(0);
    expect((await run("validate", file, "--strict")).code).toBe(1);
  });

  it("prints one JSON object per issue with rule, severity, sheet, row, column, cell, term, value, message and fix", async () => {
    const bad = OCCURRENCE_ROWS.map((r) => [...r]);
    bad[0][1] = "preservedspecimen";
    const file = await writeWorkbook(dir, "json.xlsx", [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...bad] }]);
    const r = await run("validate", file, "--json", "--lang", "ru");
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.out) as Record<string, unknown>[];
    const hit = issues.find((i) => i.cell === "Occurrence!B2");
    expect(hit).toBeDefined();
    expect(Object.keys(hit!).sort()).toEqual(
      ["cell", "column", "fix", "message", "row", "ruleId", "severity", "sheet", "term", "value"].sort()
    );
    expect(hit).toMatchObject({
      ruleId: "vocabulary-variant",
      severity: "warning",
      sheet: "Occurrence",
      row: 2,
      column: "B",
      term: "basisOfRecord",
      value: "preservedspecimen",
    });
    expect(hit!.message).toMatch(/[а-яё]/i);
    const fix = hit!.fix as { changes: { cell: string; to: string }[] };
    expect(fix.changes[0]).toMatchObject({ cell: "Occurrence!B2", to: "PreservedSpecimen" });
  });

  it("leaves hidden sheets out, warning about a hidden one that looks like data but not about very hidden lists", async () => {
    const file = await writeWorkbook(dir, "hidden-sheet.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
      { name: "Old occurrences", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS], state: "hidden" },
      {
        name: "Lists",
        rows: [
          ["basisOfRecord", "occurrenceStatus"],
          ["HumanObservation", "present"],
        ],
        state: "veryHidden",
      },
    ]);
    const r = await run("validate", file, "--json");
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.out) as { ruleId: string; sheet: string; severity: string }[];
    expect(issues.filter((i) => i.ruleId === "file.hidden-sheet").map((i) => i.sheet)).toEqual(["Old occurrences"]);
    // The duplicate ids of the hidden copy are not reported: it is not validated.
    expect(issues.filter((i) => i.sheet !== "Old occurrences" && i.severity !== "info")).toEqual([]);
  });

  it("names the new column a fix adds to keep the original value (day-first date -> verbatimEventDate)", async () => {
    const rows = [OCCURRENCE_HEADERS, OCCURRENCE_ROWS[0].map((v, i) => (i === 3 ? "23.06.2012" : v))];
    const file = await writeWorkbook(dir, "dayfirst.xlsx", [{ name: "Occurrence", rows }]);
    const r = await run("validate", file, "--json");
    expect(r.code).toBe(0);
    const issue = (JSON.parse(r.out) as { cell: string; fix: { changes: unknown[] } }[]).find(
      (i) => i.cell === "Occurrence!D2"
    )!;
    expect(issue.fix.changes).toEqual([
      { cell: "Occurrence!D2", term: "eventDate", from: "23.06.2012", to: "2012-06-23" },
      { cell: "Occurrence!2:2 (new column verbatimEventDate)", term: "verbatimEventDate", from: "", to: "23.06.2012" },
    ]);
  });

  it("recognises a CSV file's core from its headers when --core is not given", async () => {
    const file = path.join(dir, "recognised.csv");
    fs.writeFileSync(
      file,
      [
        OCCURRENCE_HEADERS.join(","),
        OCCURRENCE_ROWS[0]
          .map(String)
          .map((v) => (v.includes(",") ? `"${v}"` : v))
          .join(","),
      ].join("\n")
    );
    const r = await run("validate", file);
    expect(r.out).toContain("recognised.csv (occurrence, 1 row)");
    expect(r.code).toBe(0);
  });

  it("validates a CSV file with --core and names its cells after the file", async () => {
    const file = path.join(dir, "birds.csv");
    const lines = [
      OCCURRENCE_HEADERS.join(","),
      "oka-1,HumanObservation,Parus major,2021-06-01,RU,54.73,40.85,WGS84,0,Animalia,species",
    ];
    fs.writeFileSync(file, lines.join("\r\n"));
    const r = await run("validate", file, "--core", "occurrence", "--json");
    const issues = JSON.parse(r.out) as { cell: string; term: string }[];
    expect(issues.find((i) => i.term === "coordinateUncertaintyInMeters")?.cell).toBe("birds.csv!I2");
  });

  describe("unusable input exits 2 with one clear line and no stack trace", () => {
    const cases: [string, () => Promise<string[]>, RegExp][] = [
      ["a missing file", async () => ["validate", path.join(dir, "missing.xlsx")], /missing\.xlsx: file not found/],
      ["no file at all", async () => ["validate"], /name the input file/],
      ["an unknown option", async () => ["validate", "x.xlsx", "--colour"], /unknown option --colour/],
      [
        "a bad --core",
        async () => ["validate", "x.csv", "--core", "taxa"],
        /--core must be one of: occurrence, event, taxon/,
      ],
      [
        "a text file that is not a spreadsheet",
        async () => {
          const f = path.join(dir, "notes.docx");
          fs.writeFileSync(f, "hello");
          return ["validate", f];
        },
        /expected an \.xlsx workbook or a \.csv\/\.tsv file/,
      ],
      [
        "a corrupt workbook",
        async () => {
          const f = path.join(dir, "corrupt.xlsx");
          fs.writeFileSync(f, "PK\u0003\u0004garbage");
          return ["validate", f];
        },
        /not a readable \.xlsx workbook/,
      ],
      [
        "an empty workbook",
        async () => ["validate", await writeWorkbook(dir, "empty.xlsx", [{ name: "Sheet1", rows: [] }])],
        /no filled cells/,
      ],
      [
        "a workbook without Darwin Core headers",
        async () => [
          "validate",
          await writeWorkbook(dir, "other.xlsx", [
            {
              name: "Budget",
              rows: [
                ["Item", "Cost"],
                ["Fuel", 100],
              ],
            },
          ]),
        ],
        /no Darwin Core sheet .*Budget \[Item, Cost\].*--core/,
      ],
    ];
    it.each(cases)("%s", async (_name, argv, message) => {
      const r = await run(...(await argv()));
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      noStack(r.err);
    });
  });

  it("reports hostile cells clearly: header-only, 32,767 chars, emoji, formulas, error values, merged cells, hidden rows, blank headers", async () => {
    const long = "a".repeat(32767);
    const rows: ExcelJS.CellValue[][] = [
      [...OCCURRENCE_HEADERS, null, "locality"],
      [...OCCURRENCE_ROWS[0], "x", long],
      [
        "oka-3",
        "HumanObservation",
        "Parus major 🐦",
        { formula: "TODAY()", result: 45000 },
        "RU",
        { error: "#N/A" },
        40.1,
        "WGS84",
        10,
        "Animalia",
        "species",
        null,
        "Ока",
      ],
      [
        "oka-4",
        "HumanObservation",
        "Parus major",
        "2021-06-03",
        "RU",
        54.7,
        40.8,
        "WGS84",
        10,
        "Animalia",
        "species",
        null,
        null,
      ],
    ];
    const file = await writeWorkbook(dir, "hostile.xlsx", [
      { name: "Occurrence", rows, hiddenRows: [4], merges: ["M3:M4"] },
      { name: "Empty", rows: [] },
      { name: "HeaderOnly", rows: [OCCURRENCE_HEADERS] },
    ]);
    const r = await run("validate", file, "--json");
    noStack(r.err);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.out) as { ruleId: string; cell: string; message: string }[];
    const at = (cell: string) => issues.filter((i) => i.cell === cell).map((i) => i.ruleId);
    expect(at("Occurrence!F3")).toContain("excel-error");
    expect(at("Occurrence!D3")).toContain("formula");
    expect(issues.some((i) => i.ruleId === "file.merged-cells" && i.message.includes("M3:M4"))).toBe(true);
    expect(issues.some((i) => i.ruleId === "file.hidden-rows")).toBe(true);
    expect(issues.some((i) => i.cell.startsWith("Occurrence!L1"))).toBe(true);
    expect(issues.some((i) => i.cell === "HeaderOnly")).toBe(true);
    const human = await run("validate", file);
    expect(human.out).toMatch(/Occurrence!M2 "a+….*32767/);
    expect(human.out).not.toContain(long);
  });
});
