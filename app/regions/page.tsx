import type { SearchParams } from "@/lib/queries/filter-params";
import { RegionPage } from "./region-page";

export const metadata = { title: "全国 · 地区 · 年报分析工作台" };

/** The whole country: its provinces side by side. */
export default async function CountryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <RegionPage searchParams={await searchParams} />;
}
