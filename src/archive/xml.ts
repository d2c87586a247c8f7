/**
 * Just enough XML for meta.xml: escaping for the writer and the element tree for the reader (the core has no DOM),
 * both on the archive's one XML text module (xml-text.ts) and one parser (xml-tree.ts), which eml.xml uses too.
 */
import { ArchiveError } from "./errors";
import { codePointName, escapeAttribute, findInvalidXmlChars } from "./xml-text";
import { parseXmlTree, XmlSyntaxError, type XmlNode } from "./xml-tree";

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
  const [bad] = findInvalidXmlChars(value);
  if (bad) {
    throw new ArchiveError("BAD_META_XML", `character ${codePointName(bad.codePoint)} at position ${bad.index} of "${value}" cannot be written in XML 1.0`);
  }
  return escapeAttribute(value);
}

/** The element tree's shape for meta.xml: local names, attributes by local name, the element's own text. */
function toElement(node: XmlNode): XmlElement {
  const attributes: Record<string, string> = {};
  for (const [qname, value] of Object.entries(node.attributes)) attributes[qname.slice(qname.indexOf(":") + 1)] = value;
  return {
    name: node.name,
    attributes,
    children: node.children.map(toElement),
    text: node.content.filter((c): c is string => typeof c === "string").join(""),
  };
}

/**
 * Parses an XML document and returns its root element.
 * @param where file name used in error messages, e.g. `meta.xml`.
 * @throws ArchiveError `BAD_META_XML` when the text is not well-formed enough to read.
 */
export function parseXml(source: string, where: string): XmlElement {
  try {
    return toElement(parseXmlTree(source));
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw new ArchiveError("BAD_META_XML", e.reason, e.line === undefined ? [where] : [where, `line ${e.line}`]);
  }
}
