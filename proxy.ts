/**
 * Every page's query params are checked before it renders (lib/queries/page-params.ts): a
 * malformed value (a year that is not a number, a region code of the wrong length, an unknown
 * metric) is answered 400 with a short Chinese page naming the param and what is wrong with it.
 * Pages cannot set a status themselves once rendering starts, hence this check in front of them.
 * The CSV routes check their own params and answer 400 the same way.
 */
import { NextResponse, type NextRequest } from "next/server";
import { readParams } from "@/lib/queries/filter-params";
import { pageParamsOf } from "@/lib/queries/page-params";

export function proxy(request: NextRequest): NextResponse {
  const schema = pageParamsOf(request.nextUrl.pathname);
  if (!schema) return NextResponse.next();
  const read = readParams(schema, request.nextUrl.searchParams);
  return read.ok ? NextResponse.next() : badParams(read.error);
}

/** The HTML of the refusal; the detail comes from zod's messages and may echo the URL, so it is escaped. */
function badParams(detail: string): NextResponse {
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>链接中的参数有误 · 年报分析工作台</title></head>
<body><section class="notice" role="alert"><h1>链接中的参数有误</h1><p>${escapeHtml(detail)}</p>
<p><a href="/">返回总览</a> <a href="/regions">按地区浏览</a></p></section></body></html>`;
  return new NextResponse(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export const config = {
  // pages only: not the CSV routes (they answer for themselves), not Next's own files
  matcher: ["/", "/regions/:path*", "/compare", "/summary", "/coverage", "/anomalies"],
};
