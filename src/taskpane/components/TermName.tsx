import { Fragment } from "react";

/**
 * A term name cut where a line may break: before each capital that follows a small letter or a digit (camelCase),
 * and after `:` or `/` (prefixed names, IRIs). Joined, the parts give the name back.
 *
 * @example termNameParts("coordinateUncertaintyInMeters") // ["coordinate", "Uncertainty", "In", "Meters"]
 */
export function termNameParts(name: string): string[] {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[:/])(?=.)/u);
}

/**
 * A term name that wraps at its camelCase boundaries (`<wbr>` between the parts), never in the middle of a word,
 * in narrow panes; its text stays the name.
 *
 * @example <TermName name="coordinateUncertaintyInMeters" />
 */
export function TermName({ name }: { name: string }) {
  return (
    <>
      {termNameParts(name).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
