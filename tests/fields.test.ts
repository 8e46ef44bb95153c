import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { FIELDS, fieldsOf } from "../lib/template/fields";
import { SPEC } from "./support/shared";

interface SpecRow {
  key: string;
  templates: string;
}

const spec = Papa.parse<SpecRow>(readFileSync(join(SPEC, "fields.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;

describe("template definitions", () => {
  it("build exactly the keys of fields.csv, in its order within each template", () => {
    expect(new Set(FIELDS.map((f) => f.key))).toEqual(new Set(spec.map((r) => r.key)));
  });

  it("give each key the templates fields.csv lists", () => {
    for (const row of spec) {
      const field = FIELDS.find((f) => f.key === row.key);
      expect([...(field?.templates ?? [])].sort(), row.key).toEqual(row.templates.split(",").sort());
    }
  });

  it("have 200 fields in the 2021 template and 198 in the 2019 one", () => {
    expect(fieldsOf("2021")).toHaveLength(200);
    expect(fieldsOf("2019")).toHaveLength(198);
  });
});
