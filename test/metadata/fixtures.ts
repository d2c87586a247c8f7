/** Metadata built for tests: a complete record from examples/metadata.json, and small variations. */
import * as fs from "fs";
import { emptyAgent, emptyMetadata, parseMetadataJson } from "../../src/metadata";
import type { Agent, DatasetMetadata } from "../../src/metadata";
import { EXAMPLE_METADATA } from "./helpers";

/** examples/metadata.json, read with the JSON reader (fails the test if the example has problems). */
export function exampleMetadata(): DatasetMetadata {
  const { meta, problems } = parseMetadataJson(fs.readFileSync(EXAMPLE_METADATA, "utf8"));
  if (problems.length > 0) throw new Error(`examples/metadata.json: ${problems.map((p) => p.message.en).join("; ")}`);
  return meta;
}

export function agent(fields: Partial<Agent>): Agent {
  return { ...emptyAgent(), ...fields };
}

/** The least GBIF accepts: title, description, licence, type, one creator, one contact. */
export function minimalMetadata(): DatasetMetadata {
  const meta = emptyMetadata();
  meta.title = "Birds of the Oka reserve";
  meta.description = "Bird counts.";
  meta.license = "CC0-1.0";
  meta.datasetType = "samplingevent";
  meta.creators = [agent({ surName: "Smirnov" })];
  meta.contacts = [agent({ organization: "Oka State Nature Reserve" })];
  return meta;
}
