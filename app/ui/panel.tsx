/** A titled block of a page (a chart or a table) with the CSV download(s) of what it shows. */
import type { ReactNode } from "react";

export interface CsvLink {
  label: string;
  href: string;
}

interface Props {
  /** names the block for tests and styles (data-view) */
  id: string;
  title: string;
  /** one download ("下载 CSV") or several, each labelled */
  csv: string | readonly CsvLink[];
  note?: ReactNode;
  children: ReactNode;
}

export function Panel({ id, title, csv, note, children }: Props) {
  const links = typeof csv === "string" ? [{ label: "下载 CSV", href: csv }] : csv;
  return (
    <section className="panel" data-view={id} aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        <span className="csv-links">
          {links.map((link) => (
            <a key={link.href} className="csv-link" href={link.href} download>
              {link.label}
            </a>
          ))}
        </span>
      </header>
      {note && <p className="panel-note">{note}</p>}
      {children}
    </section>
  );
}
