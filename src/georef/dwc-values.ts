/**
 * The Darwin Core values a calculation fills in besides coordinateUncertaintyInMeters (Quick Reference Guide,
 * "Using Darwin Core"): georeferenceProtocol, georeferenceSources, georeferencedBy, georeferencedDate. The verbatim
 * terms are never touched.
 */
import type { CoordinateSource } from "./calculate";

/**
 * The protocol followed, cited as the Quick Reference Guide recommends for itself (Darwin Core's example value of
 * georeferenceProtocol).
 */
export const GEOREFERENCE_PROTOCOL =
  "Georeferencing Quick Reference Guide (Zermoglio et al. 2020, https://doi.org/10.35035/e09p-h128)";

/** Names the tool in georeferenceSources, after the resources themselves. */
export const GEOREFERENCE_TOOL =
  "dwc-excel georef (point-radius calculation after the Georeferencing Calculator, Wieczorek & Wieczorek 2020)";

/** How a map scale denominator is written in georeferenceSources: 24000 → "1:24,000". */
export function formatMapScale(denominator: number): string {
  return `1:${denominator.toLocaleString("en-US")}`;
}

/**
 * georeferenceSources for a calculation: the kind of resource the coordinates came from (with the map scale) and
 * the tool, separated by " | " as Darwin Core recommends for lists. `resource` names the specific map, gazetteer or
 * receiver when known ("USGS 1:24000 Florence Montana Quad"); without a source, only the tool is named. `tool`
 * names the calculator used (default {@link GEOREFERENCE_TOOL}).
 */
export function georeferenceSources(
  source: CoordinateSource | undefined,
  options: { mapScale?: number; resource?: string; tool?: string } = {}
): string {
  const kind =
    source &&
    {
      gps: "GPS",
      map: options.mapScale ? `map ${formatMapScale(options.mapScale)}` : "map",
      gazetteer: "gazetteer",
      description: "locality description",
    }[source];
  return [options.resource?.trim() || kind, options.tool ?? GEOREFERENCE_TOOL].filter(Boolean).join(" | ");
}

/** The values to fill on the user's say-so, by Darwin Core term. */
export interface GeoreferenceValues {
  coordinateUncertaintyInMeters: string;
  georeferenceProtocol: string;
  georeferenceSources: string;
  georeferencedDate: string;
  georeferencedBy?: string;
}

/**
 * The Darwin Core values of a georeference: the uncertainty as whole metres, the protocol, the sources, the date
 * (ISO 8601 day of `date`) and who georeferenced, when given.
 */
export function georeferenceValues(
  uncertaintyMeters: number,
  source: CoordinateSource | undefined,
  options: { date: Date; mapScale?: number; resource?: string; georeferencedBy?: string; tool?: string }
): GeoreferenceValues {
  const values: GeoreferenceValues = {
    coordinateUncertaintyInMeters: String(uncertaintyMeters),
    georeferenceProtocol: GEOREFERENCE_PROTOCOL,
    georeferenceSources: georeferenceSources(source, options),
    georeferencedDate: options.date.toISOString().slice(0, 10),
  };
  const by = options.georeferencedBy?.trim();
  if (by) values.georeferencedBy = by;
  return values;
}
