/**
 * Words of the first-run guide (the four steps, shown until the first export) and of "What next" after an export,
 * in English and Russian.
 */
import type { Lang } from "../../dwc/types";

const en = {
  guideTitle: "Four steps to a GBIF dataset",
  guideHide: "Hide the steps",
  stepTemplate: "Template or open",
  stepFill: "Fill and validate",
  stepMetadata: "Metadata",
  stepExport: "Export",
  stepOf: (n: number, label: string) => `Step ${n}: ${label}`,
  stepHintTemplate: "Insert a template, open a published archive, or standardise your own table into a Darwin Core sheet.",
  stepHintFill: "Type or paste your records, then validate: the problems are listed with their cells and fixes.",
  stepHintMetadata: "Describe the dataset: title, description, licence, the people to credit and contact.",
  stepHintExport: "Build the archive. GBIF publishes it from an IPT, yours or your node's.",
  nextTitle: "What next",
  nextIpt:
    "If you have an IPT (Integrated Publishing Toolkit): log in, open Manage resources, create a new resource and upload this archive as its source. Check the metadata there, publish it, and register it with GBIF.",
  nextNode:
    "Without an IPT of your own: send the archive to the GBIF node or the publishing organisation you work with; they publish it under your name. GBIF's help desk (helpdesk@gbif.org) tells you whom to ask.",
  nextUpdate: "For a new version later, export again from this workbook and upload the archive to the same IPT resource: GBIF shows it as a new version of the same dataset.",
};

export type GuideStrings = typeof en;

const ru: GuideStrings = {
  guideTitle: "Четыре шага к набору данных в GBIF",
  guideHide: "Скрыть шаги",
  stepTemplate: "Шаблон или архив",
  stepFill: "Заполнение и проверка",
  stepMetadata: "Метаданные",
  stepExport: "Экспорт",
  stepOf: (n, label) => `Шаг ${n}: ${label}`,
  stepHintTemplate: "Вставьте шаблон, откройте опубликованный архив или стандартизуйте свою таблицу в лист Darwin Core.",
  stepHintFill: "Впишите или вставьте записи и запустите проверку: проблемы перечислены с ячейками и исправлениями.",
  stepHintMetadata: "Опишите набор данных: название, описание, лицензию, авторов и контактное лицо.",
  stepHintExport: "Создайте архив. GBIF публикует его из IPT — вашего или узла GBIF.",
  nextTitle: "Что дальше",
  nextIpt:
    "Если у вас есть IPT (Integrated Publishing Toolkit): войдите, откройте «Управление ресурсами», создайте новый ресурс и загрузите этот архив как его источник. Проверьте там метаданные, опубликуйте ресурс и зарегистрируйте его в GBIF.",
  nextNode:
    "Если своего IPT нет: отправьте архив узлу GBIF или организации-публикатору, с которой вы работаете; они опубликуют его под вашим именем. Служба поддержки GBIF (helpdesk@gbif.org) подскажет, к кому обратиться.",
  nextUpdate: "Для новой версии позже снова экспортируйте из этой книги и загрузите архив в тот же ресурс IPT: GBIF покажет его как новую версию того же набора данных.",
};

const GUIDE: Record<Lang, GuideStrings> = { en, ru };

/** The guide's words in `lang`. */
export const guideStrings = (lang: Lang): GuideStrings => GUIDE[lang];
