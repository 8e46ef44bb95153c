/**
 * A report's figures in the 2019 template (国办公开办函〔2019〕60号, reports for 2019 and 2020),
 * from the figures the sample draws in the 2021 template. The requests and reviews are the same
 * requests, but the three (六)其他处理 rows are one. Section 二 counts other things: documents
 * made, published and public in total; for each kind of licensing, penalty and coercion item
 * the items of the year before, their increase or decrease (本年增/减, often negative) and the
 * decisions; fee items; and 第(九)项 政府集中采购, projects and their amount in 万元 with decimals.
 */
import { TEMPLATES, TEMPLATE_VERSIONS, type TemplateVersion } from "../template/definitions";
import { fieldsOf, rowColumns } from "../template/fields";
import type { Random } from "./random";

export type Values = Record<string, number>;

const table = (version: "2019" | "2021", section: string) => TEMPLATES[version].tables.find((t) => t.section === section);
const OTHER_HANDLING = "requests.otherHandling";
/** The 2021 rows that the 2019 template prints as the one row (六)其他处理. */
const OTHER_HANDLING_STEMS = (table("2021", "requests")?.rows ?? []).map((r) => r.stem).filter((stem) => stem.startsWith(`${OTHER_HANDLING}.`));
const OTHER_HANDLING_2019 = `${OTHER_HANDLING}.other`;

/** Items in force before the year: a few kinds for every decision made, at least one where any was. */
function previousItems(decisions: number, random: Random): number {
  return decisions === 0 && random.chance(0.5) ? 0 : Math.max(1, Math.round(Math.sqrt(decisions + 1) * 3 * random.lognormal(0.5)));
}

/** This year's increase or decrease of those items: within a tenth of them, either way. */
function change(previous: number, random: Random): number {
  const spread = Math.max(1, Math.round(previous / 10));
  return previous === 0 ? random.int(0, 2) : random.int(-spread, spread);
}

/** One row of section 二 in the 2019 columns, told apart by the columns it has. */
function proactiveRow(stem: string, columns: readonly string[], values: Values, random: Random): Values {
  const has = (id: string) => columns.includes(id);
  if (has("made")) {
    const issued = values[`${stem}.issued`];
    return { [`${stem}.made`]: issued, [`${stem}.published`]: issued, [`${stem}.publicTotal`]: values[`${stem}.inForce`] };
  }
  if (has("projects")) {
    const projects = random.chance(0.4) ? 0 : Math.round(3 * random.lognormal(0.9));
    const amount = projects === 0 ? 0 : Math.round(projects * 18 * random.lognormal(0.8) * 10_000) / 10_000;
    return { [`${stem}.projects`]: projects, [`${stem}.amount`]: amount };
  }
  if (!has("decisions")) {
    // fee items: some where the 2021 figures charge fees
    const charges = values[`${stem}.amount`] > 0;
    return { [`${stem}.previousItems`]: charges ? random.int(1, 8) : 0, [`${stem}.change`]: charges ? random.int(-1, 1) : 0 };
  }
  // 其他对外管理服务事项 has no 2021 row: a share of the licensing decisions
  const decisions = values[`${stem}.decisions`] ?? Math.round(values["proactive.licensing.decisions"] * 0.3 * random.lognormal(0.8));
  const previous = previousItems(decisions, random);
  return { [`${stem}.previousItems`]: previous, [`${stem}.change`]: change(previous, random), [`${stem}.decisions`]: decisions };
}

function proactive(values: Values, random: Random): Values {
  const proactive2019 = table("2019", "proactive");
  if (!proactive2019) return {};
  return Object.assign({}, ...proactive2019.rows.map((row) => proactiveRow(row.stem, rowColumns(proactive2019, row).map((c) => c.id), values, random)));
}

/** The 2021 figures as the 2019 template prints them: every 2019 key, the (六) rows folded into one. */
export function inTemplate2019(values: Values, random: Random): Values {
  const section2 = proactive(values, random);
  const out: Values = {};
  for (const { key, stem, column } of fieldsOf("2019")) {
    if (key in section2) out[key] = section2[key];
    else if (key.startsWith(`${OTHER_HANDLING_2019}.`)) out[key] = OTHER_HANDLING_STEMS.reduce((sum, s) => sum + values[`${s}.${column}`], 0);
    else out[key] = values[`${stem}.${column}`];
  }
  return out;
}

/** The template whose fields the figures give: the 2019 template prints keys the 2021 one has not. */
export function templateOf(values: Readonly<Record<string, unknown>>): TemplateVersion {
  return TEMPLATE_VERSIONS.find((version) => fieldsOf(version).every((field) => field.key in values)) ?? "2021";
}
