/**
 * Bytes to text for the encodings found in real archives: UTF-8 (with or without BOM), ISO-8859-1 and
 * windows-1252 (Excel's and old Windows tools' "ANSI" on Western systems). Others are refused by name.
 */
import { strFromU8 } from "fflate";
import { ArchiveError } from "./errors";

/** windows-1252 characters for bytes 0x80–0x9F (the rest of the code page equals ISO-8859-1). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function normalise(encoding: string): string {
  return encoding.trim().toLowerCase().replace(/[_\s]/g, "-");
}

/** Whether `decodeText` can read the encoding. */
export function isSupportedEncoding(encoding: string): boolean {
  return ["utf-8", "utf8", "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"].includes(
    normalise(encoding)
  );
}

/**
 * Decodes bytes; a UTF-8 BOM is dropped.
 * @param where file name for the error message.
 * @throws ArchiveError `UNSUPPORTED_ENCODING` naming the file and encoding.
 */
export function decodeText(bytes: Uint8Array, encoding: string, where: string): string {
  const name = normalise(encoding);
  if (name === "utf-8" || name === "utf8" || name === "us-ascii" || name === "ascii") {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return strFromU8(start ? bytes.subarray(start) : bytes);
  }
  if (name === "iso-8859-1" || name === "latin1" || name === "latin-1") return strFromU8(bytes, true);
  if (name === "windows-1252" || name === "cp1252") {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = strFromU8(bytes.subarray(i, i + 8192), true);
      out += part.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
    }
    return out;
  }
  throw new ArchiveError("UNSUPPORTED_ENCODING", `encoding "${encoding}" is not supported`, [where]);
}

/** Decodes an XML document honouring the encoding named in its declaration (UTF-8 when none). */
export function decodeXml(bytes: Uint8Array, where: string): string {
  const head = strFromU8(bytes.subarray(0, 200), true);
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decodeText(bytes, declared ? declared[1] : "UTF-8", where);
}
