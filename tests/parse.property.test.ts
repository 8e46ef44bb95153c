/**
 * The parser against the sample printer, for any figures: random tables of either template
 * (heavy-tailed counts, 万元 amounts with decimals, negative 本年增/减), printed in a random
 * style (text layout and shape or web page, character form, number form, encoding), cut off or
 * not after some row, must parse back to every number printed, null for every cell the document
 * does not reach, each on the line it was printed on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse/index";
import { ENCODINGS } from "../lib/sample/encode";
import { tableGrid, tableHeading } from "../lib/sample/grid";
import { CHAR_FORMS } from "../lib/sample/print/chars";
import { printDocument, type Block } from "../lib/sample/print/document";
import { NUMBER_FORMS } from "../lib/sample/print/numbers";
import { FORM_LAYOUTS, FORMS, type PrintStyle } from "../lib/sample/print/style";
import { TEMPLATES, type SectionId, type TemplateVersion } from "../lib/template/definitions";
import { fieldsOf, type FieldDef } from "../lib/template/fields";

const SECTIONS: readonly SectionId[] = TEMPLATES["2021"].tables.map((t) => t.section);
const YEARS: Record<TemplateVersion, readonly number[]> = { "2019": [2019, 2020], "2021": [2021, 2022, 2023, 2024, 2025] };

/** Most cells of a real report are 0, many a single digit, a few in the thousands or millions. */
const count = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 999 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 9_999_999 }) },
);
/** 本年增/减 may be a decrease. */
const change = fc.tuple(count, fc.boolean()).map(([n, decrease]) => (decrease && n > 0 ? -n : n));
/** 万元, kept to four decimals as reports print them. */
const amount = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 99_999_999 }).map((n) => n / 10_000) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9_999_999 }) },
);

const valueOf = (field: FieldDef) => (field.unit === "wan" ? amount : field.column === "change" ? change : count);

function figures(template: TemplateVersion): fc.Arbitrary<Record<string, number>> {
  return fc.record(Object.fromEntries(fieldsOf(template).map((field) => [field.key, valueOf(field)])));
}

const style: fc.Arbitrary<PrintStyle> = fc.constantFrom(...FORMS).chain((form) =>
  fc.record({
    form: fc.constant(form),
    layout: fc.constantFrom(...FORM_LAYOUTS[form]),
    chars: fc.constantFrom(...CHAR_FORMS),
    numbers: fc.constantFrom(...NUMBER_FORMS),
    encoding: fc.constantFrom(...ENCODINGS),
  }),
);

/** The fields in print order, and the last field of each row: where a truncated report may stop. */
function printOrder(template: TemplateVersion): { fields: string[]; rowEnds: string[] } {
  const rows = SECTIONS.flatMap((section) => tableGrid(section, template).map((row) => row.flatMap((c) => (typeof c === "string" ? [] : [c.field]))));
  return { fields: rows.flat(), rowEnds: rows.filter((r) => r.length > 0).map((r) => r[r.length - 1]) };
}

function blocks(year: number): Block[] {
  return [
    { kind: "text", text: `镇巴县黎坝镇人民政府${year}年政府信息公开工作年度报告`, role: "title" },
    { kind: "text", text: "一、总体情况" },
    { kind: "text", text: `${year}年,我镇认真贯彻落实《中华人民共和国政府信息公开条例》,扎实推进政务公开。` },
    ...SECTIONS.flatMap((section): Block[] => [{ kind: "text", text: tableHeading(section) }, { kind: "table", section }]),
    { kind: "text", text: "五、存在的主要问题及改进情况" },
  ];
}

interface Report {
  template: TemplateVersion;
  year: number;
  cells: Record<string, number>;
  style: PrintStyle;
  cutAfter: string | null;
}

const report: fc.Arbitrary<Report> = fc.constantFrom<TemplateVersion>("2019", "2021").chain((template) =>
  fc.record({
    template: fc.constant(template),
    year: fc.constantFrom(...YEARS[template]),
    cells: figures(template),
    style,
    cutAfter: fc.option(fc.constantFrom(...printOrder(template).rowEnds), { freq: 4 }),
  }),
);

/** Print the report, parse its bytes, and expect every number back on its line. */
function roundTrip({ template, year, cells, style, cutAfter }: Report): void {
  const printed = printDocument({ template, blocks: blocks(year), cells, cutAfter }, style);
  const parsed = parseReport({ fileName: style.form === "html-page" ? "report.html" : "report.txt", bytes: printed.bytes });

  const { fields } = printOrder(template);
  const reached = new Set(cutAfter === null ? fields : fields.slice(0, fields.indexOf(cutAfter) + 1));
  const expected = Object.fromEntries(fields.map((key) => [key, reached.has(key) ? cells[key] : null]));
  expect(parsed.template).toBe(template);
  expect(parsed.values).toEqual(expected);
  const lines = (of: Record<string, number>) => Object.fromEntries([...reached].map((key) => [key, of[key]]));
  expect(lines(parsed.provenance)).toEqual(lines(printed.lines));
}

describe("parseReport on random reports in random styles", () => {
  it("gives back every number printed, null for every cell not reached, each on its printed line", () => {
    fc.assert(fc.property(report, roundTrip), { seed: 20240131, numRuns: 1000 });
  });
});

/** One way of printing changed at a time from plain UTF-8 lines, each on a fixed report of either template. */
const BASE: PrintStyle = { form: "lines", layout: "pipe-cells", chars: "simplified", numbers: "plain", encoding: "utf-8" };
const STYLES: Array<[string, PrintStyle]> = [
  ...FORMS.flatMap((form) => FORM_LAYOUTS[form].map((layout): [string, PrintStyle] => [`${form}, ${layout ?? "<table>"}`, { ...BASE, form, layout }])),
  ...CHAR_FORMS.map((chars): [string, PrintStyle] => [`${chars} characters`, { ...BASE, chars }]),
  ...NUMBER_FORMS.map((numbers): [string, PrintStyle] => [`${numbers} numbers`, { ...BASE, numbers }]),
  ...ENCODINGS.map((encoding): [string, PrintStyle] => [`${encoding} bytes`, { ...BASE, encoding }]),
];
const FIXED = { "2019": fc.sample(figures("2019"), { seed: 1, numRuns: 1 })[0], "2021": fc.sample(figures("2021"), { seed: 1, numRuns: 1 })[0] };

describe("each way of printing, on a fixed report of either template", () => {
  it.each(STYLES)("reads %s", (_name, style) => {
    roundTrip({ template: "2019", year: 2020, cells: FIXED["2019"], style, cutAfter: null });
    roundTrip({ template: "2021", year: 2024, cells: FIXED["2021"], style, cutAfter: null });
  });

  it("reads a report cut off after a row: the rows before it, null after", () => {
    const cutAfter = "requests.partiallyGranted.total";
    roundTrip({ template: "2021", year: 2024, cells: FIXED["2021"], style: { ...BASE, layout: "markdown-rows" }, cutAfter });
  });
});
