/**
 * The first `k` of `items` in `compare`'s order, sorted: `[...items].sort(compare).slice(0, k)`
 * for a total order (no two items equal), with about n + k·log k·log(n/k) comparisons instead of
 * n·log n. A list cut at a limit then costs little more than reading it, even when a comparison
 * is dear (Swedish collation).
 */
export function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k) return [...items].sort(compare);
  // A max-heap of the k first seen so far: its root is the one a better item replaces.
  const heap: T[] = [];
  const later = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const item = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = item;
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && later(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let last = i;
        if (left < k && later(left, last)) last = left;
        if (left + 1 < k && later(left + 1, last)) last = left + 1;
        if (last === i) break;
        swap(i, last);
        i = last;
      }
    }
  }
  return heap.sort(compare);
}
