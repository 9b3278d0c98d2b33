/** Levenshtein distance, for "did you mean" hints on flags, inputs and rule ids. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates closest to `value` (ties included, at most `max`), when close enough to be a typo. */
export function nearestAll(value: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  return best.length <= max ? best : [];
}

/** `(did you mean "a"?)`, `(did you mean "a" or "b"?)`, or '' when nothing is close. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const guesses = nearestAll(value, candidates).map((guess) => `"${guess}"`);
  if (guesses.length === 0) return '';
  const list =
    guesses.length === 1 ? guesses[0] : `${guesses.slice(0, -1).join(', ')} or ${guesses.at(-1)}`;
  return ` (did you mean ${list}?)`;
}

/** The single closest candidate, when exactly one is close (for flag suggestions). */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const guesses = nearestAll(value, candidates, 1);
  return guesses[0];
}
