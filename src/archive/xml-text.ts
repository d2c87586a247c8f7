/**
 * Text for XML 1.0: escaping, and finding the characters XML 1.0 cannot hold at all.
 *
 * XML 1.0 (5th ed., production [2] Char) allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. Other C0 controls (e.g. U+000B, the line break Word puts into pasted text), U+FFFE/U+FFFF
 * and lone UTF-16 surrogates cannot be written, not even as character references. We never drop them silently:
 * `checkMetadata` reports them as errors naming the field, `buildEmlXml` refuses them, and `replaceInvalidXmlChars`
 * is the explicit fix the user can apply (it lists every change).
 */

/** One character XML 1.0 cannot hold. */
export interface InvalidXmlChar {
  /** UTF-16 index in the string. */
  index: number;
  /** Code point, e.g. 0x0b. */
  codePoint: number;
}

/** All characters of `text` that XML 1.0 forbids; emoji and other astral characters are allowed. */
export function findInvalidXmlChars(text: string): InvalidXmlChar[] {
  const found: InvalidXmlChar[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      found.push({ index: i, codePoint: c });
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      found.push({ index: i, codePoint: c });
      continue;
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    found.push({ index: i, codePoint: c });
  }
  return found;
}

/** `U+000B` style name of a code point. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Replace the characters XML 1.0 forbids: vertical tab and form feed (line and page breaks in pasted text) become
 * a line feed, everything else is removed. Returns the new text and how many characters changed.
 */
export function replaceInvalidXmlChars(text: string): { text: string; changed: number } {
  const bad = findInvalidXmlChars(text);
  if (bad.length === 0) return { text, changed: 0 };
  let out = "";
  let from = 0;
  for (const b of bad) {
    out += text.slice(from, b.index);
    if (b.codePoint === 0x0b || b.codePoint === 0x0c) out += "\n";
    from = b.index + 1;
  }
  out += text.slice(from);
  return { text: out, changed: bad.length };
}

/**
 * Escape text content. `&`, `<`, `>` are escaped; CR becomes `&#13;` so that parsers do not fold CRLF to LF.
 * The caller must have checked with `findInvalidXmlChars`.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
}

/** Escape an attribute value (double-quoted); tab, LF and CR become references so attribute normalisation keeps them. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\t":
        return "&#9;";
      case "\n":
        return "&#10;";
      default:
        return "&#13;";
    }
  });
}
