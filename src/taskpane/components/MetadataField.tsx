import { useState } from "react";
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import type { ScalarFieldSpec } from "../../metadata/fields";
import { LICENSES } from "../../metadata/licenses";
import { DATASET_TYPES, LANGUAGES, UPDATE_FREQUENCIES } from "../../metadata/vocabularies";
import type { Strings } from "../i18n";

export interface MetadataFieldProps {
  spec: ScalarFieldSpec;
  value: string;
  /** Problem message to show under the field. */
  error?: string;
  lang: Lang;
  strings: Strings;
  onChange: (value: string) => void;
}

/** Options of a list-valued field kind, or undefined for free text. */
function optionsFor(kind: ScalarFieldSpec["kind"], lang: Lang, strings: Strings): { value: string; label: string }[] | undefined {
  switch (kind) {
    case "license":
      return [{ value: "", label: strings.chooseLicense }, ...LICENSES.map((l) => ({ value: l.id, label: l.label[lang] }))];
    case "language":
      // Languages by their names: the code is the sheet's business.
      return LANGUAGES.map((l) => ({ value: l.code, label: l.label[lang] }));
    case "updateFrequency":
      return UPDATE_FREQUENCIES.map((f) => ({ value: f.value, label: f.label[lang] }));
    case "datasetType":
      return [{ value: "", label: "—" }, ...DATASET_TYPES.map((d) => ({ value: d.value, label: d.label[lang] }))];
    case "source":
      return [
        { value: "data", label: strings.sourceData },
        { value: "user", label: strings.sourceUser },
      ];
    default:
      return undefined;
  }
}

/** One scalar metadata field: label, help, required mark, problem, and the right input for its kind. */
export function MetadataField({ spec, value, error, lang, strings, onChange }: MetadataFieldProps) {
  const options = optionsFor(spec.kind, lang, strings);
  // Numbers keep the typed text while it is being edited ("55," or "-" are not numbers yet).
  // The typed text is kept only while `value` is unchanged; a new value from outside (refresh) replaces it.
  const [edit, setEdit] = useState({ text: value, from: value });
  const text = edit.from === value ? edit.text : value;
  const control = options ? (
    <Select value={value} onChange={(_, d) => onChange(d.value)}>
      {options.some((o) => o.value === value) ? null : <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  ) : spec.kind === "longText" ? (
    <Textarea resize="vertical" value={value} onChange={(_, d) => onChange(d.value)} />
  ) : spec.kind === "number" ? (
    <Input
      inputMode="decimal"
      value={text}
      onChange={(_, d) => setEdit({ text: d.value, from: value })}
      onBlur={() => text !== value && onChange(text)}
    />
  ) : (
    <Input value={value} onChange={(_, d) => onChange(d.value)} />
  );
  return (
    <Field
      label={spec.label[lang]}
      // A source's two options say what they mean; the help names the sheet's words for them.
      hint={(spec.kind !== "source" && spec.help[lang]) || undefined}
      required={spec.required}
      validationState={error ? "error" : "none"}
      validationMessage={error}
    >
      {control}
    </Field>
  );
}
