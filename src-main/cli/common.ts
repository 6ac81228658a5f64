/** Exit codes, options and printing shared by the CLI commands. */
import { formatDiagnostic, type Diagnostic } from '../../src-shared/diagnostics';
import { isProviderId, PROVIDER_PRESETS } from '../core/llm/presets';
import { parseApprovalPolicy, type ApprovalPolicy } from '../core/review/approval-policy';
import { DEFAULT_THRESHOLD } from '../core/validate/score';
import type { CliIo } from './io';

/** `cancelled` follows the shell's convention for a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, notApproved: 1, usage: 2, writeFailed: 3, cancelled: 130 } as const;

export interface CliOptions {
  out?: string;
  force?: boolean;
  json?: string;
  quiet?: boolean;
  engine?: string;
  'base-url'?: string;
  provider?: string;
  model?: string;
  'fallback-model'?: string[];
  concurrency?: string;
  'request-timeout'?: string;
  'cache-dir'?: string;
  'no-cache'?: boolean;
  instructions?: string;
  approve?: string;
  threshold?: string;
  'no-runtime'?: boolean;
  'unsandboxed-runtime'?: boolean;
  zip?: string;
  /** The ERD file's language instead of detecting it (validated in `main`). */
  from?: string;
}

/** Flags that only mean something with `--engine llm`. */
export const LLM_FLAGS = [
  'base-url',
  'provider',
  'model',
  'fallback-model',
  'request-timeout',
  'cache-dir',
  'no-cache',
  'instructions',
] as const;

/** The validated engine flags of `generate` (the core's `EngineChoice` is built from them). */
export interface EngineFlags {
  engine: 'template' | 'llm';
  concurrency: number;
  llm?: {
    provider?: string;
    baseURL?: string;
    model: string;
    fallbackModels: string[];
    requestTimeoutMs?: number;
    cacheDir?: string;
    noCache: boolean;
    instructions: string;
  };
}

/** The engine settings from the flags, or a usage message naming the flag and the problem. */
export function parseEngineFlags(
  options: CliOptions,
): { ok: true; value: EngineFlags } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const engine = options.engine ?? 'template';
  if (engine !== 'template' && engine !== 'llm') return fail(`--engine must be template or llm, got "${engine}".`);
  let concurrency = 4;
  if (options.concurrency !== undefined) {
    concurrency = Number(options.concurrency);
    if (!/^\d+$/.test(options.concurrency) || concurrency < 1 || concurrency > 64)
      return fail(`--concurrency must be a whole number from 1 to 64, got "${options.concurrency}".`);
  }
  if (engine === 'template') {
    const stray = LLM_FLAGS.find((flag) => options[flag] !== undefined);
    return stray ? fail(`--${stray} applies to --engine llm only.`) : { ok: true, value: { engine, concurrency } };
  }
  if (options.provider !== undefined && !isProviderId(options.provider)) {
    return fail(`--provider must be one of ${Object.keys(PROVIDER_PRESETS).join(', ')}, got "${options.provider}".`);
  }
  if (options.provider === undefined && options['base-url'] === undefined)
    return fail('--engine llm needs --provider or --base-url.');
  if (!options.model?.trim()) return fail('--engine llm needs --model.');
  let requestTimeoutMs: number | undefined;
  if (options['request-timeout'] !== undefined) {
    const seconds = Number(options['request-timeout']);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
      return fail(`--request-timeout must be seconds between 0 and 3600, got "${options['request-timeout']}".`);
    requestTimeoutMs = Math.round(seconds * 1000);
  }
  if (options['no-cache'] && options['cache-dir'] !== undefined)
    return fail('--no-cache and --cache-dir contradict each other.');
  return {
    ok: true,
    value: {
      engine,
      concurrency,
      llm: {
        ...(options.provider === undefined ? {} : { provider: options.provider }),
        ...(options['base-url'] === undefined ? {} : { baseURL: options['base-url'] }),
        model: options.model.trim(),
        fallbackModels: (options['fallback-model'] ?? []).map((m) => m.trim()).filter(Boolean),
        ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
        ...(options['cache-dir'] === undefined ? {} : { cacheDir: options['cache-dir'] }),
        noCache: options['no-cache'] ?? false,
        instructions: options.instructions ?? '',
      },
    },
  };
}

/** How `generate` reviews: a policy, or the interactive prompt when the run has a terminal. */
export interface ReviewChoice {
  /** Null when `--approve` was not given: a terminal review if there is one, else `high`. */
  policy: ApprovalPolicy | null;
  threshold: number;
  runtime: boolean;
  /** `--unsandboxed-runtime`: run model-written files in the runtime layer where no sandbox works. */
  unsandboxedRuntime?: boolean;
}

/** The review settings from the flags, or a usage message naming the flag and the problem. */
export function parseReviewChoice(
  options: CliOptions,
): { ok: true; value: ReviewChoice } | { ok: false; message: string } {
  let policy: ApprovalPolicy | null = null;
  if (options.approve !== undefined) {
    const parsed = parseApprovalPolicy(options.approve);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    policy = parsed.policy;
  }
  let threshold = DEFAULT_THRESHOLD;
  if (options.threshold !== undefined) {
    threshold = Number(options.threshold);
    if (options.threshold.trim() === '' || !Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
      return {
        ok: false,
        message: `--threshold must be a number greater than 0 and at most 1, got "${options.threshold}".`,
      };
  }
  return {
    ok: true,
    value: {
      policy,
      threshold,
      runtime: !options['no-runtime'],
      ...(options['unsandboxed-runtime'] ? { unsandboxedRuntime: true } : {}),
    },
  };
}

/** Print diagnostics to stderr, errors first, one per line; `quiet` keeps only errors. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], quiet = false): void {
  const shown = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const d of [...shown].sort((a, b) => order[a.severity] - order[b.severity]))
    io.stderr(`${formatDiagnostic(d)}\n`);
}
