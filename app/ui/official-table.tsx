/**
 * One table of a template in its official layout (lib/queries/official-layout.ts): merged
 * headers, group rows, indented row labels. What each value cell holds is the caller's: the
 * report page links it to its source line and flags the findings on it, the region summary shows
 * sums.
 */
import type { ReactNode } from "react";
import type { GridCell, LayoutTable } from "@/lib/queries/official-layout";
import { formatNumber } from "./format";

export interface ValueView {
  value: number | null;
  /** where the number comes from: a source line of the report */
  href?: string;
  /** the worst severity of the findings on the cell */
  flag?: string;
  /** the numbers of the findings on the cell, as the findings table numbers them */
  marks?: readonly number[];
  /** said on hover: the findings' messages */
  title?: string;
}

function Value({ view }: { view: ValueView | undefined }) {
  const text = formatNumber(view?.value ?? null);
  const marks = view?.marks?.length ? (
    <sup className="flag-mark">
      <span className="visually-hidden">问题</span>
      {view.marks.join("、")}
    </sup>
  ) : null;
  if (!view?.href) return <>{text}{marks}</>;
  // a plain anchor: the browser scrolls to the line and :target highlights it, no script needed
  return (
    <a href={view.href} className="trace-link">
      {text}
      {marks}
    </a>
  );
}

function Cell({ cell, valueOf }: { cell: GridCell; valueOf: (field: string) => ValueView | undefined }): ReactNode {
  switch (cell.kind) {
    case "head":
      return (
        <th scope={cell.colSpan ? "colgroup" : "col"} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
          {cell.text}
        </th>
      );
    case "group":
      return (
        <th scope="rowgroup" colSpan={cell.colSpan} className={`group depth-${cell.depth}`}>
          {cell.text}
        </th>
      );
    case "label":
      return (
        <th scope="row" className={`depth-${cell.depth}`}>
          {cell.text}
        </th>
      );
    case "value": {
      const view = valueOf(cell.field);
      return (
        <td className={view?.flag ? `num flag-${view.flag}` : "num"} colSpan={cell.colSpan} data-field={cell.field} title={view?.title}>
          <Value view={view} />
        </td>
      );
    }
  }
}

export function OfficialTable({ table, valueOf }: { table: LayoutTable; valueOf: (field: string) => ValueView | undefined }) {
  const rows = (cells: GridCell[][]) =>
    cells.map((row, i) => (
      <tr key={i}>
        {row.map((cell, j) => (
          <Cell key={j} cell={cell} valueOf={valueOf} />
        ))}
      </tr>
    ));
  return (
    <div className="table-scroll">
      <table className="official-table" data-section={table.section}>
        <caption>{table.heading}</caption>
        {table.head.length > 0 && <thead>{rows(table.head)}</thead>}
        <tbody>{rows(table.body)}</tbody>
      </table>
    </div>
  );
}
