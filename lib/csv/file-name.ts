/** The name a downloaded CSV is saved under: what it shows, where, and which years. */

export interface ExportName {
  /** the view's Chinese title, e.g. 主动公开 */
  title: string;
  /** whom the figures are of: a region's name (镇巴县; 全国 for the whole country) or an agency's */
  subject: string;
  from: number;
  to: number;
  /** some of the reports counted are generated sample data: the name says so, wherever the file goes */
  synthetic: boolean;
}

/** 主动公开_镇巴县_2021-2025.csv (one year: 主动公开_镇巴县_2024.csv; sample data: …_合成样例.csv) */
export function exportFileName({ title, subject, from, to, synthetic }: ExportName): string {
  const years = from === to ? `${from}` : `${from}-${to}`;
  const parts = [title, subject, years, ...(synthetic ? ["合成样例"] : [])];
  return `${parts.join("_")}.csv`.replace(/[\\/:*?"<>|\s]+/g, "-");
}

/**
 * The Content-Disposition header for a download: the Chinese name as RFC 5987 `filename*`
 * (UTF-8, percent-encoded), and a plain ASCII `filename` for clients that cannot read it.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** encodeURIComponent leaves ' ( ) * as they are; RFC 5987's attr-char does not allow them. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
