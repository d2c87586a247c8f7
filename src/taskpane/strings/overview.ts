/** The words of the Validate tab's map and charts (and the large map's window), in English and Russian. */
import type { Lang } from "../../dwc/types";
import { plural } from "../i18n";
import type { PointTier } from "../overview/aggregate";

const en = {
  viewSwitch: "View",
  viewIssues: "Issues",
  viewMap: "Map",
  viewCharts: "Charts",
  reading: "Reading the records…",
  refresh: "Read the sheets again",
  noPoints: "No record has coordinates to put on the map.",
  noRecords: "No records to chart.",
  mapTitle: "Records on a map",
  mapHelp: "Click a point to select its row. With the map focused, the arrow keys go from point to point and Enter selects the row.",
  onMap: (n: number) => plural("en", n, { one: "# record on the map", other: "# records on the map" }),
  unplaced: (n: number) => plural("en", n, { one: "# record has coordinates out of range", other: "# records have coordinates out of range" }),
  tier: { blocker: "Blocks export", error: "Error", warning: "Warning", none: "No problem" } as Record<PointTier, string>,
  metadataBox: "Bounding box of the metadata",
  fixArrow: "Where the proposed fix moves it",
  noFindings: "No problems found",
  noName: "(no name)",
  noDate: "(no date)",
  row: (sheet: string, row: number) => `${sheet}, row ${row}`,
  moreIssues: (n: number) => plural("en", n, { one: "and # more", other: "and # more" }),
  openLarge: "Open large map",
  largeTitle: "Records on a map (large)",
  dialogFailed: (reason: string) => `The large map could not open: ${reason}`,
  dialogWaiting: "Waiting for the records from the task pane…",
  chartYear: "Records per year",
  chartMonth: "Records per month",
  chartKingdom: "Records per kingdom",
  chartFamily: "The ten largest families",
  chartBasis: "Records per basisOfRecord",
  chartProtocol: "Events per samplingProtocol",
  chartNone: "No values.",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  barLabel: (label: string, n: number) => `${label}: ${plural("en", n, { one: "# record", other: "# records" })}. Select the rows`,
  barHelp: "Click a bar to select its rows in Excel.",
  selectedRows: (n: number, sheet: string) => plural("en", n, { one: `Selected # row in ${sheet}`, other: `Selected # rows in ${sheet}` }),
  selectedSome: (shown: number, n: number, sheet: string) => `Selected the first ${shown} of ${n} rows in ${sheet}`,
};

export type OverviewStrings = typeof en;

const ru: OverviewStrings = {
  viewSwitch: "Вид",
  viewIssues: "Замечания",
  viewMap: "Карта",
  viewCharts: "Диаграммы",
  reading: "Чтение записей…",
  refresh: "Прочитать листы заново",
  noPoints: "Ни у одной записи нет координат для карты.",
  noRecords: "Нет записей для диаграмм.",
  mapTitle: "Записи на карте",
  mapHelp: "Щёлкните точку, чтобы выделить её строку. На карте в фокусе стрелки переходят от точки к точке, Enter выделяет строку.",
  onMap: (n: number) => plural("ru", n, { one: "# запись на карте", few: "# записи на карте", many: "# записей на карте", other: "# записи на карте" }),
  unplaced: (n: number) =>
    plural("ru", n, { one: "У # записи координаты вне допустимых пределов", few: "У # записей координаты вне допустимых пределов", many: "У # записей координаты вне допустимых пределов", other: "У # записи координаты вне допустимых пределов" }),
  tier: { blocker: "Блокирует экспорт", error: "Ошибка", warning: "Предупреждение", none: "Без замечаний" },
  metadataBox: "Ограничивающий прямоугольник метаданных",
  fixArrow: "Куда её переместит предложенное исправление",
  noFindings: "Замечаний нет",
  noName: "(без названия)",
  noDate: "(без даты)",
  row: (sheet: string, row: number) => `${sheet}, строка ${row}`,
  moreIssues: (n: number) => `и ещё ${n}`,
  openLarge: "Открыть большую карту",
  largeTitle: "Записи на карте (крупно)",
  dialogFailed: (reason: string) => `Большая карта не открылась: ${reason}`,
  dialogWaiting: "Ожидание записей из области задач…",
  chartYear: "Записи по годам",
  chartMonth: "Записи по месяцам",
  chartKingdom: "Записи по царствам",
  chartFamily: "Десять крупнейших семейств",
  chartBasis: "Записи по basisOfRecord",
  chartProtocol: "События по samplingProtocol",
  chartNone: "Нет значений.",
  months: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
  barLabel: (label: string, n: number) =>
    `${label}: ${plural("ru", n, { one: "# запись", few: "# записи", many: "# записей", other: "# записи" })}. Выделить строки`,
  barHelp: "Щёлкните столбец, чтобы выделить его строки в Excel.",
  selectedRows: (n: number, sheet: string) =>
    plural("ru", n, { one: `Выделена # строка на листе ${sheet}`, few: `Выделены # строки на листе ${sheet}`, many: `Выделено # строк на листе ${sheet}`, other: `Выделено # строки на листе ${sheet}` }),
  selectedSome: (shown: number, n: number, sheet: string) => `Выделены первые ${shown} из ${n} строк на листе ${sheet}`,
};

/** The overview's strings in `lang`. */
export const overviewStrings = (lang: Lang): OverviewStrings => (lang === "ru" ? ru : en);
