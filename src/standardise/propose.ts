/**
 * Proposing a Darwin Core term for each column of a data holder's table: the header says what the column is, the
 * sample values confirm it, correct it (a `Вид` column of Russian names is vernacularName) or, for a header
 * nothing matches, suggest a term on their own. Ambiguous proposals are left out until the user decides.
 */
import type { DatasetClass, Text2 } from "../dwc/types";
import { MULTI_VALUE_TERMS } from "./dictionary";
import { matchHeader, type HeaderMatch } from "./headers";
import type { ColumnAction, ColumnProposal, Confidence, MappingProposal, RawCell, ValueKind } from "./types";
import { cellText, KIND_TEXT, profileValues, shareOf, type ValueProfile } from "./values";

/** Value kinds that agree with a term, for the terms whose values can be checked. */
const EXPECTED: Readonly<Record<string, readonly ValueKind[]>> = {
  eventDate: ["date"],
  dateIdentified: ["date"],
  modified: ["date"],
  georeferencedDate: ["date"],
  verbatimEventDate: ["date"],
  decimalLatitude: ["latitude", "number", "coordinate"],
  decimalLongitude: ["longitude", "number", "coordinate"],
  verbatimLatitude: ["latitude", "number", "coordinate"],
  verbatimLongitude: ["longitude", "number", "coordinate"],
  verbatimCoordinates: ["coordinatePair"],
  minimumElevationInMeters: ["integer", "number", "numberRange"],
  maximumElevationInMeters: ["integer", "number"],
  minimumDepthInMeters: ["integer", "number", "numberRange"],
  maximumDepthInMeters: ["integer", "number"],
  verbatimElevation: ["integer", "number", "numberRange"],
  verbatimDepth: ["integer", "number", "numberRange"],
  coordinateUncertaintyInMeters: ["integer", "number"],
  individualCount: ["integer"],
  year: ["integer"],
  month: ["integer"],
  day: ["integer"],
  sex: ["sex"],
  lifeStage: ["lifeStage"],
  basisOfRecord: ["basisOfRecord"],
  countryCode: ["countryCode"],
  country: ["countryName"],
  scientificName: ["latinName", "latinWord"],
  genus: ["latinWord"],
  family: ["latinWord"],
  order: ["latinWord"],
  class: ["latinWord"],
  phylum: ["latinWord"],
  kingdom: ["latinWord"],
  specificEpithet: ["epithet"],
  infraspecificEpithet: ["epithet"],
};

/** When the values disagree with the header's term: the term they point to instead, by the kinds they are. */
const OVERRIDES: Readonly<Record<string, readonly (readonly [readonly ValueKind[], string])[]>> = {
  decimalLatitude: [
    [["coordinatePair"], "verbatimCoordinates"],
    [["text", "cyrillicText"], "verbatimLatitude"],
  ],
  decimalLongitude: [
    [["coordinatePair"], "verbatimCoordinates"],
    [["text", "cyrillicText"], "verbatimLongitude"],
  ],
  scientificName: [
    [["epithet"], "specificEpithet"],
    [["cyrillicText"], "vernacularName"],
  ],
  individualCount: [[["number", "numberRange", "text", "cyrillicText", "latinWord", "epithet"], "organismQuantity"]],
  country: [[["countryCode"], "countryCode"]],
  countryCode: [[["countryName"], "country"]],
  eventDate: [[["text", "cyrillicText", "integer", "numberRange"], "verbatimEventDate"]],
  minimumElevationInMeters: [[["text", "cyrillicText"], "verbatimElevation"]],
  minimumDepthInMeters: [[["text", "cyrillicText"], "verbatimDepth"]],
};

/** Terms the values alone may suggest (at least 80% of them), for a header that matches nothing. */
const BY_VALUES: readonly (readonly [ValueKind, string])[] = [
  ["coordinatePair", "verbatimCoordinates"],
  ["latitude", "decimalLatitude"],
  ["longitude", "decimalLongitude"],
  ["date", "eventDate"],
  ["sex", "sex"],
  ["lifeStage", "lifeStage"],
  ["basisOfRecord", "basisOfRecord"],
  ["countryCode", "countryCode"],
  ["countryName", "country"],
  ["latinName", "scientificName"],
];

/** Verbatim terms whose convertible values also give the standard term (see applyMapping). */
const DERIVING = new Set([
  "verbatimEventDate",
  "verbatimCoordinates",
  "verbatimLatitude",
  "verbatimLongitude",
  "verbatimElevation",
  "verbatimDepth",
]);

const AGREE = 0.8;
const ID_TERMS = new Set(["occurrenceID", "eventID", "taxonID"]);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

interface Decision {
  term: string | null;
  confidence: Confidence;
  reason: Text2;
  alternatives: string[];
}

function headerReason(header: string, m: HeaderMatch | undefined, term: string | null): Text2 {
  const t = term ?? "";
  if (!m) return { en: "the header matches no term", ru: "заголовок не похож ни на один термин" };
  const unit = m.unit
    ? { en: ` (unit in the header: ${m.unit})`, ru: ` (единица в заголовке: ${m.unit})` }
    : { en: "", ru: "" };
  const text: Record<HeaderMatch["strength"], Text2> = {
    exact: { en: `the header is the term ${t}`, ru: `заголовок — термин ${t}` },
    dictionary: { en: `"${header}" is how data holders write ${t}`, ru: `«${header}» — так обычно называют ${t}` },
    label: { en: `"${header}" is the label of ${t}`, ru: `«${header}» — название термина ${t}` },
    partial: { en: `the header contains "${m.matched}"`, ru: `в заголовке есть «${m.matched}»` },
    fuzzy: { en: `the header is close to "${m.matched}"`, ru: `заголовок похож на «${m.matched}»` },
  };
  return { en: text[m.strength].en + unit.en, ru: text[m.strength].ru + unit.ru };
}

function valuesReason(p: ValueProfile, kinds: readonly ValueKind[] | undefined): Text2 {
  if (p.filled === 0) return { en: "no values to check", ru: "значений для проверки нет" };
  const kind = kinds && kinds.length > 0 ? (kinds.includes(p.dominant) ? p.dominant : kinds[0]) : p.dominant;
  const share = pct(shareOf(p, kinds ?? [p.dominant]));
  return {
    en: `${share} of the sampled values are ${KIND_TEXT[kind].en}`,
    ru: `${share} значений в выборке — ${KIND_TEXT[kind].ru}`,
  };
}

const join = (a: Text2, b: Text2): Text2 => ({ en: `${a.en}; ${b.en}`, ru: `${a.ru}; ${b.ru}` });

/** A term for values alone, when the header matched nothing. */
function byValues(p: ValueProfile): Decision {
  for (const [kind, term] of BY_VALUES) {
    if (p.filled >= 2 && shareOf(p, [kind]) >= AGREE) {
      return {
        term,
        confidence: "likely",
        reason: join(headerReason("", undefined, null), valuesReason(p, [kind])),
        alternatives: [],
      };
    }
  }
  return {
    term: null,
    confidence: "ambiguous",
    reason: join(headerReason("", undefined, null), valuesReason(p, undefined)),
    alternatives: [],
  };
}

/** The header's candidate the values agree with most (the first one on a tie or without values). */
function bestCandidate(candidates: string[], p: ValueProfile): { term: string; share: number; decided: boolean } {
  // A record id is unique, and whole numbers or codes rather than decimals.
  const idShare = (): number => (p.filled > 1 && p.unique ? 1 - shareOf(p, ["number", "coordinate", "date"]) : 0);
  const score = (term: string): number =>
    ID_TERMS.has(term) ? (candidates.length > 1 ? idShare() : -1) : EXPECTED[term] ? shareOf(p, EXPECTED[term]) : -1;
  const scored = candidates.map((term) => ({ term, share: score(term) }));
  const sorted = [...scored].sort((a, b) => b.share - a.share);
  const decided = candidates.length === 1 || (sorted[0].share >= AGREE && sorted[1].share < 0.5);
  return { ...(decided ? sorted[0] : scored[0]), decided };
}

/** The decision for a column whose header matched: confirmed, weakened or overridden by the values. */
function byHeader(header: string, m: HeaderMatch, p: ValueProfile): Decision {
  const pick = bestCandidate(m.terms, p);
  const others = m.terms.filter((t) => t !== pick.term);
  const expected = EXPECTED[pick.term];
  const strong = m.strength === "exact" || m.strength === "dictionary" || m.strength === "label";
  const shortHeader = header.trim().replace(/[^\p{L}\p{N}]/gu, "").length <= 2;
  const hReason = headerReason(header, m, pick.term);
  if (!pick.decided) {
    return {
      term: pick.term,
      confidence: "ambiguous",
      reason: join(hReason, {
        en: `it could also be ${others.join(", ")}`,
        ru: `это может быть и ${others.join(", ")}`,
      }),
      alternatives: others,
    };
  }
  if (m.unit && m.unit !== "m" && /InMeters$/.test(pick.term)) {
    const verbatim = pick.term.includes("Depth")
      ? "verbatimDepth"
      : pick.term.includes("Elevation")
        ? "verbatimElevation"
        : null;
    const unitReason = { en: `values are in ${m.unit}, not metres`, ru: `значения в ${m.unit}, а не в метрах` };
    return {
      term: verbatim,
      confidence: verbatim ? "likely" : "ambiguous",
      reason: join(hReason, unitReason),
      alternatives: [pick.term],
    };
  }
  if (!expected || p.filled === 0) {
    const confidence: Confidence = strong && !shortHeader && (!expected || p.filled === 0) ? "confident" : "likely";
    if (shortHeader && expected && p.filled === 0)
      return {
        term: pick.term,
        confidence: "ambiguous",
        reason: join(hReason, valuesReason(p, expected)),
        alternatives: others,
      };
    return {
      term: pick.term,
      confidence,
      reason: expected ? join(hReason, valuesReason(p, expected)) : hReason,
      alternatives: others,
    };
  }
  const share = shareOf(p, expected);
  if (share >= AGREE) {
    const confidence: Confidence = strong || (m.strength === "partial" && share === 1) ? "confident" : "likely";
    return { term: pick.term, confidence, reason: join(hReason, valuesReason(p, expected)), alternatives: others };
  }
  for (const [kinds, term] of OVERRIDES[pick.term] ?? []) {
    if (shareOf(p, kinds) >= 0.5) {
      const why = { en: `but ${valuesReason(p, kinds).en}: ${term}`, ru: `но ${valuesReason(p, kinds).ru}: ${term}` };
      return { term, confidence: "likely", reason: join(hReason, why), alternatives: [pick.term, ...others] };
    }
  }
  if (share >= 0.5)
    return {
      term: pick.term,
      confidence: "likely",
      reason: join(hReason, valuesReason(p, expected)),
      alternatives: others,
    };
  return {
    term: pick.term,
    confidence: "ambiguous",
    reason: join(hReason, valuesReason(p, expected)),
    alternatives: others,
  };
}

/** What to do with a column: ambiguous proposals and no term are left out; verbatim terms copy unless they derive. */
function actionFor(d: Decision, p: ValueProfile): ColumnAction {
  if (d.term === null || d.confidence === "ambiguous") return "leave-out";
  if (!d.term.startsWith("verbatim")) return "map";
  const expected = EXPECTED[d.term];
  return DERIVING.has(d.term) && expected && shareOf(p, expected) >= 0.5 ? "map" : "verbatim";
}

/**
 * The dataset class a table's terms point to: a checklist when it names taxa but no dates, places or collectors;
 * sampling events when it has event ids and sampling terms; occurrences otherwise.
 */
export function guessDatasetClass(termsUsed: readonly string[]): { datasetClass: DatasetClass; reason: Text2 } {
  const has = (...t: string[]): boolean => t.some((x) => termsUsed.includes(x));
  const taxon = has("scientificName", "taxonID", "genus", "family", "acceptedNameUsage", "taxonRank");
  const record = has(
    "eventDate",
    "verbatimEventDate",
    "year",
    "decimalLatitude",
    "verbatimCoordinates",
    "locality",
    "recordedBy",
    "catalogNumber",
    "individualCount"
  );
  if (taxon && !record) {
    return {
      datasetClass: "checklist",
      reason: { en: "taxa without dates, places or collectors", ru: "таксоны без дат, мест и коллекторов" },
    };
  }
  if (
    has("eventID", "parentEventID") &&
    (has("samplingEffort", "sampleSizeValue") || (has("samplingProtocol") && has("organismQuantity")))
  ) {
    return {
      datasetClass: "event",
      reason: {
        en: "event ids with sampling effort or abundances",
        ru: "идентификаторы событий с усилием сбора или обилием",
      },
    };
  }
  return {
    datasetClass: "occurrence",
    reason: { en: "records of taxa at places and dates", ru: "находки таксонов с местом и датой" },
  };
}

/** Leaves a term to one column: others mapped to it are left out and told why (multi-value terms are joined). */
function settleDuplicates(columns: ColumnProposal[]): void {
  const rank: Record<Confidence, number> = { confident: 0, likely: 1, ambiguous: 2 };
  const byTerm = new Map<string, ColumnProposal[]>();
  for (const c of columns)
    if (c.term && c.action !== "leave-out") byTerm.set(c.term, [...(byTerm.get(c.term) ?? []), c]);
  for (const [term, list] of byTerm) {
    if (list.length < 2) continue;
    if (MULTI_VALUE_TERMS.has(term)) {
      for (const c of list)
        c.reason = join(c.reason, {
          en: `joined with the other ${term} columns by " | "`,
          ru: `объединяется с другими столбцами ${term} через « | »`,
        });
      continue;
    }
    const keep = [...list].sort((a, b) => rank[a.confidence] - rank[b.confidence] || a.index - b.index)[0];
    for (const c of list) {
      if (c === keep) continue;
      c.alternatives = [term, ...c.alternatives.filter((t) => t !== term)];
      c.term = null;
      c.confidence = "ambiguous";
      c.action = "leave-out";
      c.reason = join(c.reason, {
        en: `column "${keep.header}" already gives ${term}`,
        ru: `${term} уже даёт столбец «${keep.header}»`,
      });
    }
  }
}

/** Proposals for every column, for a given dataset class. */
function proposeColumns(
  headers: readonly string[],
  sampleRows: readonly (readonly RawCell[])[],
  cls: DatasetClass
): ColumnProposal[] {
  const columns = headers.map((header, index): ColumnProposal => {
    const profile = profileValues(sampleRows.map((r) => cellText(r[index])));
    const m = header.trim() === "" ? undefined : matchHeader(header, cls);
    const d = m ? byHeader(header, m, profile) : byValues(profile);
    return {
      index,
      header,
      term: d.term,
      confidence: d.confidence,
      action: actionFor(d, profile),
      reason: d.reason,
      values: profile.dominant,
      alternatives: d.alternatives,
    };
  });
  settleDuplicates(columns);
  return columns;
}

/**
 * Proposes a Darwin Core term, a confidence, a reason (EN and RU) and an action for each column of a table, and
 * the dataset class (given, or guessed from the terms found). `sampleRows` are data rows (no header), any number;
 * a few hundred are plenty.
 *
 * @example
 * proposeMapping(["Вид", "Дата", "Широта", "Долгота"], [["Parus major", "23.06.2012", "55,75", "37,62"]]).columns[1]
 * // { header: "Дата", term: "eventDate", confidence: "confident", action: "map", … }
 */
export function proposeMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly RawCell[])[],
  datasetClass?: DatasetClass
): MappingProposal {
  if (datasetClass) {
    return {
      datasetClass,
      datasetClassReason: { en: "given", ru: "задан" },
      columns: proposeColumns(headers, sampleRows, datasetClass),
    };
  }
  const first = proposeColumns(headers, sampleRows, "occurrence");
  const guess = guessDatasetClass(first.flatMap((c) => (c.term && c.action !== "leave-out" ? [c.term] : [])));
  const columns = guess.datasetClass === "occurrence" ? first : proposeColumns(headers, sampleRows, guess.datasetClass);
  return { datasetClass: guess.datasetClass, datasetClassReason: guess.reason, columns };
}
