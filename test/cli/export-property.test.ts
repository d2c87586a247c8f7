import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readArchive, recordsOf } from "../../src/archive";
import { openTableFile } from "../../src/file";
import { metadataSheet, OCCURRENCE_HEADERS, OCCURRENCE_ROWS, run, tempDir, writeWorkbook } from "./helpers";

// Each run writes and reads a workbook and an archive: seconds in all.
jest.setTimeout(180_000);

const dir = tempDir("cli-property");
const LOCALITY = "http://rs.tdwg.org/dwc/terms/locality";

describe("dwc-excel export with hostile cell text (property)", () => {
  it("exports the text exactly as the workbook holds it, or refuses naming the cell; never crashes", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 40 }), async (text) => {
        n++;
        const rows = [
          [...OCCURRENCE_HEADERS, "locality"],
          [...OCCURRENCE_ROWS[0], text],
        ];
        const file = await writeWorkbook(dir, `p${n}.xlsx`, [{ name: "Occurrence", rows }, metadataSheet("Property")]);
        const zip = path.join(dir, `p${n}.zip`);
        const r = await run("export", file, "-o", zip);
        expect(r.err).not.toMatch(/\n\s+at |internal error/);
        if (r.code === 0) {
          // What the file holds (ExcelJS may have had to encode some characters) is what the archive holds.
          const source = await openTableFile(file);
          let held: unknown = null;
          for await (const chunk of source.readRows("Occurrence")) held = chunk.values[0][OCCURRENCE_HEADERS.length];
          const record = recordsOf(readArchive(new Uint8Array(fs.readFileSync(zip))).core)[0];
          expect(record.values[LOCALITY]).toBe(held === null ? "" : String(held));
        } else {
          expect(r.code).toBe(1);
          expect(r.err).toContain("Occurrence!L2");
          expect(fs.existsSync(zip)).toBe(false);
        }
      }),
      { numRuns: 25, seed: 20261121 }
    );
  });
});
