/** Facts in words, shared by the rules and the report. */

/** `a, b, c and 4 more`. */
export function listSome(items: readonly string[], total = items.length, shown = 5): string {
  const head = items.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(', ')} and ${more} more` : head.join(', ');
}
