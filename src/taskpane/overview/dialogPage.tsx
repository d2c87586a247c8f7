/**
 * The large map's dialog page (`map-dialog.html`, its own webpack entry): waits for the pane's map (see
 * dialogProtocol), draws it with the pane's map component at the window's size, loads the basemap from the
 * add-in's own origin, and sends the row of a point clicked back to the pane.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { listenToParent, sendToParent } from "../../excel/dialog";
import { OverviewMap } from "../components/OverviewMap";
import { overviewStrings } from "../strings/overview";
import { mapCollector, selectMessage, type DialogMap } from "./dialogProtocol";
import type { Outline } from "./projection";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: tokens.spacingHorizontalM, boxSizing: "border-box", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The dialog's content once the map has arrived. */
export function LargeMap({ map, outlines, onSelect }: { map: DialogMap; outlines?: Outline[]; onSelect: (sheet: string, row: number) => void }) {
  const s = useStyles();
  const o = overviewStrings(map.lang);
  const width = Math.max(400, Math.floor(window.innerWidth - 32));
  const height = Math.max(300, Math.floor(window.innerHeight - 140));
  const box = map.points.reduce(
    (b, p) => ({
      west: Math.min(b.west, p.lon, p.moveTo?.lon ?? Infinity),
      east: Math.max(b.east, p.lon, p.moveTo?.lon ?? -Infinity),
      south: Math.min(b.south, p.lat, p.moveTo?.lat ?? Infinity),
      north: Math.max(b.north, p.lat, p.moveTo?.lat ?? -Infinity),
    }),
    { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity }
  );
  return (
    <div className={s.root}>
      <Text as="h1" weight="semibold" size={400}>
        {o.largeTitle}
      </Text>
      {map.points.length === 0 ? (
        <Text>{o.noPoints}</Text>
      ) : (
        <OverviewMap points={map.points} outlines={outlines} box={box} metadataBox={map.metadataBox} strings={o} width={width} height={height} onSelect={onSelect} />
      )}
    </div>
  );
}

function DialogApp() {
  const [map, setMap] = useState<DialogMap | undefined>(undefined);
  const [outlines, setOutlines] = useState<Outline[] | undefined>(undefined);
  useEffect(() => {
    const collect = mapCollector();
    listenToParent((m) => {
      const done = collect(m);
      if (done) setMap(done);
    }).catch((e: unknown) => console.error(`Map dialog: ${e instanceof Error ? e.message : String(e)}`));
    import("../../validate/bdq/geometry")
      .then(async (g) => {
        await g.loadBdqGeometry();
        setOutlines(g.countryOutlines());
      })
      .catch((e: unknown) => console.warn(`Map dialog basemap: ${e instanceof Error ? e.message : String(e)}`));
  }, []);
  const lang = map?.lang ?? (navigator.language.startsWith("ru") ? "ru" : "en");
  return (
    <FluentProvider theme={map?.dark ? webDarkTheme : webLightTheme}>
      {map ? <LargeMap map={map} outlines={outlines} onSelect={(sheet, row) => sendToParent(selectMessage(sheet, row))} /> : <Text>{overviewStrings(lang).dialogWaiting}</Text>}
    </FluentProvider>
  );
}

function start(): void {
  const el = document.getElementById("root");
  if (!el) throw new Error("map-dialog.html has no #root element");
  createRoot(el).render(<DialogApp />);
}

if (typeof Office === "undefined") start();
else void Office.onReady(() => start());
