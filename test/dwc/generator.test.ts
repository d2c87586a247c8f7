import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseXml, splitExamples, writeModel } from "../../scripts/generate-model";
import { SHARED_DWC } from "./shared";

const COMMITTED = path.resolve(__dirname, "../../src/dwc/generated");

describe("scripts/generate-model.ts", () => {
  it("regenerates exactly the committed model data from ../shared/dwc", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-model-"));
    try {
      const written = await writeModel(out, SHARED_DWC);
      expect(written.sort()).toEqual(fs.readdirSync(COMMITTED).sort());
      for (const name of written) {
        const fresh = fs.readFileSync(path.join(out, name), "utf8");
        const committed = fs.readFileSync(path.join(COMMITTED, name), "utf8");
        // A mismatch means the committed data is stale: run `npm run generate` and commit.
        expect({ name, same: fresh === committed }).toEqual({ name, same: true });
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it("splits the standard's back-ticked examples, keeping notes and semicolons inside values", () => {
    expect(splitExamples("`1971` (in the year 1971); `1900/1909`")).toEqual(["1971 (in the year 1971)", "1900/1909"]);
    expect(splitExamples('`{"a":1; "b":2}`; `x`')).toEqual(['{"a":1; "b":2}', "x"]);
    expect(splitExamples("")).toEqual([]);
  });

  it("reads XML attributes with both quote styles, entities and normalised newlines", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a x='1 &amp; 2' y="q&#x27;&lt;
z"><b n="&#1046;"/></a>`,
      "t.xml"
    );
    expect(root.name).toBe("a");
    expect(root.attrs).toEqual({ x: "1 & 2", y: "q'< z" });
    expect(root.children[0].attrs.n).toBe("Ж");
  });

  it("names the file when the XML is malformed", () => {
    expect(() => parseXml("<a><b></a>", "broken.xml")).toThrow(/broken\.xml: closing tag <\/a> does not match <b>/);
    expect(() => parseXml("<a>", "open.xml")).toThrow(/open\.xml: unclosed element <a>/);
  });
});
