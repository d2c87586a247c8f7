/**
 * Encodes records straight into UTF-8 bytes in one reused buffer, in the layout of `WRITE_LAYOUT` (tab between
 * fields, LF after each record, `"` enclosing only the values that need it). No data file ever exists as one
 * string: full buffers are handed to `sink` (the deflate stream copies them) and the buffer is reused.
 */

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const NEEDS_QUOTES = -1;
/** Characters that need quoting, or care in UTF-8 encoding (surrogates: pairs are fine, halves are refused). */
const NEEDS_CARE = /[\t\n\r"\ud800-\udfff]/;

/**
 * The platform's UTF-8 encoder where there is one (browsers, workers, Node); the core's TypeScript library has no
 * DOM types, so it is looked up structurally. Without it every record takes the JavaScript path.
 */
interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}
const TextEncoderClass = (globalThis as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
const NATIVE: Utf8Encoder | undefined = TextEncoderClass ? new TextEncoderClass() : undefined;
const UNPAIRED_SURROGATE = -2;

/** Whether a value needs enclosing quotes or a surrogate check when written (tab, CR, LF, `"`, U+D800–U+DFFF). */
export function needsCare(value: string): boolean {
  return NEEDS_CARE.test(value);
}

/** Result of `writeRecord` when every field was written. */
export const RECORD_WRITTEN = -1;

/**
 * Writes records into a reused byte buffer and hands it to `sink` whenever it is full (and on `flush`).
 *
 * A value holding a tab, CR, LF or `"`, or starting with `"`, is enclosed in `"` with inner quotes doubled.
 * A value holding an unpaired UTF-16 surrogate cannot be written as UTF-8 without replacing it, so the record
 * is refused: `writeRecord` returns the field's index and leaves the output as if the record had not been seen.
 *
 * @example
 * const out: Uint8Array[] = [];
 * const encoder = new RecordEncoder((bytes) => out.push(bytes.slice()));
 * encoder.writeRecord(["o1", 'a "b"', "x\ty"]); // -1
 * encoder.flush(); // out: 'o1\t"a ""b"""\t"x\ty"\n' as UTF-8
 */
export class RecordEncoder {
  private buffer: Uint8Array;
  private length = 0;
  /** Bytes handed to the sink so far. */
  bytesWritten = 0;

  /**
   * @param sink receives a view of the buffer; it must copy or consume the bytes before returning.
   * @param capacity initial buffer size; it grows only for a single record larger than this.
   */
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    capacity = 1 << 16
  ) {
    this.buffer = new Uint8Array(capacity);
  }

  /**
   * Appends one record. Returns `RECORD_WRITTEN` (-1), or the index of the first field that cannot be encoded
   * (unpaired surrogate), in which case nothing of the record is kept.
   * @param count number of fields to take from `fields` (lets callers reuse one array).
   * @param plain the caller has checked with `needsCare` that no field needs quotes or surrogate checks (saves
   *   the check for fields it built itself, such as number text).
   */
  writeRecord(fields: readonly string[], count: number = fields.length, plain = false): number {
    if (NATIVE && this.writePlain(fields, count, plain)) return RECORD_WRITTEN;
    this.recordStart = this.length;
    for (let f = 0; f < count; f++) {
      const value = fields[f];
      // Worst case: 3 bytes per UTF-16 unit (a doubled quote takes 2), 2 enclosing quotes, 1 separator.
      const need = value.length * 3 + 3;
      if (this.length + need > this.buffer.length) this.makeRoom(need);
      let at = this.length;
      if (f > 0) this.buffer[at++] = TAB;
      let end = this.writeBare(value, at);
      if (end === NEEDS_QUOTES) end = this.writeQuoted(value, at);
      if (end === UNPAIRED_SURROGATE) {
        this.length = this.recordStart;
        return f;
      }
      this.length = end;
    }
    if (this.length + 1 > this.buffer.length) this.makeRoom(1);
    this.buffer[this.length++] = LF;
    if (this.length >= this.buffer.length - 64) this.flush();
    return RECORD_WRITTEN;
  }

  /**
   * Fast path for the common record whose fields need no quotes and hold no surrogates (so UTF-8 encoding cannot
   * fail): join with tabs and encode natively in one call. Returns false to send the record to the general path.
   */
  private writePlain(fields: readonly string[], count: number, checked: boolean): boolean {
    if (!checked) for (let f = 0; f < count; f++) if (NEEDS_CARE.test(fields[f])) return false;
    const line = count === fields.length ? fields.join("\t") : fields.slice(0, count).join("\t");
    const need = line.length * 3 + 1;
    if (this.length + need > this.buffer.length) {
      this.recordStart = this.length;
      this.makeRoom(need);
    }
    this.length += NATIVE!.encodeInto(line, this.buffer.subarray(this.length)).written;
    this.buffer[this.length++] = LF;
    if (this.length >= this.buffer.length - 64) this.flush();
    return true;
  }

  /** Hands all buffered bytes to the sink. */
  flush(): void {
    if (!this.length) return;
    this.sink(this.buffer.subarray(0, this.length));
    this.bytesWritten += this.length;
    this.length = 0;
  }

  /** Start of the record being written; complete records before it may be flushed to make room. */
  private recordStart = 0;

  /** Flushes the complete records, moves the partial record to the front, and grows the buffer if needed. */
  private makeRoom(need: number): void {
    const start = this.recordStart;
    if (start > 0) {
      this.sink(this.buffer.subarray(0, start));
      this.bytesWritten += start;
      this.buffer.copyWithin(0, start, this.length);
      this.length -= start;
      this.recordStart = 0;
    }
    if (this.length + need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + need));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
  }

  /**
   * Writes the value without enclosing quotes. Returns the end offset, `NEEDS_QUOTES`, or `UNPAIRED_SURROGATE`.
   */
  private writeBare(value: string, start: number): number {
    const buf = this.buffer;
    let at = start;
    const n = value.length;
    for (let i = 0; i < n; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        if (c === TAB || c === LF || c === CR || c === QUOTE) return NEEDS_QUOTES;
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        const low = value.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return UNPAIRED_SURROGATE;
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        buf[at++] = 0xf0 | (c >> 18);
        buf[at++] = 0x80 | ((c >> 12) & 0x3f);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    return at;
  }

  /** Writes the value enclosed in quotes, doubling inner quotes. Returns the end offset or `UNPAIRED_SURROGATE`. */
  private writeQuoted(value: string, start: number): number {
    const buf = this.buffer;
    let at = start;
    buf[at++] = QUOTE;
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        if (c === QUOTE) buf[at++] = QUOTE;
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        const low = value.charCodeAt(++i);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return UNPAIRED_SURROGATE;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        buf[at++] = 0xf0 | (c >> 18);
        buf[at++] = 0x80 | ((c >> 12) & 0x3f);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    buf[at++] = QUOTE;
    return at;
  }
}
