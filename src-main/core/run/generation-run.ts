/**
 * One generation run as every host drives it (CLI, desktop app, web host): the pipeline generates
 * the files, each file joins the run's `ReviewSession` the moment the pool announces it, and when
 * generation is over the whole project is validated once — CPython's static layers and, unless
 * switched off, the runtime layer, which starts as soon as the pipeline ends so it overlaps the
 * rest. The session then holds every file's score, category, findings, versions and decision; a
 * host applies a batch operation or a policy, edits, or regenerates a file with feedback through
 * the run's own LLM engine. Hosts only show, ask and print.
 */
import { performance } from 'node:perf_hooks';
import type { Erd } from '../../../src-shared/erd/model';
import { ReviewSession } from '../review/review-session';
import type { ReviewEntry } from '../review/types';
import { staticValidator } from '../review';
import { PoolCancelledError, runPipeline, type PipelineOptions, type PipelineResult, type PoolEvent } from './pipeline';
import { ProjectValidation, type ValidationOutcome } from './project-validation';
import { shipMigrations } from './migrations-step';
import { regenerateFile, RegenerationError, type RegeneratedFile } from './regenerate';
import { fallBackToDrafts } from './draft-fallback';

export type { ValidationOutcome } from './project-validation';

type Env = Readonly<Record<string, string | undefined>>;

/** How the run judges its files. */
export interface RunReviewSettings {
  /** Auto-approval threshold in (0, 1]. */
  threshold: number;
  /** Run the runtime layer (check, migrations, generated tests) when a Python with Django exists. */
  runtime: boolean;
  /** Approve auto-approved files without asking (false for `--approve none`). */
  autoApprove: boolean;
  /**
   * Judge each file alone as it joins, so a host that shows files during the run shows a score at
   * once (the app); false judges every file once, with the whole project (the CLI).
   */
  judgeOnJoin: boolean;
  /** Run model-written files in the runtime layer even where no sandbox works (an explicit opt-in). */
  unsandboxedRuntime?: boolean;
}

export interface GenerationRunOptions {
  /** The normalized, validated ERD. */
  erd: Erd;
  /** The engine and its options (see `prepareEngine`). */
  pipeline: PipelineOptions;
  review: RunReviewSettings;
  /** For DJFORGE_PYTHON and the runtime layer's interpreter. */
  env: Env;
  /** Interpreter of the static layers, when the host has a setting for it. */
  python?: string;
  /**
   * Where the project will be written and where results are kept, for the migrations the run
   * ships (`migrations-step.ts`); false ships none (the person runs `makemigrations`).
   */
  migrations?: false | { targetDir?: string | null; cacheDir?: string | null };
  /** Progress of the pipeline and of every regeneration. */
  onEvent?: (event: PoolEvent) => void;
  /**
   * Calls `cancel` when the person interrupts a regeneration; returns the unsubscription (the CLI:
   * Ctrl+C cancels the regeneration in progress, not the whole review).
   */
  onInterrupt?: (cancel: () => void) => () => void;
  /** Told after each regeneration with feedback: its source, units, model calls and tokens. */
  onRegenerated?: (regenerated: RegeneratedFile) => void;
}

/** Per regeneration: cancellation and where its progress (streamed text) goes. */
export interface RegenerationHooks {
  signal?: AbortSignal;
  onEvent?: (event: PoolEvent) => void;
}

/**
 * The run as the report should show it after the review: a regenerated file's source is that of
 * its last regeneration and its attempts include the regenerations'; the model calls, retries,
 * fallbacks and tokens of the regenerations are added to the run's figures.
 */
export function withRegenerations(result: PipelineResult, regenerations: readonly RegeneratedFile[]): PipelineResult {
  if (regenerations.length === 0) return result;
  const metrics = { ...result.metrics };
  for (const r of regenerations) {
    metrics.llmCalls += r.attempts.length;
    metrics.retries += r.attempts.filter((a) => a.action !== 'accept' && a.action !== 'giveUp').length;
    metrics.fallbacks += r.fallbacks;
    metrics.tokens += r.tokens;
  }
  const files = result.files.map((file) => {
    const mine = regenerations.filter((r) => r.path === file.path);
    const last = mine[mine.length - 1];
    return last
      ? { ...file, source: last.source, attempts: [...file.attempts, ...mine.flatMap((r) => r.attempts)] }
      : file;
  });
  return { ...result, files, metrics };
}

export class GenerationRun {
  readonly review: ReviewSession;
  /** Every regeneration with feedback, in order, for the report. */
  readonly regenerations: RegeneratedFile[] = [];
  /** Why no migrations ship with this run (no Django found, makemigrations failed); null when they do. */
  migrationsNotice: string | null = null;
  /** Set once `generate` resolves. */
  result: PipelineResult | null = null;
  generateMs = 0;
  /** Time from the end of generation until every file was judged. */
  validateMs = 0;
  private readonly validation: ProjectValidation;
  private readonly joining: Promise<unknown>[] = [];
  private readonly joined = new Set<string>();
  /** Files the model was already asked to repair after a runtime failure (one attempt each). */
  private readonly repairAsked = new Set<string>();

  constructor(private readonly options: GenerationRunOptions) {
    const { erd, env, review } = options;
    this.validation = new ProjectValidation(erd, {
      env,
      runtime: review.runtime,
      ...(options.python ? { python: options.python } : {}),
      ...(review.unsandboxedRuntime ? { allowUnsandboxed: true } : {}),
    });
    this.review = new ReviewSession({
      validate: staticValidator(erd, { noPython: true, env }),
      regenerate: (file, feedback, current, hooks) => this.regenerateText(file, feedback, current, hooks),
      validateProject: (files) => this.validation.validate(files),
      threshold: review.threshold,
      autoApprove: review.autoApprove,
      judgeOnJoin: review.judgeOnJoin,
    });
  }

  get erd(): Erd {
    return this.options.erd;
  }

  get engine(): PipelineOptions['engine'] {
    return this.options.pipeline.engine;
  }

  /** Runtime-layer runs and attribution reruns over the whole run, with their times. */
  get runtimeTotals(): ProjectValidation['runtimeTotals'] {
    return this.validation.runtimeTotals;
  }

  /** What validating the complete project did (layers, interpreter, runtime steps). */
  get validationOutcome(): ValidationOutcome {
    return this.validation.outcome;
  }

  /**
   * Generates every file; each joins the review as the pool announces it. Rejects with
   * PoolCancelledError when `signal` aborts. Starts the runtime layer on the finished project.
   */
  async generate(signal?: AbortSignal): Promise<PipelineResult> {
    const started = performance.now();
    const { migrations } = this.options;
    // Django's makemigrations on the template project runs beside the pipeline; it never rejects.
    const shipping =
      migrations === false
        ? null
        : shipMigrations(this.options.erd, {
            env: this.options.env,
            ...(this.options.python ? { python: this.options.python } : {}),
            ...(migrations ?? {}),
          });
    const result = await runPipeline(this.options.erd, this.options.pipeline, {
      ...(signal ? { signal } : {}),
      onEvent: (event) => {
        this.options.onEvent?.(event);
        if (event.type === 'fileReady') this.add({ path: event.file, content: event.content, agent: event.agent });
      },
    });
    this.generateMs = performance.now() - started;
    if (shipping) {
      const shipped = await shipping;
      this.migrationsNotice = shipped.notice;
      for (const f of shipped.files) {
        result.files.push({ ...f, source: 'template', units: 0, attempts: [] });
        this.options.onEvent?.({
          type: 'fileReady',
          file: f.path,
          agent: f.agent,
          source: 'template',
          content: f.content,
        });
      }
    }
    for (const f of result.files) if (!this.joined.has(f.path)) this.add(f);
    this.validation.prefetchRuntime(result.files);
    this.result = result;
    return result;
  }

  private add(file: { path: string; content: string; agent: string }): void {
    this.joined.add(file.path);
    const joined = this.review.add(file);
    joined.catch(() => undefined);
    this.joining.push(joined);
  }

  /** Waits for every file to be judged, then validates the whole project; nothing is decided yet. */
  async judge(): Promise<void> {
    const started = performance.now();
    await Promise.all(this.joining);
    await this.review.complete();
    await this.fallBackToDrafts();
    this.validateMs = Math.round(performance.now() - started);
  }

  /**
   * Every model-written file whose judgement has an error goes back to the model once when the
   * error came from running the project, then gives way to its offline draft (see draft-fallback.ts).
   */
  private fallBackToDrafts(): Promise<void> {
    return fallBackToDrafts({
      erd: this.options.erd,
      env: this.options.env,
      ...(this.options.python ? { python: this.options.python } : {}),
      review: this.review,
      files: this.result?.files ?? [],
      ...(this.options.pipeline.cache ? { cache: this.options.pipeline.cache } : {}),
      repair:
        this.options.pipeline.engine === 'llm'
          ? (path, feedback, current) => this.regenerateText(path, feedback, current)
          : null,
      repairAsked: this.repairAsked,
    });
  }

  /**
   * A new version of `path` from the LLM engine with the reviewer's feedback: re-validated and
   * re-scored, the previous version kept. Rejects with a RegenerationError (template engine, a file
   * the model does not refine, empty feedback, cancelled) before the current version changes.
   */
  regenerate(path: string, feedback: string, hooks: RegenerationHooks = {}): Promise<ReviewEntry> {
    return this.review.regenerate(path, feedback, hooks);
  }

  private async regenerateText(
    file: string,
    feedback: string,
    current: string,
    hooks: RegenerationHooks = {},
  ): Promise<string> {
    const cancel = new AbortController();
    const stop = this.options.onInterrupt?.(() => cancel.abort()) ?? (() => undefined);
    const onAbort = () => cancel.abort();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    let result: RegeneratedFile;
    try {
      result = await regenerateFile({
        erd: this.options.erd,
        path: file,
        feedback,
        current,
        options: this.options.pipeline,
        fileContent: (other) => this.review.list().find((e) => e.path === other)?.current.content,
        signal: cancel.signal,
        onEvent: (event) => {
          this.options.onEvent?.(event);
          hooks.onEvent?.(event);
        },
      });
    } catch (e) {
      if (e instanceof PoolCancelledError)
        throw new RegenerationError(
          `The regeneration of ${file} was cancelled; the current version stays.`,
          'regenerate.cancelled',
        );
      throw e;
    } finally {
      stop();
      hooks.signal?.removeEventListener('abort', onAbort);
    }
    this.regenerations.push(result);
    this.options.onRegenerated?.(result);
    return result.content;
  }

  /**
   * The runtime layer on the project as it stands (every file's current version, the reviewer's
   * kept edits included), asked for from the review after the run: in the sandbox policy of the
   * run (template output may run unconfined; any other text only in a sandbox or when opted in),
   * then every file judged again with its findings. Returns what the runtime layer did.
   */
  async checkRuntime(onStep?: (step: string) => void): Promise<ValidationOutcome['runtime']> {
    await this.review.rejudge((files) =>
      this.validation.validate(files, { runtime: true, ...(onStep ? { onStep } : {}) }),
    );
    return this.validation.outcome.runtime;
  }

  /** The pipeline's result with the regenerations folded in (sources, attempts, figures). */
  reportedResult(): PipelineResult {
    if (!this.result) throw new Error('GenerationRun: generate() has not finished.');
    return withRegenerations(this.result, this.regenerations);
  }
}
