/**
 * GET /api/csv/{view}?region=&from=&to=: the CSV of one chart or table of the overview, with
 * the same filters as the page. Malformed filters are refused (400), never guessed at.
 */
import type { NextRequest } from "next/server";
import { attachment, exportFileName } from "@/lib/csv/file-name";
import { writeCsv } from "@/lib/csv/write";
import { getDatabase } from "@/lib/queries/db";
import { parseFiltersStrictly } from "@/lib/queries/filter-params";
import { countSyntheticReports } from "@/lib/queries/key-figures";
import { fetchYearSpan, resolveScope } from "@/lib/queries/scope";
import { fetchTable, isViewId, viewTitle } from "@/lib/queries/tables";

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ view: string }> }) {
  const { view } = await params;
  if (!isViewId(view)) return refuse(404, `没有名为“${view}”的视图`);
  const parsed = parseFiltersStrictly(request.nextUrl.searchParams);
  if ("error" in parsed) return refuse(400, `筛选条件有误：${parsed.error}`);

  const db = getDatabase();
  const span = db && fetchYearSpan(db);
  if (!db || !span) return refuse(404, "尚未导入年报数据");
  const scope = resolveScope(db, parsed.filters, span);
  if (parsed.filters.region && !scope.region) return refuse(400, `未知的地区代码：${parsed.filters.region}`);

  const table = fetchTable(db, scope, view);
  const name = exportFileName({
    title: viewTitle(view),
    region: scope.region?.name ?? "全国",
    from: scope.from,
    to: scope.to,
    synthetic: countSyntheticReports(db, scope) > 0,
  });
  const fallback = `nianbao-${view}-${scope.region?.code ?? "all"}-${scope.from}-${scope.to}.csv`;
  return new Response(writeCsv(table.headers, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(name, fallback),
      "Cache-Control": "no-store",
    },
  });
}
