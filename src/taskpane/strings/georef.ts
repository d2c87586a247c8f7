/**
 * The georeferencing calculator's words in English and Russian (kept apart from i18n.ts so that features do not
 * edit one file). Picked with `usePane().lang`; counts through `plural()`.
 */
import type { Lang } from "../../dwc/types";
import type { CoordinateSource, PrecisionChoice } from "../../georef";
import { plural } from "../i18n";

const en = {
  open: "Georeferencing calculator",
  openHint: "Estimate coordinateUncertaintyInMeters for the selected rows (point-radius method).",
  close: "Close the calculator",
  title: "Georeferencing calculator",
  intro:
    "Estimates how far the true place can be from the coordinates (coordinateUncertaintyInMeters) by the point-radius method of the Georeferencing Quick Reference Guide, for the rows selected in the sheet.",
  reading: "Reading the selected rows…",
  reread: "Use the current selection",
  rowsOf: (sheet: string, first: number, last: number) =>
    first === last ? `${sheet} · row ${first}` : `${sheet} · rows ${first}–${last}`,
  noRows: "The selection holds no data rows. Select the rows to georeference (below the header row) and read them again.",
  capped: (max: number) => `Only the first ${max} selected rows are used. Select fewer rows to georeference the rest.`,
  withCoordinates: (n: number, total: number) =>
    `${plural("en", n, { one: "# row", other: "# rows" })} with coordinates of ${total}`,
  source: "Where the coordinates came from",
  sources: {
    gps: "GPS reading",
    map: "Map",
    gazetteer: "Gazetteer (a named place)",
    description: "Locality description",
  } as Record<CoordinateSource, string>,
  mapScale: "Map scale",
  mapScaleHint: "For example 1:24000 or 1:100 000",
  mapScaleInvalid: "Write the scale as 1:24000.",
  gpsAccuracy: "GPS accuracy, m",
  gpsAccuracyHint: "Empty: 30 m, or 100 m for records before May 2000 (the Guide's defaults).",
  notDistance: "Write a distance in metres (0 or more).",
  precision: "Precision of the written coordinates",
  precisionAuto: "As written in each row",
  precisionRead: (labels: string) => `Read from the cells: ${labels}`,
  datum: "Datum (geodeticDatum)",
  datumPerRow: "As in each row’s geodeticDatum",
  datumKnown: "Known for every row",
  datumUnknown: "Not known",
  extent: "Extent of the named place, m",
  extentHint: "The distance from the place’s centre to its farthest edge; empty when the coordinates are not a named place’s.",
  georeferencedBy: "Georeferenced by",
  georeferencedByHint: "Your name, written to georeferencedBy.",
  results: "Result",
  row: (row: number, id?: string) => (id ? `Row ${row} (${id})` : `Row ${row}`),
  metres: (m: number) => `${m} m`,
  component: {
    precision: "precision",
    datum: "unknown datum",
    map: "map",
    gps: "GPS",
    extent: "extent",
  },
  gpsDefault: "default",
  noCoordinates: (n: number) =>
    plural("en", n, { one: "# row has no coordinates and is left alone.", other: "# rows have no coordinates and are left alone." }),
  invalid: (row: number) => `Row ${row}: the coordinates are out of range and are left alone.`,
  more: (n: number) => `…and ${n} more`,
  replace: "Replace existing values",
  replacedTitle: (n: number) =>
    plural("en", n, { one: "# value will be replaced:", other: "# values will be replaced:" }),
  replacedItem: (row: number, term: string, from: string, to: string) => `Row ${row}, ${term}: ${from} → ${to}`,
  kept: (n: number) =>
    plural("en", n, {
      one: "# filled cell is kept (tick “Replace existing values” to replace it).",
      other: "# filled cells are kept (tick “Replace existing values” to replace them).",
    }),
  write: (n: number) => plural("en", n, { one: "Write to # row", other: "Write to # rows" }),
  nothingToWrite: "Nothing to write: every cell is filled already.",
  writing: "Writing…",
  askColumns: (terms: string) =>
    `The sheet has no column ${terms}. Add these columns at the end of the header row?`,
  addAndWrite: "Add the columns and write",
  writeWithout: "Write only to the existing columns",
  cancel: "Cancel",
  written: (cells: number, rows: number) =>
    `Written: ${plural("en", cells, { one: "# value", other: "# values" })} in ${plural("en", rows, { one: "# row", other: "# rows" })}.`,
  addedColumns: (terms: string) => `Columns added: ${terms}.`,
  skipped: (n: number) =>
    plural("en", n, {
      one: "# cell was filled in the meantime and is kept.",
      other: "# cells were filled in the meantime and are kept.",
    }),
  notAdded: (terms: string) => `Not written (no column): ${terms}.`,
  writtenTitle: "Done",
  errorTitle: "Something went wrong",
  precisionChoice: (c: PrecisionChoice): string => {
    if (c.unit === "exact") return "exact (no rounding)";
    const unit = { degree: "degree", minute: "minute", second: "second" }[c.unit];
    if (c.fraction) return `nearest ${c.fraction === "1/2" ? "½" : "¼"} ${unit}`;
    if (c.places === 0) return `nearest ${unit}`;
    return `${(1 / 10 ** c.places).toFixed(c.places)} ${unit}`;
  },
};

export type GeorefStrings = typeof en;

const ru: GeorefStrings = {
  open: "Калькулятор привязки",
  openHint: "Оценить coordinateUncertaintyInMeters для выделенных строк (метод «точка–радиус»).",
  close: "Закрыть калькулятор",
  title: "Калькулятор привязки",
  intro:
    "Оценивает, насколько далеко истинное место может быть от координат (coordinateUncertaintyInMeters), методом «точка–радиус» из краткого руководства по геопривязке, для строк, выделенных на листе.",
  reading: "Читаю выделенные строки…",
  reread: "Взять текущее выделение",
  rowsOf: (sheet, first, last) => (first === last ? `${sheet} · строка ${first}` : `${sheet} · строки ${first}–${last}`),
  noRows: "В выделении нет строк с данными. Выделите строки для привязки (ниже строки заголовков) и прочитайте их снова.",
  capped: (max) => `Берутся только первые ${max} выделенных строк. Чтобы привязать остальные, выделите меньше строк.`,
  withCoordinates: (n, total) =>
    `${plural("ru", n, { one: "# строка", few: "# строки", many: "# строк", other: "# строки" })} с координатами из ${total}`,
  source: "Откуда взяты координаты",
  sources: {
    gps: "Показания GPS",
    map: "Карта",
    gazetteer: "Справочник названий (географический объект)",
    description: "Описание местонахождения",
  },
  mapScale: "Масштаб карты",
  mapScaleHint: "Например, 1:24000 или 1:100 000",
  mapScaleInvalid: "Напишите масштаб в виде 1:24000.",
  gpsAccuracy: "Точность GPS, м",
  gpsAccuracyHint: "Пусто: 30 м, а для сборов до мая 2000 года — 100 м (значения по умолчанию из руководства).",
  notDistance: "Напишите расстояние в метрах (0 или больше).",
  precision: "Точность, с которой записаны координаты",
  precisionAuto: "Как записано в каждой строке",
  precisionRead: (labels) => `Прочитано из ячеек: ${labels}`,
  datum: "Датум (geodeticDatum)",
  datumPerRow: "По geodeticDatum каждой строки",
  datumKnown: "Известен для всех строк",
  datumUnknown: "Неизвестен",
  extent: "Размер географического объекта, м",
  extentHint: "Расстояние от центра объекта до самого дальнего его края; пусто, если координаты не относятся к названному объекту.",
  georeferencedBy: "Кто выполнил привязку",
  georeferencedByHint: "Ваше имя, запишется в georeferencedBy.",
  results: "Результат",
  row: (row, id) => (id ? `Строка ${row} (${id})` : `Строка ${row}`),
  metres: (m) => `${m} м`,
  component: {
    precision: "точность записи",
    datum: "неизвестный датум",
    map: "карта",
    gps: "GPS",
    extent: "размер объекта",
  },
  gpsDefault: "по умолчанию",
  noCoordinates: (n) =>
    plural("ru", n, {
      one: "В # строке нет координат, она не меняется.",
      few: "В # строках нет координат, они не меняются.",
      many: "В # строках нет координат, они не меняются.",
      other: "В # строки нет координат, они не меняются.",
    }),
  invalid: (row) => `Строка ${row}: координаты вне допустимых пределов, строка не меняется.`,
  more: (n) => `…и ещё ${n}`,
  replace: "Заменять заполненные значения",
  replacedTitle: (n) =>
    plural("ru", n, {
      one: "Будет заменено # значение:",
      few: "Будут заменены # значения:",
      many: "Будут заменены # значений:",
      other: "Будут заменены # значения:",
    }),
  replacedItem: (row, term, from, to) => `Строка ${row}, ${term}: ${from} → ${to}`,
  kept: (n) =>
    plural("ru", n, {
      one: "# заполненная ячейка остаётся как есть (отметьте «Заменять заполненные значения», чтобы заменить).",
      few: "# заполненные ячейки остаются как есть (отметьте «Заменять заполненные значения», чтобы заменить).",
      many: "# заполненных ячеек остаются как есть (отметьте «Заменять заполненные значения», чтобы заменить).",
      other: "# заполненной ячейки остаются как есть (отметьте «Заменять заполненные значения», чтобы заменить).",
    }),
  write: (n) =>
    plural("ru", n, { one: "Записать в # строку", few: "Записать в # строки", many: "Записать в # строк", other: "Записать в # строки" }),
  nothingToWrite: "Записывать нечего: все ячейки уже заполнены.",
  writing: "Записываю…",
  askColumns: (terms) => `На листе нет столбцов ${terms}. Добавить их в конец строки заголовков?`,
  addAndWrite: "Добавить столбцы и записать",
  writeWithout: "Записать только в имеющиеся столбцы",
  cancel: "Отмена",
  written: (cells, rows) =>
    `Записано: ${plural("ru", cells, { one: "# значение", few: "# значения", many: "# значений", other: "# значения" })} в ${plural("ru", rows, { one: "# строке", few: "# строках", many: "# строках", other: "# строки" })}.`,
  addedColumns: (terms) => `Добавлены столбцы: ${terms}.`,
  skipped: (n) =>
    plural("ru", n, {
      one: "# ячейку за это время заполнили, она осталась как есть.",
      few: "# ячейки за это время заполнили, они остались как есть.",
      many: "# ячеек за это время заполнили, они остались как есть.",
      other: "# ячейки за это время заполнили, они остались как есть.",
    }),
  notAdded: (terms) => `Не записано (нет столбца): ${terms}.`,
  writtenTitle: "Готово",
  errorTitle: "Что-то пошло не так",
  precisionChoice: (c) => {
    if (c.unit === "exact") return "точные (без округления)";
    const unit = {
      degree: ["градуса", "градуса"],
      minute: ["минуты", "минуты"],
      second: ["секунды", "секунды"],
    }[c.unit];
    if (c.fraction) return `до ${c.fraction === "1/2" ? "½" : "¼"} ${unit[0]}`;
    if (c.places === 0) return `до ${unit[0]}`;
    return `${(1 / 10 ** c.places).toFixed(c.places).replace(".", ",")} ${unit[1]}`;
  },
};

/** The calculator's strings in `lang`. */
export const georefStrings: Readonly<Record<Lang, GeorefStrings>> = { en, ru };
