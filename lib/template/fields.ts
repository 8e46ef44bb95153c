/**
 * The canonical field list, derived from the template definitions: one entry per numeric
 * cell, with the key of `fields.csv`, the templates that have it and its Chinese label.
 */
import { TEMPLATES, TEMPLATE_VERSIONS, type ColumnDef, type RowDef, type SectionId, type TableDef, type TemplateVersion, type Unit } from "./definitions";

export interface FieldDef {
  key: string;
  section: SectionId;
  templates: TemplateVersion[];
  /** row label and column label, as a person reads them */
  label: string;
  rowLabel: string;
  columnLabel: string;
  unit: Unit;
  /** the row's key stem and the column id, to rebuild tables from values */
  stem: string;
  column: string;
}

export function rowColumns(table: TableDef, row: RowDef): readonly ColumnDef[] {
  return row.columns ?? table.columns;
}

export function fieldKey(row: RowDef, column: ColumnDef): string {
  return `${row.stem}.${column.id}`;
}

function collectFields(): FieldDef[] {
  const byKey = new Map<string, FieldDef>();
  for (const version of TEMPLATE_VERSIONS) {
    for (const table of TEMPLATES[version].tables) {
      for (const row of table.rows) {
        for (const column of rowColumns(table, row)) {
          const key = fieldKey(row, column);
          const known = byKey.get(key);
          if (known) {
            known.templates.push(version);
            continue;
          }
          byKey.set(key, {
            key,
            section: table.section,
            templates: [version],
            label: `${row.label} / ${column.label}`,
            rowLabel: row.label,
            columnLabel: column.label,
            unit: column.unit ?? "count",
            stem: row.stem,
            column: column.id,
          });
        }
      }
    }
  }
  return [...byKey.values()];
}

export const FIELDS: readonly FieldDef[] = collectFields();
export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((f) => [f.key, f]));

/** The keys a report of this template has, in table order. */
export function fieldsOf(version: TemplateVersion): FieldDef[] {
  return FIELDS.filter((f) => f.templates.includes(version));
}
