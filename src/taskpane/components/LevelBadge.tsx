import { Badge } from "@fluentui/react-components";
import type { ColumnLevel } from "../../dwc/types";
import type { Strings } from "../i18n";

export interface LevelBadgeProps {
  level: ColumnLevel;
  strings: Strings;
}

/** The column level, coloured like the template's header fills (required dark, recommended light). */
export function LevelBadge({ level, strings }: LevelBadgeProps) {
  if (level === "required") {
    return (
      <Badge appearance="filled" color="success" size="small">
        {strings.levelRequired}
      </Badge>
    );
  }
  if (level === "recommended") {
    return (
      <Badge appearance="tint" color="success" size="small">
        {strings.levelRecommended}
      </Badge>
    );
  }
  return (
    <Badge appearance="outline" color="informative" size="small">
      {strings.levelOptional}
    </Badge>
  );
}
