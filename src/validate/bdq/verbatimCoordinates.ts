/**
 * Reading verbatim geographic coordinates as decimal degrees: decimal degrees (`-23.712`), degrees and decimal
 * minutes or minutes and seconds written with symbols (`23°42.72'S`) or words (`23 degrees 42.72 minutes
 * south`), with a hemisphere letter or word or a sign. Grid systems such as UTM (`54K 0390210 7377243`) are not
 * geographic coordinates and are rejected.
 */

/** One coordinate: its value in degrees and the axis its hemisphere names, if any. */
export interface VerbatimCoordinate {
  degrees: number;
  axis: "lat" | "lon" | undefined;
}

const HEMISPHERE: Record<string, { axis: "lat" | "lon"; sign: 1 | -1 }> = {
  n: { axis: "lat", sign: 1 },
  north: { axis: "lat", sign: 1 },
  s: { axis: "lat", sign: -1 },
  south: { axis: "lat", sign: -1 },
  e: { axis: "lon", sign: 1 },
  east: { axis: "lon", sign: 1 },
  w: { axis: "lon", sign: -1 },
  west: { axis: "lon", sign: -1 },
};

const UNIT_WORDS: Record<string, "d" | "m" | "s"> = {
  "°": "d",
  º: "d",
  d: "d",
  deg: "d",
  degs: "d",
  degree: "d",
  degrees: "d",
  "'": "m",
  "′": "m",
  "’": "m",
  min: "m",
  mins: "m",
  minute: "m",
  minutes: "m",
  '"': "s",
  "″": "s",
  "''": "s",
  "”": "s",
  sec: "s",
  secs: "s",
  second: "s",
  seconds: "s",
};

const TOKEN = /[+-]?\d+(?:[.,]\d+)?|[a-z]+|''|[°º'′’"″”]/gi;

/** Parses one coordinate; undefined when the text holds anything else. */
export function parseCoordinate(text: string): VerbatimCoordinate | undefined {
  const cleaned = text.trim().toLowerCase();
  if (cleaned === "") return undefined;
  const tokens = cleaned.match(TOKEN) ?? [];
  // Everything but the tokens must be white space or separators.
  if (cleaned.replace(TOKEN, "").replace(/[\s,;:]/g, "") !== "") return undefined;
  const numbers: number[] = [];
  const units: ("d" | "m" | "s" | undefined)[] = [];
  let hemisphere: { axis: "lat" | "lon"; sign: 1 | -1 } | undefined;
  for (const t of tokens) {
    if (/\d/.test(t)) {
      numbers.push(Number(t.replace(",", ".")));
      units.push(undefined);
    } else if (t in UNIT_WORDS) {
      if (units.length === 0 || units[units.length - 1] !== undefined) return undefined;
      units[units.length - 1] = UNIT_WORDS[t];
    } else if (t in HEMISPHERE) {
      if (hemisphere) return undefined;
      hemisphere = HEMISPHERE[t];
    } else return undefined;
  }
  if (numbers.length === 0 || numbers.length > 3) return undefined;
  const expected: ("d" | "m" | "s")[] = ["d", "m", "s"];
  for (let i = 0; i < units.length; i++) if (units[i] !== undefined && units[i] !== expected[i]) return undefined;
  if (numbers.slice(1).some((n) => n < 0 || n >= 60)) return undefined;
  const negative = numbers[0] < 0 || Object.is(numbers[0], -0);
  let value = Math.abs(numbers[0]) + (numbers[1] ?? 0) / 60 + (numbers[2] ?? 0) / 3600;
  if (negative) value = -value;
  if (hemisphere) {
    if (negative) return undefined;
    value *= hemisphere.sign;
  }
  return { degrees: value, axis: hemisphere?.axis };
}

/** A latitude/longitude pair in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * Parses a verbatimCoordinates value holding a latitude and a longitude, in either order when hemispheres or
 * ranges make the order clear (`139.92, -23.712` is longitude first: 139.92 cannot be a latitude).
 */
export function parseCoordinatePair(text: string): LatLon | undefined {
  const t = text.trim();
  let parts: string[] | undefined;
  const comma = t.split(/\s*[,;]\s*/);
  if (comma.length === 2) parts = comma;
  else {
    // Split after the first hemisphere word/letter: "23 degrees 42.72 minutes south 140 degrees 30 minutes east".
    const m = /^(.*?\b(?:north|south|n|s)\b)\s*(.+)$/i.exec(t) ?? /^(.*?\b(?:east|west|e|w)\b)\s*(.+)$/i.exec(t);
    if (m) parts = [m[1], m[2]];
    else {
      const ws = t.split(/\s+/);
      if (ws.length === 2) parts = ws;
    }
  }
  if (!parts) return undefined;
  const a = parseCoordinate(parts[0]);
  const b = parseCoordinate(parts[1]);
  if (!a || !b) return undefined;
  let lat: VerbatimCoordinate;
  let lon: VerbatimCoordinate;
  if (a.axis === "lon" || b.axis === "lat") [lat, lon] = [b, a];
  else if (a.axis === "lat" || b.axis === "lon") [lat, lon] = [a, b];
  else if (Math.abs(a.degrees) > 90 && Math.abs(b.degrees) <= 90) [lat, lon] = [b, a];
  else [lat, lon] = [a, b];
  if (lat.axis === "lon" || lon.axis === "lat") return undefined;
  if (Math.abs(lat.degrees) > 90 || Math.abs(lon.degrees) > 180) return undefined;
  return { lat: lat.degrees, lon: lon.degrees };
}
