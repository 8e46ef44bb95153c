"use client";
/**
 * Figures of different units and sizes (documents, decisions, 万元, thousands of items), one
 * small bar chart each, so no figure is flattened against a bigger one on a shared axis.
 */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { YearPoint } from "@/lib/queries/yearly";
import { formatNumber, formatTick } from "../format";
import type { Series } from "./series";

export function SmallMultiples({ data, series }: { data: YearPoint[]; series: Series[] }) {
  return (
    <div className="small-multiples">
      {series.map((s) => (
        <figure key={s.key} data-series={s.key}>
          <figcaption>{s.label}</figcaption>
          <BarChart responsive style={{ width: "100%", height: 160 }} data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="year" interval={0} />
            <YAxis width={48} tickFormatter={formatTick} />
            <Tooltip formatter={(value) => formatNumber(value as number | null)} labelFormatter={(year) => `${year}年`} />
            <Bar dataKey={s.key} name={s.label} fill="#1565c0" isAnimationActive={false} />
          </BarChart>
        </figure>
      ))}
    </div>
  );
}
