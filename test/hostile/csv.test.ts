import * as fs from "fs";
import * as path from "path";
import { openTableFile, type TableSource } from "../../src/file";
import { metadataJson, run, tempDir } from "../cli/helpers";
import { cp1251 } from "./generate";

jest.setTimeout(120_000);

const dir = tempDir("hostile-csv");
const both = [false, true] as const;

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function values(source: TableSource) {
  const out: unknown[][] = [];
  for await (const c of source.readRows(source.sheets[0].name)) out.push(...c.values);
  return out;
}

describe("records", () => {
  it("reads CR LF, LF and CR line ends mixed in one file as the records they end (both readers)", async () => {
    const file = write("mixed.csv", 'occurrenceID,locality\r\no1,"a\r\nb"\no2,c\ro3,d\r\n');
    for (const streaming of both) {
      const source = await openTableFile(file, { streaming });
      expect(source.sheets[0]).toMatchObject({ headers: ["occurrenceID", "locality"], rowCount: 4 });
      // The CR LF inside the quoted value stays as written.
      expect(await values(source)).toEqual([
        ["o1", "a\r\nb"],
        ["o2", "c"],
        ["o3", "d"],
      ]);
    }
  });

  it("refuses a quote that is never closed, naming its line: exit 2", async () => {
    const file = write("open-quote.csv", 'occurrenceID,locality\no1,x\no2,"unclosed\no3,y\no4,z\n');
    for (const streaming of both) {
      await expect(openTableFile(file, { streaming })).rejects.toMatchObject({
        code: "FILE_MALFORMED",
        message: expect.stringMatching(/open-quote\.csv: line 3: a quoted field starts here and is never closed/),
      });
    }
    const r = await run("validate", file, "--core", "occurrence");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^dwc-excel validate: .*open-quote\.csv: line 3: a quoted field starts here/);
  });

  it("refuses what papaparse reports (a stray quote after a closed one), naming the line", async () => {
    const file = write("stray-quote.csv", 'occurrenceID,locality\no1,x\no2,"a"b,c\n');
    for (const streaming of both) {
      await expect(openTableFile(file, { streaming })).rejects.toThrow(/stray-quote\.csv: line 3: .*quote/i);
    }
  });

  it("warns about a NUL character in a field, naming the cell", async () => {
    const file = write("nul.csv", "occurrenceID,locality\no1,a\u0000b\n");
    for (const streaming of both) {
      const source = await openTableFile(file, { streaming });
      expect(source.notes.map((n) => [n.code, n.row, n.column])).toEqual([["NUL_CHARACTER", 2, 1]]);
      expect(source.notes[0].message.en).toMatch(/^nul\.csv!B2: the value holds a NUL character/);
    }
  });
});

describe("encodings: the whole file decides, nothing is guessed", () => {
  it("refuses UTF-8 with one stray byte, naming its line and byte offset (no silent switch to Windows-1251)", async () => {
    const head = Buffer.from("occurrenceID,locality\no1,Окский заповедник\no2,Ёлкино\n", "utf8");
    const bytes = Buffer.concat([head, Buffer.from([0x6f, 0x33, 0x2c, 0xff, 0x0a])]);
    const file = write("stray-byte.csv", bytes);
    for (const streaming of both) {
      const e = await openTableFile(file, { streaming }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "FILE_MALFORMED" });
      expect((e as Error).message).toContain(`line 4, byte offset ${head.length + 3} (byte 0xFF)`);
    }
    const r = await run("validate", file, "--core", "occurrence");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/stray-byte\.csv: the file is UTF-8 except at line 4/);
  });

  it("reads a Windows-1251 file whose Cyrillic starts after the first megabyte as Windows-1251 (both readers)", async () => {
    const filler = Array.from({ length: 60_000 }, (_v, i) => `o${i},Oka reserve`).join("\n");
    const text = `occurrenceID,locality\n${filler}\nlast,Окский заповедник Ёж\n`;
    const file = write("late-cp1251.csv", cp1251(text));
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    for (const streaming of both) {
      const source = await openTableFile(file, { streaming });
      expect(source.notes.map((n) => n.code)).toEqual(["ENCODING"]);
      const rows = await values(source);
      expect(rows[rows.length - 1]).toEqual(["last", "Окский заповедник Ёж"]);
    }
  });

  it("refuses bytes that are neither UTF-8 nor Windows-1251 text", async () => {
    const file = write("binaryish.csv", Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x98, 0x98, 0x98, 0x0a]));
    for (const streaming of both) {
      await expect(openTableFile(file, { streaming })).rejects.toThrow(
        /binaryish\.csv: line 2, byte offset 4: byte 0x98 is not valid UTF-8, and the file does not read as Windows-1251/
      );
    }
  });
});

describe("--metadata JSON in another encoding", () => {
  it("is refused naming the file, line and byte: exit 2, no archive", async () => {
    const csv = write("occ.csv", "occurrenceID,basisOfRecord,scientificName\no1,HumanObservation,Parus major\n");
    const json = metadataJson("Птицы Оки");
    const meta = write("meta-1251.json", cp1251(json));
    const out = path.join(dir, "out.zip");
    const r = await run("export", csv, "--core", "occurrence", "--metadata", meta, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /meta-1251\.json: the metadata file is not UTF-8 \(line \d+, byte offset \d+: byte 0x[0-9A-F]{2}\)/
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });
});
