/**
 * What delimited text is, decided from the whole file: its encoding (UTF-8, or Windows-1251 when the bytes read
 * as Russian text in it and not as UTF-8), and its records (line ends CR LF, LF and CR all end a record outside
 * quotes; a quote that is never closed is refused naming its line). Both CSV readers use these, so a big file
 * streamed and a small one read whole give the same result.
 */

/** Why a file's text cannot be read: a sentence naming the line (and byte offset). */
export class TextScanError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = "TextScanError";
    this.line = line;
  }
}

/**
 * Longest record (in characters) the readers hold while looking for its end: 64 Mi. A real record is a few
 * kilobytes; a quote opened and never closed would otherwise make the rest of the file one record.
 */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** Windows-1251 bytes that are letters (Cyrillic, including Ukrainian, Belarusian, Serbian and Macedonian ones). */
const CP1251_LETTER = (() => {
  const t = new Uint8Array(256);
  for (let b = 0xc0; b <= 0xff; b++) t[b] = 1;
  for (const b of [0x80, 0x81, 0x83, 0x8a, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9c, 0x9d, 0x9e, 0x9f]) t[b] = 1;
  for (const b of [0xa1, 0xa2, 0xa3, 0xa5, 0xa8, 0xaa, 0xaf, 0xb2, 0xb3, 0xb4, 0xb8, 0xba, 0xbc, 0xbd, 0xbe, 0xbf])
    t[b] = 1;
  return t;
})();

/** What {@link EncodingSniffer} found. */
export interface EncodingVerdict {
  encoding: "UTF-8" | "Windows-1251";
}

/**
 * Reads bytes (in as many pieces as needed) and decides their encoding: UTF-8 when every byte sequence is valid
 * UTF-8; Windows-1251 when the bytes that are not UTF-8 read as Cyrillic words there (and hardly any valid
 * multi-byte UTF-8 appears); otherwise {@link TextScanError} naming the line and byte offset of the first byte
 * that is not UTF-8.
 */
export class EncodingSniffer {
  private offset = 0;
  private line = 1;
  private lastCr = false;
  /** Continuation bytes still expected, and the allowed range of the next one. */
  private need = 0;
  private low = 0x80;
  private high = 0xbf;
  private firstBad = -1;
  private firstBadLine = 0;
  private firstBadByte = 0;
  private invalid = 0;
  private validMulti = 0;
  private highBytes = 0;
  private letters = 0;
  private run = 0;
  private maxRun = 0;
  private undefined1251 = false;

  /** Scans the next bytes of the file. */
  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const at = this.offset + i;
      if (b === 0x0a) {
        if (!this.lastCr) this.line++;
      } else if (b === 0x0d) this.line++;
      this.lastCr = b === 0x0d;
      if (b >= 0x80) {
        this.highBytes++;
        if (b === 0x98) this.undefined1251 = true;
        if (CP1251_LETTER[b]) {
          this.letters++;
          if (++this.run > this.maxRun) this.maxRun = this.run;
        } else this.run = 0;
      } else this.run = 0;
      if (this.need > 0) {
        if (b >= this.low && b <= this.high) {
          this.low = 0x80;
          this.high = 0xbf;
          if (--this.need === 0) this.validMulti++;
          continue;
        }
        // A broken sequence; the byte that broke it starts afresh.
        this.bad(at - 1, b);
        this.need = 0;
      }
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.low = 0xa0;
        if (b === 0xed) this.high = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.low = 0x90;
        if (b === 0xf4) this.high = 0x8f;
      } else this.bad(at, b);
    }
    this.offset += bytes.length;
  }

  private bad(at: number, byte: number): void {
    this.invalid++;
    if (this.firstBad < 0) {
      this.firstBad = at;
      this.firstBadLine = this.line;
      this.firstBadByte = byte;
    }
  }

  /** The first byte that is not valid UTF-8 (once every byte was pushed), or undefined when all are. */
  firstInvalid(): { offset: number; line: number; byte: number } | undefined {
    if (this.need > 0 && this.firstBad < 0) return { offset: this.offset - 1, line: this.line, byte: 0 };
    return this.firstBad < 0 ? undefined : { offset: this.firstBad, line: this.firstBadLine, byte: this.firstBadByte };
  }

  /**
   * The encoding, once every byte was pushed.
   * @throws TextScanError when neither UTF-8 nor Windows-1251 reads the bytes cleanly.
   */
  finish(): EncodingVerdict {
    if (this.need > 0) this.bad(this.offset - 1, 0);
    if (this.invalid === 0) return { encoding: "UTF-8" };
    const cyrillic =
      !this.undefined1251 &&
      this.maxRun >= 2 &&
      this.letters * 2 >= this.highBytes &&
      this.validMulti * 4 < this.invalid;
    if (cyrillic) return { encoding: "Windows-1251" };
    const hex = this.firstBadByte.toString(16).toUpperCase().padStart(2, "0");
    const what =
      this.validMulti > 0
        ? `the file is UTF-8 except at line ${this.firstBadLine}, byte offset ${this.firstBad} (byte 0x${hex}), which is not valid UTF-8 (${this.invalid} such place(s) in all)`
        : `line ${this.firstBadLine}, byte offset ${this.firstBad}: byte 0x${hex} is not valid UTF-8, and the file does not read as Windows-1251 text either`;
    throw new TextScanError(
      this.firstBadLine,
      `${what}. Fix or remove it, or save the file again as "CSV UTF-8"; the tool does not guess an encoding.`
    );
  }
}

/**
 * Splits delimited text into complete records, piece by piece, as RFC 4180 reads them with `delimiter`: a field
 * that starts with `"` is quoted and runs to the next `"` that is not doubled; outside quotes CR LF, LF and a lone
 * CR each end a record. Returns text whose record ends are all LF (line breaks inside quoted values are kept as
 * they are), ready for papaparse with `newline: "\n"`, and the line each record starts on.
 */
export class RecordScanner {
  private readonly delimiter: number;
  private pending = "";
  /** Where scanning of `pending` resumes. */
  private at = 0;
  private inQuotes = false;
  private fieldStart = true;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 0;
  private starts: number[] = [1];
  private readonly maxRecordChars: number;

  constructor(delimiter: string, maxRecordChars = MAX_RECORD_CHARS) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * Adds text; returns the records completed so far (`text` ends with LF) and their first lines.
   * @throws TextScanError when a record grows past `maxRecordChars` or, at the end, a quote is left open.
   */
  push(text: string, final: boolean): { text: string; lines: number[] } {
    const s = this.pending + text;
    const parts: string[] = [];
    let copied = 0;
    let cut = 0;
    let i = this.at;
    const n = s.length;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.inQuotes) {
        if (c === 34) {
          if (i + 1 >= n && !final) break;
          if (s.charCodeAt(i + 1) === 34) i++;
          else {
            this.inQuotes = false;
            this.fieldStart = false;
          }
        } else if (c === 10) this.line++;
        else if (c === 13) {
          if (i + 1 >= n && !final) break;
          if (s.charCodeAt(i + 1) !== 10) this.line++;
        }
        continue;
      }
      if (c === 10 || c === 13) {
        if (c === 13) {
          if (i + 1 >= n && !final) break;
          parts.push(s.slice(copied, i), "\n");
          if (s.charCodeAt(i + 1) === 10) i++;
          copied = i + 1;
        }
        this.line++;
        this.fieldStart = true;
        this.recordLine = this.line;
        this.starts.push(this.line);
        cut = i + 1;
      } else if (c === this.delimiter) this.fieldStart = true;
      else if (c === 34 && this.fieldStart) {
        this.inQuotes = true;
        this.quoteLine = this.line;
        this.fieldStart = false;
      } else this.fieldStart = false;
    }
    if (final) {
      if (this.inQuotes) {
        throw new TextScanError(
          this.quoteLine,
          `line ${this.quoteLine}: a quoted field starts here and is never closed, so every line after it would be one value. Close the quote, or double each quote inside a value ("").`
        );
      }
      cut = n;
    }
    parts.push(s.slice(copied, cut));
    this.pending = s.slice(cut);
    this.at = i - cut;
    if (this.pending.length > this.maxRecordChars) {
      throw new TextScanError(
        this.recordLine,
        this.inQuotes
          ? `line ${this.quoteLine}: a quoted field starts here and runs for more than ${this.maxRecordChars} characters without closing. Close the quote, or double each quote inside a value ("").`
          : `line ${this.recordLine}: the record is longer than ${this.maxRecordChars} characters`
      );
    }
    // The last start belongs to the record still pending (or to nothing at the end).
    const complete = final ? this.starts : this.starts.slice(0, -1);
    this.starts = final ? [] : [this.recordLine];
    return { text: parts.join(""), lines: complete };
  }
}
