/**
 * What `djforge generate` prints: the progress lines worth a terminal (recovery), the validation
 * and review summary, and what the writer did. Printing only; the decisions are the core's.
 */
import path from 'node:path';
import type { SyncAction, SyncEntry } from '../core/output/sync-plan';
import { CONFLICTS_DIR } from '../core/output/sync-plan';
import type { ApprovalPolicy } from '../core/review/approval-policy';
import type { GenerationRun, PoolEvent } from '../core/run';
import type { CliIo } from './io';

/** Recovery is worth a line on stderr; the rest of the progress stays quiet in a terminal. */
export function printEvent(io: CliIo, event: PoolEvent, quiet: boolean): void {
  if (quiet) return;
  if (event.type === 'retrying') {
    const { attempt } = event;
    const wait = event.waitMs > 0 ? `, waiting ${event.waitMs} ms` : '';
    io.stderr(
      `retry ${event.unitId}: ${attempt.outcome} on ${attempt.model} → ${attempt.action} (next: ${event.nextModel}${wait})\n`,
    );
  } else if (event.type === 'fellBack') {
    io.stderr(`warning: ${event.unitId} fell back to the template draft: ${event.reason}\n`);
  }
}

/** The validation and review summary: layers, categories, decisions, and each file left out with its main reason. */
export function reviewLines(run: GenerationRun, decidedBy: ApprovalPolicy | 'interactive'): string {
  const session = run.review;
  const validation = run.validationOutcome;
  const summary = session.summary();
  const { runtime } = validation;
  const runtimeText = runtime.ran
    ? `runtime layer (${runtime.steps.map((s) => s.step.split(' ')[0]).join(', ')}) ${(runtime.durationMs / 1000).toFixed(1)} s${runtime.sandbox && runtime.sandbox !== 'none' ? ` in ${runtime.sandbox}` : ''}${runtime.notice ? ` (${runtime.notice})` : ''}, --no-runtime skips it`
    : `runtime layer skipped: ${runtime.skipped ?? 'not run'}`;
  const python = validation.python ? `CPython ${validation.python}` : 'tree-sitter (no Python found)';
  const lines = [
    `Validated ${summary.files} files in ${(run.validateMs / 1000).toFixed(1)} s: static layers with ${python}; ${runtimeText}.`,
    `Review (${decidedBy === 'interactive' ? 'on the terminal' : `--approve ${decidedBy}`}): ` +
      Object.entries(summary.byCategory)
        .map(([category, paths]) => `${paths.length} ${category}`)
        .join(', ') +
      ` — ${summary.approved} approved, ${summary.skipped} skipped; average quality ${summary.avgQuality.toFixed(2)}.`,
  ];
  lines.push(...runtimeDetailLines(run));
  const drafted = session.list().filter((e) => e.keptDraft != null);
  if (drafted.length > 0)
    lines.push(`Kept the offline draft of ${drafted.length} model-written file(s), the model's version failed:`);
  for (const e of drafted) lines.push(`  draft kept: ${e.path}: ${e.keptDraft?.reason ?? ''}`);
  for (const e of session.list()) {
    if (e.decision === 'approved') continue;
    const why = e.current.reasons[0] ?? 'no reason recorded';
    lines.push(`  not approved: ${e.path} (${e.current.category}, score ${e.current.score.toFixed(2)}): ${why}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The generated tests' counts and each test still failing in the final project, then each runtime
 * failure the run pinned on a model-written file (and unit) by substitution, once each.
 */
function runtimeDetailLines(run: GenerationRun): string[] {
  const lines: string[] = [];
  const { tests } = run.validationOutcome.runtime;
  if (tests) {
    const skipped = tests.ran - tests.passed - tests.failing.length;
    lines.push(
      `Generated tests: ${tests.ran} ran — ${tests.passed} passed, ${skipped} skipped, ${tests.failing.length} failing.`,
    );
    for (const t of tests.failing) lines.push(`  failing test: ${t.id} (${t.file}): ${t.outcome}`);
  }
  const seen = new Set<string>();
  for (const f of run.runtimeTotals.attributed) {
    if (f.file === null) continue;
    const where = f.unit === null ? f.file : `${f.unit} in ${f.file}`;
    const line = `  runtime failure caused by ${where} (its offline draft removes it): ${f.rule}: ${f.message.split('\n')[0] ?? ''}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

/** One line per conflict, naming the kept file and where the merge with markers is. */
export function conflictLines(out: string, conflicts: readonly string[], cwd: string): string {
  const shown = path.relative(cwd, out) || '.';
  return conflicts
    .map(
      (p) =>
        `conflict: ${p}: your version and the new generation changed the same lines; your file was kept, ` +
        `the merge with conflict markers is in ${path.join(shown, CONFLICTS_DIR, p)}\n`,
    )
    .join('');
}

/** "3 created, 2 updated, 1 merged…" for the summary line, in a fixed order. */
export function describeActions(entries: readonly SyncEntry[]): string {
  const order: [SyncAction, string][] = [
    ['create', 'created'],
    ['update', 'updated'],
    ['merge', 'merged'],
    ['conflict', 'conflicted'],
    ['unchanged', 'unchanged'],
    ['keep', 'kept (your edit already had it)'],
    ['kept-deleted', 'left deleted'],
    ['delete', 'removed (no longer generated)'],
    ['orphan', 'kept (no longer generated, edited by you)'],
  ];
  const counts = order
    .map(([action, label]) => [entries.filter((e) => e.action === action).length, label] as const)
    .filter(([n]) => n > 0);
  return counts.map(([n, label]) => `${n} ${label}`).join(', ');
}
