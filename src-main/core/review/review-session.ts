/**
 * The review of one generation run. Files join as the pipeline finishes them (review never waits
 * for the whole run); each is validated in the context of the files present, scored and
 * categorized, and auto-approved when its category allows. The seed's five batch operations and
 * the per-file decisions act on it (review-decisions.ts); only approved files leave it
 * (`approvedFiles`).
 *
 * Cross-file (semantic) findings are held back until `complete()`, because a file that imports
 * one not generated yet is not wrong; `complete()` re-validates everything with the full project
 * and withdraws auto-approvals that no longer hold. Edits and regenerations re-validate and reset
 * the decision to pending (auto-approval then applies again); earlier versions are kept.
 */
import { DEFAULT_THRESHOLD, scoreFile, type Category } from '../validate/score';
import { ReviewDecisions } from './review-decisions';
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

export type { ReviewEvents } from './review-decisions';

export type { ReviewSummary } from './summary';

/**
 * What the reviewer changed in a file (edits, regenerations with feedback) and how the file was
 * judged before their first change, for the history's review record: automatic repairs and
 * offline drafts are the run's, not the person's, and are not counted.
 */
export interface ReviewerChanges {
  edits: number;
  regenerations: number;
  judged: { category: Category; score: number };
}

export class ReviewSession extends ReviewDecisions {
  private readonly changes = new Map<string, ReviewerChanges>();
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
      this.changes.delete(file.path);
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

  private replace(path: string, content: string, origin: VersionOrigin, feedback?: string): Promise<ReviewEntry> {
    return this.queue(async () => {
      const entry = this.get(path);
      const version = await this.judge(path, content, null, this.sources({ path, content }), origin, feedback);
      const changes = this.reviewerChanges(path);
      if (origin === 'edited') changes.edits += 1;
      else changes.regenerations += 1;
      this.changes.set(path, changes);
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

  /** What the reviewer changed in `path`; no change yet: zero counts and the current judgement. */
  reviewerChanges(path: string): ReviewerChanges {
    const entry = this.get(path);
    const known = this.changes.get(path);
    return known
      ? { ...known, judged: { ...known.judged } }
      : { edits: 0, regenerations: 0, judged: { category: entry.current.category, score: entry.current.score } };
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
