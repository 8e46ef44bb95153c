/**
 * A report's source text, one list item per line, each addressable as #L{n}: a number's link
 * (or a finding's, from any page) scrolls its line into view and :target highlights it.
 */
export function SourceText({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <ol className="source-text" aria-label="年报原文（按行编号）">
      {lines.map((line, i) => (
        <li key={i} id={`L${i + 1}`}>
          {line || "\u00a0"}
        </li>
      ))}
    </ol>
  );
}
