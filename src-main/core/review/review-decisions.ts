/**
 * The decisions of a review: per file (approve, skip, take back) and the seed's five batch
 * operations, over the entries the session judged. Kept apart from the judging (review-session.ts)
 * so each reads on its own; every decision is announced with a `decided` event.
 */
import { EventEmitter } from 'node:events';
import type { Category } from '../validate/score';
import { ReviewError, type ReviewEntry } from './types';

export interface ReviewEvents {
  added: [ReviewEntry];
  updated: [ReviewEntry];
  decided: [ReviewEntry];
  completed: [];
}

export class ReviewDecisions extends EventEmitter<ReviewEvents> {
  protected readonly entries = new Map<string, ReviewEntry>();

  /** The entry of `path`; throws a ReviewError naming the path when there is none. */
  get(path: string): ReviewEntry {
    const entry = this.entries.get(path);
    if (!entry) throw new ReviewError(`No file "${path}" in this review.`, 'review.unknown-file');
    return entry;
  }

  list(): ReviewEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private decide(entry: ReviewEntry, decision: 'approved' | 'skipped'): boolean {
    if (decision === 'approved' && entry.failed !== null) {
      throw new ReviewError(
        `"${entry.path}" failed to generate (${entry.failed}); edit or regenerate it before approving.`,
        'review.not-approvable',
      );
    }
    if (entry.decision === decision && entry.decidedBy === 'user') return false;
    entry.decision = decision;
    entry.decidedBy = 'user';
    this.emit('decided', entry);
    return true;
  }

  approve(path: string): void {
    this.decide(this.get(path), 'approved');
  }

  skip(path: string): void {
    this.decide(this.get(path), 'skipped');
  }

  /** Take back a person's decision: the file is pending again (auto-approval does not reapply). */
  undecide(path: string): void {
    const entry = this.get(path);
    if (entry.decision === 'pending') return;
    entry.decision = 'pending';
    entry.decidedBy = null;
    this.emit('decided', entry);
  }

  private batch(categories: readonly Category[], decision: 'approved' | 'skipped'): string[] {
    const changed: string[] = [];
    for (const e of this.list()) {
      if (e.decision !== 'pending' || !categories.includes(e.current.category)) continue;
      if (decision === 'approved' && e.failed !== null) continue;
      if (this.decide(e, decision)) changed.push(e.path);
    }
    return changed;
  }

  /** Batch 1: approve every pending auto-approved and high-quality file. Returns the paths approved. */
  approveHighQuality(): string[] {
    return this.batch(['auto-approved', 'high'], 'approved');
  }

  /** Batch 2: approve every pending auto-approved, high- and medium-quality file. */
  approveHighAndMedium(): string[] {
    return this.batch(['auto-approved', 'high', 'medium'], 'approved');
  }

  /** Batch 3: the pending files one at a time (live: a file decided meanwhile is not yielded). */
  *reviewEach(): Generator<ReviewEntry> {
    const seen = new Set<string>();
    for (;;) {
      const next = this.list().find((e) => e.decision === 'pending' && !seen.has(e.path));
      if (!next) return;
      seen.add(next.path);
      yield next;
    }
  }

  /** Batch 4: skip every pending low-quality and error file. Returns the paths skipped. */
  skipProblematic(): string[] {
    return this.batch(['low', 'error'], 'skipped');
  }

  /** Batch 5: approve exactly the chosen files; unknown paths are refused before anything changes. */
  approveSelection(paths: readonly string[]): string[] {
    const unknown = paths.filter((p) => !this.entries.has(p));
    if (unknown.length > 0) throw new ReviewError(`Not in this review: ${unknown.join(', ')}.`, 'review.bad-selection');
    const failed = paths.filter((p) => this.entries.get(p)?.failed !== null);
    if (failed.length > 0)
      throw new ReviewError(`Failed to generate, cannot be approved: ${failed.join(', ')}.`, 'review.not-approvable');
    return paths.filter((p) => this.decide(this.get(p), 'approved'));
  }
}
