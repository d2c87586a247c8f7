/**
 * Bytes to text for the encodings found in real archives: UTF-8 (with or without BOM), UTF-16 (little- or
 * big-endian, by its BOM or its name), ISO-8859-1, windows-1252 (Excel's and old Windows tools' "ANSI" on Western
 * systems), windows-1251 and KOI8-R (the same on Russian systems). Others are refused by name.
 *
 * Pure (no TextDecoder, which the core's libraries do not declare): the single-byte code pages are tables, UTF-8
 * goes through fflate's streaming decoder, UTF-16 pairs bytes itself. {@link textDecoder} decodes a file piece by
 * piece (a character split between two pieces comes out whole); {@link decodeText} decodes it whole.
 */
import { DecodeUTF8, strFromU8 } from "fflate";
import { ArchiveError } from "./errors";

/** The characters of bytes 0x80–0xFF, per single-byte code page (0x00–0x7F are ASCII in all of them). */
const HIGH_HALF: Record<string, string> = {
  // windows-1252: 0x80–0x9F differ from ISO-8859-1 (five bytes are unassigned and kept as C1 controls).
  "windows-1252":
    "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ" +
    Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join(""),
  "windows-1251":
    "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0098™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
  "koi8-r":
    "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u00a0⌡°²·÷═║╒ё╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡Ё╢╣╤╥╦╧╨╩╪╫╬©юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ",
  "iso-8859-1": Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i)).join(""),
};

/** The names meta.xml writers use, to the canonical name of the decoder. */
const ALIASES: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  "iso-8859-1": "iso-8859-1",
  latin1: "iso-8859-1",
  "latin-1": "iso-8859-1",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "windows-1251": "windows-1251",
  cp1251: "windows-1251",
  "koi8-r": "koi8-r",
  koi8r: "koi8-r",
  "utf-16": "utf-16",
  utf16: "utf-16",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

function canonical(encoding: string): string | undefined {
  return ALIASES[encoding.trim().toLowerCase().replace(/[_\s]/g, "-")];
}

/** Whether {@link decodeText} and {@link textDecoder} can read the encoding. */
export function isSupportedEncoding(encoding: string): boolean {
  return canonical(encoding) !== undefined;
}

/** Decodes one piece of a file; `undefined` ends the file (and returns what was held back). */
export type PieceDecoder = (bytes: Uint8Array | undefined) => string;

function singleByte(high: string): PieceDecoder {
  return (bytes) => {
    if (!bytes) return "";
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = bytes.subarray(i, i + 8192);
      let ascii = true;
      for (let j = 0; j < part.length; j++) if (part[j] >= 0x80) { ascii = false; break; }
      if (ascii) out += String.fromCharCode.apply(null, part as unknown as number[]);
      else {
        const chars = new Array<string>(part.length);
        for (let j = 0; j < part.length; j++) chars[j] = part[j] < 0x80 ? String.fromCharCode(part[j]) : high[part[j] - 0x80];
        out += chars.join("");
      }
    }
    return out;
  };
}

function utf8(): PieceDecoder {
  let out = "";
  let first = true;
  const decoder = new DecodeUTF8((text) => (out += text));
  return (bytes) => {
    if (bytes && first && bytes.length > 0) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    decoder.push(bytes ?? new Uint8Array(0), !bytes);
    const text = out;
    out = "";
    return text;
  };
}

/**
 * UTF-16: the byte order from the BOM (dropped), else from the name (`utf-16le`, `utf-16be`), else guessed from the
 * first two bytes (text starts with an ASCII character far more often than not), else big-endian as the standard says.
 */
function utf16(name: string): PieceDecoder {
  let little: boolean | undefined = name === "utf-16le" ? true : name === "utf-16be" ? false : undefined;
  let held: Uint8Array = new Uint8Array(0);
  let first = true;
  return (bytes) => {
    let data: Uint8Array;
    if (held.length > 0 && bytes) {
      data = new Uint8Array(held.length + bytes.length);
      data.set(held);
      data.set(bytes, held.length);
    } else data = bytes ?? held;
    if (first && data.length >= 2) {
      first = false;
      if (data[0] === 0xff && data[1] === 0xfe) {
        little = true;
        data = data.subarray(2);
      } else if (data[0] === 0xfe && data[1] === 0xff) {
        little = false;
        data = data.subarray(2);
      } else if (little === undefined) little = data[0] !== 0 && data[1] === 0;
    }
    const even = data.length - (data.length % 2);
    held = bytes ? data.slice(even) : new Uint8Array(0);
    const units: number[] = [];
    let out = "";
    for (let i = 0; i + 1 < even; i += 2) {
      units.push(little ? data[i] | (data[i + 1] << 8) : (data[i] << 8) | data[i + 1]);
      if (units.length === 8192) {
        out += String.fromCharCode.apply(null, units);
        units.length = 0;
      }
    }
    out += String.fromCharCode.apply(null, units);
    // A file that ends on an odd byte: the half character is shown as U+FFFD rather than dropped.
    if (!bytes && even < data.length) out += "\uFFFD";
    return out;
  };
}

/**
 * A decoder for a file in `encoding`, fed piece by piece.
 * @param where the file's place for the error message (`"archive", "occurrence.txt"`).
 * @throws ArchiveError `UNSUPPORTED_ENCODING` naming the file and encoding.
 * @example const decode = textDecoder("windows-1251", "occurrence.txt"); decode(Uint8Array.of(0xc2, 0xe8, 0xe4)) // "Вид"
 */
export function textDecoder(encoding: string, ...where: string[]): PieceDecoder {
  const name = canonical(encoding);
  if (name === undefined) throw new ArchiveError("UNSUPPORTED_ENCODING", `encoding "${encoding}" is not supported`, where);
  if (name === "utf-8") return utf8();
  if (name.startsWith("utf-16")) return utf16(name);
  return singleByte(HIGH_HALF[name]);
}

/**
 * Decodes a whole file; a UTF-8 BOM is dropped, a UTF-16 BOM decides the byte order.
 * @param where file name for the error message.
 * @throws ArchiveError `UNSUPPORTED_ENCODING` naming the file and encoding.
 */
export function decodeText(bytes: Uint8Array, encoding: string, where: string): string {
  const name = canonical(encoding);
  // The common case whole, without the streaming decoder's copies.
  if (name === "utf-8") {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return strFromU8(start ? bytes.subarray(start) : bytes);
  }
  const decode = textDecoder(encoding, where);
  return decode(bytes) + decode(undefined);
}

/** Decodes an XML document: UTF-16 by its first bytes, else the encoding its declaration names (UTF-8 when none). */
export function decodeXml(bytes: Uint8Array, where: string): string {
  // UTF-16 announces itself before any declaration can be read: by its BOM, or by "<?" with zero bytes between.
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return decodeText(bytes, "UTF-16", where);
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return decodeText(bytes, "UTF-16LE", where);
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return decodeText(bytes, "UTF-16BE", where);
  const head = strFromU8(bytes.subarray(0, 200), true);
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decodeText(bytes, declared ? declared[1] : "UTF-8", where);
}
