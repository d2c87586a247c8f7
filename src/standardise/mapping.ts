/**
 * Mappings as data: `{ version: 1, datasetClass, columns: [{ header, term, action }] }`, written as JSON next to the
 * data and applied again to the next table from the same source after checking that its headers still fit.
 */
import { getTerm } from "../dwc";
import type { DatasetClass } from "../dwc/types";
import type { ColumnAction, MappingProposal, MappingRecheck, SavedColumn, SavedMapping } from "./types";

const CLASSES: readonly DatasetClass[] = ["occurrence", "event", "checklist"];
const ACTIONS: readonly ColumnAction[] = ["map", "verbatim", "leave-out"];

/** A saved mapping that cannot be used, with what is wrong (`columns[3].term: "eventDat" is not a term`). */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MappingError";
  }
}

/** The mapping of a proposal, as saved: header, term and action of each column. */
export function toSavedMapping(proposal: MappingProposal): SavedMapping {
  return {
    version: 1,
    datasetClass: proposal.datasetClass,
    columns: proposal.columns.map((c) => ({ header: c.header, term: c.term, action: c.action })),
  };
}

function column(raw: unknown, i: number): SavedColumn {
  const where = `columns[${i}]`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new MappingError(`${where}: expected an object`);
  const c = raw as Record<string, unknown>;
  if (typeof c.header !== "string") throw new MappingError(`${where}.header: expected text`);
  if (c.term !== null && typeof c.term !== "string")
    throw new MappingError(`${where}.term: expected a term name or null`);
  const action = c.action ?? (c.term ? "map" : "leave-out");
  if (!ACTIONS.includes(action as ColumnAction)) {
    throw new MappingError(`${where}.action: expected ${ACTIONS.join(", ")} (got ${JSON.stringify(c.action)})`);
  }
  let term: string | null = null;
  if (typeof c.term === "string" && c.term.trim() !== "") {
    const t = getTerm(c.term);
    if (!t || t.rdfType !== "property") throw new MappingError(`${where}.term: "${c.term}" is not a Darwin Core term`);
    term = t.name;
  }
  return { header: c.header, term, action: term ? (action as ColumnAction) : "leave-out" };
}

/**
 * A saved mapping read from parsed JSON, checked: version 1, a dataset class, and for each column a header, a
 * Darwin Core term (or null) and an action. Term names are corrected to the standard's case. Throws
 * {@link MappingError} naming the first problem.
 */
export function parseSavedMapping(json: unknown): SavedMapping {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new MappingError("expected a JSON object");
  const m = json as Record<string, unknown>;
  if (m.version !== 1) throw new MappingError(`version: expected 1 (got ${JSON.stringify(m.version)})`);
  if (!CLASSES.includes(m.datasetClass as DatasetClass)) {
    throw new MappingError(`datasetClass: expected ${CLASSES.join(", ")} (got ${JSON.stringify(m.datasetClass)})`);
  }
  if (!Array.isArray(m.columns)) throw new MappingError("columns: expected a list");
  return { version: 1, datasetClass: m.datasetClass as DatasetClass, columns: m.columns.map(column) };
}

/**
 * How a saved mapping fits new headers: saved headers the table lacks, and headers of the table the mapping does
 * not mention (their cells would be left out). Headers are compared after trimming; repeated headers count.
 *
 * @example recheckMapping(saved, ["Вид", "Дата", "Пол"]) // { missing: ["Широта"], unmapped: ["Пол"], ok: false }
 */
export function recheckMapping(saved: SavedMapping, newHeaders: readonly string[]): MappingRecheck {
  const pool = newHeaders.map((h) => h.trim());
  const missing: string[] = [];
  for (const c of saved.columns) {
    const i = pool.indexOf(c.header.trim());
    if (i < 0) missing.push(c.header);
    else pool[i] = "\u0000";
  }
  const unmapped = newHeaders.filter((_, i) => pool[i] !== "\u0000");
  return { missing, unmapped, ok: missing.length === 0 && unmapped.length === 0 };
}
