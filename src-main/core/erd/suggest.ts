/**
 * "Did you mean …?" for misspelt names and types: a close candidate is offered only when it is
 * clearly the likely intent (a small edit distance, or the same word without Django's "Field").
 */

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `input`, ignoring case, when it is close enough to be a typo. */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance =
      lower === `${wanted}field` || lower.replace(/field$/, '') === wanted ? 0 : editDistance(wanted, lower);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** ` (did you mean "X"?)` or nothing. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestName(input, candidates);
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`;
}
