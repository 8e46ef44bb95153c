/** Layout family: whole reports on one line with the digits of neighbouring cells glued together. */
import { describe, expect, it } from "vitest";
import type { BlankCell, ValueCell } from "../lib/parse/cells";
import { cutDigits, fitRun, type Slot } from "../lib/parse/fit";
import { readValue } from "../lib/parse/values";
import { corpusReport, rules } from "./parse.support";

const value = (raw: string): ValueCell => ({ kind: "value", line: 1, offset: 0, ...readValue(raw) });
const blank: BlankCell = { kind: "blank", line: 1, offset: 0 };
const applicantSlots: Slot[] = ["natural", "commercial", "research", "socialOrg", "legal", "other", "total"].map((id, i) => ({
  key: `row.${id}`,
  unit: "count",
  parts: i === 6 ? [0, 1, 2, 3, 4, 5] : undefined,
}));
const values = (items: Parameters<typeof fitRun>[0], slots: Slot[]) => fitRun(items, slots, true, 1).map((r) => r.value);

describe("cutting glued digits", () => {
  it("never gives a number a leading zero", () => {
    expect([...cutDigits("000", 3)]).toEqual([["0", "0", "0"]]);
    expect([...cutDigits("105", 2)]).toEqual([["10", "5"]]);
    expect([...cutDigits("100", 2)]).toEqual([["10", "0"]]);
  });

  it("lets the row's total settle the reading: 640020470 is 64|0|0|2|0|4|70", () => {
    expect(values([value("640020470")], applicantSlots)).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });

  it("reads a run split by a stray space: 500000 5", () => {
    expect(values([value("500000"), value("5")], applicantSlots)).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });

  it("leaves the cells null and ambiguous where several readings add up", () => {
    const readings = fitRun([value("5845546")], applicantSlots.slice(0, 3).map((s) => ({ ...s, parts: undefined })), true, 1);
    expect(readings.map((r) => r.value)).toEqual([null, null, null]);
    expect(readings.every((r) => r.ambiguous)).toBe(true);
  });

  it("keeps decimals and the unit with the last glued number", () => {
    const slots: Slot[] = [
      { key: "projects", unit: "count" },
      { key: "amount", unit: "wan" },
    ];
    expect(fitRun([value("8251000元")], slots, true, 1).map((r) => [r.value, r.ambiguous])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(values([value("8"), value("251000元")], slots)).toEqual([8, 25.1]);
  });

  it("gives up on a run with too many readings quickly, leaving its cells ambiguous", () => {
    const started = performance.now();
    const readings = fitRun([value("1234567891234567891234567")], applicantSlots, true, 1);
    expect(readings.every((r) => r.ambiguous && r.value === null)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reads a row the document stops inside as its first cells when they are printed apart, and untangles a lone glued run", () => {
    const cutOff = (items: Parameters<typeof fitRun>[0]) => fitRun(items, applicantSlots, false, 1).map((r) => r.value);
    expect(cutOff([value("10"), value("2"), value("11"), value("64")])).toEqual([10, 2, 11, 64, null, null, null]);
    expect(cutOff([value("640020470")])).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });

  it("takes blank cells by position when the run has a cell for every column", () => {
    expect(values([value("56"), blank, blank, blank, blank, blank, value("56")], applicantSlots)).toEqual([56, null, null, null, null, null, 56]);
  });
});

describe("a whole report on one line, cells glued (corpus 127)", () => {
  const report = corpusReport("127.txt");

  it("cuts each row where its arithmetic allows a single reading", () => {
    expect(report.values["proactive.regulations.inForce"]).toBe(0);
    expect(report.values["proactive.licensing.decisions"]).toBe(2293);
    expect(report.values["proactive.fees.amount"]).toBe(24252.311082);
    expect(report.values["requests.newReceived.natural"]).toBe(64);
    expect(report.values["requests.newReceived.total"]).toBe(70);
    expect(report.values["requests.partiallyGranted.natural"]).toBe(5);
  });

  it("cuts the 15 review numbers by each group's total", () => {
    const reviews = ["review", "litigationDirect", "litigationAfterReview"].map((stem) =>
      ["upheld", "corrected", "other", "pending", "total"].map((id) => report.values[`${stem}.${id}`]),
    );
    expect(reviews).toEqual([
      [1, 0, 2, 0, 3],
      [12, 0, 0, 0, 12],
      [0, 0, 0, 0, 0],
    ]);
  });

  it("does not guess where the digits admit several readings", () => {
    expect(report.values["proactive.normativeDocuments.issued"]).toBeNull();
    expect(report.values["requests.granted.natural"]).toBeNull();
    const ambiguous = report.findings.find((f) => f.rule === "cell.ambiguous");
    expect(ambiguous?.fields).toEqual([
      "proactive.normativeDocuments.issued",
      "proactive.normativeDocuments.abolished",
      "proactive.normativeDocuments.inForce",
      "requests.granted.natural",
      "requests.granted.commercial",
      "requests.granted.socialOrg",
      "requests.granted.legal",
      "requests.unavailable.notHeld.natural",
      "requests.unavailable.notHeld.commercial",
    ]);
    expect(rules(report)).toEqual(["cell.ambiguous"]);
  });
});

describe("cells glued to their labels, one row per line (corpus 110)", () => {
  const report = corpusReport("110.txt");

  it("reads 规章000 as three zeros", () => {
    expect(report.values["proactive.regulations.issued"]).toBe(0);
    expect(report.values["proactive.regulations.inForce"]).toBe(0);
    expect(report.values["proactive.normativeDocuments.inForce"]).toBe(0);
    expect(rules(report)).toEqual(["table.truncated"]);
  });
});
