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

/** Note: a formula saved without its calculated value (the file was written by a program that does not calculate). */
export function noResultNote(sheet: string, cell: string): SourceNote {
  return {
    code: "FORMULA_WITHOUT_RESULT",
    sheet,
    message: {
      en: `${cell}: a formula without a calculated value (the file was saved by a program that does not calculate); it is read as empty. Open and save the file in Excel or LibreOffice.`,
      ru: `${cell}: формула без вычисленного значения (файл сохранён программой, которая не вычисляет формулы); читается как пустая. Откройте и сохраните файл в Excel или LibreOffice.`,
    },
  };
}
