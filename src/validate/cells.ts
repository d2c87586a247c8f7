/** Cell rules: text (spaces, scripts, length), typed values (numbers, dates, ids, people, JSON) and vocabularies. */
import { dayFirstToIso, parseIsoDate } from "./dates";
import { columnLetter, makeIssue } from "./issue";
import { excelSerialToIso, isExcelError, numberText } from "./model";
import { isScientificNotation, parseDecimal } from "./numbers";
import { RULE } from "./rules";
import { headerTermIri } from "./model";
import { markRow, type ColumnTally } from "./tally";
import { cyrillicLettersIn, describeNonPlainSpaces, mixedScriptWords, normaliseSpaces, shown, TEXT_EDGE_SPACE, TEXT_FINDINGS, TEXT_HASH_START, TEXT_MIXED_SCRIPT, TEXT_NONPLAIN_SPACE, trimAll } from "./text";
import type { CellChange, Fix, Issue } from "./types";
import { type VocabularyMatcher } from "./vocabulary";
import { VERBATIM_OF } from "../dwc/terms";
import { type ColumnPlan, EXCEL_MAX_CELL, K_DATE, K_DATEPART, K_ID, K_INT, K_JSON, K_LAT, K_LON, K_NUM, K_PEOPLE, K_PREC, K_UNC, type SheetPlan, isDateFormatCached, textOf, txt } from "./plan";
/**
 * A fix replacing a cell's value and keeping the original in the matching verbatim term when the row has that
 * column empty or lacks it (column -1: to be added).
 */
export function fixKeepingVerbatim(plan: SheetPlan, row: number, column: number, term: string, from: string, to: string, label: { en: string; ru: string }): Fix {
  const changes: CellChange[] = [{ sheet: plan.name, row, column, term, from, to }];
  const verbatim = VERBATIM_OF[term];
  if (verbatim) {
    const at = plan.byTerm.get(verbatim);
    if (at === undefined) changes.push({ sheet: plan.name, row, column: -1, term: verbatim, from: "", to: from });
    else if (plan.texts[at] === "") changes.push({ sheet: plan.name, row, column: at, term: verbatim, from: "", to: from });
  }
  return { label, changes };
}

/**
 * The checks of a text cell that is not a recent clean value of its column (see checkRow's cache): Excel errors,
 * the text scan's findings, the typed and vocabulary checks. A text that passes them all is marked clean in its
 * cache slot, with the number and eventDate read from it.
 */
export function checkText(plan: SheetPlan, row: number, col: ColumnPlan, v: string, slot: number, flags: number, formulas: readonly (string | null)[] | undefined, out: Issue[]): void {
  const c = col.index;
  const sheet = plan.name;
  if ((flags & TEXT_HASH_START) !== 0 && isExcelError(v)) {
    // In a column the export leaves out (no term) the error is not published: a warning, not a blocker.
    const exported = col.term !== undefined || headerTermIri(col.header) !== undefined;
    out.push(
      exported
        ? makeIssue(RULE.excelError, sheet, row, c, col.term, v, txt(`Excel error ${v} in ${label(col)}: correct the formula or the value, or clear the cell`, `Ошибка Excel ${v} в ${label(col)}: исправьте формулу или значение либо очистите ячейку`))
        : makeIssue(RULE.excelError, sheet, row, c, col.term, v, txt(`Excel error ${v} in ${label(col)}, a column that is not exported`, `Ошибка Excel ${v} в ${label(col)}, столбце, который не экспортируется`), undefined, "warning"),
    );
    if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
    plan.texts[c] = "";
    plan.nums[c] = NaN;
    plan.cellEmpty[c] = 1;
    return;
  }
  const before = out.length;
  plan.nums[c] = NaN;
  if ((flags & TEXT_FINDINGS) !== 0) textIssues(plan, row, col, v, flags, out);
  if (v.length >= EXCEL_MAX_CELL) {
    out.push(makeIssue(RULE.cellTooLong, sheet, row, c, col.term, shown(v), txt(`${label(col)} has ${v.length} characters, Excel's limit: the text was probably cut off`, `В ${label(col)} ${v.length} символов, это предел Excel: текст, вероятно, обрезан`)));
  }
  if (col.kinds !== 0) typedText(plan, row, col, v, out);
  if (col.vocabulary) vocabularyCheck(plan, row, col, v, out);
  if (out.length === before) {
    plan.lastClean[slot] = 1;
    plan.lastNum[slot] = plan.nums[c];
    if (c === plan.at.eventDate) plan.lastDate[slot] = plan.parsedDate;
  }
  if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
}

export function formulaCheck(plan: SheetPlan, row: number, col: ColumnPlan, f: string | null | undefined, result: string, out: Issue[]): void {
  if (!f || f.charCodeAt(0) !== 61) return;
  out.push(makeIssue(RULE.formula, plan.name, row, col.index, col.term, f, txt(`Formula ${shown(f)} in ${label(col)}; its result "${shown(result)}" is exported`, `Формула ${shown(f)} в ${label(col)}; экспортируется её результат «${shown(result)}»`)));
}

export const label = (col: ColumnPlan): string => col.term ?? (col.header ? `"${shown(col.header, 30)}"` : `column ${columnLetter(col.index)}`);

/** Fix labels shared by every fix of their kind (read-only). */
export const TRIM_LABEL = Object.freeze(txt("Trim spaces", "Удалить пробелы"));
export const PLAIN_SPACES_LABEL = Object.freeze(txt("Replace with plain spaces", "Заменить обычными пробелами"));

export function textIssues(plan: SheetPlan, row: number, col: ColumnPlan, v: string, flags: number, out: Issue[]): void {
  const sheet = plan.name;
  const what = label(col);
  const seen = shown(v);
  if (flags & TEXT_EDGE_SPACE) {
    const to = trimAll(v);
    out.push(
      makeIssue(RULE.whitespaceEdges, sheet, row, col.index, col.term, v, txt(`"${seen}" in ${what} has leading or trailing spaces`, `«${seen}» в ${what}: пробелы в начале или в конце`), {
        label: TRIM_LABEL,
        changes: [{ sheet, row, column: col.index, term: col.term ?? col.header, from: v, to }],
      }),
    );
  }
  if (flags & TEXT_NONPLAIN_SPACE) {
    const names = describeNonPlainSpaces(v).join(", ");
    out.push(
      makeIssue(RULE.whitespaceNonPlain, sheet, row, col.index, col.term, v, txt(`"${seen}" in ${what} contains ${names}`, `«${seen}» в ${what} содержит ${names}`), {
        label: PLAIN_SPACES_LABEL,
        changes: [{ sheet, row, column: col.index, term: col.term ?? col.header, from: v, to: normaliseSpaces(v) }],
      }),
    );
  }
  if (flags & TEXT_MIXED_SCRIPT) {
    const words = mixedScriptWords(v).slice(0, 3);
    const letters = [...new Set(words.flatMap(cyrillicLettersIn))].join(", ");
    const mixed = shown(words.join(" "));
    out.push(
      makeIssue(RULE.mixedScript, sheet, row, col.index, col.term, v, txt(`"${mixed}" in ${what} mixes Latin and Cyrillic letters (Cyrillic: ${letters})`, `«${mixed}» в ${what} смешивает латинские и кириллические буквы (кириллица: ${letters})`)),
    );
  }
}

export const ISO_VARIANT = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?))?$/;

/**
 * The ISO 8601 form of a date GBIF reads although it is not written as ISO 8601: a space instead of `T` before the
 * time (`2016-09-30 16:31:30`), one-digit months or days (`2017-6-20`). Undefined when the text is no such date,
 * or no possible one.
 */
export function isoVariant(v: string): string | undefined {
  const m = ISO_VARIANT.exec(v.trim());
  if (!m) return undefined;
  const pad = (s: string) => (s.length === 1 ? `0${s}` : s);
  let iso = `${m[1]}-${pad(m[2])}`;
  if (m[3] !== undefined) iso += `-${pad(m[3])}`;
  if (m[4] !== undefined) {
    if (m[3] === undefined) return undefined;
    iso += `T${m[4].length === 4 || m[4].indexOf(":") === 1 ? pad(m[4].slice(0, m[4].indexOf(":"))) + m[4].slice(m[4].indexOf(":")) : m[4]}`;
  }
  if (iso === v) return undefined;
  return parseIsoDate(iso) ? iso : undefined;
}

/** Checks a text cell in a typed column (number, date, id, people list, JSON). */
export function typedText(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  const sheet = plan.name;
  const kinds = col.kinds;
  const c = col.index;
  const term = col.term as string;
  if (kinds & K_ID) {
    if (isScientificNotation(v)) {
      out.push(makeIssue(RULE.idScientific, sheet, row, c, term, v, txt(`${term} "${v}" is a number in scientific notation: Excel lost its digits; retype it in a Text-formatted column`, `${term} «${v}» — число в экспоненциальной записи: Excel потерял цифры; введите заново в столбце с форматом «Текстовый»`)));
    }
    return;
  }
  if (kinds & K_NUM) {
    const s = v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? trimAll(v) : v;
    const x = parseDecimal(s);
    if (!Number.isNaN(x)) {
      plan.nums[c] = x;
      numericRanges(plan, row, col, x, s, out);
      return;
    }
    const comma = parseDecimal(s, 44);
    if (!Number.isNaN(comma)) {
      const to = s.replace(",", ".");
      plan.nums[c] = comma;
      out.push(
        makeIssue(RULE.decimalComma, sheet, row, c, term, v, txt(`${term} "${v}" uses a decimal comma; write ${to}`, `${term} «${v}»: десятичная запятая; нужно ${to}`), fixKeepingVerbatim(plan, row, c, term, v, to, txt(`Replace with ${to}`, `Заменить на ${to}`))),
      );
      numericRanges(plan, row, col, comma, to, out);
      return;
    }
    out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, v, txt(`${term} "${shown(v)}" is not a number`, `${term} «${shown(v)}» не является числом`)));
    return;
  }
  if (kinds & K_DATE) {
    const parsed = parseIsoDate(v);
    if (term === "eventDate") plan.parsedDate = parsed;
    if (parsed) return;
    const iso = dayFirstToIso(v);
    if (iso) {
      if (term === "eventDate") plan.parsedDate = parseIsoDate(iso);
      out.push(makeIssue(RULE.dayFirstDate, sheet, row, c, term, v, txt(`${term} "${v}" is day-first; ISO 8601 is ${iso}`, `${term} «${v}» записана как ДД.ММ.ГГГГ; в ISO 8601 это ${iso}`), fixKeepingVerbatim(plan, row, c, term, v, iso, txt(`Replace with ${iso}`, `Заменить на ${iso}`))));
      return;
    }
    const variant = isoVariant(v);
    if (variant) {
      if (term === "eventDate") plan.parsedDate = parseIsoDate(variant);
      out.push(makeIssue(RULE.dateIsoVariant, sheet, row, c, term, v, txt(`${term} "${shown(v)}": GBIF reads it, but ISO 8601 writes ${variant}`, `${term} «${shown(v)}»: GBIF её прочтёт, но в ISO 8601 это ${variant}`), { label: txt(`Replace with ${variant}`, `Заменить на ${variant}`), changes: [{ sheet, row, column: c, term, from: v, to: variant }] }));
      return;
    }
    out.push(makeIssue(RULE.dateFormat, sheet, row, c, term, v, txt(`${term} "${shown(v)}" is not an ISO 8601 date, or not a possible one; e.g. 2012-06-23, 2012-06, 2012-06-23/30`, `${term} «${shown(v)}» не является датой ISO 8601 или такой даты нет; например 2012-06-23, 2012-06, 2012-06-23/30`)));
    return;
  }
  if (kinds & K_PEOPLE) {
    peopleSeparator(plan, row, col, v, out);
    return;
  }
  if (kinds & K_JSON) {
    // Sheets repeat their JSON texts: one parse each (bounded, so a million distinct texts cost no memory).
    if (plan.jsonObjects.has(v)) return;
    let ok = false;
    // A JSON object starts with { and ends with } (JSON whitespace aside): other text needs no parse (and no
    // exception, which costs more than a parse).
    let a = 0;
    let b = v.length - 1;
    while (a < b && isJsonSpace(v.charCodeAt(a))) a++;
    while (b > a && isJsonSpace(v.charCodeAt(b))) b--;
    if (v.charCodeAt(a) === 123 && v.charCodeAt(b) === 125) {
      try {
        const parsed: unknown = JSON.parse(v);
        ok = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
      } catch {
        // Not JSON: reported below as the rule's finding.
        ok = false;
      }
    }
    if (ok) {
      if (plan.jsonObjects.size >= 4096) plan.jsonObjects.clear();
      plan.jsonObjects.add(v);
    }
    if (!ok) out.push(makeIssue(RULE.dynamicPropertiesJson, sheet, row, c, term, v, txt(`dynamicProperties "${shown(v)}" is not a JSON object such as {"weight":"12 g"}`, `dynamicProperties «${shown(v)}» не является объектом JSON вида {"weight":"12 g"}`)));
  }
}

export const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * A number's text for a message: the cell's text when given (a number typed as text), else the number cell's text
 * as the export writes it, converted now (only on an issue).
 */
export const shownNum = (plan: SheetPlan, c: number, given: string | undefined): string => given ?? textOf(plan, c);

export function numericRanges(plan: SheetPlan, row: number, col: ColumnPlan, x: number, given: string | undefined, out: Issue[]): void {
  const k = col.kinds;
  const sheet = plan.name;
  const c = col.index;
  const term = col.term as string;
  if (k & K_LAT) {
    if (x < col.lo || x > col.hi) out.push(makeIssue(RULE.coordinateRange, sheet, row, c, term, shownNum(plan, c, given), txt(`decimalLatitude ${shownNum(plan, c, given)} is outside ${col.lo}…${col.hi}`, `decimalLatitude ${shownNum(plan, c, given)} вне диапазона ${col.lo}…${col.hi}`)));
  } else if (k & K_LON) {
    if (x < col.lo || x > col.hi) out.push(makeIssue(RULE.coordinateRange, sheet, row, c, term, shownNum(plan, c, given), txt(`decimalLongitude ${shownNum(plan, c, given)} is outside ${col.lo}…${col.hi}`, `decimalLongitude ${shownNum(plan, c, given)} вне диапазона ${col.lo}…${col.hi}`)));
  } else if (k & K_UNC) {
    if (x === 0) out.push(makeIssue(RULE.uncertaintyZero, sheet, row, c, term, shownNum(plan, c, given), txt("coordinateUncertaintyInMeters is 0: no position is exact; give the real uncertainty or leave it empty", "coordinateUncertaintyInMeters равно 0: точных координат не бывает; укажите реальную погрешность или оставьте пустым")));
    else if (x < 0) out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, shownNum(plan, c, given), txt(`coordinateUncertaintyInMeters ${shownNum(plan, c, given)} is negative`, `coordinateUncertaintyInMeters ${shownNum(plan, c, given)} отрицательно`)));
  } else if (k & K_PREC) {
    if (!(x > 0 && x <= 1)) out.push(makeIssue(RULE.precisionRange, sheet, row, c, term, shownNum(plan, c, given), txt(`coordinatePrecision ${shownNum(plan, c, given)} must be above 0 and at most 1 (e.g. 0.00001)`, `coordinatePrecision ${shownNum(plan, c, given)} должно быть больше 0 и не больше 1 (например, 0.00001)`)));
  } else if (k & K_INT) {
    if (!Number.isInteger(x)) {
      out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, shownNum(plan, c, given), txt(`${term} ${shownNum(plan, c, given)} is not a whole number`, `${term} ${shownNum(plan, c, given)} не является целым числом`)));
    } else if (k & K_DATEPART) {
      const { lo, hi } = col;
      if (x < lo || x > hi) out.push(makeIssue(RULE.dateFieldRange, sheet, row, c, term, shownNum(plan, c, given), txt(`${term} ${shownNum(plan, c, given)} is outside ${lo}…${hi}`, `${term} ${shownNum(plan, c, given)} вне диапазона ${lo}…${hi}`)));
    }
  }
}

export function idNumber(plan: SheetPlan, row: number, col: ColumnPlan, v: number, out: Issue[]): void {
  if (Math.abs(v) >= 1e15) {
    const term = col.term as string;
    const s = textOf(plan, col.index);
    out.push(makeIssue(RULE.idScientific, plan.name, row, col.index, term, s, txt(`${term} ${s} is a number of 16 or more digits: Excel keeps only 15, so digits are lost; store ids as text`, `${term} ${s} — число из 16 и более цифр: Excel хранит только 15, цифры потеряны; храните идентификаторы как текст`)));
  } else {
    // Valid and exported as shown: counted, and reported once for the column (columnTallyIssues).
    const t = plan.tallies[col.index] as ColumnTally;
    if (markRow(t, row)) t.sample = textOf(plan, col.index);
  }
}

/** A number in a date column: an Excel date serial (fine when it has a date format) or a bare year. */
export function dateNumber(plan: SheetPlan, row: number, col: ColumnPlan, v: number, fmt: string | null | undefined, out: Issue[]): void {
  const term = col.term as string;
  const c = col.index;
  if (isDateFormatCached(plan, fmt)) {
    const iso = plan.convert(v, fmt);
    plan.texts[c] = iso;
    if (term === "eventDate") plan.parsedDate = parseIsoDate(iso);
    // Fine for export: counted, and reported once for the column (columnTallyIssues).
    const t = plan.tallies[c] as ColumnTally;
    if (markRow(t, row)) t.sample = iso;
    return;
  }
  const s = numberText(v);
  if (Number.isInteger(v) && v >= 1000 && v <= 2999) {
    // A year typed as a number: ISO 8601 reduced precision, valid as it is. Any four-digit number from 1000 reads
    // as a year, not as a serial (serials 1000…2999 are days of 1902…1908 that nobody keeps as bare numbers); whether
    // the year is in range is the date rules' business, not this reading's.
    plan.texts[c] = s;
    if (term === "eventDate") plan.parsedDate = parseIsoDate(s);
    return;
  }
  plan.texts[c] = s;
  if (v > 0 && v < 2958466) {
    const iso = excelSerialToIso(v, plan.facts.date1904);
    if (term === "eventDate") plan.parsedDate = undefined;
    out.push(
      makeIssue(RULE.excelSerialDate, plan.name, row, c, term, s, txt(`${term} ${s} looks like an Excel date serial without a date format (${iso}); it would be exported as ${s}`, `${term} ${s} похоже на порядковое число даты Excel без формата даты (${iso}); экспортировалось бы как ${s}`), fixKeepingVerbatim(plan, row, c, term, s, iso, txt(`Replace with ${iso}`, `Заменить на ${iso}`)), "warning"),
    );
    return;
  }
  if (term === "eventDate") plan.parsedDate = undefined;
  out.push(makeIssue(RULE.dateFormat, plan.name, row, c, term, s, txt(`${term} ${s} is not an ISO 8601 date`, `${term} ${s} не является датой ISO 8601`)));
}

export const isInitials = (part: string): boolean => {
  // "J.", "J.R.", "И. И." : only letters each followed by a dot.
  const p = part.replace(/\s+/g, "");
  return p.length > 0 && /^(\p{L}\.)+$/u.test(p);
};

/** Whether every `|` has exactly one space on each side (checked without allocating: most lists are fine). */
export function wellSeparated(v: string): boolean {
  for (let i = v.indexOf("|"); i >= 0; i = v.indexOf("|", i + 1)) {
    if (i < 2 || i + 2 >= v.length) return false;
    if (v.charCodeAt(i - 1) !== 32 || v.charCodeAt(i + 1) !== 32 || v.charCodeAt(i - 2) === 32 || v.charCodeAt(i + 2) === 32) return false;
  }
  return true;
}

/** Suggests ` | ` between people where `;` or `,` separate them (but `Smith, J.` is one person). */
export function peopleSeparator(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  let to: string | undefined;
  if (v.indexOf(";") >= 0) {
    to = v.split(";").map(trimAll).filter(Boolean).join(" | ");
  } else if (v.indexOf(",") >= 0) {
    const parts = v.split(",").map(trimAll).filter(Boolean);
    if (parts.length >= 2 && !parts.some(isInitials)) {
      const allMultiWord = parts.every((p) => p.indexOf(" ") > 0);
      if (allMultiWord || parts.length >= 3) to = parts.join(" | ");
    }
  } else if (v.indexOf("|") >= 0 && !wellSeparated(v)) {
    const norm = v.split("|").map(trimAll).filter(Boolean).join(" | ");
    if (norm !== v) to = norm;
  }
  if (to === undefined || to === v) return;
  const term = col.term as string;
  out.push(
    makeIssue(RULE.multiValueSeparator, plan.name, row, col.index, term, v, txt(`${term} "${shown(v)}" lists several values; separate them with " | ": ${shown(to)}`, `${term} «${shown(v)}» содержит несколько значений; разделяйте их « | »: ${shown(to)}`), {
      label: txt(`Replace with ${shown(to)}`, `Заменить на ${shown(to)}`),
      changes: [{ sheet: plan.name, row, column: col.index, term, from: v, to }],
    }),
  );
}

/**
 * A value outside the column's vocabulary. A variant GBIF interprets (case, spaces, underscores, a label or a
 * synonym of its thesaurus) is a warning with the fix; a value nothing can interpret is an error for a closed
 * vocabulary and a warning for a recommended one. basisOfRecord is stricter, as the IPT is when it publishes: only
 * case, spaces and underscores are forgiven; anything else blocks.
 */
export function vocabularyCheck(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  const last = plan.lastInVocabulary;
  if (v === last[col.index] && v !== "") return;
  const m = col.vocabulary as VocabularyMatcher;
  if (m.has(v)) {
    last[col.index] = v;
    return;
  }
  const term = col.term as string;
  const id = m.vocabulary.id;
  const replace = (to: string): Fix => ({ label: txt(`Replace with ${to}`, `Заменить на ${to}`), changes: [{ sheet: plan.name, row, column: col.index, term, from: v, to }] });
  if (term === "basisOfRecord") {
    const same = m.normalised(v);
    if (same) {
      out.push(makeIssue(RULE.vocabularyVariant, plan.name, row, col.index, term, v, txt(`basisOfRecord "${shown(v)}" is accepted as ${same}; write ${same}`, `basisOfRecord «${shown(v)}» принимается как ${same}; пишите ${same}`), replace(same)));
      return;
    }
    const to = m.canonical(v);
    const message = to
      ? txt(`basisOfRecord "${shown(v)}" is not a basisOfRecord value (it stands for ${to}): the IPT refuses to publish it`, `basisOfRecord «${shown(v)}» не из словаря basisOfRecord (означает ${to}): IPT не опубликует такую запись`)
      : txt(`basisOfRecord "${shown(v)}" is not a basisOfRecord value (PreservedSpecimen, HumanObservation, MaterialSample, …): the IPT refuses to publish it`, `basisOfRecord «${shown(v)}» не из словаря basisOfRecord (PreservedSpecimen, HumanObservation, MaterialSample…): IPT не опубликует такую запись`);
    out.push(makeIssue(RULE.basisOfRecord, plan.name, row, col.index, term, v, message, to ? replace(to) : undefined));
    return;
  }
  const to = m.canonical(v);
  if (to) {
    out.push(makeIssue(RULE.vocabularyVariant, plan.name, row, col.index, term, v, txt(`${term} "${shown(v)}" is a variant of ${to} (vocabulary ${id}); write ${to}`, `${term} «${shown(v)}» — вариант значения ${to} (словарь ${id}); пишите ${to}`), replace(to)));
    return;
  }
  const closed = m.vocabulary.closed;
  const message = closed
    ? txt(`${term} "${shown(v)}" is not in vocabulary ${id}, and GBIF cannot interpret it`, `${term} «${shown(v)}» нет в словаре ${id}, и GBIF не сможет его распознать`)
    : txt(`${term} "${shown(v)}" is not in the recommended vocabulary ${id}`, `${term} «${shown(v)}» нет в рекомендуемом словаре ${id}`);
  out.push(makeIssue(RULE.vocabulary, plan.name, row, col.index, term, v, message, undefined, closed ? "error" : "warning"));
}

