import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { precisionChoiceOf, PRECISION_CHOICES, type CoordinateSource, type RowGeoreference } from "../../georef";
import { usePane } from "../context";
import { useGeoref } from "../hooks/useGeoref";
import { georefStrings, type GeorefStrings } from "../strings/georef";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexDirection: "column" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Rows listed one by one; the rest are counted. */
const MAX_LISTED = 30;
const SOURCES: readonly CoordinateSource[] = ["gps", "map", "gazetteer", "description"];

/** A precision in words: a known choice's label, else its size in degrees. */
function precisionText(t: GeorefStrings, degrees: number): string {
  const choice = precisionChoiceOf(degrees);
  return choice ? t.precisionChoice(choice) : `${Number(degrees.toPrecision(3))}°`;
}

/** The components of one row's uncertainty in words: "precision 1434 m (0.01 degree) + map 12 m". */
function componentsText(t: GeorefStrings, o: Extract<RowGeoreference, { status: "computed" }>): string {
  const c = o.result.components;
  const m = (x: number) => t.metres(Math.round(x));
  const parts = [`${t.component.precision} ${m(c.coordinatePrecision)} (${precisionText(t, o.precisionDegrees)})`];
  if (c.datum > 0) parts.push(`${t.component.datum} ${m(c.datum)}`);
  if (c.mapScale > 0) parts.push(`${t.component.map} ${m(c.mapScale)}`);
  if (c.measurement > 0) parts.push(`${t.component.gps} ${m(c.measurement)}${o.gpsDefault ? ` (${t.gpsDefault})` : ""}`);
  if (c.radial > 0) parts.push(`${t.component.extent} ${m(c.radial)}`);
  return parts.join(" + ");
}

/**
 * The georeferencing calculator for the rows selected in a dataset sheet: where the coordinates came from, their
 * precision (read from the cells, or chosen), the datum, the named place's extent and GPS accuracy; each row's
 * coordinateUncertaintyInMeters with its parts; and "Write to N rows" (empty cells only unless replacing, the
 * replaced values listed first; missing columns added only after asking).
 */
export function GeorefCalculator() {
  const s = useStyles();
  const { lang } = usePane();
  const t = georefStrings[lang];
  const g = useGeoref();
  const { selection, form, setForm, problems, outcomes, plan } = g;

  const computed = outcomes.filter((o): o is Extract<RowGeoreference, { status: "computed" }> => o.status === "computed");
  const noCoordinates = outcomes.filter((o) => o.status === "noCoordinates").length;
  const invalid = outcomes.filter((o): o is Extract<RowGeoreference, { status: "invalid" }> => o.status === "invalid");
  const idOf = (row: number) => selection?.rows.find((r) => r.row === row)?.cells[selection.role.idTerm];
  const readLabels = [...new Set(computed.map((o) => precisionText(t, o.precisionDegrees)))].join(", ");

  return (
    <section className={s.root} aria-label={t.title}>
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Caption1 className={s.muted}>{t.intro}</Caption1>
      {g.error && <Notice intent="error" title={t.errorTitle} text={g.error} />}
      {g.reading && !selection && <Spinner size="tiny" label={t.reading} />}
      {!g.reading && !selection && !g.error && <Text>{t.noRows}</Text>}
      {selection && (
        <>
          <Text>
            {selection.lastRow >= selection.firstRow
              ? `${t.rowsOf(selection.sheet, selection.firstRow, selection.lastRow)} · ${t.withCoordinates(
                  computed.length + invalid.length,
                  outcomes.length
                )}`
              : t.noRows}
          </Text>
          {selection.capped && <Notice intent="warning" text={t.capped(selection.lastRow - selection.firstRow + 1)} />}
          <div className={s.actions}>
            <Button size="small" onClick={g.reload} disabled={g.reading || g.writing}>
              {t.reread}
            </Button>
          </div>

          <Field label={t.source}>
            <Select value={form.source} onChange={(_, d) => setForm({ source: d.value as CoordinateSource })}>
              {SOURCES.map((src) => (
                <option key={src} value={src}>
                  {t.sources[src]}
                </option>
              ))}
            </Select>
          </Field>
          {form.source === "map" && (
            <Field
              label={t.mapScale}
              hint={t.mapScaleHint}
              validationState={problems.mapScale && form.mapScale.trim() !== "" ? "error" : "none"}
              validationMessage={problems.mapScale && form.mapScale.trim() !== "" ? t.mapScaleInvalid : undefined}
            >
              <Input value={form.mapScale} onChange={(_, d) => setForm({ mapScale: d.value })} />
            </Field>
          )}
          {form.source === "gps" && (
            <Field
              label={t.gpsAccuracy}
              hint={t.gpsAccuracyHint}
              validationState={problems.gpsAccuracy ? "error" : "none"}
              validationMessage={problems.gpsAccuracy ? t.notDistance : undefined}
            >
              <Input inputMode="decimal" value={form.gpsAccuracy} onChange={(_, d) => setForm({ gpsAccuracy: d.value })} />
            </Field>
          )}
          <Field label={t.precision} hint={form.precision === "auto" && readLabels ? t.precisionRead(readLabels) : undefined}>
            <Select value={form.precision} onChange={(_, d) => setForm({ precision: d.value })}>
              <option value="auto">{t.precisionAuto}</option>
              {PRECISION_CHOICES.map((c) => (
                <option key={c.id} value={c.id}>
                  {t.precisionChoice(c)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.datum}>
            <Select value={form.datum} onChange={(_, d) => setForm({ datum: d.value as typeof form.datum })}>
              <option value="per-row">{t.datumPerRow}</option>
              <option value="known">{t.datumKnown}</option>
              <option value="unknown">{t.datumUnknown}</option>
            </Select>
          </Field>
          <Field
            label={t.extent}
            hint={t.extentHint}
            validationState={problems.extent ? "error" : "none"}
            validationMessage={problems.extent ? t.notDistance : undefined}
          >
            <Input inputMode="decimal" value={form.extent} onChange={(_, d) => setForm({ extent: d.value })} />
          </Field>
          <Field label={t.georeferencedBy} hint={t.georeferencedByHint}>
            <Input value={form.georeferencedBy} onChange={(_, d) => setForm({ georeferencedBy: d.value })} />
          </Field>

          {plan && outcomes.length > 0 && (
            <section className={s.root} aria-label={t.results}>
              <Subtitle2 as="h3">{t.results}</Subtitle2>
              <ul className={s.list}>
                {computed.slice(0, MAX_LISTED).map((o) => (
                  <li key={o.row} className={s.row}>
                    <Text>
                      {t.row(o.row, idOf(o.row))}: <strong>{t.metres(o.result.uncertaintyMeters)}</strong>
                    </Text>
                    <Caption1 className={s.muted}>{componentsText(t, o)}</Caption1>
                  </li>
                ))}
                {computed.length > MAX_LISTED && <li key="more">{t.more(computed.length - MAX_LISTED)}</li>}
              </ul>
              {invalid.map((o) => (
                <Caption1 key={`invalid-${o.row}`}>{t.invalid(o.row)}</Caption1>
              ))}
              {noCoordinates > 0 && <Caption1>{t.noCoordinates(noCoordinates)}</Caption1>}

              <Checkbox checked={form.replace} onChange={(_, d) => setForm({ replace: d.checked === true })} label={t.replace} />
              {plan.replaced.length > 0 && (
                <section aria-label={t.replacedTitle(plan.replaced.length)}>
                  <Text weight="semibold">{t.replacedTitle(plan.replaced.length)}</Text>
                  <ul className={s.list}>
                    {plan.replaced.slice(0, MAX_LISTED).map((w) => (
                      <li key={`${w.row}-${w.term}`}>{t.replacedItem(w.row, w.term, w.current, w.value)}</li>
                    ))}
                    {plan.replaced.length > MAX_LISTED && <li key="more">{t.more(plan.replaced.length - MAX_LISTED)}</li>}
                  </ul>
                </section>
              )}
              {!form.replace && plan.kept.length > 0 && <Caption1>{t.kept(plan.kept.length)}</Caption1>}
              {plan.writes.length === 0 && computed.length > 0 && <Text>{t.nothingToWrite}</Text>}

              {g.asking.length > 0 ? (
                <div role="group" aria-label={t.askColumns(g.asking.join(", "))}>
                  <Notice intent="warning" text={t.askColumns(g.asking.join(", "))} />
                  <div className={s.actions}>
                    <Button appearance="primary" onClick={() => g.answer("add")}>
                      {t.addAndWrite}
                    </Button>
                    <Button onClick={() => g.answer("without")}>{t.writeWithout}</Button>
                    <Button onClick={() => g.answer("cancel")}>{t.cancel}</Button>
                  </div>
                </div>
              ) : (
                <div className={s.actions}>
                  <Button appearance="primary" disabled={plan.rows === 0 || g.writing || g.reading} onClick={g.write}>
                    {t.write(plan.rows)}
                  </Button>
                  {g.writing && <Spinner size="tiny" label={t.writing} />}
                </div>
              )}
            </section>
          )}
          {g.result && (
            <Notice
              intent="success"
              title={t.writtenTitle}
              text={[
                t.written(g.result.written, g.result.rows),
                g.result.addedColumns.length > 0 ? t.addedColumns(g.result.addedColumns.join(", ")) : "",
                g.result.missingColumns.length > 0 ? t.notAdded(g.result.missingColumns.join(", ")) : "",
                g.result.skipped.length > 0 ? t.skipped(g.result.skipped.length) : "",
              ]
                .filter(Boolean)
                .join(" ")}
            />
          )}
        </>
      )}
    </section>
  );
}
