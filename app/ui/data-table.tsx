/** A table of the overview, drawn from the same rows as its CSV download. */
import type { Table } from "@/lib/queries/tables";
import { SYNTHETIC_LABEL } from "@/lib/queries/tables";
import { formatNumber } from "./format";

function CellView({ value }: { value: string | number | null }) {
  if (typeof value === "number" || value === null) return <td className="num">{formatNumber(value)}</td>;
  if (value === SYNTHETIC_LABEL) {
    return (
      <td>
        <span className="badge-synthetic">{value}</span>
      </td>
    );
  }
  return <td>{value}</td>;
}

/**
 * `limit` keeps a province-wide page light (every row costs the HTML and the React payload
 * alike); the note then says how many rows there are, and the CSV holds them all.
 */
export function DataTable({ table, empty, limit }: { table: Table; empty: string; limit: number }) {
  if (table.rows.length === 0) return <p className="panel-note">{empty}</p>;
  const rows = table.rows.slice(0, limit);
  return (
    <>
      {rows.length < table.rows.length && (
        <p className="panel-note">
          共 {table.rows.length} 行，此处列出前 {rows.length} 行；下载 CSV 可得全部。选择更小的地区可在页面上看到全部。
        </p>
      )}
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
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <CellView key={j} value={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
