/**
 * Three-way merge of one file: what was generated last time (base), what is on disk now (the
 * user's version) and what the generator produces now. Line based, like git's merge.
 */
import { diff3Merge } from 'node-diff3';

export type MergeOutcome =
  { kind: 'clean'; content: string } | { kind: 'conflict'; content: string; conflicts: number };

function lines(text: string): string[] {
  return text.split('\n');
}

/**
 * Merge the user's changes (`mine`) and the generator's (`theirs`) since `base`. On conflict the
 * returned content carries git-style markers; the caller decides where it may go (never over the
 * user's file).
 */
export function mergeThreeWay(base: string, mine: string, theirs: string): MergeOutcome {
  if (mine === theirs) return { kind: 'clean', content: mine };
  if (mine === base) return { kind: 'clean', content: theirs };
  if (theirs === base) return { kind: 'clean', content: mine };
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      conflicts++;
      out.push(
        '<<<<<<< yours',
        ...region.conflict.a,
        '||||||| last generated',
        ...region.conflict.o,
        '=======',
        ...region.conflict.b,
        '>>>>>>> generated now',
      );
    }
  }
  const content = out.join('\n');
  return conflicts === 0 ? { kind: 'clean', content } : { kind: 'conflict', content, conflicts };
}
