import { useState } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, CopyRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Lang } from "../../dwc/types";
import { emptyAgent } from "../../metadata/empty";
import { AGENT_FIELDS } from "../../metadata/fields";
import type { Agent } from "../../metadata/types";
import type { Strings } from "../i18n";
import { capitalised, metadataStrings } from "../strings/metadata";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  required: { color: tokens.colorPaletteRedForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  person: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  personHead: { gridColumn: "1 / -1", display: "flex", justifyContent: "space-between", alignItems: "center" },
  // Addresses are long: a whole row each.
  wide: { gridColumn: "1 / -1" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface AgentListProps {
  title: string;
  required: boolean;
  /** Problems of this list (missing entries, a bad email or ORCID), already in the interface language. */
  errors: string[];
  agents: Agent[];
  lang: Lang;
  strings: Strings;
  onChange: (agents: Agent[]) => void;
  /** Offers "Same as the first creator" (for the contacts): the agents to copy the first of. */
  copyFrom?: Agent[];
}

let keySeq = 0;

/** An entry nothing was typed into (replaced by a copy rather than kept beside it). */
const isEmptyAgent = (a: Agent): boolean => Object.values(a).every((v) => typeof v !== "string" || v.trim() === "");

/** Editable list of people or organisations (creators, contacts, metadata providers). */
export function AgentList({ title, required, errors, agents, lang, strings, onChange, copyFrom }: AgentListProps) {
  const s = useStyles();
  // Stable keys per entry that survive edits (each edit replaces the entry object).
  const [keys] = useState(() => new WeakMap<Agent, string>());
  const keyOf = (a: Agent): string => {
    let k = keys.get(a);
    if (!k) {
      k = `agent-${++keySeq}`;
      keys.set(a, k);
    }
    return k;
  };
  const edit = (i: number, prop: keyof Agent, value: string): void => {
    const next = { ...agents[i], [prop]: value };
    keys.set(next, keyOf(agents[i]));
    onChange(agents.map((a, n) => (n === i ? next : a)));
  };
  const fields = AGENT_FIELDS.filter((f) => f.prop !== "role");
  return (
    <fieldset className={s.root}>
      <legend className={s.legend}>
        {title}
        {required && (
          <span className={s.required} aria-hidden>
            {" "}
            *
          </span>
        )}
      </legend>
      {errors.map((e) => (
        <Text key={e} className={s.error} size={200} role="alert">
          {e}
        </Text>
      ))}
      {agents.map((a, i) => (
        <div key={keyOf(a)} className={s.person} role="group" aria-label={`${title}: ${strings.person(i + 1)}`}>
          <div className={s.personHead}>
            <Text size={200}>{strings.person(i + 1)}</Text>
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={`${title}: ${strings.removePerson(i + 1)}`}
              onClick={() => onChange(agents.filter((_, n) => n !== i))}
            />
          </div>
          {fields.map((f) => (
            <Field key={f.prop} label={capitalised(f.label[lang], lang)} size="small" className={f.prop === "email" || f.prop === "orcid" ? s.wide : undefined}>
              <Input
                size="small"
                type={f.prop === "email" ? "email" : "text"}
                value={a[f.prop]}
                onChange={(_, d) => edit(i, f.prop, d.value)}
              />
            </Field>
          ))}
        </div>
      ))}
      <div className={s.actions}>
        <Button
          size="small"
          icon={<AddRegular />}
          aria-label={`${title}: ${strings.addPerson}`}
          onClick={() => onChange([...agents, emptyAgent()])}
        >
          {strings.addPerson}
        </Button>
        {copyFrom && copyFrom.length > 0 && (
          <Button
            size="small"
            icon={<CopyRegular />}
            title={metadataStrings(lang).sameAsCreatorHint}
            aria-label={`${title}: ${metadataStrings(lang).sameAsCreator}`}
            onClick={() => onChange([...agents.filter((a) => !isEmptyAgent(a)), { ...copyFrom[0] }])}
          >
            {metadataStrings(lang).sameAsCreator}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
