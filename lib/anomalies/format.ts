/** How findings write numbers. */

/** 0.934 → 93% */
export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Up to `shown` items, then 等N项, so a message stays one sentence. */
export function listed(items: readonly string[], shown = 3): string {
  const head = items.slice(0, shown).join("、");
  return items.length > shown ? `${head}等${items.length}项` : head;
}
