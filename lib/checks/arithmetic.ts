/**
 * The request and review tables' own arithmetic (勾稽关系), as printed under the tables:
 * a total column is the sum of its parts, 一 + 二 = 三(七)总计 + 四 in every applicant column,
 * and (七)总计 is the sum of the outcome rows. A check never runs on a null cell: a truncated
 * table is not an inconsistent one.
 */
import { APPLICANT_COLUMNS, TEMPLATES, type RowDef, type SectionId, type TableDef, type TemplateVersion } from "../template/definitions";
import { fieldKey, rowColumns } from "../template/fields";
import type { CheckContext, Violation } from "./context";

const NEW_RECEIVED = "requests.newReceived";
const CARRIED_OVER = "requests.carriedOver";
const TOTAL_HANDLED = "requests.totalHandled";
const CARRIED_FORWARD = "requests.carriedForward";

type Values = CheckContext["values"];

function known(values: Values, keys: readonly string[]): number[] | null {
  const numbers = keys.map((key) => values[key]);
  return numbers.every((n): n is number => typeof n === "number") ? numbers : null;
}

const sum = (numbers: readonly number[]) => numbers.reduce((a, b) => a + b, 0);
const differ = (a: number, b: number) => Math.abs(a - b) > 1e-9;

interface RowTotal {
  row: RowDef;
  partKeys: string[];
  totalKey: string;
}

/**
 * Each total column of a table with the keys of its parts, worked out once per table: the
 * checks run on every report, and keys built anew each time cost more than the sums.
 */
const ROW_TOTALS = new Map<TableDef, RowTotal[]>();

function rowTotals(table: TableDef): RowTotal[] {
  let totals = ROW_TOTALS.get(table);
  if (!totals) {
    totals = table.rows.flatMap((row) =>
      rowColumns(table, row)
        .filter((c) => c.sumOf)
        .map((total) => ({ row, partKeys: (total.sumOf ?? []).map((id) => `${row.stem}.${id}`), totalKey: fieldKey(row, total) })),
    );
    ROW_TOTALS.set(table, totals);
  }
  return totals;
}

/** Rows of a section whose total column is not the sum of the columns it adds up. */
export function totalsThatDoNotAddUp(ctx: CheckContext, section: SectionId, describe: (row: string, parts: number, total: number) => string): Violation[] {
  if (!ctx.template) return [];
  const table = TEMPLATES[ctx.template].tables.find((t) => t.section === section);
  if (!table) return [];
  const violations: Violation[] = [];
  for (const { row, partKeys, totalKey } of rowTotals(table)) {
    const numbers = known(ctx.values, [...partKeys, totalKey]);
    if (!numbers) continue;
    const parts = sum(numbers.slice(0, -1));
    const printed = numbers[numbers.length - 1];
    if (differ(parts, printed)) {
      violations.push({ message: describe(row.label, parts, printed), fields: [...partKeys, totalKey], line: ctx.provenance[totalKey] });
    }
  }
  return violations;
}

/** Each applicant column with the keys of 一, 二, (七)总计 and 四 in it. */
const BALANCE_KEYS = APPLICANT_COLUMNS.map((column) => ({
  column,
  keys: [NEW_RECEIVED, CARRIED_OVER, TOTAL_HANDLED, CARRIED_FORWARD].map((stem) => `${stem}.${column.id}`),
}));

/** Columns where 一 + 二 ≠ (七)总计 + 四. */
export function unbalancedColumns(ctx: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const { column, keys } of BALANCE_KEYS) {
    const numbers = known(ctx.values, keys);
    if (!numbers) continue;
    const [received, carriedOver, handled, carriedForward] = numbers;
    if (differ(received + carriedOver, handled + carriedForward)) {
      violations.push({
        message: `“${column.label}”列:本年新收${received}件加上年结转${carriedOver}件共${received + carriedOver}件,而办理结果总计${handled}件加结转下年度${carriedForward}件共${handled + carriedForward}件,两者不等。`,
        fields: [...keys],
        line: ctx.provenance[keys[2]],
      });
    }
  }
  return violations;
}

/** The outcome rows of the template's request table: everything between 二、上年结转 and (七)总计. */
function outcomeStems(template: TemplateVersion): string[] {
  const table = TEMPLATES[template].tables.find((t) => t.section === "requests");
  const stems = table?.rows.map((row) => row.stem) ?? [];
  return stems.slice(stems.indexOf(CARRIED_OVER) + 1, stems.indexOf(TOTAL_HANDLED));
}

/** Columns where (七)总计 ≠ the sum of the outcome rows. */
export function outcomesThatDoNotAddUp(ctx: CheckContext): Violation[] {
  if (!ctx.template) return [];
  const stems = outcomeStems(ctx.template);
  const violations: Violation[] = [];
  for (const column of APPLICANT_COLUMNS) {
    const partKeys = stems.map((stem) => `${stem}.${column.id}`);
    const totalKey = `${TOTAL_HANDLED}.${column.id}`;
    const numbers = known(ctx.values, [...partKeys, totalKey]);
    if (!numbers) continue;
    const outcomes = sum(numbers.slice(0, -1));
    const printed = numbers[numbers.length - 1];
    if (differ(outcomes, printed)) {
      violations.push({
        message: `“${column.label}”列:各项办理结果相加为${outcomes}件,而(七)总计为${printed}件。`,
        fields: [...partKeys, totalKey],
        line: ctx.provenance[totalKey],
      });
    }
  }
  return violations;
}
