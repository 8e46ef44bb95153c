/**
 * Remembering what a pure function of a string gave for the strings it was given lately. The
 * readers of a report ask the same question of the same text many times (every line made plain
 * by five readers, every cell compacted for each table and row); the answer depends on the text
 * alone, so it can never be stale. The memory is emptied whenever the texts it keeps pass a
 * bound, so it holds a few reports' worth at most.
 */
const KEPT_CHARACTERS = 2_000_000;

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
