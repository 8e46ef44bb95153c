/**
 * The three tables of the 2021 template as grids of cells, built from the template definitions
 * (never a hand-written list of rows). A grid is what a report's HTML table looks like with its
 * merged cells spread out: labels, blanks where a merged cell continues, and value cells named
 * by their field key. The layouts in ./layouts.ts print the same grid three ways.
 */
import { TEMPLATES, type RowDef, type SectionId, type TableDef } from "../template/definitions";
import { fieldKey, rowColumns } from "../template/fields";

/** A label, a blank (""), or the cell holding a field's value. */
export type Cell = string | { field: string };
export type Grid = Cell[][];

const TABLES = Object.fromEntries(TEMPLATES["2021"].tables.map((t) => [t.section, t])) as Record<SectionId, TableDef>;

/** The words printed above the requests table's columns, as the template form has them. */
const BALANCE_NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
const APPLICANT_HEADING = "申请人情况";
const ORGANISATIONS = "法人或其他组织";
const CONTENT_HEADING = "信息内容";

export function tableGrid(section: SectionId): Grid {
  const table = TABLES[section];
  return table.layout === "sideBySide" ? sideBySideGrid(table) : section === "proactive" ? proactiveGrid(table) : requestsGrid(table);
}

export function tableHeading(section: SectionId): string {
  return TABLES[section].heading;
}

export function tableFields(section: SectionId): string[] {
  const table = TABLES[section];
  return table.rows.flatMap((row) => rowColumns(table, row).map((c) => fieldKey(row, c)));
}

const blanks = (n: number): Cell[] => Array.from({ length: Math.max(0, n) }, () => "");

/** Section 二: one small table per article of the regulation (第二十条第(一)项 …). */
function proactiveGrid(table: TableDef): Grid {
  const width = 1 + Math.max(...table.rows.map((r) => rowColumns(table, r).length));
  const pad = (cells: Cell[]) => [...cells, ...blanks(width - cells.length)];
  const grid: Grid = [];
  let group: string | undefined;
  for (const row of table.rows) {
    const columns = rowColumns(table, row);
    if (row.group !== group) {
      group = row.group;
      grid.push(pad([row.group ?? ""]));
      grid.push(pad([CONTENT_HEADING, ...columns.map((c) => c.label)]));
    }
    grid.push(pad([row.label, ...columns.map((c) => ({ field: fieldKey(row, c) }))]));
  }
  return grid;
}

/**
 * Section 三: three label columns (the outcome group, the sub-group, the row) before the seven
 * applicant columns, and one trailing cell that real tables carry.
 */
function requestsGrid(table: TableDef): Grid {
  const total = table.columns.find((c) => c.sumOf);
  const applicants = table.columns.filter((c) => c !== total);
  const [natural, ...organisations] = applicants;
  const grid: Grid = [
    [BALANCE_NOTE, "", "", APPLICANT_HEADING, ...blanks(table.columns.length)],
    ["", "", "", natural.label, ORGANISATIONS, ...blanks(organisations.length - 1), total?.label ?? "", ""],
    [...blanks(4), ...organisations.map((c) => c.label), "", ""],
  ];
  let outer: string | undefined;
  let inner: string | undefined;
  for (const row of table.rows) {
    const [rowOuter, rowInner] = groupsOf(row, outer);
    const cells: Cell[] = [rowOuter !== outer ? (rowOuter ?? "") : "", rowInner !== inner && rowInner ? rowInner : ""];
    [outer, inner] = [rowOuter, rowInner];
    grid.push([...cells, row.label, ...table.columns.map((c) => ({ field: fieldKey(row, c) })), ""]);
  }
  return grid;
}

/**
 * A row's place in the nesting: a numbered group such as (三)不予公开 sits inside the
 * top-level group before it (三、本年度办理结果); a top-level group stands alone.
 */
function groupsOf(row: RowDef, outerBefore: string | undefined): [string | undefined, string | undefined] {
  if (!row.group) return [undefined, undefined];
  return row.group.startsWith("(") ? [outerBefore, row.group] : [row.group, undefined];
}

/**
 * Section 四: the row groups stand side by side as column groups (行政复议 | 行政诉讼: 未经复议
 * 直接起诉, 复议后起诉), their result columns under them, and all fifteen numbers in one row.
 */
function sideBySideGrid(table: TableDef): Grid {
  const parts = table.rows.map((row) => {
    const [parent, child] = row.label.split(" ");
    return { row, parent, child, columns: rowColumns(table, row) };
  });
  const top: Grid[number] = [];
  const middle: Grid[number] = [];
  const bottom: Grid[number] = [];
  parts.forEach((part, i) => {
    const span = part.columns.length;
    const opensParent = i === 0 || parts[i - 1].parent !== part.parent;
    const parentSpan = parts.filter((p) => p.parent === part.parent).length * span;
    if (opensParent) top.push(part.parent, ...blanks(parentSpan - 1));
    const labels = part.columns.map((c) => c.label);
    if (part.child) {
      middle.push(part.child, ...blanks(span - 1));
      bottom.push(...labels);
    } else {
      middle.push(...labels);
      bottom.push(...blanks(span));
    }
  });
  const values = parts.flatMap((p) => p.columns.map((c) => ({ field: fieldKey(p.row, c) })));
  return [top, middle, bottom, values];
}
