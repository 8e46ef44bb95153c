/**
 * The three tables of either template as the form draws them, built from the template
 * definitions (never a hand-written list of rows). A table is first a `SpanTable`: each row
 * lists the cells that start in it, with their rowspan and colspan, as an HTML page marks them
 * up. Spread out, it is a `Grid`: every position filled, a label, a blank ("") where a merged
 * cell continues or nothing is written, or the cell holding a field's value. The HTML page
 * prints the spans; the text layouts in ./layouts.ts print the grid.
 */
import { TEMPLATES, type RowDef, type SectionId, type TableDef, type TemplateVersion } from "../template/definitions";
import { fieldKey, rowColumns } from "../template/fields";

/** A label, a blank (""), or the cell holding a field's value. */
export type Cell = string | { field: string };
export type Grid = Cell[][];

/** A cell where it starts, with the rows and columns it covers. */
export interface SpanCell {
  content: Cell;
  rowspan: number;
  colspan: number;
}
export type SpanTable = SpanCell[][];

/** The words printed above the requests table's columns, as the template form has them. */
const BALANCE_NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
const APPLICANT_HEADING = "申请人情况";
const ORGANISATIONS = "法人或其他组织";
const CONTENT_HEADING = "信息内容";

const DEFAULT_TEMPLATE: TemplateVersion = "2021";

function tableOf(section: SectionId, template: TemplateVersion): TableDef {
  const table = TEMPLATES[template].tables.find((t) => t.section === section);
  if (!table) throw new Error(`the ${template} template has no ${section} table`);
  return table;
}

export function tableSpans(section: SectionId, template: TemplateVersion = DEFAULT_TEMPLATE): SpanTable {
  const table = tableOf(section, template);
  return table.layout === "sideBySide" ? sideBySideSpans(table) : section === "proactive" ? proactiveSpans(table) : requestsSpans(table);
}

export function tableGrid(section: SectionId, template: TemplateVersion = DEFAULT_TEMPLATE): Grid {
  return spread(tableSpans(section, template));
}

export function tableHeading(section: SectionId, template: TemplateVersion = DEFAULT_TEMPLATE): string {
  return tableOf(section, template).heading;
}

export function tableFields(section: SectionId, template: TemplateVersion = DEFAULT_TEMPLATE): string[] {
  const table = tableOf(section, template);
  return table.rows.flatMap((row) => rowColumns(table, row).map((c) => fieldKey(row, c)));
}

const cell = (content: Cell, rowspan = 1, colspan = 1): SpanCell => ({ content, rowspan, colspan });

/** Every position of the table: a cell's content where it starts, "" where it continues. */
export function spread(table: SpanTable): Grid {
  const grid: Grid = table.map(() => []);
  table.forEach((row, r) => {
    let column = 0;
    for (const { content, rowspan, colspan } of row) {
      while (grid[r][column] !== undefined) column++;
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) (grid[r + dr] ??= [])[column + dc] = dr === 0 && dc === 0 ? content : "";
      column += colspan;
    }
  });
  return grid.map((row) => Array.from(row, (c) => c ?? ""));
}

/** Section 二: one small table per article of the regulation (第二十条第(一)项 …), a row's last value spanning what its row lacks. */
function proactiveSpans(table: TableDef): SpanTable {
  const width = Math.max(...table.rows.map((r) => rowColumns(table, r).length));
  const fill = (cells: SpanCell[]) => {
    const last = cells[cells.length - 1];
    last.colspan += width - cells.length;
    return cells;
  };
  const rows: SpanTable = [];
  let group: string | undefined;
  for (const row of table.rows) {
    const columns = rowColumns(table, row);
    if (row.group !== group) {
      group = row.group;
      rows.push([cell(row.group ?? "", 1, width + 1)]);
      rows.push([cell(CONTENT_HEADING), ...fill(columns.map((c) => cell(c.label)))]);
    }
    rows.push([cell(row.label), ...fill(columns.map((c) => cell({ field: fieldKey(row, c) })))]);
  }
  return rows;
}

/**
 * Section 三: three label columns (the outcome group, the sub-group, the row) before the seven
 * applicant columns, and one trailing cell that real tables carry. A group's label spans its rows.
 */
function requestsSpans(table: TableDef): SpanTable {
  const total = table.columns.find((c) => c.sumOf);
  const applicants = table.columns.filter((c) => c !== total);
  const [natural, ...organisations] = applicants;
  const rows: SpanTable = [
    [cell(BALANCE_NOTE, 3, 3), cell(APPLICANT_HEADING, 1, table.columns.length), cell("")],
    [cell(natural.label, 2), cell(ORGANISATIONS, 1, organisations.length), cell(total?.label ?? "", 2), cell("")],
    [...organisations.map((c) => cell(c.label)), cell("")],
  ];
  const groups = nesting(table.rows);
  table.rows.forEach((row, i) => {
    const labels = [groupCell(groups, i, 0), groupCell(groups, i, 1)].filter((c) => c !== null);
    rows.push([...labels, cell(row.label), ...table.columns.map((c) => cell({ field: fieldKey(row, c) })), cell("")]);
  });
  return rows;
}

/**
 * Each row's place in the nesting, [outer, inner]: a numbered group such as (三)不予公开 sits
 * inside the top-level group before it (三、本年度办理结果); a top-level group stands alone.
 */
function nesting(rows: readonly RowDef[]): Array<[string | undefined, string | undefined]> {
  let outer: string | undefined;
  return rows.map((row) => {
    if (!row.group) return (outer = undefined), [undefined, undefined];
    if (row.group.startsWith("(")) return [outer, row.group];
    outer = row.group;
    return [outer, undefined];
  });
}

/** A group's label on the first of its rows, spanning them; nothing where the span above covers it; a blank where there is no group. */
function groupCell(groups: ReadonlyArray<readonly (string | undefined)[]>, i: number, level: 0 | 1): SpanCell | null {
  const name = groups[i][level];
  if (name === undefined) return cell("");
  if (i > 0 && groups[i - 1][level] === name) return null;
  let rowspan = 1;
  while (groups[i + rowspan]?.[level] === name) rowspan++;
  return cell(name, rowspan);
}

/**
 * Section 四: the row groups stand side by side as column groups (行政复议 | 行政诉讼: 未经复议
 * 直接起诉, 复议后起诉), their result columns under them, and all fifteen numbers in one row.
 */
function sideBySideSpans(table: TableDef): SpanTable {
  const parts = table.rows.map((row) => {
    const [parent, child] = row.label.split(" ");
    return { row, parent, child, columns: rowColumns(table, row) };
  });
  const top: SpanCell[] = [];
  const middle: SpanCell[] = [];
  const bottom: SpanCell[] = [];
  parts.forEach((part, i) => {
    const span = part.columns.length;
    const opensParent = i === 0 || parts[i - 1].parent !== part.parent;
    if (opensParent) top.push(cell(part.parent, 1, parts.filter((p) => p.parent === part.parent).length * span));
    const labels = part.columns.map((c) => c.label);
    if (part.child) {
      middle.push(cell(part.child, 1, span));
      bottom.push(...labels.map((label) => cell(label)));
    } else {
      middle.push(...labels.map((label) => cell(label, 2)));
    }
  });
  const values = parts.flatMap((p) => p.columns.map((c) => cell({ field: fieldKey(p.row, c) })));
  return [top, middle, bottom, values];
}
