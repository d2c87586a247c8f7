/**
 * Writes the rule reference into README.md between the `rules:start` and `rules:end` markers, from the rule
 * catalog (src/validate/rules.ts). Run `npm run rules` after adding or changing a rule.
 */
import * as fs from "fs";
import * as path from "path";
import { ruleReferenceMarkdown } from "../src/validate/rule-reference";

const readme = path.resolve(__dirname, "../README.md");
const text = fs.readFileSync(readme, "utf8");
const start = "<!-- rules:start -->";
const end = "<!-- rules:end -->";
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error("README.md has no rules:start / rules:end markers");
fs.writeFileSync(readme, `${text.slice(0, a + start.length)}\n${ruleReferenceMarkdown()}\n${text.slice(b)}`);
console.log("README.md: rule reference written");
