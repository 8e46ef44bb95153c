/** Run every rule of the table on a parsed report. Pure: no I/O. */
import type { Finding } from "../parse/types";
import type { CheckContext } from "./context";
import { RULES } from "./rules";

export type { CheckContext, TableFacts, TableState } from "./context";
export { RULES, type Rule } from "./rules";

export function runChecks(ctx: CheckContext): Finding[] {
  return RULES.flatMap((rule) =>
    rule.check(ctx).map((v) => ({
      rule: rule.id,
      severity: rule.severity,
      message: v.message,
      fields: v.fields,
      ...(v.line !== undefined ? { line: v.line } : {}),
    })),
  );
}
