/** The words of "Open a Darwin Core Archive…" (src/taskpane/components/OpenArchive.tsx), in English and Russian. */
import type { SheetRemark } from "../../archive/sheets";
import type { Lang } from "../../dwc/types";
import { plural } from "../i18n";

const en = {
  start: "Start from a template below, or open a dataset already published.",
  open: "Open a Darwin Core Archive…",
  openHint: "A .zip from GBIF or an IPT. Its data become new sheets (every value as text); nothing is sent anywhere.",
  reading: "Reading the archive…",
  writing: "Writing rows…",
  progress: (done: number, total: number, sheet?: string) =>
    `${done.toLocaleString("en")} of ${total.toLocaleString("en")} rows${sheet ? ` · ${sheet}` : ""}`,
  cancel: "Cancel",
  cancelled: "Import cancelled. The workbook is as it was.",
  failed: "The archive was not imported. The workbook is as it was.",
  notAZip: "This file is not a zip archive. Choose the .zip of a Darwin Core Archive.",
  notAnArchive: "The zip has no meta.xml and no single data file: it is not a Darwin Core Archive.",
  replaceTitle: "Replace the Metadata sheet?",
  replaceBody:
    "This workbook's Metadata sheet already holds entries. The archive has its own metadata (eml.xml). Replace the sheet with the archive's metadata, or keep yours?",
  keep: "Keep mine",
  replace: "Replace",
  done: (file: string) => `Opened ${file}.`,
  sheet: (name: string, records: number, location: string) =>
    `${name}: ${plural("en", records, { one: "# record", other: "# records" })} from ${location}`,
  notExported: "no Darwin Core role: not exported",
  metadataWritten: (packageId: string) =>
    packageId ? `Metadata sheet filled from eml.xml (packageId ${packageId}).` : "Metadata sheet filled from eml.xml.",
  metadataEmpty: "The archive has no readable eml.xml: fill in the Metadata tab before exporting.",
  metadataKept: "Your Metadata sheet was kept as it was.",
  notesTitle: "What you should know",
  archiveNotes: "Notes from the archive (as the reader wrote them)",
  remark: (r: SheetRemark): string =>
    r.kind === "noTerm"
      ? `${r.header}: column ${r.column} of ${r.location} has no Darwin Core term; kept${r.ownHeader ? " under its own header" : ""}, not exported unless the header is a term.`
      : r.kind === "defaultFilled"
        ? `${r.header}: empty cells filled with the default “${r.value}” from meta.xml.`
        : `${r.header}: a column added with the default “${r.value}” from meta.xml.`,
  validateNext: "Next: check the data with Validate.",
  validate: "Validate",
  dismiss: "Dismiss",
};

export type ImportStrings = typeof en;

const ru: ImportStrings = {
  start: "Начните с шаблона ниже или откройте уже опубликованный набор данных.",
  open: "Открыть архив Darwin Core…",
  openHint:
    "Файл .zip из GBIF или IPT. Его данные станут новыми листами (все значения как текст); ничего никуда не отправляется.",
  reading: "Чтение архива…",
  writing: "Запись строк…",
  progress: (done, total, sheet) =>
    `${done.toLocaleString("ru")} из ${total.toLocaleString("ru")} строк${sheet ? ` · ${sheet}` : ""}`,
  cancel: "Отмена",
  cancelled: "Импорт отменён. Книга осталась прежней.",
  failed: "Архив не импортирован. Книга осталась прежней.",
  notAZip: "Это не zip-архив. Выберите файл .zip архива Darwin Core.",
  notAnArchive: "В zip нет meta.xml и нет единственного файла данных: это не архив Darwin Core.",
  replaceTitle: "Заменить лист Metadata?",
  replaceBody:
    "Лист Metadata этой книги уже заполнен. В архиве есть свои метаданные (eml.xml). Заменить лист метаданными архива или оставить ваши?",
  keep: "Оставить мои",
  replace: "Заменить",
  done: (file) => `Открыт ${file}.`,
  sheet: (name, records, location) =>
    `${name}: ${plural("ru", records, { one: "# запись", few: "# записи", many: "# записей", other: "# записи" })} из ${location}`,
  notExported: "нет роли Darwin Core: не экспортируется",
  metadataWritten: (packageId) =>
    packageId ? `Лист Metadata заполнен из eml.xml (packageId ${packageId}).` : "Лист Metadata заполнен из eml.xml.",
  metadataEmpty: "В архиве нет читаемого eml.xml: заполните вкладку «Метаданные» перед экспортом.",
  metadataKept: "Ваш лист Metadata оставлен без изменений.",
  notesTitle: "Что нужно знать",
  archiveNotes: "Замечания по архиву (как их записала программа чтения, по-английски)",
  remark: (r) =>
    r.kind === "noTerm"
      ? `${r.header}: у столбца ${r.column} файла ${r.location} нет термина Darwin Core; сохранён${r.ownHeader ? " под своим заголовком" : ""}, в экспорт не попадёт, если заголовок не термин.`
      : r.kind === "defaultFilled"
        ? `${r.header}: пустые ячейки заполнены значением по умолчанию «${r.value}» из meta.xml.`
        : `${r.header}: добавлен столбец со значением по умолчанию «${r.value}» из meta.xml.`,
  validateNext: "Дальше: проверьте данные на вкладке «Проверка».",
  validate: "Проверить",
  dismiss: "Закрыть",
};

/** The import strings in `lang`. */
export const IMPORT_STRINGS: Record<Lang, ImportStrings> = { en, ru };
