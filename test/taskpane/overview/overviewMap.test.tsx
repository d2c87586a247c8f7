/**
 * @jest-environment jsdom
 */
/* The map and charts in jsdom: point count and colours by worst finding, click selects the record's row, the fix
   arrow, and the Validate tab's Map and Charts views with the fake services. */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OverviewMap, POINT_COLOURS } from "../../../src/taskpane/components/OverviewMap";
import { fitView } from "../../../src/taskpane/overview/projection";
import type { DialogPoint } from "../../../src/taskpane/overview/dialogProtocol";
import { overviewStrings } from "../../../src/taskpane/strings/overview";
import { recordsFromChunk } from "../../../src/taskpane/overview/records";
import type { Issue } from "../../../src/validate/types";
import { callsOf, fakeServices } from "../fakeServices";
import { boundariesLoaded, renderPane } from "../render";

const point = (row: number, lat: number, lon: number, tier: DialogPoint["tier"], extra: Partial<DialogPoint> = {}): DialogPoint => ({
  lat,
  lon,
  tier,
  sheet: "Occurrence",
  row,
  name: `Species ${row}`,
  date: "2023-06-14",
  issues: tier === "none" ? [] : [`${tier} at row ${row}`],
  ...extra,
});

const POINTS = [
  point(2, 67.0, 32.55, "none"),
  point(3, 67.1, 32.7, "warning", { moveTo: { lat: 32.7, lon: 67.1 } }),
  point(4, 66.9, 33.1, "error"),
  point(5, 66.5, 33.4, "blocker"),
  point(6, 50.0, 50.0, "none"),
];
const BOX = { west: 32.55, east: 67.1, south: 32.7, north: 67.1 };

describe("OverviewMap", () => {
  it("draws one path per colour with its count, the fix arrow, and selects the row of the point clicked", () => {
    const onSelect = jest.fn();
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <OverviewMap points={POINTS} box={BOX} strings={overviewStrings("en")} width={300} height={220} onSelect={onSelect} />
      </FluentProvider>
    );
    const svg = container.querySelector("svg[data-points]")!;
    expect(svg.getAttribute("data-points")).toBe("5");
    const counts = Object.fromEntries([...svg.querySelectorAll("path[data-tier]")].map((p) => [p.getAttribute("data-tier"), Number(p.getAttribute("data-count"))]));
    expect(counts).toEqual({ none: 2, warning: 1, error: 1, blocker: 1 });
    for (const tier of ["none", "warning", "error", "blocker"] as const) {
      const p = svg.querySelector(`path[data-tier="${tier}"]`) as SVGPathElement;
      expect(p.style.fill).toBe(POINT_COLOURS[tier].fill);
    }
    expect(POINT_COLOURS.blocker.fill).not.toBe(POINT_COLOURS.warning.fill);
    const arrows = svg.querySelectorAll('line[data-layer="fix-arrow"]');
    expect(arrows).toHaveLength(1);
    expect(arrows[0].getAttribute("data-row")).toBe("3");

    // jsdom lays nothing out (the box is 0 wide): a click's coordinates are the drawing's own.
    const view = fitView(BOX, 300, 220);
    fireEvent.click(svg, { clientX: view.x(33.4), clientY: view.y(66.5) });
    expect(onSelect).toHaveBeenCalledWith("Occurrence", 5);
    expect(screen.getByRole("status").textContent).toContain("Species 5");
    expect(screen.getByRole("status").textContent).toContain("blocker at row 5");

    // Keyboard: from the blocker to the next worst (the error of row 4); Enter selects.
    fireEvent.keyDown(svg, { key: "ArrowRight" });
    fireEvent.keyDown(svg, { key: "Enter" });
    expect(onSelect).toHaveBeenLastCalledWith("Occurrence", 4);
    expect(screen.getByRole("status").textContent).toContain("error at row 4");
  });
});

describe("Validate tab: Map and Charts", () => {
  it("reads the records, colours them by the findings and selects rows from the map and the bars", async () => {
    const services = fakeServices();
    const headers = ["occurrenceID", "scientificName", "eventDate", "decimalLatitude", "decimalLongitude", "kingdom", "family", "basisOfRecord"];
    const rows = [
      ["o1", "Somateria mollissima", "2023-06-14", 67.0, 32.55, "Animalia", "Anatidae", "HumanObservation"],
      ["o2", "Larus argentatus", "2023-07-01", 32.6, 67.05, "Animalia", "Laridae", "HumanObservation"],
      ["o3", "Betula nana", "2022-07-02", 66.8, 33.0, "Plantae", "Betulaceae", "PreservedSpecimen"],
    ];
    services.overview = {
      sheets: [{ name: "Occurrence", rowTypeId: "occurrence", kind: "core", records: recordsFromChunk("Occurrence", headers, { startRow: 2, values: rows }) }],
      derivedBox: { west: 32.55, east: 67.05, south: 32.6, north: 67.0 },
    };
    const swapped: Issue = {
      ruleId: "coordinates-swapped",
      severity: "warning",
      sheet: "Occurrence",
      row: 3,
      column: 3,
      message: { en: "Latitude 32.6 and longitude 67.05 look swapped", ru: "перепутаны" },
      fix: {
        label: { en: "Swap", ru: "Поменять" },
        changes: [
          { sheet: "Occurrence", row: 3, column: 3, term: "decimalLatitude", from: "32.6", to: "67.05" },
          { sheet: "Occurrence", row: 3, column: 4, term: "decimalLongitude", from: "67.05", to: "32.6" },
        ],
      },
    };
    renderPane({ services });
    await boundariesLoaded(services);
    services.issues = [swapped];
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Warnings: 1");
    fireEvent.click(screen.getByRole("tab", { name: "Map" }));
    await screen.findByText("3 records on the map");
    const svg = document.querySelector("svg[data-points]")!;
    expect(svg.querySelector('path[data-tier="warning"]')!.getAttribute("data-count")).toBe("1");
    expect(svg.querySelector('path[data-tier="none"]')!.getAttribute("data-count")).toBe("2");
    expect(svg.querySelectorAll('line[data-layer="fix-arrow"]')).toHaveLength(1);
    expect(svg.querySelector('rect[data-layer="metadata-box"]')).not.toBeNull();

    // Charts: the Plantae bar selects row 4.
    fireEvent.click(screen.getByRole("tab", { name: "Charts" }));
    const kingdoms = await screen.findByRole("region", { name: "Records per kingdom" });
    fireEvent.click(within(kingdoms).getByRole("button", { name: /^Plantae: 1 record/ }));
    await waitFor(() => expect(callsOf(services, "selectRows")).toEqual([["Occurrence", [4]]]));
    expect(await screen.findByText("Selected 1 row in Occurrence")).toBeTruthy();
    expect(callsOf(services, "readOverview")).toHaveLength(1);
  }, 400_000);
});
