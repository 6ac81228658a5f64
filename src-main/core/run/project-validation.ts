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
import { validateRuntime, type RuntimeResult } from '../validate/runtime-layer';
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
  };
}

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
    for (const f of files) if (f.source === 'template') this.templateOutput.set(f.path, f.content);
    if (this.options.runtime) void this.runtimeFor(files).catch(() => undefined);
  }

  private runtimeFor(files: readonly SourceFile[]): Promise<RuntimeRun> {
    const key = projectKey(files);
    if (this.runtimeRun?.key !== key) {
      const started = performance.now();
      const untrusted = files.filter((f) => this.templateOutput.get(f.path) !== f.content).map((f) => f.path);
      const result = validateRuntime(files, {
        env: this.options.env,
        untrusted,
        ...(this.options.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
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

  /** Every finding of the project; records what ran in `outcome`. */
  async validate(files: readonly SourceFile[]): Promise<Finding[]> {
    const started = performance.now();
    const [statics, runtime] = await Promise.all([
      validateStatic(files, {
        erd: this.erd,
        env: this.options.env,
        ...(this.options.python ? { python: this.options.python } : {}),
      }),
      this.options.runtime ? this.runtimeFor(files) : null,
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
