/** One report: its facts, its values with the source line each was read from, and its findings. */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";

export interface ReportHead {
  id: number;
  agencyId: number | null;
  agencyName: string | null;
  year: number | null;
  regionCode: string | null;
  template: string | null;
  parseStatus: string;
  current: boolean;
  synthetic: boolean;
  sourcePath: string;
  sourceUrl: string | null;
  publishedDate: string | null;
  sourceText: string;
}

export function fetchReportHead(db: NianbaoDb, id: number): ReportHead | undefined {
  const row = db.get<Omit<ReportHead, "current" | "synthetic"> & { current: number; synthetic: number }>(sql`
    SELECT r.id, r.agency_id AS agencyId, a.name AS agencyName, r.year, r.region_code AS regionCode, r.template,
      r.parse_status AS parseStatus, r.current, r.synthetic, r.source_path AS sourcePath, r.source_url AS sourceUrl,
      r.published_date AS publishedDate, r.source_text AS sourceText
    FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
    WHERE r.id = ${id}`);
  return row && { ...row, current: row.current === 1, synthetic: row.synthetic === 1 };
}
