import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

export interface TaskProgressProps {
  label: string;
  detail?: string;
  progress?: Progress;
  cancelLabel: string;
  onCancel: () => void;
}

/** A progress bar (indeterminate until a total is known) with a Cancel button. */
export function TaskProgress({ label, detail, progress, cancelLabel, onCancel }: TaskProgressProps) {
  const s = useStyles();
  const value = progress && progress.total > 0 ? Math.min(progress.done / progress.total, 1) : undefined;
  return (
    <div className={s.root}>
      <Field className={s.bar} label={label} hint={detail} validationState="none">
        <ProgressBar value={value} thickness="large" />
      </Field>
      <Button onClick={onCancel}>{cancelLabel}</Button>
    </div>
  );
}
