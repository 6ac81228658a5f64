/**
 * The review step of `djforge generate`. Files join a `ReviewSession` the moment the pipeline
 * announces them (judged alone by the in-process tree-sitter layers, so a file costs no process
 * start); when the run is over, the whole project is validated once by CPython's static layers
 * and — unless `--no-runtime` — by the runtime layer, which is started as soon as the pipeline
 * ends so it overlaps the rest. Then a person on a terminal reviews (and may regenerate a file with
 * feedback through the run's own LLM engine), or the `--approve` policy (default `high`) decides.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Erd } from '../../src-shared/erd/model';
import { PoolCancelledError, type PipelineOptions, type PipelineResult, type PoolEvent } from '../core/pipeline';
import { regenerateFile, type RegeneratedFile } from '../core/regenerate';
import { applyApprovalPolicy, type ApprovalPolicy } from '../core/review/approval-policy';
import { ReviewSession } from '../core/review/review-session';
import { staticValidator } from '../core/review';
import { validateRuntime, type RuntimeResult } from '../core/validate/runtime-layer';
import type { Finding, SourceFile } from '../core/validate/types';
import { validateStatic, type LayerStatus } from '../core/validate/validate-project';
import type { ReviewChoice } from './common';
import type { CliIo } from './io';
import { runReviewPrompt } from './review-prompt';

/** What validation of the complete project did, for the summary line and the report. */
export interface ValidationOutcome {
  /** The static layers and whether each ran (with a note when tree-sitter stood in for CPython). */
  layers: LayerStatus[];
  python: string | null;
  staticMs: number;
  runtime: {
    ran: boolean;
    skipped?: string;
    /** The sandbox the project ran in (`none`: unconfined), and why it was not sandboxed. */
    sandbox?: RuntimeResult['sandbox'];
    notice?: string;
    steps: RuntimeResult['steps'];
    durationMs: number;
  };
}

export interface ReviewOutcome {
  session: ReviewSession;
  /** `interactive` when a person decided on the terminal, else the policy applied. */
  decidedBy: ApprovalPolicy | 'interactive';
  threshold: number;
  validation: ValidationOutcome;
  validateMs: number;
}

const projectKey = (files: readonly SourceFile[]) => {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${f.path}\0${f.content}\0`);
  return hash.digest('hex');
};

const hasSyntaxError = (findings: readonly Finding[]) =>
  findings.some((f) => f.layer === 'syntax' && f.severity === 'error');

/** What regenerating a file with feedback uses: the run's own options, and where progress goes. */
export interface RegenerationSetup {
  options: PipelineOptions;
  onEvent?: (event: PoolEvent) => void;
  /** One line per regenerated file: its source, units and model calls. */
  note?: (line: string) => void;
  /**
   * Calls `cancel` when the person interrupts a regeneration; returns the unsubscription. Default:
   * Ctrl+C (SIGINT) cancels the regeneration in progress, not the whole review.
   */
  onInterrupt?: (cancel: () => void) => () => void;
}

const onSigint = (cancel: () => void) => {
  process.once('SIGINT', cancel);
  return () => process.off('SIGINT', cancel);
};

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

/** A review that files join while the pipeline runs; `finish` validates the project and decides. */
export class GenerateReview {
  readonly session: ReviewSession;
  /** Every regeneration with feedback, in order, for the report. */
  readonly regenerations: RegeneratedFile[] = [];
  private readonly joining: Promise<unknown>[] = [];
  private readonly joined = new Set<string>();
  /** Path → text the template engine produced; any other text is untrusted for the runtime layer. */
  private readonly templateOutput = new Map<string, string>();
  private runtimeRun: { key: string; result: Promise<ValidationOutcome['runtime'] & { findings: Finding[] }> } | null =
    null;
  private validation: ValidationOutcome = {
    layers: [],
    python: null,
    staticMs: 0,
    runtime: { ran: false, skipped: 'not run', steps: [], durationMs: 0 },
  };

  constructor(
    private readonly erd: Erd,
    private readonly choice: ReviewChoice,
    private readonly env: CliIo['env'],
    regeneration?: RegenerationSetup,
  ) {
    this.session = new ReviewSession({
      validate: staticValidator(erd, { noPython: true, env }),
      ...(regeneration
        ? { regenerate: (file, feedback, current) => this.regenerate(regeneration, file, feedback, current) }
        : {}),
      validateProject: (files) => this.validateProject(files),
      threshold: choice.threshold,
      // `--approve none` means nothing is written, not even what would be auto-approved.
      autoApprove: choice.policy !== 'none',
      // Nothing is shown before the whole project is validated, so each file is judged once.
      judgeOnJoin: false,
    });
  }

  /** A finished file joins the review now; its judgement completes in the background. */
  add(file: { path: string; content: string; agent: string }): void {
    this.joined.add(file.path);
    const joined = this.session.add(file);
    joined.catch(() => undefined);
    this.joining.push(joined);
  }

  /**
   * The file again from the LLM engine with the reviewer's feedback (the session keeps the previous
   * version and re-judges this one). With the template engine it rejects with the sentence saying
   * that regeneration needs `--engine llm`.
   */
  private async regenerate(setup: RegenerationSetup, file: string, feedback: string, current: string): Promise<string> {
    const cancel = new AbortController();
    const stopListening = (setup.onInterrupt ?? onSigint)(() => cancel.abort());
    let result: RegeneratedFile;
    try {
      result = await regenerateFile({
        erd: this.erd,
        path: file,
        feedback,
        current,
        options: setup.options,
        fileContent: (other) => this.session.list().find((e) => e.path === other)?.current.content,
        signal: cancel.signal,
        ...(setup.onEvent ? { onEvent: setup.onEvent } : {}),
      });
    } catch (e) {
      if (e instanceof PoolCancelledError)
        throw new Error(`The regeneration of ${file} was cancelled; the current version stays.`);
      throw e;
    } finally {
      stopListening();
    }
    this.regenerations.push(result);
    setup.note?.(
      `Regenerated ${file} (${result.source}): ${result.units} unit(s), ${result.attempts.length} model call(s), ${result.tokens} tokens.\n`,
    );
    return result.content;
  }

  /** Add the files of the finished run that no `fileReady` event announced. */
  ensureAll(files: readonly { path: string; content: string; agent: string }[]): void {
    for (const f of files) if (!this.joined.has(f.path)) this.add(f);
  }

  /**
   * Start the runtime layer on the generated project, so it runs while files are still judged.
   * Files whose source is `template` are remembered as DjForge's own output (by content, so an
   * edit or a regeneration makes them untrusted again).
   */
  prefetchRuntime(files: readonly (SourceFile & { source?: string })[]): void {
    for (const f of files) if (f.source === 'template') this.templateOutput.set(f.path, f.content);
    if (this.choice.runtime) void this.runtimeFor(files).catch(() => undefined);
  }

  private runtimeFor(files: readonly SourceFile[]) {
    const key = projectKey(files);
    if (this.runtimeRun?.key !== key) {
      const started = performance.now();
      const untrusted = files.filter((f) => this.templateOutput.get(f.path) !== f.content).map((f) => f.path);
      const result = validateRuntime(files, {
        env: this.env,
        untrusted,
        ...(this.choice.unsandboxedRuntime ? { allowUnsandboxed: true } : {}),
      }).then((r) => ({
        ran: r.ran,
        ...(r.skipped === undefined ? {} : { skipped: r.skipped }),
        ...(r.notice === undefined ? {} : { notice: r.notice }),
        ...(r.sandbox === undefined ? {} : { sandbox: r.sandbox }),
        steps: r.steps,
        findings: r.findings,
        durationMs: Math.round(performance.now() - started),
      }));
      this.runtimeRun = { key, result };
    }
    return this.runtimeRun.result;
  }

  private async validateProject(files: readonly SourceFile[]): Promise<Finding[]> {
    const started = performance.now();
    const [statics, runtime] = await Promise.all([
      validateStatic(files, { erd: this.erd, env: this.env }),
      this.choice.runtime ? this.runtimeFor(files) : null,
    ]);
    const { findings: runtimeFindings = [], ...runtimeStatus } = runtime ?? {
      ran: false,
      skipped: '--no-runtime was given',
      steps: [],
      durationMs: 0,
    };
    const blocked = runtime?.ran === true && hasSyntaxError(statics.findings);
    this.validation = {
      layers: statics.layers,
      python: statics.python,
      staticMs: Math.round(performance.now() - started),
      runtime: blocked
        ? { ...runtimeStatus, ran: false, skipped: 'a file has a syntax error, so Django could not load the project' }
        : runtimeStatus,
    };
    return blocked ? statics.findings : [...statics.findings, ...runtimeFindings];
  }

  /**
   * Wait for every file to be judged, validate the whole project, then let the person on the
   * terminal decide (when `io.terminal` exists and no `--approve` was given) or apply the policy.
   * Nothing stays pending afterwards.
   */
  async finish(io: CliIo): Promise<ReviewOutcome> {
    const started = performance.now();
    await Promise.all(this.joining);
    await this.session.complete();
    const validateMs = Math.round(performance.now() - started);
    const terminal = this.choice.policy === null && io.terminal ? io.terminal() : null;
    if (terminal) {
      try {
        await runReviewPrompt(this.session, terminal);
      } finally {
        terminal.close();
      }
    } else applyApprovalPolicy(this.session, this.choice.policy ?? 'high');
    return {
      session: this.session,
      decidedBy: terminal ? 'interactive' : (this.choice.policy ?? 'high'),
      threshold: this.choice.threshold,
      validation: this.validation,
      validateMs,
    };
  }
}
