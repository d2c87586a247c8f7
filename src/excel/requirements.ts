/**
 * Requirement sets. The manifest asks for ExcelApi 1.9; everything the adapter calls is in 1.9 or older
 * (worksheets.onChanged/onSelectionChanged 1.9, dataValidation 1.8, getRangeByIndexes/freezePanes 1.7,
 * conditionalFormats 1.6, settings/names/getUsedRangeOrNullObject 1.4, functions 1.2). Check before anything newer.
 */

/** The minimum the add-in needs. */
export const MINIMUM_EXCEL_API = "1.9";

/** Whether the running Excel supports ExcelApi `version` (false outside Office). */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
}

/**
 * What the task pane shows when Excel is too old: null when the add-in can run, else the missing requirement
 * and a message in both languages.
 */
export function missingRequirement(): { requirement: string; message: { en: string; ru: string } } | null {
  if (supportsExcelApi(MINIMUM_EXCEL_API)) return null;
  return {
    requirement: `ExcelApi ${MINIMUM_EXCEL_API}`,
    message: {
      en: `This version of Excel does not support ExcelApi ${MINIMUM_EXCEL_API}, which the add-in needs. Use Excel 2019 or later, Microsoft 365 or Excel on the web.`,
      ru: `Эта версия Excel не поддерживает ExcelApi ${MINIMUM_EXCEL_API}, необходимый надстройке. Используйте Excel 2019 или новее, Microsoft 365 или Excel в браузере.`,
    },
  };
}
