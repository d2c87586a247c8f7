/**
 * Parses the text of a delimited data file into rows of fields, as the descriptor declares it.
 *
 * Rules (those of RFC 4180 generalised to any separator and quote, and of GBIF's dwca-io):
 * - With a quote character, a field that starts with it is enclosed: it runs to the next quote not doubled,
 *   and may hold separators, CR and LF; `""` inside stands for `"`. A quote elsewhere is an ordinary character.
 * - Lines end at the declared terminator. When it is `\n` (or `\r\n`), both `\r\n` and `\n` end a line, because
 *   many archives declare `\n` and are written with CRLF; a lone CR, U+0085 or U+2028 stays in the value.
 * - A final line terminator is optional; blank lines are skipped.
 * - An empty field or line separator cannot split anything: it is refused (it would match everywhere).
 */
import { ArchiveError } from "./errors";

/** How a data file is laid out: the subset of `DataFileDescriptor` the parser needs. */
export interface DelimitedLayout {
  fieldsTerminatedBy: string;
  linesTerminatedBy: string;
  /** "" for none. */
  fieldsEnclosedBy: string;
}

/**
 * Splits text into rows of raw fields.
 *
 * @example
 * parseDelimited('id\tname\n1\t"a\tb"\n', { fieldsTerminatedBy: "\t", linesTerminatedBy: "\n", fieldsEnclosedBy: '"' })
 * // [["id", "name"], ["1", "a\tb"]]
 * @param where the file's name, for the error message.
 * @throws ArchiveError `BAD_DATA_FILE` when the field or line separator is empty.
 */
export function parseDelimited(text: string, layout: DelimitedLayout, where = "data file"): string[][] {
  const sep = layout.fieldsTerminatedBy;
  const quote = layout.fieldsEnclosedBy;
  const lineEnd = layout.linesTerminatedBy;
  for (const [name, value] of [
    ["fieldsTerminatedBy", sep],
    ["linesTerminatedBy", lineEnd],
  ] as const) {
    if (value === "") {
      throw new ArchiveError("BAD_DATA_FILE", `${name} is empty: a separator must be at least one character`, [where]);
    }
  }
  const lfLines = lineEnd === "\n" || lineEnd === "\r\n";
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  /** Length of a line terminator at position p, or 0. */
  const lineEndAt = (p: number): number => {
    if (lfLines) {
      const c = text.charCodeAt(p);
      if (c === 0x0a) return 1;
      if (c === 0x0d && text.charCodeAt(p + 1) === 0x0a) return 2;
      return 0;
    }
    return text.startsWith(lineEnd, p) ? lineEnd.length : 0;
  };
  const endRow = (): void => {
    // A line with no characters at all is skipped, not read as one empty field.
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };

  while (i <= n) {
    if (i === n) {
      if (row.length) endRow();
      break;
    }
    if (quote && text.startsWith(quote, i)) {
      // Enclosed field.
      let value = "";
      let p = i + quote.length;
      for (;;) {
        const q = text.indexOf(quote, p);
        if (q < 0) {
          // Unterminated: keep the rest as the value rather than dropping it.
          value += text.slice(p);
          p = n;
          break;
        }
        value += text.slice(p, q);
        if (text.startsWith(quote, q + quote.length)) {
          value += quote;
          p = q + 2 * quote.length;
          continue;
        }
        p = q + quote.length;
        break;
      }
      // Characters between the closing quote and the separator are kept (lenient, as dwca-io).
      let tailEnd = p;
      while (tailEnd < n && !text.startsWith(sep, tailEnd) && !lineEndAt(tailEnd)) tailEnd++;
      value += text.slice(p, tailEnd);
      row.push(value);
      i = tailEnd;
    } else {
      let p = i;
      while (p < n && !text.startsWith(sep, p) && !lineEndAt(p)) p++;
      row.push(text.slice(i, p));
      i = p;
    }
    if (i >= n) {
      endRow();
      break;
    }
    if (text.startsWith(sep, i)) {
      i += sep.length;
      if (i === n) {
        row.push("");
        endRow();
        break;
      }
      continue;
    }
    i += lineEndAt(i);
    endRow();
  }
  return rows;
}
