/** Words a table draws as a badge rather than as plain text, and the badge's class. */
import { COVERAGE_LABELS } from "@/lib/queries/coverage";
import { SYNTHETIC_LABEL } from "@/lib/queries/tables";

export const BADGES: Readonly<Record<string, string>> = {
  [SYNTHETIC_LABEL]: "badge-synthetic",
  [COVERAGE_LABELS.published]: "status status-ok",
  [COVERAGE_LABELS.withErrors]: "status status-error",
  [COVERAGE_LABELS.missing]: "status status-missing",
};
