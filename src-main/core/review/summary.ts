/** The figures of a review: what each category holds, what was decided, and how good it was. */
import { CATEGORIES, type Category } from '../validate/score';
import type { ReviewEntry } from './types';

export interface ReviewSummary {
  files: number;
  byCategory: Record<Category, string[]>;
  approved: number;
  skipped: number;
  pending: number;
  autoApproved: number;
  /** Share of files approved by the rule, 0 when there are none. */
  autoApprovalRate: number;
  /** Mean score of the current versions, 0 when there are none. */
  avgQuality: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The summary of `entries` (in the order given). */
export function summarize(entries: readonly ReviewEntry[]): ReviewSummary {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, [] as string[]])) as Record<Category, string[]>;
  for (const e of entries) byCategory[e.current.category].push(e.path);
  const count = (d: string) => entries.filter((e) => e.decision === d).length;
  const autoApproved = entries.filter((e) => e.decidedBy === 'auto').length;
  return {
    files: entries.length,
    byCategory,
    approved: count('approved'),
    skipped: count('skipped'),
    pending: count('pending'),
    autoApproved,
    autoApprovalRate: entries.length === 0 ? 0 : round(autoApproved / entries.length),
    avgQuality: entries.length === 0 ? 0 : round(entries.reduce((n, e) => n + e.current.score, 0) / entries.length),
  };
}
