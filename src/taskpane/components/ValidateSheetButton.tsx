import { Button } from "@fluentui/react-components";
import { DocumentCheckmarkRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { useSelection } from "../hooks/useSelection";
import type { ValidationState } from "../hooks/useValidation";

export interface ValidateSheetButtonProps {
  validation: ValidationState;
}

/**
 * "Validate this sheet only", offered while the active sheet is a Darwin Core sheet: validates that sheet alone,
 * and the other sheets keep their findings (the hint names the sheet).
 */
export function ValidateSheetButton({ validation: v }: ValidateSheetButtonProps) {
  const { strings } = usePane();
  const { selection } = useSelection();
  const sheet = selection?.role ? selection.sheet : undefined;
  if (sheet === undefined) return null;
  return (
    // The hint as the native title (a portal tooltip would cover the tabs above the button).
    <Button icon={<DocumentCheckmarkRegular />} title={strings.validateSheetHint(sheet)} disabled={v.task.state.running} onClick={() => void v.runSheet(sheet)}>
      {strings.validateSheet}
    </Button>
  );
}
