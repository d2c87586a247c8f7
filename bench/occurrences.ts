/**
 * The synthetic occurrences the export and import benchmarks run on: 30 Darwin Core columns of realistic text
 * (Russian and English places, people lists, a remark on every tenth row), one definition for both so that the two
 * benchmarks measure the same data.
 */
import type { CellValue } from "../src/dwc/table";

export const HEADERS = [
  "occurrenceID", "basisOfRecord", "scientificName", "eventDate", "year", "month", "day", "decimalLatitude",
  "decimalLongitude", "coordinateUncertaintyInMeters", "countryCode", "country", "stateProvince", "locality",
  "recordedBy", "individualCount", "sex", "lifeStage", "occurrenceStatus", "kingdom", "phylum", "class", "order",
  "family", "genus", "specificEpithet", "taxonRank", "institutionCode", "catalogNumber", "occurrenceRemarks",
];

const SPECIES = [
  ["Parus major", "Paridae", "Passeriformes", "Aves", "Chordata", "Animalia", "Parus", "major"],
  ["Picea abies", "Pinaceae", "Pinales", "Pinopsida", "Tracheophyta", "Plantae", "Picea", "abies"],
  ["Vulpes vulpes", "Canidae", "Carnivora", "Mammalia", "Chordata", "Animalia", "Vulpes", "vulpes"],
  ["Lagopus lagopus", "Phasianidae", "Galliformes", "Aves", "Chordata", "Animalia", "Lagopus", "lagopus"],
  ["Betula pendula", "Betulaceae", "Fagales", "Magnoliopsida", "Tracheophyta", "Plantae", "Betula", "pendula"],
];
const PLACES = [
  ["Мурманская область", "окр. пос. Умба, берег Белого моря"],
  ["Республика Карелия", "Кандалакшский залив, о. Великий"],
  ["Moscow Oblast", "Zvenigorod biological station, mixed forest"],
];
const PEOPLE = ["Иванов И.И.", "Петрова А.С. | Smith J.", "Кузнецов П.В."];

/**
 * Occurrence `i` (0-based) as spreadsheet cells: eventDate an Excel date serial (2004 to 2025), coordinates and
 * counts numbers, an empty remark null. `random` is the run's generator (see prng.ts), called the same number of
 * times for every row.
 */
export function occurrenceCells(i: number, random: () => number): CellValue[] {
  const s = SPECIES[i % SPECIES.length];
  const p = PLACES[(i >> 3) % PLACES.length];
  const serial = 38000 + Math.floor(random() * 8000);
  const day = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return [
    `urn:catalog:ZMMU:Aves:${String(i).padStart(7, "0")}`, "PreservedSpecimen", s[0], serial, day.getUTCFullYear(),
    day.getUTCMonth() + 1, day.getUTCDate(), Math.round((50 + random() * 20) * 1e5) / 1e5, Math.round((30 + random() * 40) * 1e5) / 1e5,
    1 + Math.floor(random() * 1000), "RU", "Россия", p[0], p[1], PEOPLE[i % PEOPLE.length], 1 + Math.floor(random() * 20),
    i % 2 ? "male" : "female", "adult", "present", s[5], s[4], s[3], s[2], s[1], s[6], s[7], "species", "ZMMU",
    `ZMMU-${i}`, i % 10 ? null : `примечание ${i}`,
  ];
}

/** Occurrence `i` as the text fields of a data file: the same values, eventDate as ISO 8601, empty as "". */
export function occurrenceFields(i: number, random: () => number): string[] {
  const cells = occurrenceCells(i, random);
  const date = `${cells[4]}-${String(cells[5]).padStart(2, "0")}-${String(cells[6]).padStart(2, "0")}`;
  return cells.map((v, c) => (c === 3 ? date : v === null ? "" : String(v)));
}
