/** The Metadata form's own words (beyond i18n.ts), in English and Russian. */
import type { Lang } from "../../dwc/types";

const en = {
  sameAsCreator: "Same as the first creator",
  sameAsCreatorHint: "Copies the first creator's name, organisation and addresses into a new contact.",
};
export type MetadataStrings = typeof en;
const ru: MetadataStrings = {
  sameAsCreator: "Как первый автор",
  sameAsCreatorHint: "Копирует имя, организацию и адреса первого автора в новое контактное лицо.",
};

/** The form's words in `lang`. */
export const metadataStrings = (lang: Lang): MetadataStrings => (lang === "ru" ? ru : en);

/**
 * A field label as a label starts: its first letter a capital (the model's labels are lower case for use inside
 * messages, "Creator 2: email").
 *
 * @example capitalised("last name", "en") // "Last name"
 */
export const capitalised = (label: string, lang: Lang): string => label.charAt(0).toLocaleUpperCase(lang) + label.slice(1);
