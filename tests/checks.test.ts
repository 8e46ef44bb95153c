import { describe, expect, it } from "vitest";
import { RULES, runChecks, type CheckContext } from "../lib/checks";
import { fieldsOf } from "../lib/template/fields";

/** A consistent 2021 report: every cell 0, every table complete. */
function context(changes: Partial<CheckContext> = {}, values: Record<string, number | null> = {}): CheckContext {
  const zeros = Object.fromEntries(fieldsOf("2021").map((f) => [f.key, 0]));
  return {
    template: "2021",
    year: 2024,
    values: { ...zeros, ...values },
    provenance: { "requests.totalHandled.natural": 40, "requests.totalHandled.total": 46 },
    tables: [
      { section: "proactive", state: "complete", line: 10 },
      { section: "requests", state: "complete", line: 20 },
      { section: "reviews", state: "complete", line: 60 },
    ],
    blank: [],
    ambiguous: [],
    narrative: {},
    narrativeProvenance: {},
    ...changes,
  };
}

const fired = (ctx: CheckContext) => runChecks(ctx).map((f) => f.rule);

describe("the rule table", () => {
  it("gives every rule an id, a Chinese explanation and the fields it concerns", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(rule.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.concerns.length).toBeGreaterThan(0);
    }
  });

  it("finds nothing in a consistent report", () => {
    expect(runChecks(context())).toEqual([]);
  });
});

describe("requests.balance", () => {
  it("fires when 一 + 二 ≠ (七)总计 + 四 in a column, naming that column", () => {
    const findings = runChecks(context({}, { "requests.newReceived.natural": 3, "requests.newReceived.total": 3, "requests.granted.natural": 3, "requests.granted.total": 3, "requests.totalHandled.total": 3 }));
    const balance = findings.filter((f) => f.rule === "requests.balance");
    expect(balance).toHaveLength(1);
    expect(balance[0].message).toContain("自然人");
    expect(balance[0].line).toBe(40);
  });

  it("does not fire when the column balances through 结转下年度", () => {
    const values = { "requests.newReceived.natural": 3, "requests.newReceived.total": 3, "requests.carriedForward.natural": 3, "requests.carriedForward.total": 3 };
    expect(fired(context({}, values))).not.toContain("requests.balance");
  });

  it("does not fire on a null cell", () => {
    expect(fired(context({}, { "requests.newReceived.natural": 3, "requests.totalHandled.natural": null }))).not.toContain("requests.balance");
  });
});

describe("requests.columnSum", () => {
  it("fires when a row's 总计 is not the sum of the six applicant columns", () => {
    const findings = runChecks(context({}, { "requests.granted.total": 2 }));
    expect(findings.filter((f) => f.rule === "requests.columnSum").map((f) => f.message)).toEqual(["“(一)予以公开”一行:六类申请人相加为0件,而总计为2件。"]);
  });

  it("does not fire on a truncated row", () => {
    expect(fired(context({}, { "requests.granted.total": 2, "requests.granted.other": null }))).not.toContain("requests.columnSum");
  });
});

describe("requests.outcomeSum", () => {
  it("fires when (七)总计 is not the sum of the outcome rows", () => {
    expect(fired(context({}, { "requests.otherHandling.unpaidFee.legal": 1 }))).toContain("requests.outcomeSum");
  });

  it("does not fire when the outcome rows add up", () => {
    const values = { "requests.otherHandling.unpaidFee.legal": 1, "requests.totalHandled.legal": 1, "requests.newReceived.legal": 1 };
    expect(fired(context({}, values))).not.toContain("requests.outcomeSum");
  });
});

describe("reviews.sum", () => {
  it("fires for the group whose total is wrong", () => {
    const findings = runChecks(context({}, { "litigationAfterReview.upheld": 1 })).filter((f) => f.rule === "reviews.sum");
    expect(findings).toHaveLength(1);
    expect(findings[0].fields).toContain("litigationAfterReview.total");
  });

  it("does not fire when each total adds up", () => {
    expect(fired(context({}, { "review.upheld": 1, "review.total": 1 }))).toEqual([]);
  });
});

describe("table.missing and table.truncated", () => {
  it("fire from the parser's facts about each table, at the line given", () => {
    const tables = [
      { section: "proactive" as const, state: "missing" as const, line: 12 },
      { section: "requests" as const, state: "truncated" as const, line: 20, lastRow: "(二)部分公开", lastRowLine: 33 },
    ];
    const findings = runChecks(context({ tables }, { "requests.denied.stateSecret.natural": null }));
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ["table.missing", 12],
      ["table.truncated", 33],
    ]);
    expect(findings[1].message).toContain("(二)部分公开");
  });

  it("say when the table stops inside its last row", () => {
    const tables = [{ section: "requests" as const, state: "truncated" as const, line: 20, lastRow: "1.属于国家秘密", lastRowCut: true }];
    const [finding] = runChecks(context({ tables }, { "requests.denied.stateSecret.total": null }));
    expect(finding.message).toBe("“三、收到和处理政府信息公开申请情况”的统计表在“1.属于国家秘密”一行中途中断了,该行其余各格和其后各行缺失。");
  });

  it("do not fire for complete tables", () => {
    expect(fired(context())).toEqual([]);
  });
});

describe("cell.blank and cell.ambiguous", () => {
  it("name the cells the parser could not read as numbers", () => {
    const findings = runChecks(context({ blank: ["proactive.regulations.inForce"], ambiguous: ["proactive.normativeDocuments.issued"] }));
    expect(findings.map((f) => f.rule)).toEqual(["cell.blank", "cell.ambiguous"]);
    expect(findings[0].message).toContain("规章 / 现行有效件数");
  });
});

describe("row.incomplete", () => {
  it("names the cells of rows too short to place, and is silent otherwise", () => {
    const findings = runChecks(context({ unplaced: ["requests.granted.natural", "requests.granted.total"] }));
    expect(findings.map((f) => [f.rule, f.fields])).toEqual([["row.incomplete", ["requests.granted.natural", "requests.granted.total"]]]);
    expect(fired(context({ unplaced: [] }))).toEqual([]);
  });
});

describe("template.mismatch", () => {
  it("fires when a 2022 report fills the 2019 template", () => {
    expect(fired(context({ template: "2019", year: 2022 }))).toContain("template.mismatch");
  });

  it("does not fire when the year is unknown or agrees", () => {
    expect(fired(context({ template: "2019", year: null }))).not.toContain("template.mismatch");
    expect(fired(context({ template: "2019", year: 2020 }))).not.toContain("template.mismatch");
  });
});

describe("narrative.mismatch", () => {
  it("fires when the text's request count contradicts 本年新收", () => {
    const ctx = context({ narrative: { requestsReceived: 2 }, narrativeProvenance: { requestsReceived: 7 } });
    const finding = runChecks(ctx).find((f) => f.rule === "narrative.mismatch");
    expect(finding?.line).toBe(7);
  });

  it("does not fire when the text counts the requests carried over from last year too", () => {
    const values = { "requests.newReceived.natural": 74, "requests.newReceived.total": 74, "requests.carriedOver.natural": 1, "requests.carriedOver.total": 1, "requests.granted.natural": 75, "requests.granted.total": 75, "requests.totalHandled.natural": 75, "requests.totalHandled.total": 75 };
    expect(fired(context({ narrative: { requestsReceived: 75 } }, values))).toEqual([]);
  });

    it("does not fire when they agree or the text says nothing", () => {
    expect(fired(context({ narrative: { requestsReceived: 0 } }))).toEqual([]);
    expect(fired(context({ narrative: { requestsReceived: null } }))).toEqual([]);
  });
});
