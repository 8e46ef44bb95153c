"use client";
/**
 * The anomalies page's own filters beside the region and years: the kind of problem and how
 * serious. Each change is a navigation to the page's new URL, the region and years kept.
 */
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { pageHref, queryString, type ParamValue } from "@/lib/queries/links";

interface Option {
  value: string;
  label: string;
}

interface Props {
  rules: readonly Option[];
  severities: readonly Option[];
  /** the page's params as shown */
  current: Record<string, ParamValue>;
}

function Choice({ name, label, all, options, current, onPick }: { name: string; label: string; all: string; options: readonly Option[]; current: ParamValue; onPick: (value: string) => void }) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} defaultValue={current == null ? "" : String(current)} onChange={(e) => onPick(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RuleFilters({ rules, severities, current }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const show = (name: string, value: string) => startTransition(() => router.push(pageHref("/anomalies", { ...current, [name]: value || undefined }), { scroll: false }));
  // keyed by the params, so the selects start over from the server's values after every navigation
  return (
    <form key={queryString(current)} className="filters" aria-busy={pending} aria-label="问题类型和严重程度" onSubmit={(e) => e.preventDefault()}>
      <Choice name="rule" label="问题类型" all="全部类型" options={rules} current={current.rule} onPick={(v) => show("rule", v)} />
      <Choice name="severity" label="严重程度" all="全部" options={severities} current={current.severity} onPick={(v) => show("severity", v)} />
      {pending && <span className="filters-pending">正在更新…</span>}
    </form>
  );
}
