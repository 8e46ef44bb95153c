/**
 * Remembering what a pure function of a string gave for the strings it was given lately. The
 * readers of a report ask the same question of the same text many times (every line made plain
 * by five readers, every cell compacted for each table and row); the answer depends on the text
 * alone, so it can never be stale. The memory is emptied whenever the texts it keeps pass a
 * bound (200k characters, a few dozen reports), so it holds little: at 2M characters the
 * remembered answers of a dozen word lists kept a parse worker's heap growing past 150 MB.
 */
const KEPT_CHARACTERS = 200_000;

export function rememberedByText<T>(compute: (text: string) => T): (text: string) => T {
  const results = new Map<string, T>();
  let characters = 0;
  return (text) => {
    const known = results.get(text);
    if (known !== undefined) return known;
    const result = compute(text);
    if (characters + text.length > KEPT_CHARACTERS) {
      results.clear();
      characters = 0;
    }
    results.set(text, result);
    characters += text.length;
    return result;
  };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Remembering what a pure function of a report's lines gave for the last lines: several readers
 * of one report ask it of the same lines (or of another array holding the same lines). Keyed by
 * a copy of every line, so other lines, or the same array changed since, are read afresh.
 */
export function rememberedForLastLines<T>(compute: (lines: readonly string[]) => T): (lines: readonly string[]) => T {
  let last: { lines: readonly string[]; result: T } | null = null;
  return (lines) => {
    if (last && sameLines(last.lines, lines)) return last.result;
    const result = compute(lines);
    last = { lines: [...lines], result };
    return result;
  };
}
