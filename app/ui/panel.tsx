/** A titled block of the overview (a chart or a table) with the CSV download of what it shows. */
import type { ReactNode } from "react";
import { viewTitle, type ViewId } from "@/lib/queries/tables";

export function Panel({ view, query, note, children }: { view: ViewId; query: string; note?: string; children: ReactNode }) {
  const title = viewTitle(view);
  return (
    <section className="panel" data-view={view} aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        <a className="csv-link" href={`/api/csv/${view}${query}`} download>
          下载 CSV
        </a>
      </header>
      {note && <p className="panel-note">{note}</p>}
      {children}
    </section>
  );
}
