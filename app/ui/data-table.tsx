/** A table of the overview, drawn from the same rows as its CSV download. */
import type { Table } from "@/lib/queries/tables";
import { SYNTHETIC_LABEL } from "@/lib/queries/tables";
import { formatNumber } from "./format";

function CellView({ value }: { value: string | number | null }) {
  if (typeof value === "number" || value === null) return <td className="num">{formatNumber(value)}</td>;
  if (value === SYNTHETIC_LABEL) return <td><span className="badge-synthetic">{value}</span></td>;
  return <td>{value}</td>;
}

export function DataTable({ table, empty }: { table: Table; empty: string }) {
  if (table.rows.length === 0) return <p className="panel-note">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <CellView key={j} value={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
