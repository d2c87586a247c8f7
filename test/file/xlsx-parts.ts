import * as fs from "fs";
import { strFromU8, unzipSync } from "fflate";

/** One `<dataValidation>` of a sheet, as written in the file. */
export interface ValidationPart {
  type: string;
  sqref: string;
  errorStyle: string | undefined;
  formula1: string | undefined;
  formula2: string | undefined;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
};

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Reads an .xlsx package's parts directly (independently of ExcelJS's reader, which expands every validation range
 * into one entry per cell): sheet names with their part paths and states, defined names, and each sheet's
 * data validations.
 */
export function readXlsxParts(file: string) {
  const zip = unzipSync(fs.readFileSync(file));
  const text = (p: string) => strFromU8(zip[p]);
  const workbookXml = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    targets.set(attr(m[0], "Id")!, attr(m[0], "Target")!.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: unescapeXml(attr(m[0], "name")!),
    state: attr(m[0], "state") ?? "visible",
    part: targets.get(attr(m[0], "r:id")!)!,
  }));
  const definedNames = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    definedNames.set(attr(m[0], "name")!, unescapeXml(m[2]));
  }
  const validations = (sheet: string): ValidationPart[] => {
    const part = sheets.find((s) => s.name === sheet)!.part;
    const xml = text(part);
    return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
      type: attr(m[0], "type") ?? "any",
      sqref: attr(m[0], "sqref")!,
      errorStyle: attr(m[0], "errorStyle"),
      formula1: /<formula1>([^<]*)<\/formula1>/.exec(m[2])?.[1],
      formula2: /<formula2>([^<]*)<\/formula2>/.exec(m[2])?.[1],
    }));
  };
  return { sheets, definedNames, validations };
}
