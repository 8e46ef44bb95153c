"use client";
/** Figures that add up to a whole (the outcomes of the year's requests), stacked per year. */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { YearPoint } from "@/lib/queries/yearly";
import { formatNumber, formatTick } from "../format";
import { colorOf } from "./colors";
import type { Series } from "./series";

export function StackedYearBars({ data, series }: { data: YearPoint[]; series: Series[] }) {
  // legend and tooltip list the figures in the series' order (recharts sorts by name otherwise)
  const rank = (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey);
  return (
    <BarChart responsive style={{ width: "100%", height: 300 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="year" interval={0} />
      <YAxis allowDecimals={false} width={56} tickFormatter={formatTick} />
      <Tooltip formatter={(value) => formatNumber(value as number | null)} labelFormatter={(year) => `${year}年`} itemSorter={rank} />
      <Legend itemSorter={rank} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="year" fill={colorOf(s.key)} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
