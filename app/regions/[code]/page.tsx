import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDatabase } from "@/lib/queries/db";
import { regionCode, type SearchParams } from "@/lib/queries/filter-params";
import { findRegion } from "@/lib/queries/regions";
import { RegionPage } from "../region-page";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const db = getDatabase();
  const region = db ? findRegion(db, (await params).code) : undefined;
  return { title: `${region?.name ?? "地区"} · 年报分析工作台` };
}

/** A province, city, county or township of the gazetteer. */
export default async function RegionCodePage({ params, searchParams }: Props) {
  const { code } = await params;
  if (!regionCode.safeParse(code).success) notFound();
  return <RegionPage code={code} searchParams={await searchParams} />;
}
