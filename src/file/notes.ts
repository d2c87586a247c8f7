import { cellRef } from "./address";
import type { SourceNote } from "./source";

/** Note: merged ranges, whose value sits only in the first cell. */
export function mergedCellsNote(sheet: string, ranges: readonly string[]): SourceNote {
  const list = ranges.slice(0, 5).join(", ") + (ranges.length > 5 ? ` (+${ranges.length - 5})` : "");
  return {
    code: "MERGED_CELLS",
    sheet,
    message: {
      en: `${sheet}: merged cells ${list}; only the first cell of a merged range holds a value, the others are read as empty. Unmerge them and fill every cell.`,
      ru: `${sheet}: объединённые ячейки ${list}; значение хранится только в первой ячейке диапазона, остальные читаются как пустые. Разъедините их и заполните каждую ячейку.`,
    },
  };
}

/**
 * Note: a delimited file read in another encoding than UTF-8 (named as the user knows it: `Windows-1251`,
 * `UTF-16LE`), or none for UTF-8. The small-file and the streaming readers both say it this way.
 */
export function encodingNote(sheet: string, encoding: string): SourceNote | undefined {
  const name = /^windows-/i.test(encoding) ? `Windows-${encoding.slice(8)}` : encoding.toUpperCase();
  if (name === "UTF-8") return undefined;
  return {
    code: "ENCODING",
    sheet,
    message: {
      en: `${sheet}: read as ${name}; the archive is written in UTF-8.`,
      ru: `${sheet}: прочитан в кодировке ${name}; архив записывается в UTF-8.`,
    },
  };
}

/** Note: hidden rows with data are data. */
export function hiddenRowsNote(sheet: string, count: number): SourceNote {
  return {
    code: "HIDDEN_ROWS",
    sheet,
    message: {
      en: `${sheet}: ${count} hidden row(s) with data; they are read, checked and exported like the others.`,
      ru: `${sheet}: скрытых строк с данными: ${count}; они читаются, проверяются и экспортируются как остальные.`,
    },
  };
}

/**
 * Note, one per cell: a formula saved without its computed value (the file was written by a program that does not
 * calculate). The cell would be read as empty, so the note is blocking.
 */
export function noResultNote(sheet: string, row: number, column: number): SourceNote {
  const cell = cellRef(sheet, row, column);
  return {
    code: "FORMULA_WITHOUT_RESULT",
    sheet,
    row,
    column,
    blocking: true,
    message: {
      en: `${cell}: formula without a computed value: open and save the file in Excel (or LibreOffice) so it computes. Until then the cell would be read as empty.`,
      ru: `${cell}: формула без вычисленного значения: откройте и сохраните файл в Excel (или LibreOffice), чтобы она вычислилась. До тех пор ячейка читается как пустая.`,
    },
  };
}

/** Note, one per cell: a NUL character (U+0000) in a value, which nothing downstream shows and few tools accept. */
export function nulCharacterNote(sheet: string, row: number, column: number): SourceNote {
  const cell = cellRef(sheet, row, column);
  return {
    code: "NUL_CHARACTER",
    sheet,
    row,
    column,
    message: {
      en: `${cell}: the value holds a NUL character (U+0000), invisible in Excel; it is exported as it is. Retype the value to remove it.`,
      ru: `${cell}: в значении есть символ NUL (U+0000), невидимый в Excel; он экспортируется как есть. Введите значение заново, чтобы убрать его.`,
    },
  };
}
