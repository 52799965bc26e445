/**
 * Items grouped by a key, in order of each key's first item, each group in its items' order: what the charts draw
 * one mark per placement with (Plot's dx, dy, textAnchor and a tip's anchor are constants of a mark, not channels).
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}
