/**
 * Character scans for text cells. One pass per cell finds everything the methodology's text checks need
 * (edge spaces, whitespace other than a plain space, words mixing Cyrillic and Latin letters), so the engine does
 * not run a regular expression per cell.
 */

/** Bit flags returned by {@link scanText}. */
export const TEXT_EDGE_SPACE = 1;
export const TEXT_NONPLAIN_SPACE = 2;
export const TEXT_MIXED_SCRIPT = 4;
/** Not a finding: the text starts with `#`, as Excel's error values do (the caller tells which it is). */
export const TEXT_HASH_START = 8;
/** The bits of {@link scanText}'s result that are findings. */
export const TEXT_FINDINGS = TEXT_EDGE_SPACE | TEXT_NONPLAIN_SPACE | TEXT_MIXED_SCRIPT;

/**
 * Whether a UTF-16 code unit is whitespace other than U+0020: tab, LF, CR, VT, FF, NEL, no-break space, the
 * Unicode space separators, line/paragraph separators, zero-width space and the BOM (invisible in Excel, and the
 * methodology forbids "whitespace characters that are not a space").
 */
export function isNonPlainSpace(c: number): boolean {
  if (c < 0x80) return c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Any whitespace, plain or not. */
export function isSpace(c: number): boolean {
  return c === 32 || isNonPlainSpace(c);
}

const isLatinLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isCyrillicLetter = (c: number): boolean => c >= 0x400 && c <= 0x52f;
/** Combining marks continue the word they follow (e.g. `é` written as `e` + U+0301). */
const isCombining = (c: number): boolean => (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff);

/**
 * The two 32-bit hashes of the text last passed to {@link scanText}, for duplicate-row detection without a second
 * pass over the characters.
 */
export const SCAN_HASH = new Int32Array(2);

/**
 * Scans a text once and returns {@link TEXT_EDGE_SPACE} | {@link TEXT_NONPLAIN_SPACE} | {@link TEXT_MIXED_SCRIPT}
 * | {@link TEXT_HASH_START} bits, leaving the text's hashes in {@link SCAN_HASH}. Printable ASCII costs one pass; other text a second one.
 *
 * @example scanText(" Osуrio") === TEXT_EDGE_SPACE | TEXT_MIXED_SCRIPT
 */
export function scanText(s: string): number {
  const n = s.length;
  // Two code units per step, hashed as one 32-bit word; `special` gets its sign bit from any unit outside 32…126.
  let h1 = (0x811c9dc5 ^ n) | 0;
  let h2 = 0x1b873593 | 0;
  let special = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    special |= (c0 - 32) | (126 - c0) | (c1 - 32) | (126 - c1);
    const w = c0 | (c1 << 16);
    h1 = Math.imul(h1 ^ w, 16777619);
    h2 = Math.imul(h2 ^ w, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  if (i < n) {
    const c = s.charCodeAt(i);
    special |= (c - 32) | (126 - c);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  SCAN_HASH[0] = h1;
  SCAN_HASH[1] = h2;
  if (n === 0) return 0;
  let flags = 0;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first === 32 || last === 32 || isNonPlainSpace(first) || isNonPlainSpace(last)) flags |= TEXT_EDGE_SPACE;
  if (first === 35) flags |= TEXT_HASH_START;
  if (special >= 0) return flags;
  let latin = false;
  let cyrillic = false;
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (isLatinLetter(c)) latin = true;
    else if (isCyrillicLetter(c)) cyrillic = true;
    else if (!isCombining(c)) {
      if (latin && cyrillic) flags |= TEXT_MIXED_SCRIPT;
      latin = cyrillic = false;
      if (isNonPlainSpace(c)) flags |= TEXT_NONPLAIN_SPACE;
    }
  }
  if (latin && cyrillic) flags |= TEXT_MIXED_SCRIPT;
  return flags;
}

function isWordChar(c: number): boolean {
  return isLatinLetter(c) || isCyrillicLetter(c) || isCombining(c);
}

/** The words of `s` that mix Cyrillic and Latin letters, e.g. `["Osуrio"]`. */
export function mixedScriptWords(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  let latin = false;
  let cyrillic = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      if (start < 0) start = i;
      if (isLatinLetter(c)) latin = true;
      else if (isCyrillicLetter(c)) cyrillic = true;
    } else {
      if (start >= 0 && latin && cyrillic) out.push(s.slice(start, i));
      start = -1;
      latin = cyrillic = false;
    }
  }
  return out;
}

/** The Cyrillic letters of a mixed word, for the message (`у (U+0443)`). */
export function cyrillicLettersIn(word: string): string[] {
  const out: string[] = [];
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (isCyrillicLetter(c)) out.push(`${ch} (U+${c.toString(16).toUpperCase().padStart(4, "0")})`);
  }
  return out;
}

/** Names the non-plain whitespace characters in `s`, e.g. `["U+00A0 no-break space", "U+0009 tab"]`. */
export function describeNonPlainSpaces(s: string): string[] {
  const out: string[] = [];
  const seen: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isNonPlainSpace(c) && !seen.includes(c)) {
      seen.push(c);
      out.push(spaceName(c));
    }
  }
  return out;
}

const spaceNames = new Map<number, string>();
/** `U+00A0 no-break space`: made once per character. */
function spaceName(c: number): string {
  let name = spaceNames.get(c);
  if (name === undefined) {
    name = `U+${c.toString(16).toUpperCase().padStart(4, "0")}${SPACE_NAMES[c] ? " " + SPACE_NAMES[c] : ""}`;
    spaceNames.set(c, name);
  }
  return name;
}

const SPACE_NAMES: Record<number, string> = {
  9: "tab",
  10: "line feed",
  13: "carriage return",
  0xa0: "no-break space",
  0x202f: "narrow no-break space",
  0x200b: "zero-width space",
  0xfeff: "byte order mark",
};

/** Trims every kind of whitespace at both ends. */
export function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Replaces each run of whitespace containing a non-plain space by one plain space, then trims. */
export function normaliseSpaces(s: string): string {
  // Copies the text between such runs in slices (not character by character).
  let out = "";
  let from = 0;
  let i = 0;
  while (i < s.length) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let nonPlain = false;
    while (end < s.length && isSpace(s.charCodeAt(end))) {
      if (s.charCodeAt(end) !== 32) nonPlain = true;
      end++;
    }
    if (nonPlain) {
      out += s.slice(from, i) + " ";
      from = end;
    }
    i = end;
  }
  return trimAll(from === 0 ? s : out + s.slice(from));
}

/** Shortens a value for a message: long cells (up to Excel's 32,767 characters) must not flood the report. */
export function shown(value: string, max = 60): string {
  // Most values are short and on one line: returned as they are, without a regular expression.
  let clean = value.length <= max;
  for (let i = 0; clean && i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) clean = false;
  }
  if (clean) return value;
  const oneLine = value.replace(/[\r\n\t]/g, " ");
  return oneLine.length > max ? oneLine.slice(0, max - 1) + "…" : oneLine;
}

/**
 * Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`.
 * Used to suggest the closest term for an unknown header.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
