import * as fs from "fs";
import * as path from "path";
import { openDelimited, openDelimitedStreaming, openTableFile, type TableSource } from "../../src/file";
import { readAll, tempDir } from "./helpers";

const dir = tempDir("csv-stream");

async function dump(source: TableSource) {
  const sheet = source.sheets[0];
  return { sheets: source.sheets, notes: source.notes, chunks: (await readAll(source, sheet.name, 3)).chunks };
}

const files: [string, string | Buffer][] = [
  [
    "comma.csv",
    '\uFEFFoccurrenceID,locality,remarks\r\n007,"Окский, кордон","say ""hi""\r\nnext line"\r\n008,Ёлка 🐦,\r\n\r\n009,x,y\r\n\r\n\r\n',
  ],
  ["semicolon.csv", "occurrenceID;decimalLatitude\n1;55,75\n2;56,01\n"],
  ["tabs.tsv", 'occurrenceID\tlocality\n1\ta,b,c\n2\t"quoted\ttab"\n'],
  ["ragged.csv", "a,b\n1\n1,2,3,,\n"],
  ["cp1251.csv", Buffer.from([0x69, 0x64, 0x2c, 0x6e, 0x0a, 0x31, 0x2c, 0xa8, 0xe6, 0x0a])],
  ["utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,name\r\n1,Ёж\r\n", "utf16le")])],
];

describe("openDelimitedStreaming", () => {
  it.each(files)("reads %s exactly as the in-memory reader does, whatever the read size", async (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const expected = await dump(await openDelimited(file));
    // Tiny reads cut quoted fields, CRLF pairs and multi-byte characters across pieces.
    for (const readSize of [1, 2, 3, 7, 64, 1 << 20]) {
      expect([readSize, await dump(await openDelimitedStreaming(file, { readSize }))]).toEqual([readSize, expected]);
    }
  });

  it("finds the records of the first file as written (trailing empty lines are not records)", async () => {
    const source = await openDelimitedStreaming(path.join(dir, "comma.csv"), { readSize: 5 });
    expect(source.sheets[0]).toMatchObject({ headers: ["occurrenceID", "locality", "remarks"], rowCount: 5 });
    expect((await readAll(source, "comma.csv")).values).toEqual([
      ["007", "Окский, кордон", 'say "hi"\r\nnext line'],
      ["008", "Ёлка 🐦", null],
      [null, null, null],
      ["009", "x", "y"],
    ]);
  });

  it("is what openTableFile uses on request, and rejects an empty file", async () => {
    const file = path.join(dir, "comma.csv");
    expect((await openTableFile(file, { streaming: true })).sheets[0].rowCount).toBe(5);
    const blank = path.join(dir, "blank.csv");
    fs.writeFileSync(blank, "\n\n,,\n");
    await expect(openDelimitedStreaming(blank)).rejects.toMatchObject({ code: "FILE_EMPTY" });
  });
});

describe("encoding note", () => {
  it("is the same from the small-file reader and the streaming reader", async () => {
    const cp = path.join(dir, "notes-cp1251.csv");
    fs.writeFileSync(cp, Buffer.from([0x69, 0x64, 0x0a, 0xa8, 0xe6, 0x0a]));
    const small = (await openDelimited(cp)).notes.filter((n) => n.code === "ENCODING");
    const streamed = (await openDelimitedStreaming(cp)).notes.filter((n) => n.code === "ENCODING");
    expect(small).toHaveLength(1);
    expect(small[0].message.en).toContain("read as Windows-1251");
    expect(streamed).toEqual(small);
    const utf8 = path.join(dir, "notes-utf8.csv");
    fs.writeFileSync(utf8, "id\nЁж\n");
    expect((await openDelimitedStreaming(utf8)).notes.filter((n) => n.code === "ENCODING")).toEqual([]);
  });
});
