/**
 * Precision and recall of every rule against an answer key: which rules each report must get
 * (the sample generator's labels) and which it got. A report counts once per rule, however many
 * findings of the rule it has.
 */
import { ALL_RULES, RULE_BY_ID } from "./registry";
import type { Category } from "./types";

export interface RuleScore {
  rule: string;
  category: Category | "unknown";
  /** reports that must get the rule */
  expected: number;
  /** reports that got it */
  found: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
  meetsTarget: boolean;
  /** reports found but not expected, and expected but not found */
  falsePositives: string[];
  falseNegatives: string[];
}

/** The targets: every case of a rule that checks, nearly no false alarm and nine cases in ten of a rule that weighs evidence. */
export const TARGETS: Record<Category, { precision: number; recall: number }> = {
  arithmetic: { precision: 0, recall: 1 },
  structural: { precision: 0, recall: 1 },
  statistical: { precision: 0.95, recall: 0.9 },
  similarity: { precision: 0.95, recall: 0.9 },
};

/** `expected` and `found`: report → rule ids. Every rule of the registry is scored, and any other rule found. */
export function scoreRules(expected: ReadonlyMap<string, ReadonlySet<string>>, found: ReadonlyMap<string, ReadonlySet<string>>): RuleScore[] {
  const reports = [...new Set([...expected.keys(), ...found.keys()])].sort();
  const rules = [...new Set([...ALL_RULES.map((r) => r.id), ...[...found.values()].flatMap((s) => [...s])])];
  return rules.map((rule) => {
    const has = (map: ReadonlyMap<string, ReadonlySet<string>>, report: string) => map.get(report)?.has(rule) ?? false;
    const falsePositives = reports.filter((r) => has(found, r) && !has(expected, r));
    const falseNegatives = reports.filter((r) => has(expected, r) && !has(found, r));
    const expectedCount = reports.filter((r) => has(expected, r)).length;
    const foundCount = reports.filter((r) => has(found, r)).length;
    const truePositives = foundCount - falsePositives.length;
    const precision = foundCount === 0 ? null : truePositives / foundCount;
    const recall = expectedCount === 0 ? null : truePositives / expectedCount;
    const category = RULE_BY_ID.get(rule)?.category ?? "unknown";
    const target = category === "unknown" ? { precision: 1, recall: 1 } : TARGETS[category];
    // a rule nobody expected must find nothing; one that was expected must meet its targets
    const meetsTarget = (precision ?? 1) >= target.precision && (recall ?? 1) >= target.recall && (expectedCount > 0 || foundCount === 0);
    return { rule, category, expected: expectedCount, found: foundCount, truePositives, precision, recall, meetsTarget, falsePositives, falseNegatives };
  });
}
