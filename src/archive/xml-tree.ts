/**
 * The one small non-validating XML reader of the archive's XML files (meta.xml through `parseXml` in xml.ts,
 * eml.xml in src/metadata): mixed content in document order (`<para>text <ulink>…</ulink> more</para>`), qualified
 * names, namespace declarations and each element's place in the source, so that an element the metadata model does
 * not hold can be kept verbatim. Skips the prolog, comments, processing instructions and DOCTYPE; resolves the
 * predefined and numeric character references, refusing one that names a character XML 1.0 cannot hold.
 */
import { findInvalidXmlChars } from "./xml-text";

/** An element as parsed. */
export interface XmlNode {
  /** Qualified name as written (`dc:replaces`). */
  qname: string;
  /** Local name (`replaces`). */
  name: string;
  /** Attributes by qualified name, namespace declarations left out (see `namespaces`). */
  attributes: Record<string, string>;
  /** Namespace declarations on this element: prefix ("" for the default namespace) -> URI. */
  namespaces: Record<string, string>;
  /** Child elements and text, in document order. */
  content: (XmlNode | string)[];
  /** Child elements. */
  children: XmlNode[];
  /** Offsets of the element's markup in the source: `source.slice(start, end)` is the element. */
  start: number;
  end: number;
  parent?: XmlNode;
}

/** Thrown for a document that is not well-formed enough to read. */
export class XmlSyntaxError extends Error {
  /**
   * @param reason what is wrong, e.g. `unknown entity &nbsp;`
   * @param line the 1-based line it was found on, when known (the message then starts with `line N: `)
   */
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
    this.name = "XmlSyntaxError";
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(raw: string, fail: (m: string) => never): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        fail(`character reference ${m} is not a character`);
      const char = String.fromCodePoint(code);
      if (findInvalidXmlChars(char).length > 0) fail(`character reference ${m} names a character XML 1.0 does not allow`);
      return char;
    }
    const named = ENTITIES[ref];
    if (named === undefined) fail(`unknown entity ${m}`);
    return named;
  });
}

const localName = (qname: string): string => qname.slice(qname.indexOf(":") + 1);

/**
 * Parses a document and returns its root element.
 * @throws XmlSyntaxError naming the line, when the text is not well-formed enough to read.
 */
export function parseXmlTree(source: string): XmlNode {
  const text = source;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (msg: string): never => {
    const line = text.slice(0, i).split("\n").length;
    throw new XmlSyntaxError(msg, line);
  };
  const skipPast = (end: string): void => {
    const at = text.indexOf(end, i);
    if (at < 0) fail(`"${end}" expected`);
    i = at + end.length;
  };
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (t.trim()) fail("text outside the root element");
      return;
    }
    const last = top.content[top.content.length - 1];
    if (typeof last === "string") top.content[top.content.length - 1] = last + t;
    else top.content.push(t);
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) addText(decode(chunk, fail));
    if (lt < 0) break;
    i = lt;
    if (text.startsWith("<!--", i)) skipPast("-->");
    else if (text.startsWith("<?", i)) skipPast("?>");
    else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA section");
      addText(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith("<!", i)) {
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
      const qname = text.slice(i + 2, close).trim();
      const open = stack.pop();
      if (!open || open.qname !== qname) fail(`end tag </${qname}> does not match <${open?.qname ?? ""}>`);
      i = close + 1;
      open!.end = i;
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200));
      if (!tag) fail("malformed start tag");
      const start = i;
      const node: XmlNode = {
        qname: tag![1],
        name: localName(tag![1]),
        attributes: {},
        namespaces: {},
        content: [],
        children: [],
        start,
        end: -1,
      };
      i += tag![0].length;
      const attr = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attr.lastIndex = i;
        const m = attr.exec(text);
        if (!m) fail(`malformed attributes in <${node.qname}>`);
        i = attr.lastIndex;
        if (m![5]) {
          const parent = stack[stack.length - 1];
          if (parent) {
            node.parent = parent;
            parent.children.push(node);
            parent.content.push(node);
          } else if (root) fail("more than one root element");
          else root = node;
          if (m![5] === ">") stack.push(node);
          else node.end = i;
          break;
        }
        const name = m![1];
        const value = decode(m![3] ?? m![4], fail);
        if (name === "xmlns") node.namespaces[""] = value;
        else if (name.startsWith("xmlns:")) node.namespaces[name.slice(6)] = value;
        else node.attributes[name] = value;
      }
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].qname}> is not closed`);
  if (!root) fail("no root element");
  return root!;
}

/** All text inside a node, in document order. */
export function textOf(node: XmlNode): string {
  return node.content.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** The namespace URI a prefix has at a node ("" for none), from its own and its ancestors' declarations. */
export function namespaceAt(node: XmlNode, prefix: string): string | undefined {
  for (let n: XmlNode | undefined = node; n; n = n.parent) if (prefix in n.namespaces) return n.namespaces[prefix];
  if (prefix === "xml") return "http://www.w3.org/XML/1998/namespace";
  return undefined;
}

/** Prefixes used by the element names and attribute names of a subtree (`dc`, `xml`; "" for unprefixed elements). */
export function prefixesUsed(node: XmlNode, into = new Set<string>()): Set<string> {
  const colon = node.qname.indexOf(":");
  into.add(colon < 0 ? "" : node.qname.slice(0, colon));
  for (const a of Object.keys(node.attributes)) if (a.includes(":")) into.add(a.slice(0, a.indexOf(":")));
  for (const c of node.children) prefixesUsed(c, into);
  return into;
}

/** True when the element holds neither text, attributes nor elements with any (`<phone></phone>`, `<address/>`). */
export function isEmptyElement(node: XmlNode): boolean {
  if (Object.keys(node.attributes).length > 0) return false;
  return node.content.every((c) => (typeof c === "string" ? c.trim() === "" : isEmptyElement(c)));
}

/**
 * Removes the empty elements (see {@link isEmptyElement}) below `root` from the tree and returns their source
 * spans, outermost only: they say nothing, and the GBIF profile refuses most of them (`<phone></phone>`).
 */
export function pruneEmpty(root: XmlNode): { start: number; end: number }[] {
  const removed: { start: number; end: number }[] = [];
  const walk = (node: XmlNode): void => {
    const gone = new Set(node.children.filter(isEmptyElement));
    for (const g of gone) removed.push({ start: g.start, end: g.end });
    if (gone.size > 0) {
      node.children = node.children.filter((c) => !gone.has(c));
      node.content = node.content.filter((c) => typeof c === "string" || !gone.has(c));
    }
    node.children.forEach(walk);
  };
  walk(root);
  return removed;
}
