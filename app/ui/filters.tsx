"use client";
/**
 * The region chain and the years (a range, or one year). Every change is a navigation to the
 * page's new URL, so the server draws the new figures, the URL can be shared and the back button
 * undoes it. The page's other params (chosen metrics, sort order) are kept.
 */
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { pageHref, queryString, type FilteredPage, type ParamValue } from "@/lib/queries/links";
import type { RegionLevel } from "@/lib/queries/regions";

interface Props {
  levels: RegionLevel[];
  years: number[];
  /** the page the controls navigate on */
  page: FilteredPage | "/regions";
  /** "range": 起始年度 and 截止年度 (from, to); "single": 年度 (year) */
  yearMode?: "range" | "single";
  /** the page's params as shown (region absent: the whole country) */
  current: Record<string, ParamValue>;
}

function YearSelect({ name, label, years, value, onPick }: { name: string; label: string; years: number[]; value: ParamValue; onPick: (year: number) => void }) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={value == null ? undefined : String(value)} onChange={(e) => onPick(Number(e.target.value))}>
        {years.map((year) => (
          <option key={year} value={year}>{`${year}年`}</option>
        ))}
      </select>
    </label>
  );
}

export function Filters({ levels, years, page, yearMode = "range", current }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const show = (change: Record<string, ParamValue>) => startTransition(() => router.push(pageHref(page, { ...current, ...change }), { scroll: false }));
  const yearSelects =
    yearMode === "single"
      ? [{ name: "year", label: "年度" }]
      : [
          { name: "from", label: "起始年度" },
          { name: "to", label: "截止年度" },
        ];

  // keyed by the params, so the selects (left uncontrolled, to answer at once) start over from
  // the server's values after every navigation, back and forward included
  return (
    <form key={queryString(current)} className="filters" aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      {levels.map((level) => (
        <label key={level.level}>
          <span>{level.label}</span>
          <select
            name={`level${level.level}`}
            defaultValue={level.selected ?? ""}
            onChange={(e) => show({ region: e.target.value || (level.parentCode ?? undefined) })}
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
      {yearSelects.map(({ name, label }) => (
        <YearSelect key={name} name={name} label={label} years={years} value={current[name]} onPick={(year) => show({ [name]: year })} />
      ))}
      {pending && <span className="filters-pending">正在更新…</span>}
    </form>
  );
}
