/** Display names of the blocks a column belongs to. */
import { RU_BLOCKS } from "./i18n/ru";
import type { Block, Lang } from "./types";

const EN_BLOCKS: Readonly<Record<Block, string>> = {
  RECORD: "Record",
  OCCURRENCE: "Occurrence",
  ORGANISM: "Organism",
  MATERIAL: "Material",
  EVENT: "Event",
  LOCATION: "Location",
  GEOLOGY: "Geological context",
  IDENTIFICATION: "Identification",
  TAXON: "Taxon",
  MEASUREMENT: "Measurement or fact",
  RELATIONSHIP: "Relationship",
  OTHER: "Other",
};

/** The block's name in the interface language, e.g. blockLabel("LOCATION", "ru") === "Местонахождение". */
export function blockLabel(block: Block, lang: Lang): string {
  return lang === "ru" ? (RU_BLOCKS[block] ?? EN_BLOCKS[block]) : EN_BLOCKS[block];
}
