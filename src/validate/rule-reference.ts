/**
 * The README's rule reference, generated from the rule catalog (`scripts/rule-reference.ts` writes it; a test
 * fails when the README and the catalog disagree).
 */
import { metadataRules, fileRules, engineRules, type RuleDef } from "./rules";
import { bdqRules } from "./bdqRules";
import { SEVERITIES } from "./types";

const TIER_WORD = { blocker: "**blocker**", error: "error", warning: "warning", info: "info" } as const;

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(rules: readonly RuleDef[]): string[] {
  const sorted = [...rules].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id));
  return [
    "| tier | rule | what | source | fix |",
    "| --- | --- | --- | --- | --- |",
    ...sorted.map((r) => `| ${TIER_WORD[r.severity]} | \`${r.id}\` | ${cell(r.title.en)} | ${cell(r.ref)} | ${r.fixable ? "yes" : ""} |`),
  ];
}

/** The rule reference as Markdown: data rules, metadata and file rules, and a count of the BDQ tests by tier. */
export function ruleReferenceMarkdown(): string {
  const bdq = new Map<string, number>();
  for (const r of bdqRules) bdq.set(r.severity, (bdq.get(r.severity) ?? 0) + 1);
  const bdqLine = SEVERITIES.filter((s) => bdq.has(s))
    .map((s) => `${bdq.get(s)} ${s === "info" ? "info" : `${s}s`}`)
    .join(", ");
  return [
    "Data rules (sheets and cells):",
    "",
    ...table(engineRules),
    "",
    "Metadata (`metadata.<code>`) and how the file was read (`file.<code>`):",
    "",
    ...table([...metadataRules, ...fileRules]),
    "",
    `The ${bdqRules.length} TDWG BDQ tests that run offline are rules too, under their BDQ labels (${bdqLine}); none blocks. ` +
      "See [src/validate/bdq/README.md](src/validate/bdq/README.md).",
  ].join("\n");
}
