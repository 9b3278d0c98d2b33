import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/suggest.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
function nearestAll(value, candidates, max = 3) {
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best = [];
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
function didYouMean(value, candidates) {
  const guesses = nearestAll(value, candidates).map((guess) => `"${guess}"`);
  if (guesses.length === 0) return "";
  const list = guesses.length === 1 ? guesses[0] : `${guesses.slice(0, -1).join(", ")} or ${guesses.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
function nearest(value, candidates) {
  const guesses = nearestAll(value, candidates, 1);
  return guesses[0];
}

export {
  didYouMean,
  nearest
};
