/**
 * The three licences GBIF accepts, with the text the IPT writes for each.
 *
 * `intellectualRights` sentences, names and legal-code URLs are those of gbif/ipt
 * `src/main/resources/org/gbif/metadata/eml/licenses.properties` (Apache-2.0); GBIF recognises a dataset's licence by
 * the URL in that sentence, so it must be exact. The `licensed` element's SPDX names and URLs are what the IPT's EML
 * writer puts into profile-1.3 documents.
 */
import type { LicenseId } from "./types";

/** One licence and how it is written into eml.xml. */
export interface LicenseDef {
  id: LicenseId;
  /** IPT drop-down name, used as `<citetitle>` inside `intellectualRights`. */
  iptName: string;
  /** Legal-code URL used in the `ulink`. */
  legalCode: string;
  /** Text before and after the link in the IPT's `intellectualRights` paragraph. */
  before: string;
  after: string;
  /** SPDX licence name for `licensed/licenseName`. */
  spdxName: string;
  /** Short label for the task pane. */
  label: { en: string; ru: string };
}

export const LICENSES: readonly LicenseDef[] = [
  {
    id: "CC0-1.0",
    iptName: "Public Domain (CC0 1.0)",
    legalCode: "http://creativecommons.org/publicdomain/zero/1.0/legalcode",
    before:
      "To the extent possible under law, the publisher has waived all rights to these data and has dedicated them to the ",
    after:
      ". Users may copy, modify, distribute and use the work, including for commercial purposes, without restriction.",
    spdxName: "Creative Commons Zero v1.0 Universal",
    label: { en: "CC0 1.0 (public domain)", ru: "CC0 1.0 (общественное достояние)" },
  },
  {
    id: "CC-BY-4.0",
    iptName: "Creative Commons Attribution (CC-BY 4.0) License",
    legalCode: "http://creativecommons.org/licenses/by/4.0/legalcode",
    before: "This work is licensed under a ",
    after: ".",
    spdxName: "Creative Commons Attribution 4.0 International",
    label: { en: "CC BY 4.0 (attribution)", ru: "CC BY 4.0 (с указанием авторства)" },
  },
  {
    id: "CC-BY-NC-4.0",
    iptName: "Creative Commons Attribution Non Commercial (CC-BY-NC 4.0) License",
    legalCode: "http://creativecommons.org/licenses/by-nc/4.0/legalcode",
    before: "This work is licensed under a ",
    after: ".",
    spdxName: "Creative Commons Attribution Non Commercial 4.0 International",
    label: {
      en: "CC BY-NC 4.0 (attribution, non-commercial)",
      ru: "CC BY-NC 4.0 (с указанием авторства, некоммерческая)",
    },
  },
];

/** The licence definition for an id. */
export function getLicense(id: LicenseId): LicenseDef {
  const def = LICENSES.find((l) => l.id === id);
  if (!def) throw new Error(`Unknown licence id ${id}`);
  return def;
}

/** SPDX page URL written in `licensed/url`, e.g. `https://spdx.org/licenses/CC-BY-4.0.html`. */
export function spdxUrl(id: LicenseId): string {
  return `https://spdx.org/licenses/${id}.html`;
}

/**
 * Recognise a licence written in any usual way: SPDX id, `CC BY 4.0`, `CC-BY`, `cc0`, the IPT keys (`ccby`), a
 * creativecommons.org URL, or the IPT's drop-down name. Returns undefined for anything else (including other
 * versions such as CC BY 3.0, which GBIF does not accept).
 *
 * @example parseLicense("CC BY-NC 4.0") // "CC-BY-NC-4.0"
 */
export function parseLicense(text: string): LicenseId | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return undefined;
  const url =
    /creativecommons\.org\/(publicdomain\/zero\/1\.0|licenses\/(by|by-nc)\/4\.0)(\/|\/legalcode(\.[a-z-]+)?)?$/.exec(
      t.replace(/^https?:\/\//, "").replace(/^www\./, "")
    );
  if (url) return url[1].startsWith("publicdomain") ? "CC0-1.0" : url[2] === "by" ? "CC-BY-4.0" : "CC-BY-NC-4.0";
  for (const l of LICENSES) {
    if (t === l.id.toLowerCase() || t === l.iptName.toLowerCase() || t === l.spdxName.toLowerCase()) return l.id;
  }
  // Words only: "cc by nc 4.0", "cc-by-nc", "ccbync", "cc0 1.0", "public domain (cc0 1.0)".
  const words = t.replace(/[()]/g, " ").replace(/[\s_.-]+/g, "");
  const table: Record<string, LicenseId> = {
    cc0: "CC0-1.0",
    cczero: "CC0-1.0",
    cc010: "CC0-1.0",
    publicdomaincc010: "CC0-1.0",
    ccby: "CC-BY-4.0",
    ccby40: "CC-BY-4.0",
    ccbync: "CC-BY-NC-4.0",
    ccbync40: "CC-BY-NC-4.0",
  };
  return table[words];
}
