import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface NoticeProps {
  intent: "error" | "warning" | "success" | "info";
  title?: string;
  text: string;
  dismissLabel?: string;
  onDismiss?: () => void;
}

/** A message bar for results and errors; errors are announced to screen readers. */
export function Notice({ intent, title, text, dismissLabel, onDismiss }: NoticeProps) {
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {text}
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
