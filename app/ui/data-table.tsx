/**
 * A table of the workbench, drawn from the same rows as its CSV download. The first column names
 * the row (a row header for screen readers); cells with a link lead to the page or source line
 * the figure comes from; status words are drawn as badges.
 */
import Link from "next/link";
import type { Table } from "@/lib/queries/tables";
import { BADGES } from "./badges";
import { formatNumber } from "./format";

type Value = string | number | null;

function Content({ value, href, header }: { value: Value; href: string | null | undefined; header: boolean }) {
  // a number naming a row is a year or a code, never a quantity to group into thousands
  const text = typeof value === "string" ? value : header ? String(value ?? "—") : formatNumber(value);
  const badge = typeof value === "string" ? BADGES[value] : undefined;
  const shown = badge ? <span className={badge}>{text}</span> : text;
  return href ? <Link href={href}>{shown}</Link> : shown;
}

function CellView({ value, href, header }: { value: Value; href: string | null | undefined; header: boolean }) {
  const numeric = typeof value === "number" || value === null;
  const content = <Content value={value} href={href} header={header} />;
  if (header) return <th scope="row">{content}</th>;
  return <td className={numeric ? "num" : undefined}>{content}</td>;
}

export interface SortState {
  /** the column sorted on */
  column: number;
  dir: "asc" | "desc";
  /** the link that sorts on a column (the order is in the URL) */
  href: (column: number) => string;
  /** columns that cannot be sorted on */
  fixed?: readonly number[];
}

function HeaderCell({ header, index, sort }: { header: string; index: number; sort?: SortState }) {
  if (!sort || sort.fixed?.includes(index)) return <th scope="col">{header}</th>;
  const active = sort.column === index;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link href={sort.href(index)} scroll={false} className="sort-link">
        {header}
        <span aria-hidden="true">{active ? (sort.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
      </Link>
    </th>
  );
}

interface Props {
  table: Table;
  /** what to say when there are no rows */
  empty: string;
  /** rows drawn; the CSV holds them all. Keeps a province-wide page light. */
  limit?: number;
  /** rows there are in all, when the table holds only the first of them */
  total?: number;
  caption?: string;
  sort?: SortState;
}

export function DataTable({ table, empty, limit = Infinity, total = table.rows.length, caption, sort }: Props) {
  if (table.rows.length === 0) return <p className="panel-note">{empty}</p>;
  const rows = table.rows.slice(0, limit);
  return (
    <>
      {rows.length < total && (
        <p className="panel-note">
          共 {total} 行，此处列出前 {rows.length} 行；下载 CSV 可得全部。选择更小的地区可在页面上看到全部。
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table">
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              {table.headers.map((header, i) => (
                <HeaderCell key={i} header={header} index={i} sort={sort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <CellView key={j} value={cell} href={table.links?.[i]?.[j]} header={j === 0} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
