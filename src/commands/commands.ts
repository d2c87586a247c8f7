/**
 * Ribbon commands (commands.html, the manifest's FunctionFile). "Validate" checks every dataset sheet and marks
 * the problems in the workbook, without opening the task pane, with the country and sea boundaries loaded first
 * (geography checks are on by default, as in the pane).
 */
import { createOfficeServices } from "../taskpane/services/officeServices";

/** Runs whole-workbook validation; Excel shows the marks. Always completes the event, also on failure. */
export async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const services = createOfficeServices();
    await services
      .loadGeography()
      .catch((e: unknown) => console.warn(`Validate (ribbon): country boundaries not loaded: ${e instanceof Error ? e.message : String(e)}`));
    await services.validateWorkbook({ signal: new AbortController().signal, onProgress: () => undefined });
  } catch (e) {
    // A ribbon command has no UI of its own: the error goes to the console (F12 tools) with its context.
    console.error(`Validate (ribbon): ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Office.actions exists on current hosts; older ones (Excel 2019) look the function up on the global object.
  if (typeof Office.actions?.associate === "function") Office.actions.associate("validateWorkbook", validateWorkbook);
  else (globalThis as unknown as Record<string, unknown>).validateWorkbook = validateWorkbook;
});
