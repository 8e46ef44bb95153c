/**
 * Findings by sub-region (rows, most first) and kind of problem (columns), each cell shaded by its
 * count against the largest on the table, so the county with the most problems stands out. A
 * region leads to its own anomalies; a column heading filters the page by that kind.
 */
import Link from "next/link";
import type { Heat } from "@/lib/queries/anomalies";
import { ruleTitle } from "@/lib/anomalies/registry";
import { formatNumber } from "../format";
import styles from "./heat-table.module.css";

interface Props {
  heat: Heat;
  /** the page's view of a sub-region */
  regionHref: (code: string) => string;
  /** the page's view of one kind of problem */
  ruleHref: (rule: string) => string;
}

/** Red, deeper with the count; light enough at the top for the number to stay readable. */
function shade(count: number, max: number) {
  if (count === 0) return undefined;
  const alpha = 0.06 + 0.74 * (count / max);
  return { background: `rgba(198, 40, 40, ${alpha.toFixed(2)})`, color: alpha > 0.5 ? "#fff" : undefined };
}

export function HeatTable({ heat, regionHref, ruleHref }: Props) {
  const max = Math.max(1, ...heat.rows.flatMap((row) => heat.rules.map((rule) => row.counts[rule] ?? 0)));
  return (
    <>
      <p className="panel-note">
        颜色越深问题越多<span className={styles.legend} aria-hidden="true" />
        点击地区查看该地区的问题，点击列名只看该类问题。
      </p>
      <div className="table-scroll">
        <table className={styles.heat}>
          <caption className="visually-hidden">各地区各类问题数</caption>
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">合计</th>
              {heat.rules.map((rule) => (
                <th key={rule} scope="col">
                  <Link href={ruleHref(rule)} title={rule}>
                    {ruleTitle(rule)}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heat.rows.map((row) => (
              <tr key={row.code ?? "unknown"}>
                <th scope="row">{row.code ? <Link href={regionHref(row.code)}>{row.name}</Link> : row.name}</th>
                <td className={styles.total}>{formatNumber(row.total)}</td>
                {heat.rules.map((rule) => {
                  const count = row.counts[rule] ?? 0;
                  return (
                    <td key={rule} style={shade(count, max)}>
                      {count ? formatNumber(count) : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
