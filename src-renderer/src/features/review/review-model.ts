/**
 * The review workspace's pure rules, tested without a DOM: files grouped by category and
 * filtered, the header's figures, which files each batch operation would touch (the same rule as
 * the core's `ReviewSession`, so the bar can say how many before asking), the undo record of a
 * batch, shift-click ranges, and the guided mode's next file.
 */
import { CATEGORIES } from '@shared/api/review-constants';
import type { Category, FileReview, ReviewDecision } from '@shared/api';

/** The five batch operations of the predecessor, by the contract's method names (`reviewEach` is the guided mode). */
export const BATCH_OPERATIONS = [
  'approveHighQuality',
  'approveHighAndMedium',
  'reviewEach',
  'skipProblematic',
  'approveSelection',
] as const;
export type BatchOperation = (typeof BATCH_OPERATIONS)[number];

export const BATCH_LABELS: Record<BatchOperation, string> = {
  approveHighQuality: 'Approve all high quality',
  approveHighAndMedium: 'Approve high + medium',
  reviewEach: 'Review each file',
  skipProblematic: 'Skip all problematic',
  approveSelection: 'Approve selection',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  'auto-approved': 'Auto-approved',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  error: 'Error',
};

/** What the list shows: a search over paths, categories, and decisions. */
export interface ReviewFilter {
  query: string;
  /** Empty: every category. */
  categories: Category[];
  decision: ReviewDecision | 'all';
}

export const NO_FILTER: ReviewFilter = { query: '', categories: [], decision: 'all' };

export function matches(file: FileReview, filter: ReviewFilter): boolean {
  const query = filter.query.trim().toLowerCase();
  if (query && !file.path.toLowerCase().includes(query)) return false;
  if (filter.categories.length > 0 && !filter.categories.includes(file.category)) return false;
  return filter.decision === 'all' || file.decision === filter.decision;
}

export interface CategoryGroup {
  category: Category;
  files: FileReview[];
}

/** The files that pass the filter, grouped by category in the categories' order, paths sorted. */
export function groupByCategory(files: readonly FileReview[], filter: ReviewFilter = NO_FILTER): CategoryGroup[] {
  const sorted = files.filter((f) => matches(f, filter)).sort((a, b) => a.path.localeCompare(b.path));
  return CATEGORIES.map((category) => ({ category, files: sorted.filter((f) => f.category === category) })).filter(
    (g) => g.files.length > 0,
  );
}

/** The paths in the order the list shows them (for next/previous and shift-click ranges). */
export function visibleOrder(groups: readonly CategoryGroup[]): string[] {
  return groups.flatMap((g) => g.files.map((f) => f.path));
}

export interface ReviewFigures {
  files: number;
  byCategory: Record<Category, number>;
  approved: number;
  skipped: number;
  pending: number;
  /** Approved files over all files, in [0, 1]; 0 with no files. */
  approvalRate: number;
}

export function reviewFigures(files: readonly FileReview[]): ReviewFigures {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let approved = 0;
  let skipped = 0;
  for (const f of files) {
    byCategory[f.category]++;
    if (f.decision === 'approved') approved++;
    else if (f.decision === 'skipped') skipped++;
  }
  const total = files.length;
  return {
    files: total,
    byCategory,
    approved,
    skipped,
    pending: total - approved - skipped,
    approvalRate: total === 0 ? 0 : approved / total,
  };
}

const BATCH_RULES: Record<'approveHighQuality' | 'approveHighAndMedium' | 'skipProblematic', Category[]> = {
  approveHighQuality: ['auto-approved', 'high'],
  approveHighAndMedium: ['auto-approved', 'high', 'medium'],
  skipProblematic: ['low', 'error'],
};

/**
 * The paths a batch operation would change, as the core decides: pending files of its categories
 * (a failed file is never approved); the selection's chosen files not already approved; the
 * guided mode's pending files.
 */
export function batchTargets(
  operation: BatchOperation,
  files: readonly FileReview[],
  selection: readonly string[] = [],
): string[] {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  if (operation === 'reviewEach') return sorted.filter((f) => f.decision === 'pending').map((f) => f.path);
  if (operation === 'approveSelection') {
    const chosen = new Set(selection);
    return sorted.filter((f) => chosen.has(f.path) && f.decision !== 'approved').map((f) => f.path);
  }
  const categories = BATCH_RULES[operation];
  const approving = operation !== 'skipProblematic';
  return sorted
    .filter((f) => f.decision === 'pending' && categories.includes(f.category) && !(approving && f.failed !== null))
    .map((f) => f.path);
}

/** One batch as it can be taken back: each changed file with the decision it had before. */
export interface BatchRecord {
  label: string;
  before: Record<string, ReviewDecision>;
}

/** The undo record of a batch that changed `changed`, from the decisions before it. */
export function batchRecord(
  label: string,
  changed: readonly string[],
  before: Readonly<Record<string, ReviewDecision>>,
): BatchRecord {
  return { label, before: Object.fromEntries(changed.map((p) => [p, before[p] ?? 'pending'])) };
}

/** Undoing as calls to `decideFiles`: one per decision to restore, paths sorted. */
export function undoSteps(record: BatchRecord): { decision: ReviewDecision; paths: string[] }[] {
  const byDecision = new Map<ReviewDecision, string[]>();
  for (const [p, d] of Object.entries(record.before)) byDecision.set(d, [...(byDecision.get(d) ?? []), p]);
  return [...byDecision.entries()].map(([decision, paths]) => ({ decision, paths: paths.sort() }));
}

/** The paths from `anchor` to `target` inclusive, in the list's order (shift-click); `[target]` without an anchor. */
export function rangeBetween(order: readonly string[], anchor: string | null, target: string): string[] {
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  if (from < 0 || to < 0) return [target];
  const [start, end] = from <= to ? [from, to] : [to, from];
  return order.slice(start, end + 1);
}

/**
 * The path after (or before) `current` in `order`, among those `eligible` allows (the guided mode:
 * pending files only); null at the end. Without a current path, the first (or last) eligible one.
 */
export function stepFile(
  order: readonly string[],
  current: string | null,
  direction: 1 | -1,
  eligible: (path: string) => boolean = () => true,
): string | null {
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) {
    const pool = order.filter(eligible);
    return (direction === 1 ? pool[0] : pool.at(-1)) ?? null;
  }
  for (let i = at + direction; i >= 0 && i < order.length; i += direction) {
    const p = order[i];
    if (p !== undefined && eligible(p)) return p;
  }
  return null;
}

/** A score as the list shows it: two decimals. */
export const formatScore = (score: number): string => score.toFixed(2);
