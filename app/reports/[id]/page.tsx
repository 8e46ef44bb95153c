/** A report: the source text line by line, each line addressable as #L{n}. */
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDatabase } from "@/lib/queries/db";
import { fetchReportHead } from "@/lib/queries/report";

const reportId = z.coerce.number().int().positive();

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = reportId.safeParse((await params).id);
  const db = getDatabase();
  const report = id.success && db ? fetchReportHead(db, id.data) : undefined;
  if (!report) notFound();
  return (
    <article>
      <h1>
        {report.agencyName ?? "未知机关"} · {report.year ?? "年度不明"}年度报告
      </h1>
      <ol className="source-text">
        {report.sourceText.split("\n").map((line, i) => (
          <li key={i} id={`L${i + 1}`}>
            {line}
          </li>
        ))}
      </ol>
    </article>
  );
}
