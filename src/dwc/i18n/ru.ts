/**
 * Russian texts of the model, written for this project: the terms' (ru-terms.ts), the vocabulary values'
 * (ru-values.ts) and the blocks' names. Hand-written and committed; the generator never touches these files.
 */

export { RU_TERMS, type RuTermText } from "./ru-terms";
export { RU_VALUE_LABELS } from "./ru-values";

/** Russian names of the blocks (header cue and grouping in the task pane). */
export const RU_BLOCKS: Readonly<Record<string, string>> = {
  RECORD: "Запись",
  OCCURRENCE: "Находка",
  ORGANISM: "Организм",
  MATERIAL: "Образец",
  EVENT: "Событие",
  LOCATION: "Местонахождение",
  GEOLOGY: "Геология",
  IDENTIFICATION: "Определение",
  TAXON: "Таксон",
  MEASUREMENT: "Измерения",
  RELATIONSHIP: "Связи",
  OTHER: "Прочее",
};
