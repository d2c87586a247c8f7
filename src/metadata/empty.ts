import type { Agent, DatasetMetadata } from "./types";

/** An agent with every field empty. */
export function emptyAgent(): Agent {
  return { givenName: "", surName: "", organization: "", position: "", email: "", orcid: "", role: "" };
}

/**
 * Metadata with nothing filled in except the IPT's defaults (metadata and data language `eng`, update frequency
 * `unknown`). Coverage parts start as `source: "data"`, so the first refresh fills them.
 */
export function emptyMetadata(): DatasetMetadata {
  return {
    title: "",
    description: "",
    metadataLanguage: "eng",
    dataLanguage: "eng",
    license: "",
    datasetType: "",
    updateFrequency: "unknown",
    updateDescription: "",
    creators: [],
    contacts: [],
    metadataProviders: [],
    publishingOrganization: "",
    keywords: [],
    purpose: "",
    homepage: "",
    citation: "",
    citationIdentifier: "",
    packageId: "",
    methods: { studyExtent: "", samplingDescription: "", steps: [], qualityControl: "" },
    project: {
      title: "",
      identifier: "",
      description: "",
      funding: "",
      studyAreaDescription: "",
      designDescription: "",
      personnel: [],
    },
    coverage: {
      geographic: { description: "", west: null, east: null, north: null, south: null, source: "data" },
      temporal: { begin: "", end: "", source: "data" },
      taxonomic: { description: "", taxa: [], source: "data" },
    },
  };
}

/** True when no field of the agent holds text. */
export function isEmptyAgent(a: Agent): boolean {
  return Object.values(a).every((v) => v.trim() === "");
}
