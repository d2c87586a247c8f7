import fc from "fast-check";
import {
  applyMapping,
  HEADER_VARIANTS,
  parseSavedMapping,
  proposeMapping,
  recheckMapping,
  toSavedMapping,
  type SavedMapping,
  type StandardisedTable,
} from "../../src/standardise";

const HEADERS = [
  "№",
  "Вид",
  "Дата",
  "Широта",
  "Долгота",
  "Коллектор",
  "Местонахождение",
  "Кол-во экз.",
  "Пол",
  "Страна",
  "Высота, м",
];
const ROWS = [
  [
    "1",
    "Parus major Linnaeus, 1758",
    "23.06.2012",
    "55,7512",
    "37,6184",
    "leg. Иванов И.И.",
    "окр.  д. Ивановка",
    "2",
    "самец",
    "Россия",
    "150",
  ],
  [
    "2",
    "Sitta europaea",
    "03.04.2012",
    `55°45'20"С`,
    `37°37'06"В`,
    "Иванов И.И.",
    "д. Ивановка",
    "ок. 5",
    "2♂ 1♀",
    "Казахстан",
    "200-250",
  ],
  ["3", "Большая синица", "весна 2011", "55.1", "37.2", "Иванов И.И.", "", "3", "♀", "", ""],
];

function cell(t: StandardisedTable, row: number, term: string): string {
  return t.rows[row][t.headers.indexOf(term)];
}

describe("proposeMapping", () => {
  test("Russian headers: terms, confidence, reasons in both languages and the dataset class", () => {
    const p = proposeMapping(HEADERS, ROWS);
    expect(p.datasetClass).toBe("occurrence");
    expect(p.columns.map((c) => c.term)).toEqual([
      "occurrenceID",
      "scientificName",
      "eventDate",
      "decimalLatitude",
      "decimalLongitude",
      "recordedBy",
      "locality",
      "individualCount",
      "sex",
      "country",
      "minimumElevationInMeters",
    ]);
    expect(p.columns[3]).toMatchObject({ confidence: "confident", action: "map" });
    for (const c of p.columns) {
      expect(c.reason.en).not.toBe("");
      expect(c.reason.ru).toMatch(/[а-я]/);
    }
  });

  test("values override the header: Russian names under Вид are vernacular names, epithets are epithets", () => {
    const vernacular = proposeMapping(["Вид"], [["Большая синица"], ["Лазоревка"], ["Поползень"]]);
    expect(vernacular.columns[0]).toMatchObject({
      term: "vernacularName",
      confidence: "likely",
      alternatives: ["scientificName"],
    });
    const epithet = proposeMapping(
      ["Род", "Вид"],
      [
        ["Salix", "caprea"],
        ["Betula", "pendula"],
      ]
    );
    expect(epithet.columns[1].term).toBe("specificEpithet");
  });

  test("values alone suggest a term for an unknown header; nothing is guessed from plain text", () => {
    const p = proposeMapping(
      ["Когда", "Что-то"],
      [
        ["23.06.2012", "abc"],
        ["24.06.2012", "def"],
      ]
    );
    expect(p.columns[0]).toMatchObject({ term: "eventDate", confidence: "likely", action: "map" });
    expect(p.columns[1]).toMatchObject({ term: null, confidence: "ambiguous", action: "leave-out" });
  });

  test("N is a latitude when the values are latitudes, a record id when they are running numbers", () => {
    expect(proposeMapping(["N"], [["55.75"], ["56.1"]]).columns[0].term).toBe("decimalLatitude");
    expect(proposeMapping(["N"], [["1"], ["2"], ["3"]]).columns[0].term).toBe("occurrenceID");
  });

  test("two columns for one single-value term: the second is left out and says why; collectors are joined", () => {
    const p = proposeMapping(["Дата", "Дата сбора", "Коллектор", "Сборщик"], [["23.06.2012", "24.06.2012", "A", "B"]]);
    expect(p.columns[1]).toMatchObject({ term: null, action: "leave-out", alternatives: ["eventDate"] });
    expect(p.columns[3]).toMatchObject({ term: "recordedBy", action: "map" });
    const t = applyMapping(p, ["Дата", "Дата сбора", "Коллектор", "Сборщик"], [["23.06.2012", "24.06.2012", "A", "B"]]);
    expect(cell(t, 0, "recordedBy")).toBe("A | B");
    expect(t.summary.leftOut).toEqual([expect.objectContaining({ row: 2, column: 1, value: "24.06.2012" })]);
  });

  test("a checklist is recognised and its remarks are taxon remarks", () => {
    const p = proposeMapping(["Семейство", "Вид", "Примечание"], [["Salicaceae", "Salix caprea", "обычна"]]);
    expect(p.datasetClass).toBe("checklist");
    expect(p.columns[2].term).toBe("taxonRemarks");
  });
});

describe("applyMapping", () => {
  const table = applyMapping(proposeMapping(HEADERS, ROWS), HEADERS, ROWS);

  test("converts dates, coordinates, numbers and words, keeping originals in the verbatim terms", () => {
    expect(cell(table, 0, "eventDate")).toBe("2012-06-23");
    expect(cell(table, 0, "verbatimEventDate")).toBe("23.06.2012");
    expect(cell(table, 0, "decimalLatitude")).toBe("55.7512");
    expect(cell(table, 0, "verbatimLatitude")).toBe("55,7512");
    expect(cell(table, 1, "decimalLatitude")).toBe("55.755556");
    expect(cell(table, 1, "verbatimLongitude")).toBe(`37°37'06"В`);
    expect(cell(table, 0, "recordedBy")).toBe("Иванов И.И.");
    expect(cell(table, 0, "sex")).toBe("male");
    expect(cell(table, 0, "countryCode")).toBe("RU");
    expect(cell(table, 1, "countryCode")).toBe("KZ");
    expect(cell(table, 0, "locality")).toBe("окр. д. Ивановка");
    expect(cell(table, 0, "verbatimLocality")).toBe("окр.  д. Ивановка");
    expect(cell(table, 1, "minimumElevationInMeters")).toBe("200");
    expect(cell(table, 1, "maximumElevationInMeters")).toBe("250");
    expect(cell(table, 1, "verbatimElevation")).toBe("200-250");
  });

  test("what cannot be converted stays as written and is listed with its cell and reason", () => {
    expect(cell(table, 2, "eventDate")).toBe("весна 2011");
    expect(cell(table, 1, "individualCount")).toBe("ок. 5");
    expect(cell(table, 1, "sex")).toBe("2♂ 1♀");
    const kept = table.summary.kept.map((k) => `${k.row}:${k.column}:${k.value}`);
    expect(kept).toEqual(expect.arrayContaining(["4:2:весна 2011", "3:7:ок. 5", "3:8:2♂ 1♀"]));
    expect(table.summary.kept.every((k) => k.reason && k.reason.en && k.reason.ru)).toBe(true);
  });

  test("a day-first date with day ≤ 12 is converted and listed as an assumption", () => {
    expect(cell(table, 1, "eventDate")).toBe("2012-04-03");
    const dates = table.summary.columns[2];
    expect(dates.assumed.map((a) => a.value)).toEqual(["03.04.2012"]);
    expect(dates).toMatchObject({ filled: 3, converted: 2, kept: [expect.objectContaining({ value: "весна 2011" })] });
  });

  test("a saved mapping: JSON round trip, verbatim action, columns it does not know are left out", () => {
    const saved = JSON.parse(JSON.stringify(toSavedMapping(proposeMapping(HEADERS, ROWS)))) as SavedMapping;
    saved.columns[2] = { header: "Дата", term: "verbatimEventDate", action: "verbatim" };
    saved.columns.pop();
    const t = applyMapping(parseSavedMapping(saved), HEADERS, ROWS);
    expect(t.headers).not.toContain("eventDate");
    expect(cell(t, 0, "verbatimEventDate")).toBe("23.06.2012");
    expect(t.summary.unmappedHeaders).toEqual(["Высота, м"]);
    expect(t.summary.leftOut.map((c) => c.value)).toEqual(["150", "200-250"]);
  });
});

describe("saved mappings", () => {
  const saved: SavedMapping = {
    version: 1,
    datasetClass: "occurrence",
    columns: [
      { header: "Вид", term: "scientificName", action: "map" },
      { header: "Дата", term: "eventDate", action: "map" },
      { header: "Широта", term: "decimalLatitude", action: "map" },
    ],
  };

  test("recheckMapping names missing and unmapped headers", () => {
    expect(recheckMapping(saved, ["Вид", "Дата", "Пол"])).toEqual({
      missing: ["Широта"],
      unmapped: ["Пол"],
      ok: false,
    });
    expect(recheckMapping(saved, [" Вид", "Дата", "Широта"]).ok).toBe(true);
  });

  test("parseSavedMapping refuses what it cannot apply, naming the field", () => {
    expect(() => parseSavedMapping({ ...saved, version: 2 })).toThrow(/version/);
    expect(() => parseSavedMapping({ ...saved, datasetClass: "plants" })).toThrow(/datasetClass/);
    expect(() =>
      parseSavedMapping({ ...saved, columns: [{ header: "Дата", term: "eventDat", action: "map" }] })
    ).toThrow(/columns\[0\]\.term: "eventDat"/);
    expect(() =>
      parseSavedMapping({ ...saved, columns: [{ header: "Дата", term: "eventDate", action: "drop" }] })
    ).toThrow(/action/);
    expect(parseSavedMapping({ ...saved, columns: [{ header: "x", term: "EVENTDATE" }] }).columns[0]).toEqual({
      header: "x",
      term: "eventDate",
      action: "map",
    });
  });
});

/** Values as data holders write them, and arbitrary text. */
const value = fc.oneof(
  fc.constantFrom(
    "",
    "23.06.2012",
    "03.04.2012",
    "03/04/2012",
    "12-15.06.2012",
    "весна 1985",
    "June 23, 2012",
    "55,7512"
  ),
  fc.constantFrom(
    `55°45'20"N`,
    "37°37'E",
    "55.75, 37.62",
    "самец",
    "♀",
    "2♂ 1♀",
    "juv.",
    "Россия",
    "RU",
    "ок. 5",
    "200-300"
  ),
  fc.constantFrom("Parus major L.", "leg. Иванов; Петров", "  окр.  д. X ", " | ", "a | b", "0", "-1,5", "1 200"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -200, max: 5000 })
);
const dictionaryHeaders = Object.values(HEADER_VARIANTS).flat();
const header = fc.oneof(
  fc.constantFrom(...dictionaryHeaders, "verbatimEventDate", "verbatimCoordinates", "country"),
  fc.string({ maxLength: 8 })
);

/** Every filled original cell is in the new table (as a ` | `-joined part), a conversion, or a left-out cell. */
function accountedFor(t: StandardisedTable, row: number, column: number, text: string): boolean {
  if (t.rows[row].some((c) => ` | ${c} | `.includes(` | ${text} | `))) return true;
  const at = (n: { row: number; column: number; value: string }) =>
    n.row === row + 2 && n.column === column && n.value === text;
  return t.summary.conversions.some(at) || t.summary.leftOut.some(at);
}

test("no value is lost, whatever the headers, values and actions (fast-check)", () => {
  fc.assert(
    fc.property(
      fc
        .array(header, { minLength: 1, maxLength: 6 })
        .chain((headers) =>
          fc.tuple(
            fc.constant(headers),
            fc.array(fc.array(value, { minLength: headers.length, maxLength: headers.length }), { maxLength: 6 }),
            fc.array(fc.constantFrom("proposal", "verbatim", "leave-out"), {
              minLength: headers.length,
              maxLength: headers.length,
            })
          )
        ),
      ([headers, rows, actions]) => {
        const proposal = proposeMapping(headers, rows);
        const mapping = toSavedMapping(proposal);
        mapping.columns.forEach((c, i) => {
          if (actions[i] !== "proposal" && c.term) c.action = actions[i] as "verbatim" | "leave-out";
        });
        const t = applyMapping(mapping, headers, rows);
        rows.forEach((r, i) =>
          r.forEach((v, c) => {
            const text = typeof v === "number" ? String(v) : v;
            if (text.trim() !== "" && !accountedFor(t, i, c, text))
              throw new Error(`lost ${JSON.stringify(text)} at row ${i + 2}, column ${c}`);
          })
        );
        expect(t.rows.every((r) => r.length === t.headers.length)).toBe(true);
      }
    ),
    { numRuns: 300 }
  );
});
