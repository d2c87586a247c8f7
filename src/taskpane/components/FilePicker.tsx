import { useRef, type ReactElement } from "react";
import { Button, Field, makeStyles, type ButtonProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: { display: "none" },
});

export interface FilePickerProps {
  /** The file types offered, as the input's `accept` (e.g. ".zip,application/zip"). */
  accept: string;
  /** The button's text, also the hidden input's accessible name. */
  label: string;
  icon?: ReactElement;
  size?: ButtonProps["size"];
  disabled?: boolean;
  /** A line under the button (the button is then wrapped in a Field). */
  hint?: string;
  /** The chosen file; called again when the same file is picked twice. */
  onFile: (file: File) => void;
}

/**
 * A button that opens the system's file dialog through a hidden `<input type="file">` (the file is read locally: no
 * network). The input is cleared after each pick, so that picking the same file again is reported again.
 *
 * @example <FilePicker accept=".json,application/json" label="Load mapping from JSON" onFile={(f) => read(f)} />
 */
export function FilePicker({ accept, label, icon, size, disabled, hint, onFile }: FilePickerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const button = (
    <Button size={size} icon={icon} disabled={disabled} onClick={() => input.current?.click()}>
      {label}
    </Button>
  );
  return (
    <>
      {hint === undefined ? button : <Field hint={hint}>{button}</Field>}
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept={accept}
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}
