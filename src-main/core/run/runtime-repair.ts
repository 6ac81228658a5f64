/**
 * The repair prompt for a runtime failure pinned on a model-written file: Django's own words, and
 * how the failure was pinned (it disappears when the file is the offline draft), sent to the model
 * as feedback on the current version — each unit's prompt carries its part of that version. The
 * model gets one such attempt per file; what still fails afterwards gives way to the draft.
 */
import type { Finding } from '../validate/types';

/** Error findings of the runtime layer: what running the project said about this file. */
export const runtimeErrors = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.layer === 'runtime' && f.severity === 'error');

/** The feedback of a repair: every failure with its line, then what to do. */
export function repairFeedback(path: string, failures: readonly Finding[]): string {
  const lines = failures.slice(0, 8).map((f) => `- ${f.rule}${f.line > 1 ? ` (line ${f.line})` : ''}: ${f.message}`);
  const more = failures.length > 8 ? [`- and ${failures.length - 8} more`] : [];
  return [
    `Running the project with Django (manage.py check, makemigrations --check, the generated tests) failed because of ${path}:`,
    ...lines,
    ...more,
    'Fix the code so these failures no longer happen. Keep every name the draft defines and do not remove behaviour the draft has.',
  ].join('\n');
}
