/**
 * Choosing the metrics to compare: a plain GET form, so it works before any script loads, and
 * what it chooses lands in the URL like every other filter.
 */
import type { ParamValue } from "@/lib/queries/links";

interface Props {
  options: readonly { key: string; label: string; rate: boolean }[];
  chosen: readonly string[];
  /** the page's other params, carried through the form */
  keep: Record<string, ParamValue>;
}

export function MetricPicker({ options, chosen, keep }: Props) {
  return (
    <form method="get" className="metric-picker">
      <fieldset>
        <legend>比较指标（可多选）</legend>
        {options.map((option) => (
          <label key={option.key}>
            <input type="checkbox" name="metric" value={option.key} defaultChecked={chosen.includes(option.key)} />
            {option.label}
            {option.rate && <span className="metric-rate">比率</span>}
          </label>
        ))}
      </fieldset>
      {Object.entries(keep).map(([name, value]) => (value == null || value === "" ? null : <input key={name} type="hidden" name={name} value={String(value)} />))}
      <button type="submit">更新</button>
    </form>
  );
}
