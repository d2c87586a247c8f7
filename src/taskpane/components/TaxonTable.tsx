import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { TaxonCoverage } from "../../metadata/types";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS} 0`, textAlign: "left" },
  num: { textAlign: "right" },
});

export interface TaxonTableProps {
  taxa: TaxonCoverage[];
  strings: Strings;
}

/** Taxonomic coverage derived from the data: rank, name, number of records. */
export function TaxonTable({ taxa, strings }: TaxonTableProps) {
  const s = useStyles();
  if (taxa.length === 0) return <Caption1>{strings.noCoverage}</Caption1>;
  return (
    <table className={s.table} aria-label={strings.taxonomic}>
      <thead>
        <tr>
          <th className={s.cell}>{strings.rank}</th>
          <th className={s.cell}>{strings.taxonName}</th>
          <th className={`${s.cell} ${s.num}`}>{strings.records}</th>
        </tr>
      </thead>
      <tbody>
        {taxa.map((x) => (
          <tr key={`${x.rank}:${x.name}`}>
            <td className={s.cell}>{x.rank}</td>
            <td className={s.cell}>{x.name}</td>
            <td className={`${s.cell} ${s.num}`}>{x.count ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
