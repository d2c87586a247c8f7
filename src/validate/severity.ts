/**
 * Severity arithmetic that every face shows alike: counts per tier and the order of the tiers (what blocks the
 * export first). The pane's summaries and the command line's count lines read these, so they cannot disagree.
 */
import { SEVERITIES, type Issue, type Severity } from "./types";

/** Rank of a tier: its place in {@link SEVERITIES}, 0 for blocker (the most serious) up to 3 for info. */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Readonly<Record<Severity, number>>;

/**
 * Counts of issues per tier, every tier present.
 *
 * @example countBySeverity([{ severity: "error" }, { severity: "error" }] as Issue[]) // { blocker: 0, error: 2, warning: 0, info: 0 }
 */
export function countBySeverity(issues: readonly Pick<Issue, "severity">[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** The more serious of two tiers. */
export const worseSeverity = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a);
