/**
 * The review of one generation run. Files join as the pipeline finishes them (review never waits
 * for the whole run); each is validated in the context of the files present, scored and
 * categorized, and auto-approved when its category allows. The seed's five batch operations and
 * the per-file decisions act on it; only approved files leave it (`approvedFiles`).
 *
 * Cross-file (semantic) findings are held back until `complete()`, because a file that imports
 * one not generated yet is not wrong; `complete()` re-validates everything with the full project
 * and withdraws auto-approvals that no longer hold. Edits and regenerations re-validate and reset
 * the decision to pending (auto-approval then applies again); earlier versions are kept.
 */
import { EventEmitter } from 'node:events';
import { DEFAULT_THRESHOLD, scoreFile, type Category } from '../validate/score';
import { summarize, type ReviewSummary } from './summary';
import type { Finding, SourceFile } from '../validate/types';
import {
  ReviewError,
  type FileVersion,
  type Regenerate,
  type RegenerateHooks,
  type DraftReplacement,
  type ReviewEntry,
  type ReviewFileInput,
  type ValidateFiles,
  type VersionOrigin,
} from './types';

export interface ReviewSessionOptions {
  validate: ValidateFiles;
  /**
   * Validator for `complete()` and for edits after it, when the whole project is present
   * (e.g. static + runtime layers); default `validate`.
   */
  validateProject?: ValidateFiles;
  regenerate?: Regenerate;
  /** Auto-approval threshold in (0, 1]; default 0.8. */
  threshold?: number;
  /** Approve files in the auto-approved category without asking; default true. */
  autoApprove?: boolean;
  /**
   * Judge each file alone as it joins (default true), so a host that shows files while the run
   * goes on can show a score at once. A host that shows nothing before `complete()` (the CLI)
   * sets false: files are then judged once, with the whole project, and never twice.
   */
  judgeOnJoin?: boolean;
}

export interface ReviewEvents {
  added: [ReviewEntry];
  updated: [ReviewEntry];
  decided: [ReviewEntry];
  completed: [];
}

export type { ReviewSummary } from './summary';

export class ReviewSession extends EventEmitter<ReviewEvents> {
  private readonly entries = new Map<string, ReviewEntry>();
  /** The auto-approval threshold in (0, 1]. */
  readonly threshold: number;
  private chain: Promise<unknown> = Promise.resolve();
  private completed = false;
  /** Findings on files that are not (yet) in the session, e.g. a missing `tests.py`. */
  projectFindings: Finding[] = [];

  constructor(private readonly options: ReviewSessionOptions) {
    super();
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new RangeError(`The auto-approval threshold must be in (0, 1]; got ${this.threshold}.`);
    }
  }

  /** Serialize mutations so concurrent `add`s judge files in a deterministic order. */
  private queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private sources(override?: { path: string; content: string }): SourceFile[] {
    return [...this.entries.values()].map((e) => ({
      path: e.path,
      content: override?.path === e.path ? override.content : e.current.content,
    }));
  }

  private async judge(
    path: string,
    content: string,
    failed: string | null,
    all: readonly SourceFile[],
    origin: VersionOrigin,
    feedback?: string,
  ): Promise<FileVersion> {
    const findings = failed !== null ? [] : await this.findingsFor(path, all);
    const s = scoreFile({ path, content, findings, failed: failed ?? undefined, threshold: this.threshold });
    return {
      content,
      origin,
      ...(feedback !== undefined ? { feedback } : {}),
      findings,
      score: s.score,
      category: s.category,
      reasons: s.reasons,
    };
  }

  private async findingsFor(path: string, all: readonly SourceFile[]): Promise<Finding[]> {
    const validate = this.completed ? (this.options.validateProject ?? this.options.validate) : this.options.validate;
    const findings = await validate(all);
    return findings.filter((f) => f.file === path && (this.completed || f.layer !== 'semantic'));
  }

  private applyAuto(entry: ReviewEntry): boolean {
    const qualifies = entry.current.category === 'auto-approved' && entry.failed === null;
    if (entry.decision === 'pending' && qualifies && this.options.autoApprove !== false) {
      entry.decision = 'approved';
      entry.decidedBy = 'auto';
      return true;
    }
    if (entry.decidedBy === 'auto' && !qualifies) {
      entry.decision = 'pending';
      entry.decidedBy = null;
      return true;
    }
    return false;
  }

  /** A finished file joins the review; resolves with its judged entry (re-adding a path replaces it). */
  add(file: ReviewFileInput): Promise<ReviewEntry> {
    return this.queue(async () => {
      const placeholder: ReviewEntry = {
        path: file.path,
        agent: file.agent ?? null,
        failed: file.failed ?? null,
        current: { content: file.content, origin: 'generated', findings: [], score: 0, category: 'error', reasons: [] },
        previous: [],
        decision: 'pending',
        decidedBy: null,
        keptDraft: null,
      };
      this.entries.set(file.path, placeholder);
      if (!this.completed && this.options.judgeOnJoin === false) return placeholder;
      // Before complete() only the file's own findings count, so it is judged alone (cheap);
      // afterwards a late file is judged with the whole project.
      const context = this.completed ? this.sources() : [{ path: file.path, content: file.content }];
      placeholder.current = await this.judge(file.path, file.content, placeholder.failed, context, 'generated');
      this.applyAuto(placeholder);
      this.emit('added', placeholder);
      if (placeholder.decision === 'approved') this.emit('decided', placeholder);
      return placeholder;
    });
  }

  /** The run is over: re-validate every file with the whole project and settle auto-approvals. */
  complete(): Promise<void> {
    return this.queue(async () => {
      this.completed = true;
      await this.judgeProject();
      this.emit('completed');
    });
  }

  /**
   * Replace model-written files by their offline drafts (a file the layers rejected is never
   * dropped, so no approved file imports a missing one), then re-judge the whole project with
   * them. The model's version stays among the previous versions; `keptDraft` says why.
   */
  useDrafts(drafts: ReadonlyMap<string, DraftReplacement>): Promise<void> {
    return this.replaceAll(drafts, (draft) => ({ origin: 'generated', keptDraft: { reason: draft.reason } }));
  }

  /**
   * New versions the engine wrote to repair failures the layers found (`feedback`: what was sent
   * to the model), judged with the whole project like `useDrafts`.
   */
  useRepairs(repairs: ReadonlyMap<string, { content: string; feedback: string }>): Promise<void> {
    return this.replaceAll(repairs, (r) => ({ origin: 'regenerated', feedback: r.feedback, keptDraft: null }));
  }

  private replaceAll<T extends { content: string }>(
    changes: ReadonlyMap<string, T>,
    how: (change: T) => { origin: VersionOrigin; feedback?: string; keptDraft: ReviewEntry['keptDraft'] },
  ): Promise<void> {
    return this.queue(async () => {
      for (const [path, change] of changes) {
        const entry = this.get(path);
        const { keptDraft, ...version } = how(change);
        entry.previous.push(entry.current);
        entry.current = { ...entry.current, feedback: undefined, ...version, content: change.content, findings: [] };
        if (entry.current.feedback === undefined) delete entry.current.feedback;
        entry.failed = null;
        entry.keptDraft = keptDraft;
        if (entry.decidedBy === 'auto') {
          entry.decision = 'pending';
          entry.decidedBy = null;
        }
      }
      await this.judgeProject();
    });
  }

  /**
   * Judge every file again with the whole project through `validate` instead of the session's
   * project validator (the review's "Run runtime checks": static and runtime layers, on request).
   * Scores, categories and auto-approvals follow; no new version is made.
   */
  rejudge(validate: ValidateFiles): Promise<void> {
    if (!this.completed) return Promise.reject(new ReviewError('The review is not complete yet.', 'review.not-ready'));
    return this.queue(() => this.judgeProject(validate));
  }

  private async judgeProject(validate?: ValidateFiles): Promise<void> {
    const all = this.sources();
    const findings = await (validate ?? this.options.validateProject ?? this.options.validate)(all);
    const paths = new Set(this.entries.keys());
    this.projectFindings = findings.filter((f) => !paths.has(f.file));
    for (const entry of this.entries.values()) {
      if (entry.failed !== null) continue;
      const mine = findings.filter((f) => f.file === entry.path);
      const s = scoreFile({
        path: entry.path,
        content: entry.current.content,
        findings: mine,
        threshold: this.threshold,
      });
      entry.current = { ...entry.current, findings: mine, score: s.score, category: s.category, reasons: s.reasons };
      this.emit('updated', entry);
      if (this.applyAuto(entry)) this.emit('decided', entry);
    }
  }

  get isComplete(): boolean {
    return this.completed;
  }

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

  private replace(path: string, content: string, origin: VersionOrigin, feedback?: string): Promise<ReviewEntry> {
    return this.queue(async () => {
      const entry = this.get(path);
      const version = await this.judge(path, content, null, this.sources({ path, content }), origin, feedback);
      entry.previous.push(entry.current);
      entry.current = version;
      entry.failed = null;
      entry.keptDraft = null;
      entry.decision = 'pending';
      entry.decidedBy = null;
      this.applyAuto(entry);
      this.emit('updated', entry);
      this.emit('decided', entry);
      return entry;
    });
  }

  /**
   * A quick judgement of `content` as the next version of `path`, without keeping it: the live
   * check of an editor while the reviewer types. The file alone goes through the session's
   * first-pass validator (`validate`: syntax, best practices, security — tens of milliseconds,
   * where the whole project takes seconds); the cross-file (semantic) findings of the current
   * version are carried over, so the score is not better than the edit deserves. Keeping the
   * edit (`edit`) judges it again with the whole project.
   */
  async assess(path: string, content: string): Promise<FileVersion> {
    const entry = this.get(path);
    const own = (await this.options.validate([{ path, content }])).filter(
      (f) => f.file === path && f.layer !== 'semantic',
    );
    const carried = this.completed ? entry.current.findings.filter((f) => f.layer === 'semantic') : [];
    const findings = [...own, ...carried];
    const s = scoreFile({ path, content, findings, threshold: this.threshold });
    return { content, origin: 'edited', findings, score: s.score, category: s.category, reasons: s.reasons };
  }

  /** Replace a file's content with the reviewer's edit: re-validated, re-scored, decision reset. */
  edit(path: string, content: string): Promise<ReviewEntry> {
    this.get(path);
    return this.replace(path, content, 'edited');
  }

  /** Ask the engine for a new version using `feedback`; the previous version stays in `previous`. */
  async regenerate(path: string, feedback: string, hooks?: RegenerateHooks): Promise<ReviewEntry> {
    const entry = this.get(path);
    if (!this.options.regenerate)
      throw new ReviewError(
        'Regeneration needs an engine; none is configured for this review.',
        'review.no-regenerator',
      );
    const content = hooks
      ? await this.options.regenerate(path, feedback, entry.current.content, hooks)
      : await this.options.regenerate(path, feedback, entry.current.content);
    return this.replace(path, content, 'regenerated', feedback);
  }

  /** The files to write: approved ones only, current content, sorted by path. */
  approvedFiles(): (SourceFile & { agent: string | null })[] {
    return this.list()
      .filter((e) => e.decision === 'approved')
      .map((e) => ({ path: e.path, content: e.current.content, agent: e.agent }));
  }

  /** Counts by category and decision, auto-approval rate and average quality of the current versions. */
  summary(): ReviewSummary {
    return summarize(this.list());
  }
}
