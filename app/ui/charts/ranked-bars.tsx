"use client";
/** Agencies ranked on one figure, highest at the top: one horizontal bar each, its value at its end. */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatTick } from "../format";

export interface RankedBar {
  name: string;
  value: number;
}

/** room for a name of about ten characters at 12px */
const NAME_WIDTH = 170;
const BAR_HEIGHT = 22;

export function RankedBars({ data, label }: { data: RankedBar[]; label: string }) {
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: "100%", height: 40 + data.length * BAR_HEIGHT }}
      data={data}
      margin={{ top: 4, right: 48, bottom: 4, left: 0 }}
      barCategoryGap={3}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" tickFormatter={formatTick} />
      <YAxis type="category" dataKey="name" width={NAME_WIDTH} interval={0} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => formatNumber(value as number)} />
      <Bar dataKey="value" name={label} fill="#1565c0" isAnimationActive={false}>
        <LabelList dataKey="value" position="right" formatter={(value) => formatNumber(value as number)} style={{ fontSize: 11 }} />
      </Bar>
    </BarChart>
  );
}
