/**
 * Validating a complete generated project for a run's review: the static layers (CPython's parser,
 * tree-sitter when no Python ≥ 3.9 exists) and the runtime layer (`check`, `makemigrations
 * --check`, the generated tests in a temporary copy). The runtime layer can start as soon as the
 * pipeline ends (`prefetchRuntime`) so it overlaps the judging of the files; its result is reused
 * while the project is unchanged.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Erd } from '../../../src-shared/erd/model';
import { generateProject } from '../generate';
import { attributeFailures, type Attribution } from '../validate/runtime-attribution';
import { validateRuntime, type RuntimeOptions, type RuntimeResult } from '../validate/runtime-layer';
import { failed, type TestResult } from '../validate/runtime-tests';
import type { Finding, SourceFile } from '../validate/types';
import { validateStatic, type LayerStatus } from '../validate/validate-project';

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
    /** Counts of the generated tests that ran, and every failing one with its file. */
    tests?: { ran: number; passed: number; failing: TestResult[] };
    /**
     * When a runtime step failed and model-written files were in the project: which file each
     * failure was pinned on by swapping files for their drafts, how many reruns and how long.
     */
    attribution?: {
      reruns: number;
      durationMs: number;
      failures: { rule: string; message: string; file: string | null; unit: string | null }[];
    };
  };
}

/** Sources whose text a model wrote: the candidates of the attribution by substitution. */
const MODEL_SOURCES: ReadonlySet<string> = new Set(['llm', 'cache', 'fallback']);

type RuntimeRun = ValidationOutcome['runtime'] & { findings: Finding[] };

const projectKey = (files: readonly SourceFile[]) => {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${f.path}\0${f.content}\0`);
  return hash.digest('hex');
};

const hasSyntaxError = (findings: readonly Finding[]) =>
  findings.some((f) => f.layer === 'syntax' && f.severity === 'error');

export interface ProjectValidationOptions {
  env: Readonly<Record<string, string | undefined>>;
  runtime: boolean;
  /** Interpreter of the static layers (default: DJFORGE_PYTHON, then the usual names). */
  python?: string;
  /** Run model-written files in the runtime layer even where no sandbox works (an explicit opt-in). */
  allowUnsandboxed?: boolean;
}

export class ProjectValidation {
  outcome: ValidationOutcome = {
    layers: [],
    python: null,
    staticMs: 0,
    runtime: { ran: false, skipped: 'not run', steps: [], durationMs: 0 },
  };
  private runtimeRun: { key: string; result: Promise<RuntimeRun> } | null = null;
  /** Path → text the template engine produced; any other text is untrusted for the runtime layer. */
  private readonly templateOutput = new Map<string, string>();
  /** Paths a model wrote (directly or from the cache). */
  private readonly modelWritten = new Set<string>();
  private drafts: Map<string, string> | null = null;
  /**
   * Over the whole run: runtime-layer runs of the project and their time, and the attribution's
   * reruns and their time (the overhead the attribution adds when something failed).
   */
  readonly runtimeTotals = {
    runs: 0,
    runtimeMs: 0,
    attributions: 0,
    reruns: 0,
    attributionMs: 0,
    /** Every failure attributed, in order, with the file it was pinned on (null: none). */
    attributed: [] as { rule: string; message: string; file: string | null; unit: string | null }[],
  };

  constructor(
    private readonly erd: Erd,
    private readonly options: ProjectValidationOptions,
  ) {}

  /**
   * Start the runtime layer on the generated project, so it runs while files are still judged.
   * Files whose source is `template` are remembered as DjForge's own output (by content, so an
   * edit or a regeneration makes them untrusted again).
   */
  prefetchRuntime(files: readonly (SourceFile & { source?: string })[]): void {
    for (const f of files) {
      if (f.source === 'template') this.templateOutput.set(f.path, f.content);
      if (f.source !== undefined && MODEL_SOURCES.has(f.source)) this.modelWritten.add(f.path);
    }
    if (this.options.runtime) void this.runtimeFor(files).catch(() => undefined);
  }

  private runtimeFor(files: readonly SourceFile[], onStep?: (step: string) => void): Promise<RuntimeRun> {
    const key = projectKey(files);
    if (this.runtimeRun?.key !== key) {
      const started = performance.now();
      const result = this.runAndAttribute(files, onStep).then(({ r, attribution, findings }) => ({
        ran: r.ran,
        ...(r.skipped === undefined ? {} : { skipped: r.skipped }),
        ...(r.notice === undefined ? {} : { notice: r.notice }),
        ...(r.sandbox === undefined ? {} : { sandbox: r.sandbox }),
        steps: r.steps,
        ...(r.tests ? { tests: testCounts(r.tests) } : {}),
        ...(attribution ? { attribution } : {}),
        findings,
        durationMs: Math.round(performance.now() - started),
      }));
      this.runtimeRun = { key, result };
    }
    return this.runtimeRun.result;
  }

  private run(files: readonly SourceFile[], extra: Partial<RuntimeOptions> = {}): Promise<RuntimeResult> {
    const untrusted = files.filter((f) => this.templateOutput.get(f.path) !== f.content).map((f) => f.path);
    return validateRuntime(files, {
      env: this.options.env,
      untrusted,
      ...(this.options.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
      ...extra,
    });
  }

  /** The runtime layer, then, when it failed on a project with model-written files, the attribution. */
  private async runAndAttribute(
    files: readonly SourceFile[],
    onStep?: (step: string) => void,
  ): Promise<{
    r: RuntimeResult;
    findings: Finding[];
    attribution?: NonNullable<ValidationOutcome['runtime']['attribution']>;
  }> {
    const began = performance.now();
    const r = await this.run(files, onStep ? { onStep } : {});
    this.runtimeTotals.runs += 1;
    this.runtimeTotals.runtimeMs += performance.now() - began;
    const failing = r.ran && r.findings.some((f) => f.severity === 'error');
    // Suspects: what a model wrote, and template output a person has since edited.
    const suspects = new Set([
      ...this.modelWritten,
      ...files
        .filter((f) => this.templateOutput.has(f.path) && this.templateOutput.get(f.path) !== f.content)
        .map((f) => f.path),
    ]);
    if (!failing || !files.some((f) => suspects.has(f.path))) return { r, findings: r.findings };
    const started = performance.now();
    this.drafts ??= new Map(generateProject(this.erd).map((f) => [f.path, f.content]));
    const outcome = await attributeFailures({
      files,
      result: r,
      drafts: this.drafts,
      modelWritten: suspects,
      rerun: (variant, scope) =>
        this.run(variant, {
          tests: scope.tests !== false,
          testLabels: scope.tests || [],
          migrations: scope.migrations,
          check: scope.check || scope.tests === false,
        }),
    });
    if (outcome.reruns === 0) return { r, findings: r.findings };
    this.runtimeTotals.attributions += 1;
    this.runtimeTotals.reruns += outcome.reruns;
    this.runtimeTotals.attributionMs += performance.now() - started;
    const failures = outcome.attributions.map(({ failure, file, unit }: Attribution) => ({
      rule: failure.rule,
      message: failure.message,
      file,
      unit,
    }));
    this.runtimeTotals.attributed.push(...failures);
    return {
      r,
      findings: outcome.findings,
      attribution: { reruns: outcome.reruns, durationMs: Math.round(performance.now() - started), failures },
    };
  }

  /**
   * Every finding of the project; records what ran in `outcome`. `runtime: true` runs the runtime
   * layer even when the run was started without it (the review's "Run runtime checks"), in the
   * same sandbox policy; `onStep` is told as each of its `manage.py` steps starts.
   */
  async validate(
    files: readonly SourceFile[],
    ask: { runtime?: boolean; onStep?: (step: string) => void } = {},
  ): Promise<Finding[]> {
    const started = performance.now();
    const withRuntime = ask.runtime ?? this.options.runtime;
    const [statics, runtime] = await Promise.all([
      validateStatic(files, {
        erd: this.erd,
        env: this.options.env,
        ...(this.options.python ? { python: this.options.python } : {}),
      }),
      withRuntime ? this.runtimeFor(files, ask.onStep) : null,
    ]);
    const { findings: runtimeFindings = [], ...runtimeStatus } = runtime ?? {
      ran: false,
      skipped: '--no-runtime was given',
      steps: [],
      durationMs: 0,
    };
    const blocked = runtime?.ran === true && hasSyntaxError(statics.findings);
    this.outcome = {
      layers: statics.layers,
      python: statics.python,
      staticMs: Math.round(performance.now() - started),
      runtime: blocked
        ? { ...runtimeStatus, ran: false, skipped: 'a file has a syntax error, so Django could not load the project' }
        : runtimeStatus,
    };
    return blocked ? statics.findings : [...statics.findings, ...runtimeFindings];
  }
}

function testCounts(tests: readonly TestResult[]): NonNullable<ValidationOutcome['runtime']['tests']> {
  return {
    ran: tests.length,
    passed: tests.filter((t) => t.outcome === 'ok').length,
    failing: tests.filter(failed),
  };
}
