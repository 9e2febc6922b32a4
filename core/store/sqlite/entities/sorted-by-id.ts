/**
 * A stable copy of `rows` ordered by an id. Inserting a batch in id order walks the id's b-tree
 * from left to right instead of jumping to a random page per row: with random ids (hex payment
 * ids, UUIDs) this roughly halves the cost of the insert. Stable, so that when an id repeats in
 * a batch the later row is still written last (and wins).
 */
export function sortedById<T>(rows: readonly T[], id: (row: T) => string): T[] {
  return rows.slice().sort((a, b) => {
    const x = id(a);
    const y = id(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
