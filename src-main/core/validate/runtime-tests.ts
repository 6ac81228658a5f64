/**
 * Per-test results of `manage.py test -v 2`: every test the run reached with its outcome and the
 * file it lives in, so a report lists each failing test (not only "the tests failed") and the
 * attribution by substitution can tell a test that passed from one that never ran (a project that
 * crashed earlier hides its tests; their absence is not a pass). Pure functions over text.
 */

export type TestOutcome = 'ok' | 'fail' | 'error' | 'skipped' | 'expected failure' | 'unexpected success';

/** One test as unittest's verbose runner reported it. */
export interface TestResult {
  /** `app.tests.Class.test_name`, the label `manage.py test` accepts to run it alone. */
  id: string;
  /** The module's file, project-relative: `app/tests.py`. */
  file: string;
  outcome: TestOutcome;
}

const OUTCOMES: Record<string, TestOutcome> = {
  ok: 'ok',
  FAIL: 'fail',
  ERROR: 'error',
  'expected failure': 'expected failure',
  'unexpected success': 'unexpected success',
};

/**
 * `test_x (app.tests.Class) ... ok` lines (Python ≥ 3.11 prints `(app.tests.Class.test_x)`; a
 * test with a docstring has the docstring's first line before ` ... `, and a warning printed by
 * the test can come between ` ... ` and the outcome). Later lines for the same test (a subtest)
 * keep the worst outcome.
 */
export function testResults(text: string): TestResult[] {
  const byId = new Map<string, TestResult>();
  const heads = [...text.matchAll(/^(\w+) \(([\w.]+)\)(?=$| \.\.\. )/gm)];
  for (const [i, m] of heads.entries()) {
    const [, name = '', where = ''] = m;
    const from = (m.index ?? 0) + m[0].length;
    const segment = text.slice(from, heads[i + 1]?.index ?? text.length);
    const dots = segment.indexOf(' ... ');
    if (dots < 0) continue;
    const word = segment
      .slice(dots + 5)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /^(ok|FAIL|ERROR|skipped\b.*|expected failure|unexpected success)$/.test(l));
    if (word === undefined) continue;
    const cls = where.endsWith(`.${name}`) ? where.slice(0, -name.length - 1) : where;
    const id = `${cls}.${name}`;
    const outcome = OUTCOMES[word] ?? 'skipped';
    const seen = byId.get(id);
    if (seen && rank(seen.outcome) >= rank(outcome)) continue;
    byId.set(id, { id, file: `${cls.split('.').slice(0, -1).join('/')}.py`, outcome });
  }
  return [...byId.values()];
}

const rank = (o: TestOutcome) =>
  o === 'error' ? 3 : o === 'fail' || o === 'unexpected success' ? 2 : o === 'ok' ? 1 : 0;

/** Whether a test's outcome counts as a failure of the project. */
export const failed = (t: TestResult): boolean =>
  t.outcome === 'fail' || t.outcome === 'error' || t.outcome === 'unexpected success';

/** The test label of a `runtime.test-failed`/`runtime.test-error` finding's message, or null. */
export function testOfFinding(f: { rule: string; message: string }): string | null {
  if (f.rule !== 'runtime.test-failed' && f.rule !== 'runtime.test-error') return null;
  return /^([\w.]+) (?:failed|raised):/.exec(f.message)?.[1] ?? null;
}
