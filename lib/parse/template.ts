/**
 * Which template the tables follow, told from the tables themselves: each template prints
 * header and row words the other does not (本年新制作数量 / 本年制发件数, 政府集中采购, the three
 * (六) rows). When the tables show no such word (a fragment holding just the reviews table,
 * which both templates print alike) the caller falls back on the report's year.
 */
import { TEMPLATES, TEMPLATE_VERSIONS, type TemplateVersion } from "../template/definitions";
import type { TextCell } from "./cells";
import { labelText } from "./labels";

/** How many of each template's marker words the tables' text cells carry. */
function markerCounts(cells: readonly TextCell[]): Map<TemplateVersion, number> {
  // joined without a gap: a header word may be split over two cells (本年新 | 制作数量)
  const text = cells.map((cell) => labelText(cell.text)).join("");
  return new Map(TEMPLATE_VERSIONS.map((v) => [v, TEMPLATES[v].markers.filter((m) => text.includes(m)).length]));
}

/** The template whose marker words the tables carry more of; null when neither (no tables, or the reviews table alone). */
export function templateOfTables(cells: readonly TextCell[]): TemplateVersion | null {
  const ranked = [...markerCounts(cells).entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > ranked[1][1] ? ranked[0][0] : null;
}
