/**
 * Items joined as English lists them: andList(["a"]) → "a"; andList(["a", "b"]) → "a and b";
 * andList(["a", "b", "c"]) → "a, b and c" (no serial comma, as the site's prose writes it); [] → "".
 */
export function andList(items: readonly string[]): string {
  return joinLast(items, "and");
}

/** The same with "or": orList(["'a'", "'b'", "'c'"]) → "'a', 'b' or 'c'" (the "did you mean" hints). */
export function orList(items: readonly string[]): string {
  return joinLast(items, "or");
}

function joinLast(items: readonly string[], word: string): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
