/**
 * Every text value of the metadata with its field key, in a fixed order. Used to check all fields for characters
 * XML 1.0 forbids and for the Excel cell length limit, so that a new field cannot be forgotten by one of them.
 */
import { fieldValue } from "./paths";
import type { Agent, DatasetMetadata } from "./types";

/** A text value and the key of its field (as in the Metadata sheet). */
export interface TextField {
  key: string;
  value: string;
}

function agentFields(prefix: string, agents: readonly Agent[], out: TextField[]): void {
  agents.forEach((a, i) => {
    for (const [prop, value] of Object.entries(a)) out.push({ key: `${prefix}.${i + 1}.${prop}`, value });
  });
}

/** All text values of `meta` (empty ones included). */
export function textFields(meta: DatasetMetadata): TextField[] {
  const out: TextField[] = [];
  const push = (key: string, value: string): void => {
    out.push({ key, value });
  };
  // A scalar field, read where the one key-to-path map (paths.ts) says it lives.
  const text = (key: string): void => push(key, fieldValue(meta, key) as string);
  text("title");
  text("description");
  text("metadataLanguage");
  text("dataLanguage");
  meta.keywords.forEach((k) => push("keywords", k));
  text("purpose");
  text("homepage");
  text("publishingOrganization");
  agentFields("creator", meta.creators, out);
  agentFields("contact", meta.contacts, out);
  agentFields("metadataProvider", meta.metadataProviders, out);
  const c = meta.coverage;
  text("coverage.geographicDescription");
  text("coverage.beginDate");
  text("coverage.endDate");
  text("coverage.taxonomicDescription");
  c.taxonomic.taxa.forEach((t, i) => {
    push(`coverage.taxon.${i + 1}`, t.rank);
    push(`coverage.taxon.${i + 1}`, t.name);
    push(`coverage.taxon.${i + 1}`, t.commonName);
  });
  text("methods.studyExtent");
  text("methods.samplingDescription");
  meta.methods.steps.forEach((s, i) => push(`methods.step.${i + 1}`, s));
  text("methods.qualityControl");
  const p = meta.project;
  text("project.title");
  text("project.identifier");
  text("project.description");
  text("project.funding");
  text("project.studyAreaDescription");
  text("project.designDescription");
  agentFields("project.personnel", p.personnel, out);
  text("citation");
  text("citationIdentifier");
  text("packageId");
  text("updateDescription");
  return out;
}
