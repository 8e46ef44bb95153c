"use client";
/**
 * The region chain and the year range. Every change is a navigation to new search params, so
 * the server draws the new figures, the URL can be shared and the back button undoes it.
 */
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { filtersQuery, type Filters as FilterValues } from "@/lib/queries/filters";
import type { RegionLevel } from "@/lib/queries/regions";

interface Props {
  levels: RegionLevel[];
  years: number[];
  /** the filters as shown: region (absent: the whole country) and both years */
  current: FilterValues;
}

export function Filters({ levels, years, current }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const show = (next: FilterValues) => startTransition(() => router.push(`/${filtersQuery(next)}`, { scroll: false }));

  // keyed by the filters, so the selects (left uncontrolled, to answer at once) start over from
  // the server's values after every navigation, back and forward included
  return (
    <form key={filtersQuery(current)} className="filters" aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      {levels.map((level) => (
        <label key={level.level}>
          <span>{level.label}</span>
          <select
            name={`level${level.level}`}
            defaultValue={level.selected ?? ""}
            onChange={(e) => show({ ...current, region: e.target.value || (level.parentCode ?? undefined) })}
          >
            <option value="">{level.parentCode ? "全部" : "全国"}</option>
            {level.options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.reports ? `${option.name}（${option.reports}份）` : option.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      {(["from", "to"] as const).map((end) => (
        <label key={end}>
          <span>{end === "from" ? "起始年度" : "截止年度"}</span>
          <select name={end} defaultValue={current[end]} onChange={(e) => show({ ...current, [end]: Number(e.target.value) })}>
            {years.map((year) => (
              <option key={year} value={year}>{`${year}年`}</option>
            ))}
          </select>
        </label>
      ))}
      {pending && <span className="filters-pending">正在更新…</span>}
    </form>
  );
}
