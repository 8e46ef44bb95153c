/**
 * GET /api/csv/{view}?…: the CSV of one chart or table of a page, with the same params as the
 * page (lib/queries/exports.ts lists the views). Malformed params are refused (400), never
 * guessed at; params naming what is not there (a region, an agency, a report, a year) get 404.
 */
import type { NextRequest } from "next/server";
import { attachment, exportFileName } from "@/lib/csv/file-name";
import { writeCsvRows } from "@/lib/csv/write";
import { getDatabase } from "@/lib/queries/db";
import { EXPORTS } from "@/lib/queries/exports";

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ view: string }> }) {
  const { view } = await params;
  const exporter = Object.hasOwn(EXPORTS, view) ? EXPORTS[view] : undefined;
  if (!exporter) return refuse(404, `没有名为“${view}”的视图`);
  const db = getDatabase();
  if (!db) return refuse(404, "尚未导入年报数据");

  const result = exporter(db, request.nextUrl.searchParams);
  if ("invalid" in result) return refuse(400, `参数有误：${result.invalid}`);
  if ("missing" in result) return refuse(404, result.missing);
  return new Response(writeCsvRows(result.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(exportFileName(result.name), result.fallback),
      "Cache-Control": "no-store",
    },
  });
}
