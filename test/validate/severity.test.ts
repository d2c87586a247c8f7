/**
 * Severity counts and order: one definition in src/validate, which the pane's hook and the command line's output
 * re-export rather than define again.
 */
import { countBySeverity, SEVERITY_RANK, worseSeverity } from "../../src/validate";
import { SEVERITIES as TIERS } from "../../src/validate/types";
import { countBySeverity as cliCount, formatIssues } from "../../src/cli/issue-format";
import { countBySeverity as paneCount, sortIssues } from "../../src/taskpane/hooks/useValidation";
import { occurrences } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "month"];

describe("severity counts", () => {
  const issues = occurrences(H, [
    ["o1", "Herbarium sheet", "Parus major", "2012-06-23", 13],
    ["o1", "HumanObservation", " Parus major", "23.06.2012", 6],
  ]);

  it("counts the validator's findings per tier, every tier present", () => {
    const counts = countBySeverity(issues);
    expect(Object.keys(counts)).toEqual([...TIERS]);
    for (const s of TIERS) expect([s, counts[s]]).toEqual([s, issues.filter((i) => i.severity === s).length]);
    expect(counts.blocker).toBeGreaterThan(0);
    expect(counts.warning).toBeGreaterThan(0);
  });

  it("is the same function in the pane and on the command line", () => {
    expect(paneCount).toBe(countBySeverity);
    expect(cliCount).toBe(countBySeverity);
  });

  it("orders the tiers alike in the pane's list and the command line's groups", () => {
    expect(TIERS.map((s) => SEVERITY_RANK[s])).toEqual([0, 1, 2, 3]);
    expect(worseSeverity("warning", "blocker")).toBe("blocker");
    const paneOrder = [...new Set(sortIssues(issues).map((i) => i.severity))];
    const cliOrder = [...new Set(formatIssues(issues, "en").split("\n").filter((l) => /^[A-Z]+ /.test(l)).map((l) => l.split(" ")[0].toLowerCase()))];
    expect(paneOrder).toEqual(cliOrder);
    expect(paneOrder[0]).toBe("blocker");
  });
});
