/** The validation report as table rows: what "Write the report to a sheet" writes. */
import type { Lang } from "../dwc/types";
import { reportTable } from "../validate/report";
import type { Issue } from "../validate/types";
import type { Strings } from "./i18n";

/**
 * One row per finding, in `lang`: the core's {@link reportTable} (src/validate/report.ts), whose header and words
 * the pane's `reportHeaders`, tier names and `otherRule` are. `_strings` is not read (the words are the core's).
 *
 * @example reportRows([issue], "en", strings)[0] // ["Occurrence", "B2", "basisOfRecord", "fossil", "basisOfRecord missing…", "Blocks export", "…", ""]
 */
export function reportRows(issues: readonly Issue[], lang: Lang, _strings?: Strings): string[][] {
  return reportTable(issues, lang).rows;
}
