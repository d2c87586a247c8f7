/**
 * The real `AddinServices`: the Excel adapter (`src/excel`), the Darwin Core model, the validation engine and the
 * archive writer. Everything heavy is imported lazily, so the pane's first script stays small.
 */
import type { Lang, SheetTemplate } from "../../dwc/types";
import { asModelApi, type ModelApi } from "../model";
import type { AddinServices, FormatResult, InsertResult } from "../services";

const excel = () => import(/* webpackChunkName: "excel" */ "../../excel");
const model = (): Promise<ModelApi> => import(/* webpackChunkName: "model" */ "../../dwc").then(asModelApi);

/** Error for a capability the Excel adapter does not provide yet; names the missing export. */
const missing = (what: string): Error =>
  Object.assign(new Error(`This version of the add-in cannot ${what} yet (the Excel adapter lacks it).`), {
    code: "NotImplemented",
  });

/** Creates the services backed by Office.js. */
export function createOfficeServices(): AddinServices {
  return {
    loadModel: model,

    async insertTemplate(templates: SheetTemplate[], lang: Lang): Promise<InsertResult> {
      const { insertTemplate } = await excel();
      const sheets = await insertTemplate(templates, lang);
      return { sheets: sheets.map((s) => s.name) };
    },

    async formatActiveSheet(_lang: Lang): Promise<FormatResult> {
      throw missing("format the active sheet");
    },

    async watchSelection() {
      throw missing("follow the selection");
    },

    async validateWorkbook() {
      throw missing("validate the workbook");
    },

    async selectCell() {
      throw missing("select a cell");
    },

    async applyChanges() {
      throw missing("apply fixes");
    },

    async removeMarks() {
      throw missing("remove marks");
    },

    async loadMetadata() {
      return undefined;
    },

    async saveMetadata() {
      throw missing("store metadata in the workbook");
    },

    async deriveCoverage() {
      throw missing("derive coverage");
    },

    async exportArchive() {
      throw missing("export");
    },
  };
}
