/**
 * The part of the Darwin Core model (`src/dwc`) the task pane uses. The pane loads the model lazily (its term
 * definitions and vocabularies are large) through `AddinServices.loadModel`, which returns `import("../dwc")`.
 */
import type {
  DatasetClass,
  Lang,
  Preset,
  RowTypeDef,
  SheetTemplate,
  TermDef,
  Text2,
  Vocabulary,
} from "../dwc/types";

/** Help text of one term in one language. */
export interface TermHelpText {
  label: string;
  definition: string;
  comments: string;
  examples: string[];
}

/** The model functions the pane calls (a structural subset of `src/dwc/index.ts`). */
export interface ModelApi {
  readonly terms: readonly TermDef[];
  getTerm(nameOrIri: string): TermDef | undefined;
  getRowType(id: string): RowTypeDef | undefined;
  getVocabulary(id: string): Vocabulary | undefined;
  vocabularyIdFor(rowTypeId: string, term: string): string | undefined;
  termHelp(term: string, lang: Lang): TermHelpText | undefined;
  buildTemplate(datasetClass: DatasetClass, preset: Preset): SheetTemplate[];
  extensionTemplate(rowTypeId: string, datasetClass: DatasetClass): SheetTemplate;
  /** Extension sheets a user can add, with their titles and the dataset classes they fit. */
  readonly EXTENSION_CHOICES: readonly { rowTypeId: string; title: Text2; datasetClasses: readonly DatasetClass[] }[];
}

const REQUIRED: (keyof ModelApi)[] = [
  "terms",
  "getTerm",
  "getRowType",
  "getVocabulary",
  "vocabularyIdFor",
  "termHelp",
  "buildTemplate",
  "extensionTemplate",
  "EXTENSION_CHOICES",
];

/** Checks that a loaded module has every function the pane calls; throws naming the missing ones. */
export function asModelApi(m: object): ModelApi {
  const missing = REQUIRED.filter((k) => !(k in m));
  if (missing.length > 0) throw new Error(`The Darwin Core model lacks ${missing.join(", ")} (src/dwc/index.ts)`);
  return m as ModelApi;
}

/** Loads the real model (a separate chunk in the bundle). */
export const loadRealModel = (): Promise<ModelApi> => import("../dwc").then(asModelApi);
