/**
 * @jest-environment jsdom
 */
/* The georeferencing calculator in the Term help tab: the selected rows' inputs → each row's uncertainty with its
   parts (the guide's worked example gives the guide's number) → "Write to N rows", asking before adding columns,
   filling only empty cells unless "Replace existing values" is ticked, and listing what it replaces first. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { calculateUncertainty, GEOREFERENCE_PROTOCOL, mapScaleError, precisionOfPair } from "../../src/georef";
import type { GeorefSelection, GeorefWriteRequest, SelectionContext } from "../../src/taskpane/services";
import { callsOf, fakeServices } from "./fakeServices";
import { renderPane } from "./render";

const role = { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" } as NonNullable<
  SelectionContext["role"]
>;

/**
 * Row 2: Quick Reference Guide 2012, coordinates only, Example 2 (35.37, −119.02, NAD27, USGS 1:24,000) → 1446 m.
 * Row 3: the same place with an uncertainty the data holder gave. Row 4: no coordinates.
 */
function examples(): GeorefSelection {
  return {
    sheet: "Occurrence",
    role,
    firstRow: 2,
    lastRow: 4,
    capped: false,
    missingColumns: ["georeferenceProtocol", "georeferenceSources", "georeferencedBy", "georeferencedDate"],
    rows: [
      { row: 2, cells: { occurrenceID: "occ-1", decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27" } },
      {
        row: 3,
        cells: {
          occurrenceID: "occ-2",
          decimalLatitude: "35.37",
          decimalLongitude: "-119.02",
          geodeticDatum: "NAD27",
          verbatimCoordinates: "35.37, -119.02",
          coordinateUncertaintyInMeters: "250",
        },
      },
      { row: 4, cells: { occurrenceID: "occ-3" } },
    ],
  };
}

async function openCalculator(lang: "en" | "ru" = "en") {
  const services = fakeServices();
  services.georef = examples();
  renderPane({ services });
  if (lang === "ru") fireEvent.click(screen.getByRole("button", { name: "Русский" }));
  fireEvent.click(screen.getByRole("tab", { name: lang === "ru" ? "Термины" : "Term help" }));
  await waitFor(() => expect(callsOf(services, "watchSelection")).toHaveLength(1));
  act(() => services.select({ sheet: "Occurrence", row: 2, column: 2, header: "decimalLatitude", role }));
  fireEvent.click(await screen.findByRole("button", { name: lang === "ru" ? "Калькулятор привязки" : "Georeferencing calculator" }));
  await waitFor(() => expect(callsOf(services, "readGeorefSelection")).toHaveLength(1));
  return services;
}

const example2 = calculateUncertainty({
  localityType: "coordinates",
  latitude: 35.37,
  longitude: -119.02,
  coordinatePrecisionDegrees: precisionOfPair("35.37", "-119.02")!.degrees,
  datum: "NAD27",
  source: "map",
  mapScale: 24000,
});

describe("Georeferencing calculator", () => {
  it("turns the inputs into each row's uncertainty with its parts, and writes after asking to add the missing columns", async () => {
    const services = await openCalculator();
    const calc = await screen.findByRole("region", { name: "Georeferencing calculator" });
    expect(within(calc).getByText(/Occurrence · rows 2–4 · 2 rows with coordinates of 3/)).toBeTruthy();

    fireEvent.change(within(calc).getByRole("combobox", { name: "Where the coordinates came from" }), { target: { value: "map" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: "Map scale" }), { target: { value: "1:24 000" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: "Georeferenced by" }), { target: { value: "A. Petrov" } });

    const results = await within(calc).findByRole("region", { name: "Result" });
    // The guide's number for its worked example, with its parts: precision of 0.01 degree and the map's accuracy.
    expect(example2.uncertaintyMeters).toBe(1446);
    const first = within(results).getByText(/^Row 2 \(occ-1\)/).closest("li")!;
    expect(first.textContent).toContain("1446 m");
    expect(first.textContent).toContain(
      `precision ${Math.round(example2.components.coordinatePrecision)} m (0.01 degree) + map ${Math.round(mapScaleError(24000))} m`
    );
    expect(within(calc).getByText("Read from the cells: 0.01 degree")).toBeTruthy();
    expect(within(results).getByText("1 row has no coordinates and is left alone.")).toBeTruthy();
    // Row 3's own uncertainty is kept: its five cells are not part of the write.
    expect(within(results).getByText(/^1 filled cell is kept/)).toBeTruthy();

    fireEvent.click(within(results).getByRole("button", { name: "Write to 1 row" }));
    const question = await within(results).findByRole("group", { name: /The sheet has no column georeferenceProtocol, georeferenceSources, georeferencedBy, georeferencedDate/ });
    expect(callsOf(services, "writeGeoref")).toHaveLength(0);
    fireEvent.click(within(question).getByRole("button", { name: "Add the columns and write" }));

    await waitFor(() => expect(callsOf(services, "writeGeoref")).toHaveLength(1));
    const request = callsOf(services, "writeGeoref")[0][0] as GeorefWriteRequest;
    expect(request).toMatchObject({ sheet: "Occurrence", replace: false, addColumns: true });
    const today = new Date().toISOString().slice(0, 10);
    expect(request.cells).toEqual([
      { row: 2, term: "coordinateUncertaintyInMeters", value: "1446", expected: "" },
      { row: 2, term: "georeferenceProtocol", value: GEOREFERENCE_PROTOCOL, expected: "" },
      { row: 2, term: "georeferenceSources", value: expect.stringMatching(/^map 1:24,000 \| Darwin Core for Excel/), expected: "" },
      { row: 2, term: "georeferencedBy", value: "A. Petrov", expected: "" },
      { row: 2, term: "georeferencedDate", value: today, expected: "" },
    ]);
    expect(await within(calc).findByText(/Written: 5 values in 1 row\. Columns added: georeferenceProtocol/)).toBeTruthy();
    // The rows were read again: nothing is left to write, the sheet's 250 is still there.
    expect(callsOf(services, "readGeorefSelection")).toHaveLength(2);
    expect(await within(calc).findByText("Nothing to write: every cell is filled already.")).toBeTruthy();
    expect(services.georef!.rows[1].cells.coordinateUncertaintyInMeters).toBe("250");
  });

  it("lists the values it will replace before writing when “Replace existing values” is ticked", async () => {
    const services = await openCalculator();
    services.georef!.missingColumns = [];
    const calc = await screen.findByRole("region", { name: "Georeferencing calculator" });
    fireEvent.click(within(calc).getByRole("button", { name: "Use the current selection" }));
    await waitFor(() => expect(callsOf(services, "readGeorefSelection")).toHaveLength(2));
    fireEvent.change(within(calc).getByRole("combobox", { name: "Where the coordinates came from" }), { target: { value: "map" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: "Map scale" }), { target: { value: "1:24000" } });
    const results = await within(calc).findByRole("region", { name: "Result" });
    expect(within(results).getByRole("button", { name: "Write to 1 row" })).toBeTruthy();

    fireEvent.click(within(results).getByRole("checkbox", { name: "Replace existing values" }));
    const replaced = await within(results).findByRole("region", { name: "1 value will be replaced:" });
    expect(within(replaced).getByText("Row 3, coordinateUncertaintyInMeters: 250 → 1446")).toBeTruthy();
    fireEvent.click(within(results).getByRole("button", { name: "Write to 2 rows" }));
    await waitFor(() => expect(callsOf(services, "writeGeoref")).toHaveLength(1));
    const request = callsOf(services, "writeGeoref")[0][0] as GeorefWriteRequest;
    expect(request.replace).toBe(true);
    expect(request.cells).toContainEqual({ row: 3, term: "coordinateUncertaintyInMeters", value: "1446", expected: "250" });
    expect(await within(calc).findByText(/Written: 8 values in 2 rows\./)).toBeTruthy();
    expect(services.georef!.rows[1].cells.coordinateUncertaintyInMeters).toBe("1446");
  });

  it("uses a chosen precision and an unknown datum, and refuses a map scale it cannot read", async () => {
    await openCalculator();
    const calc = await screen.findByRole("region", { name: "Georeferencing calculator" });
    fireEvent.change(within(calc).getByRole("combobox", { name: "Where the coordinates came from" }), { target: { value: "map" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: "Map scale" }), { target: { value: "big" } });
    expect(await within(calc).findByText("Write the scale as 1:24000.")).toBeTruthy();
    expect(within(calc).queryByRole("region", { name: "Result" })).toBeNull();

    fireEvent.change(within(calc).getByRole("combobox", { name: "Where the coordinates came from" }), { target: { value: "gazetteer" } });
    fireEvent.change(within(calc).getByRole("combobox", { name: "Precision of the written coordinates" }), { target: { value: "minute" } });
    fireEvent.change(within(calc).getByRole("combobox", { name: "Datum (geodeticDatum)" }), { target: { value: "unknown" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: /Extent of the named place/ }), { target: { value: "3000" } });
    const expected = calculateUncertainty({
      localityType: "feature",
      latitude: 35.37,
      longitude: -119.02,
      coordinatePrecisionDegrees: 1 / 60,
      datumKnown: false,
      source: "gazetteer",
      radialMeters: 3000,
    });
    const results = await within(calc).findByRole("region", { name: "Result" });
    const first = within(results).getByText(/^Row 2 \(occ-1\)/).closest("li")!;
    expect(first.textContent).toContain(`${expected.uncertaintyMeters} m`);
    expect(first.textContent).toContain(`unknown datum ${expected.components.datum} m`);
    expect(first.textContent).toContain("extent 3000 m");
    expect(first.textContent).toContain("(nearest minute)");
  });

  it("speaks Russian", async () => {
    await openCalculator("ru");
    const calc = await screen.findByRole("region", { name: "Калькулятор привязки" });
    expect(within(calc).getByText(/Occurrence · строки 2–4 · 2 строки с координатами из 3/)).toBeTruthy();
    fireEvent.change(within(calc).getByRole("combobox", { name: "Откуда взяты координаты" }), { target: { value: "map" } });
    fireEvent.change(within(calc).getByRole("textbox", { name: "Масштаб карты" }), { target: { value: "1:24000" } });
    const results = await within(calc).findByRole("region", { name: "Результат" });
    expect(within(results).getByText(/^Строка 2 \(occ-1\)/).closest("li")!.textContent).toContain("1446 м");
    expect(within(results).getByRole("button", { name: "Записать в 1 строку" })).toBeTruthy();
    expect(within(calc).getByText("Прочитано из ячеек: 0,01 градуса")).toBeTruthy();
  });
});
