import * as fs from "fs";
import * as path from "path";
import { readArchive, recordsOf } from "../../src/archive";
import { run, tempDir } from "./helpers";

// GBIF's own filled-in IPT templates (../shared, read-only reference data): real workbooks made in Excel.
const templates = path.resolve(__dirname, "../../../shared/dwc/gbif-ipt/templates");
const exampleMetadata = path.resolve(__dirname, "../../examples/metadata.json");
const dir = tempDir("cli-ipt");
jest.setTimeout(60_000);

interface JsonIssue {
  ruleId: string;
  severity: string;
  cell: string;
  value: string | null;
}

describe("GBIF IPT example workbooks", () => {
  it("occurrence example: no errors; the trailing space in Occurrences!C4 is a warning with a fix", async () => {
    const r = await run("validate", path.join(templates, "occurrence_ipt_template_v2.3_example_data.xlsx"), "--json");
    expect(r.code).toBe(0);
    const issues = JSON.parse(r.out) as JsonIssue[];
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues.find((i) => i.cell === "Occurrences!C4")).toMatchObject({
      ruleId: "whitespace-edges",
      value: "Heptodonta wiesneri ",
    });
  });

  it("event example: its occurrences link to an event missing from the event sheet: an error, listed; --strict exits 1", async () => {
    const r = await run("validate", path.join(templates, "event_ipt_template_v3.2_example_data.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ERROR link-dangling/);
    expect((await run("validate", path.join(templates, "event_ipt_template_v3.2_example_data.xlsx"), "--strict")).code).toBe(1);
    expect(r.out).toContain(`'Associated Occurrences'!A2 "1382-tr009-s00"`);
  });

  it("occurrence example exports with --metadata: three records, values as typed", async () => {
    const zip = path.join(dir, "ipt-occurrence.zip");
    const r = await run(
      "export",
      path.join(templates, "occurrence_ipt_template_v2.3_example_data.xlsx"),
      "--metadata",
      exampleMetadata,
      "-o",
      zip
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const records = recordsOf(readArchive(new Uint8Array(fs.readFileSync(zip))).core);
    expect(records).toHaveLength(3);
    expect(records[2].values["http://rs.tdwg.org/dwc/terms/scientificName"]).toBe("Heptodonta wiesneri ");
  });
});
