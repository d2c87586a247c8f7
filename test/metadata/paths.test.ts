/**
 * One map from field key to model path, and one keyword splitting: the Metadata sheet, the pane's form and the
 * XML-character fix all read them, so a field lives at the same place and keywords split alike everywhere.
 */
import { checkMetadata, fieldKeyOf, fieldPath, fieldValue, fixInvalidXmlChars, metadataFromSheetRows, metadataToSheetRows, SCALAR_FIELDS, splitKeywords } from "../../src/metadata";
import { getField, setField } from "../../src/taskpane/metadata/form";
import { exampleMetadata } from "./fixtures";

const scalars = Object.values(SCALAR_FIELDS).flat();
const TEXT = new Set(["text", "longText"]);

describe("field key and model path", () => {
  it("maps every scalar key to a path and back", () => {
    for (const { key } of scalars) expect([key, fieldKeyOf(fieldPath(key))]).toEqual([key, key]);
    expect(fieldPath("coverage.beginDate")).toEqual(["coverage", "temporal", "begin"]);
    expect(fieldKeyOf(["creators", 0, "email"])).toBeUndefined();
  });

  it("puts each text field where the sheet, the form and the fix all look for it", () => {
    for (const { key } of scalars.filter((s) => TEXT.has(s.kind))) {
      const marker = `value of ${key}`;
      // The form writes the field…
      const meta = setField(exampleMetadata(), key, marker);
      expect([key, fieldValue(meta, key)]).toEqual([key, marker]);
      // …the sheet writes it in the row of its key and reads it back to the same place…
      const rows = metadataToSheetRows(meta, "en");
      expect([key, rows.find((r) => r[0] === key)?.[1]]).toEqual([key, marker]);
      expect([key, getField(metadataFromSheetRows(rows).meta, key)]).toEqual([key, marker]);
      // …and the fix names it by the same key.
      const bad = setField(exampleMetadata(), key, "a\u000bb");
      expect([key, fixInvalidXmlChars(bad).changes.map((c) => c.field)]).toEqual([key, [key]]);
      // …and so does the check that finds it (walk.ts lists the text fields by key).
      expect([key, checkMetadata(bad).filter((p) => p.code === "invalidXmlChar").map((p) => p.field)]).toEqual([key, [key]]);
    }
  });
});

describe("keywords", () => {
  it("split alike in the sheet and in the form", () => {
    const typed = "flora; Karelia | mosses\nlichens |";
    expect(splitKeywords(typed)).toEqual(["flora", "Karelia", "mosses", "lichens"]);
    expect(setField(exampleMetadata(), "keywords", typed).keywords).toEqual(splitKeywords(typed));
    const rows = metadataToSheetRows(exampleMetadata(), "en").map((r) => (r[0] === "keywords" ? [r[0], typed, r[2]] : r));
    expect(metadataFromSheetRows(rows).meta.keywords).toEqual(splitKeywords(typed));
  });
});
