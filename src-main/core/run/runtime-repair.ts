/**
 * The repair prompt for a model-written file with errors: Django's own words for a runtime failure
 * pinned on it (it disappears when the file is the offline draft), and the static layers' findings
 * (an undefined name, a lookup on a field the model lacks, a name not in the ERD), sent to the
 * model as feedback on the current version — each unit's prompt carries its part of that version.
 * The model gets one such attempt per file; what still fails afterwards gives way to the draft.
 * Security findings are never sent back: code that tries to escape is replaced, not negotiated.
 */
import type { Finding } from '../validate/types';

/** An error as the same mistake in another version of the file: where and what, not the line. */
export const findingKey = (f: Finding): string => `${f.file}\0${f.rule}\0${f.message}`;

/**
 * Errors a repair prompt may carry: every layer's but security's, and not those the offline draft
 * has too (`templateKeys`: the model did not cause them, so it cannot be asked to fix them).
 */
export const repairableErrors = (findings: readonly Finding[], templateKeys: ReadonlySet<string>): Finding[] =>
  findings.filter((f) => f.severity === 'error' && f.layer !== 'security' && !templateKeys.has(findingKey(f)));

/** The feedback of a repair: every failure with its line, then what to do. */
export function repairFeedback(path: string, failures: readonly Finding[]): string {
  const lines = failures.slice(0, 8).map((f) => `- ${f.rule}${f.line > 1 ? ` (line ${f.line})` : ''}: ${f.message}`);
  const more = failures.length > 8 ? [`- and ${failures.length - 8} more`] : [];
  const ran = failures.some((f) => f.layer === 'runtime');
  const onlyRan = failures.every((f) => f.layer === 'runtime');
  const how = `static analysis against the ERD${ran ? ', and running the project with Django' : ''}`;
  return [
    onlyRan
      ? `Running the project with Django (manage.py check, makemigrations --check, the generated tests) failed because of ${path}:`
      : `Checking ${path} (${how}) found these errors:`,
    ...lines,
    ...more,
    'Fix the code so these failures no longer happen. Keep every name the draft defines and do not remove behaviour the draft has.',
  ].join('\n');
}
