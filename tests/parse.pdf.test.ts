/** Layout family: text extracted from PDF (space-separated rows, page markers, vertical labels, fragments). */
import { describe, expect, it } from "vitest";
import { corpusReport, rules } from "./parse.support";

describe("a fragment starting mid-table, after a page marker (corpus 010)", () => {
  const report = corpusReport("010.txt");

  it("tells the template from the header words left in the fragment", () => {
    expect(report.template).toBe("2021");
  });

  it("reads space-separated rows, the page marker not being a number", () => {
    expect(report.values["proactive.penalty.decisions"]).toBe(3985758);
    expect(report.values["proactive.coercion.decisions"]).toBe(88283);
    expect(report.values["proactive.fees.amount"]).toBe(96171.6);
    expect(report.provenance["proactive.penalty.decisions"]).toBe(3);
    expect(report.values["proactive.regulations.issued"]).toBeNull();
  });

  it("keeps the numbers of a label broken over two lines", () => {
    expect(report.values["requests.partiallyGranted.natural"]).toBe(447);
    expect(report.values["requests.partiallyGranted.total"]).toBe(454);
    expect(report.provenance["requests.partiallyGranted.total"]).toBe(35);
  });

  it("reads past a group label printed one character per line", () => {
    expect(report.values["requests.granted.total"]).toBe(1362);
    expect(report.values["requests.unavailable.notHeld.total"]).toBe(769);
    expect(report.values["requests.unavailable.needsCreation.natural"]).toBeNull();
    expect(rules(report)).toEqual(["table.truncated"]);
  });
});

describe("a single page: the requests table's last row and the reviews table (corpus 042)", () => {
  const report = corpusReport("042.txt");

  it("finds the last requests row without its heading and the 15 review numbers under a vertical header", () => {
    expect(report.values["requests.carriedForward.total"]).toBe(0);
    expect(report.provenance["requests.carriedForward.total"]).toBe(3);
    expect(report.values["requests.newReceived.total"]).toBeNull();
    expect(report.values["review.total"]).toBe(0);
    expect(report.values["litigationAfterReview.total"]).toBe(0);
    expect(report.provenance["litigationAfterReview.total"]).toBe(17);
  });

  it("takes the template of its year when no table tells it", () => {
    expect(report.year).toBe(2020);
    expect(report.template).toBe("2019");
    expect(rules(report)).toEqual([]);
  });
});
