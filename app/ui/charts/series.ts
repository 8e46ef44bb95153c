/** What a chart needs to know about one of its figures (plain data, sent to the browser). */
export interface Series {
  key: string;
  label: string;
}
