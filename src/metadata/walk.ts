/**
 * Every text value of the metadata with its field key, in a fixed order. Used to check all fields for characters
 * XML 1.0 forbids and for the Excel cell length limit, so that a new field cannot be forgotten by one of them.
 */
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
  push("title", meta.title);
  push("description", meta.description);
  push("metadataLanguage", meta.metadataLanguage);
  push("dataLanguage", meta.dataLanguage);
  meta.keywords.forEach((k) => push("keywords", k));
  push("purpose", meta.purpose);
  push("homepage", meta.homepage);
  push("publishingOrganization", meta.publishingOrganization);
  agentFields("creator", meta.creators, out);
  agentFields("contact", meta.contacts, out);
  agentFields("metadataProvider", meta.metadataProviders, out);
  const c = meta.coverage;
  push("coverage.geographicDescription", c.geographic.description);
  push("coverage.beginDate", c.temporal.begin);
  push("coverage.endDate", c.temporal.end);
  push("coverage.taxonomicDescription", c.taxonomic.description);
  c.taxonomic.taxa.forEach((t, i) => {
    push(`coverage.taxon.${i + 1}`, t.rank);
    push(`coverage.taxon.${i + 1}`, t.name);
    push(`coverage.taxon.${i + 1}`, t.commonName);
  });
  push("methods.studyExtent", meta.methods.studyExtent);
  push("methods.samplingDescription", meta.methods.samplingDescription);
  meta.methods.steps.forEach((s, i) => push(`methods.step.${i + 1}`, s));
  push("methods.qualityControl", meta.methods.qualityControl);
  const p = meta.project;
  push("project.title", p.title);
  push("project.identifier", p.identifier);
  push("project.description", p.description);
  push("project.funding", p.funding);
  push("project.studyAreaDescription", p.studyAreaDescription);
  push("project.designDescription", p.designDescription);
  agentFields("project.personnel", p.personnel, out);
  push("citation", meta.citation);
  push("citationIdentifier", meta.citationIdentifier);
  push("packageId", meta.packageId);
  push("updateDescription", meta.updateDescription);
  return out;
}
