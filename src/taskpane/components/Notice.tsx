import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  items: { margin: 0, paddingLeft: "1.25em" },
});

export interface NoticeProps {
  intent: "error" | "warning" | "success" | "info";
  title?: string;
  /** The message; or `items`, a list (both may be given: the text first). */
  text?: string;
  items?: readonly string[];
  dismissLabel?: string;
  onDismiss?: () => void;
}

/** A message bar for results and errors; errors are announced to screen readers. */
export function Notice({ intent, title, text, items, dismissLabel, onDismiss }: NoticeProps) {
  const s = useStyles();
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {text}
        {items && items.length > 0 && (
          <ul className={s.items}>
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={dismissLabel} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      )}
    </MessageBar>
  );
}
