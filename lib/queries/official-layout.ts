/**
 * The three tables of a template as the State Council prints them: header rows with merged
 * cells, group rows (第二十条第(一)项, (三)不予公开) and a row per item, each value cell naming
 * its field. Built from `lib/template` alone, so the report page, the region summary and their
 * CSV downloads all draw the same grid and cannot drift from the parser's vocabulary.
 */
import { APPLICANT_COLUMNS, TEMPLATES, type ColumnDef, type RowDef, type SectionId, type TableDef, type TemplateVersion } from "@/lib/template/definitions";
import { fieldKey, rowColumns } from "@/lib/template/fields";
import type { Cell } from "@/lib/csv/write";

export type GridCell =
  /** a column header */
  | { kind: "head"; text: string; colSpan?: number; rowSpan?: number }
  /** a row of its own naming the rows below it (第二十条第(一)项, (三)不予公开) */
  | { kind: "group"; text: string; depth: number; colSpan: number }
  /** a row's header; depth follows the official numbering (一、 › (一) › 1.) */
  | { kind: "label"; text: string; depth: number }
  | { kind: "value"; field: string; colSpan?: number };

export interface LayoutTable {
  section: SectionId;
  heading: string;
  /** the header rows, above the body */
  head: GridCell[][];
  /** the body, header rows of sub-tables included (the proactive table changes columns per group) */
  body: GridCell[][];
}

/** 一、 opens a part, (一) an item of it, 1. a sub-item: the depth a label is indented to. */
function labelDepth(label: string): number {
  if (/^\d+\./.test(label)) return 2;
  if (/^[(（]/.test(label)) return 1;
  return 0;
}

/** The header and body rows of a table whose rows are a label followed by its numbers. */
function rowsLayout(table: TableDef, width: number, columnHead: (columns: readonly ColumnDef[]) => GridCell[][] | null): GridCell[][] {
  const body: GridCell[][] = [];
  const groupsSeen = new Set<string>();
  let lastColumns: readonly ColumnDef[] | null = null;
  for (const row of table.rows) {
    if (row.group && !groupsSeen.has(row.group)) {
      groupsSeen.add(row.group);
      body.push([{ kind: "group", text: row.group, depth: labelDepth(row.group), colSpan: width }]);
    }
    const columns = rowColumns(table, row);
    if (columns !== lastColumns) {
      body.push(...(columnHead(columns) ?? []));
      lastColumns = columns;
    }
    body.push([{ kind: "label", text: row.label, depth: labelDepth(row.label) }, ...valueCells(row, columns, width - 1)]);
  }
  return body;
}

/** A row's value cells, the last one stretched over the columns the row does not have. */
function valueCells(row: RowDef, columns: readonly ColumnDef[], width: number): GridCell[] {
  return columns.map((column, i) => {
    const spare = i === columns.length - 1 ? width - columns.length : 0;
    return { kind: "value", field: fieldKey(row, column), ...(spare > 0 && { colSpan: spare + 1 }) };
  });
}

/** 二、主动公开: each group of items prints its own column headers under 信息内容. */
function proactiveLayout(table: TableDef): LayoutTable {
  const width = 1 + Math.max(...table.rows.map((row) => rowColumns(table, row).length));
  const columnHead = (columns: readonly ColumnDef[]): GridCell[][] => [
    [
      { kind: "head", text: "信息内容" },
      ...columns.map((c, i): GridCell => ({ kind: "head", text: c.label, ...(i === columns.length - 1 && columns.length < width - 1 && { colSpan: width - columns.length }) })),
    ],
  ];
  return { section: table.section, heading: table.heading, head: [], body: rowsLayout(table, width, columnHead) };
}

/** The applicant columns printed under 法人或其他组织 (the others stand alone). */
const ORGANISATIONS = new Set(["commercial", "research", "socialOrg", "legal", "other"]);

/** 三、依申请公开: 申请人情况 over 自然人 | 法人或其他组织 (five kinds) | 总计. */
function requestsLayout(table: TableDef): LayoutTable {
  const columns = APPLICANT_COLUMNS;
  const organisations = columns.filter((c) => ORGANISATIONS.has(c.id));
  const second: GridCell[] = [];
  for (const column of columns) {
    if (!ORGANISATIONS.has(column.id)) second.push({ kind: "head", text: column.label, rowSpan: 2 });
    else if (column === organisations[0]) second.push({ kind: "head", text: "法人或其他组织", colSpan: organisations.length });
  }
  const head: GridCell[][] = [
    [
      { kind: "head", text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3 },
      { kind: "head", text: "申请人情况", colSpan: columns.length },
    ],
    second,
    organisations.map((c): GridCell => ({ kind: "head", text: c.label })),
  ];
  return { section: table.section, heading: table.heading, head, body: rowsLayout(table, 1 + columns.length, () => null) };
}

/**
 * 四、复议诉讼: its rows printed side by side on one line of numbers. A row label "行政诉讼
 * 未经复议直接起诉" is a header over a sub-header; rows sharing the first word share its header.
 */
function sideBySideLayout(table: TableDef): LayoutTable {
  const results = table.columns;
  const parts = table.rows.map((row) => {
    const [top, sub] = row.label.split(" ");
    return { row, top, sub };
  });
  const top: GridCell[] = [];
  for (const part of parts) {
    const last = top.at(-1);
    if (last?.kind === "head" && last.text === part.top) last.colSpan = (last.colSpan ?? 1) + results.length;
    else top.push({ kind: "head", text: part.top, colSpan: results.length });
  }
  const second: GridCell[] = parts.flatMap(({ sub }): GridCell[] =>
    sub ? [{ kind: "head", text: sub, colSpan: results.length }] : results.map((c) => ({ kind: "head", text: c.label, rowSpan: 2 })),
  );
  const third: GridCell[] = parts.filter((p) => p.sub).flatMap(() => results.map((c): GridCell => ({ kind: "head", text: c.label })));
  const values: GridCell[] = parts.flatMap(({ row }) => results.map((c): GridCell => ({ kind: "value", field: fieldKey(row, c) })));
  return { section: table.section, heading: table.heading, head: [top, second, third], body: [values] };
}

export function officialLayout(version: TemplateVersion): LayoutTable[] {
  return TEMPLATES[version].tables.map((table) => {
    if (table.layout === "sideBySide") return sideBySideLayout(table);
    return table.section === "proactive" ? proactiveLayout(table) : requestsLayout(table);
  });
}

/**
 * A table as plain rows for a CSV: merged cells spread out (their text in the first slot, the
 * others blank), so every number sits in the column it sits under on paper.
 */
export function layoutRows(table: LayoutTable, valueOf: (field: string) => Cell): Cell[][] {
  const rows = [...table.head, ...table.body];
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++; // a slot taken by a rowSpan from above
      const text = cell.kind === "value" ? valueOf(cell.field) : cell.text;
      const colSpan = ("colSpan" in cell && cell.colSpan) || 1;
      const rowSpan = ("rowSpan" in cell && cell.rowSpan) || 1;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : "";
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ""));
}

/** Every table of a template, one after another: its heading, its rows, a blank line (one empty cell) between. */
export function layoutCsvRows(version: TemplateVersion, valueOf: (field: string) => Cell): Cell[][] {
  return officialLayout(version).flatMap((table, i) => [...(i > 0 ? [[null]] : []), [table.heading], ...layoutRows(table, valueOf)]);
}
