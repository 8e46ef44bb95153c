/**
 * GET /api/anomalies.csv?region=&from=&to=&rule=&severity=[&view=heat|rules]: the anomalies page's
 * downloads, with the page's params: the filtered list of findings (the default), the counts by
 * sub-region and kind, or the rules. Malformed params are refused (400), params naming what is
 * not there (a region, a year) get 404.
 */
import type { NextRequest } from "next/server";
import { z } from "zod";
import { attachment, exportFileName } from "@/lib/csv/file-name";
import { writeCsvRows } from "@/lib/csv/write";
import { anomalyParams, anomalyTable, fetchAnomalies, fetchAnomalyHeat, heatTable, resolveAnomalyView, rulesTable, viewSubject, type AnomalyView } from "@/lib/queries/anomalies";
import { getDatabase } from "@/lib/queries/db";
import { optional, readParams } from "@/lib/queries/filter-params";
import { countSyntheticReports } from "@/lib/queries/key-figures";
import { isMissing } from "@/lib/queries/scope";
import type { Table } from "@/lib/queries/tables";
import type { NianbaoDb } from "@/db/client";

const VIEWS: Record<string, { title: string; table: (db: NianbaoDb, view: AnomalyView) => Table }> = {
  list: { title: "异常清单", table: (db, view) => anomalyTable(fetchAnomalies(db, view)) },
  heat: { title: "各地区异常数", table: (db, view) => heatTable(fetchAnomalyHeat(db, view)) },
  rules: { title: "检查规则", table: () => rulesTable() },
};

const params = anomalyParams.extend({ view: optional(z.enum(Object.keys(VIEWS) as [string, ...string[]], "view 应为 list、heat 或 rules")) });

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest) {
  const read = readParams(params, request.nextUrl.searchParams);
  if (!read.ok) return refuse(400, `参数有误：${read.error}`);
  const db = getDatabase();
  if (!db) return refuse(404, "尚未导入年报数据");
  const view = resolveAnomalyView(db, read.value);
  if (isMissing(view)) return refuse(404, view.missing);

  const { title, table } = VIEWS[read.value.view ?? "list"];
  const data = table(db, view);
  const { scope } = view;
  const name = exportFileName({ title, subject: viewSubject(view), from: scope.from, to: scope.to, synthetic: countSyntheticReports(db, scope) > 0 });
  const fallback = `nianbao-anomalies-${read.value.view ?? "list"}-${scope.region?.code ?? "all"}-${scope.from}-${scope.to}.csv`;
  return new Response(writeCsvRows([data.headers, ...data.rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(name, fallback),
      "Cache-Control": "no-store",
    },
  });
}
