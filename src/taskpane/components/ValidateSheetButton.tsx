import { Button, Tooltip } from "@fluentui/react-components";
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
    <Tooltip content={strings.validateSheetHint(sheet)} relationship="description">
      <Button icon={<DocumentCheckmarkRegular />} disabled={v.task.state.running} onClick={() => void v.runSheet(sheet)}>
        {strings.validateSheet}
      </Button>
    </Tooltip>
  );
}
