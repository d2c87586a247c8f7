/**
 * Just enough XML for meta.xml: escaping for the writer and a small non-validating parser for the reader (the
 * core has no DOM). The parser keeps elements, attributes and text; it skips the prolog, comments, processing
 * instructions and DOCTYPE, and resolves the predefined and numeric character references.
 */
import { ArchiveError } from "./errors";

/** An element as parsed. `name` is the local name (namespace prefix dropped). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside the element. */
  text: string;
}

/**
 * Escapes text for an XML attribute value or element content: `& < > "` as entities, and tab, LF and CR as
 * character references so that attribute-value normalisation keeps them.
 * @throws ArchiveError `BAD_META_XML` for a character XML 1.0 cannot hold at all (C0 controls other than tab,
 *   LF, CR; U+FFFE/U+FFFF; unpaired surrogates), naming it: nothing is silently altered.
 */
export function escapeXml(value: string): string {
  const bad = findInvalidXmlChar(value);
  if (bad >= 0) {
    throw new ArchiveError(
      "BAD_META_XML",
      `character U+${value.charCodeAt(bad).toString(16).toUpperCase().padStart(4, "0")} at position ${bad} of "${value}" cannot be written in XML 1.0`
    );
  }
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Index of the first character XML 1.0 cannot represent, or -1. */
export function findInvalidXmlChar(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Resolves entity and character references. A reference to a code point XML cannot hold (past U+10FFFF, a
 * surrogate, a control character) goes to `fail`, like an unknown entity.
 */
function decodeEntities(raw: string, fail: (message: string) => never): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        fail(`character reference ${m} is not a character`);
      const char = String.fromCodePoint(code);
      if (findInvalidXmlChar(char) >= 0) fail(`character reference ${m} names a character XML 1.0 does not allow`);
      return char;
    }
    const named = ENTITIES[ref];
    if (named === undefined) fail(`unknown entity ${m}`);
    return named;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

/**
 * Parses an XML document and returns its root element.
 * @param where file name used in error messages, e.g. `meta.xml`.
 * @throws ArchiveError `BAD_META_XML` when the text is not well-formed enough to read.
 */
export function parseXml(source: string, where: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const fail = (msg: string): never => {
    const line = text.slice(0, i).split("\n").length;
    throw new ArchiveError("BAD_META_XML", msg, [where, `line ${line}`]);
  };
  const skipPast = (end: string): void => {
    const at = text.indexOf(end, i);
    if (at < 0) fail(`"${end}" expected`);
    i = at + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(chunk, fail);
      else if (chunk.trim()) fail("text outside the root element");
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith("<!--", i)) skipPast("-->");
    else if (text.startsWith("<?", i)) skipPast("?>");
    else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA section");
      const top = stack[stack.length - 1];
      if (top) top.text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith("<!", i)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf("[", i);
      const close = text.indexOf(">", i);
      if (bracket >= 0 && bracket < close) {
        i = bracket;
        skipPast("]");
      }
      skipPast(">");
    } else if (text[i + 1] === "/") {
      const close = text.indexOf(">", i);
      if (close < 0) fail("unterminated end tag");
      const name = localName(text.slice(i + 2, close).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`end tag </${name}> does not match <${open?.name ?? ""}>`);
      i = close + 1;
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
      if (!tag) fail("malformed start tag");
      const element: XmlElement = { name: localName(tag![1]), attributes: {}, children: [], text: "" };
      i += tag![0].length;
      const attr = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attr.lastIndex = i;
        const m = attr.exec(text);
        if (!m) fail(`malformed attributes in <${element.name}>`);
        i = attr.lastIndex;
        if (m![5]) {
          const parent = stack[stack.length - 1];
          if (parent) parent.children.push(element);
          else if (root) fail("more than one root element");
          else root = element;
          if (m![5] === ">") stack.push(element);
          break;
        }
        const name = m![1];
        if (name === "xmlns" || name.startsWith("xmlns:")) continue;
        element.attributes[localName(name)] = decodeEntities(m![3] ?? m![4], fail);
      }
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail("no root element");
  return root!;
}
