import * as fs from "fs";
import * as path from "path";
import { decodeText, openDelimited, parseDelimited } from "../../src/file";
import { readAll, tempDir } from "./helpers";

const dir = tempDir("csv-reader");

describe("parseDelimited", () => {
  it("sniffs comma, semicolon and tab, and keeps quoted delimiters, quotes and line breaks", () => {
    expect(parseDelimited('a,b\r\n"x, y","say ""hi"""\r\n').rows).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
    ]);
    expect(parseDelimited("a;b\n55,75;37,61\n")).toEqual({
      rows: [
        ["a", "b"],
        ["55,75", "37,61"],
      ],
      delimiter: ";",
    });
    expect(parseDelimited('a\tb\n"line\nbreak"\t2').rows).toEqual([
      ["a", "b"],
      ["line\nbreak", "2"],
    ]);
  });

  it("reads a .tsv as tab-delimited even when its values hold commas", () => {
    expect(parseDelimited("a\tb\nx,y,z\tw\n", "birds.tsv").rows).toEqual([
      ["a", "b"],
      ["x,y,z", "w"],
    ]);
  });
});

describe("decodeText", () => {
  it("strips a UTF-8 BOM and falls back to Windows-1251 for Russian Excel's CSV", () => {
    expect(decodeText(Buffer.from("\uFEFFid,name", "utf8"))).toEqual({ text: "id,name", encoding: "UTF-8" });
    // "Ёж" in Windows-1251: A8 E6.
    expect(decodeText(Uint8Array.from([0xa8, 0xe6]))).toEqual({ text: "Ёж", encoding: "Windows-1251" });
  });
});

describe("openDelimited", () => {
  it("reads a CSV as one sheet named after the file, values as text, empty fields as empty cells", async () => {
    const file = path.join(dir, "occurrence.csv");
    fs.writeFileSync(
      file,
      '\uFEFFoccurrenceID,eventDate,individualCount,locality\r\n007,2021-06-01,,"Окский, кордон"\r\n'
    );
    const source = await openDelimited(file);
    expect(source.sheets).toEqual([
      {
        name: "occurrence.csv",
        headers: ["occurrenceID", "eventDate", "individualCount", "locality"],
        rowCount: 2,
        visible: true,
      },
    ]);
    const { chunks } = await readAll(source, "occurrence.csv");
    expect(chunks).toEqual([{ startRow: 2, values: [["007", "2021-06-01", null, "Окский, кордон"]] }]);
  });

  it("widens short rows and keeps extra fields past the header under blank headers", async () => {
    const file = path.join(dir, "ragged.csv");
    fs.writeFileSync(file, "a,b\n1\n1,2,3\n");
    const source = await openDelimited(file);
    expect(source.sheets[0].headers).toEqual(["a", "b", ""]);
    expect((await readAll(source, "ragged.csv")).values).toEqual([
      ["1", null, null],
      ["1", "2", "3"],
    ]);
  });

  it("notes a non-UTF-8 file and rejects a header-less empty one", async () => {
    const cp = path.join(dir, "cp1251.csv");
    fs.writeFileSync(cp, Buffer.from([0x69, 0x64, 0x0a, 0xa8, 0xe6, 0x0a]));
    const source = await openDelimited(cp);
    expect(source.notes[0].code).toBe("ENCODING");
    expect((await readAll(source, "cp1251.csv")).values).toEqual([["Ёж"]]);
    const blank = path.join(dir, "blank.csv");
    fs.writeFileSync(blank, "\r\n\r\n");
    await expect(openDelimited(blank)).rejects.toMatchObject({ code: "FILE_EMPTY" });
  });
});
