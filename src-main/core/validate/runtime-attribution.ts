/**
 * Attribution by substitution: which model-written file caused a runtime failure. A traceback
 * names where an error surfaced, not who caused it (an admin check error is printed without a
 * frame; a view that answers 405 fails in tests.py). Every model-written file has a known-good
 * counterpart, its offline draft, so the question is answered by experiment: the project is run
 * again with files swapped for their drafts, and a failure that disappears when file X is the
 * draft belongs to X. The likeliest file (where the failure surfaced, then its app's files) is
 * tried first, so a correct guess costs one rerun; otherwise a bisection over the other
 * model-written files finds it in about log2(n) reruns. Then the same question narrows a file to
 * the unit (class or function) whose draft removes the failure: free when only one unit of the file
 * differs from its draft, a bisection over the changed units otherwise. Reruns run only the steps
 * and tests that failed. Nothing runs when nothing failed.
 */
import { changedDefinitions, topLevelStatements, definedName, withDraftDefinitions } from '../generate/python-blocks';
import type { RuntimeResult } from './runtime-layer';
import { testOfFinding } from './runtime-tests';
import type { Finding, SourceFile } from './types';

/** What a rerun needs to run: the failing tests (false: none) and whether makemigrations failed. */
export interface RerunScope {
  tests: string[] | false;
  migrations: boolean;
  /** Whether `manage.py check` must run (a check failure is pending; the tests run the checks too). */
  check: boolean;
}

export interface AttributionInput {
  /** The project as it was run. */
  files: readonly SourceFile[];
  /** What running it gave. */
  result: RuntimeResult;
  /** The offline draft of every file that has one (the template engine's text). */
  drafts: ReadonlyMap<string, string>;
  /** Paths a model wrote (text that differs from the draft is a candidate only if listed here). */
  modelWritten: ReadonlySet<string>;
  /** Runs the runtime layer on a variant of the project, narrowed to `scope`. */
  rerun: (files: SourceFile[], scope: RerunScope) => Promise<RuntimeResult>;
}

/**
 * One failure and the file its disappearance pinned it on (null: no single model-written file),
 * and within it the class or function (null: not narrowed to one).
 */
export interface Attribution {
  failure: Finding;
  file: string | null;
  unit: string | null;
}

export interface AttributionOutcome {
  /** The runtime findings, each failure re-pinned on the file it was attributed to. */
  findings: Finding[];
  attributions: Attribution[];
  /** Reruns of the project it took. */
  reruns: number;
}

const TEST_CRASH = 'runtime.tests-crashed';

/** The identity of a failure across runs: the test, or the rule and message without the line. */
function failureKey(f: Finding): string {
  const test = testOfFinding(f);
  return test === null ? `${f.rule}\0${f.message}` : `test:${test}`;
}

/** Whether run `r` got far enough to show `f` if it were still there. */
function reached(f: Finding, r: RuntimeResult): boolean {
  if (!r.ran) return false;
  const test = testOfFinding(f);
  if (test !== null) return (r.tests ?? []).some((t) => t.id === test);
  if (f.rule.startsWith('runtime.check.')) return !r.findings.some((g) => g.rule === 'runtime.check-failed');
  if (f.rule === TEST_CRASH) return r.tests !== undefined;
  return true;
}

/** True when `f` is verifiably gone from run `r` (reached, and not reported). */
function absent(f: Finding, r: RuntimeResult): boolean {
  const key = failureKey(f);
  return reached(f, r) && !r.findings.some((g) => failureKey(g) === key);
}

function scopeOf(failures: readonly Finding[]): RerunScope {
  const tests = failures.map(testOfFinding).filter((t): t is string => t !== null);
  const allTests = failures.some((f) => f.rule === TEST_CRASH);
  return {
    tests: allTests ? [] : tests.length > 0 ? [...new Set(tests)] : false,
    migrations: failures.some((f) => /makemigrations|missing-migrations/.test(f.rule)),
    check: failures.some((f) => f.rule.startsWith('runtime.check')),
  };
}

/** Runs `task` over `items` two at a time (the reruns share the machine with the rest of the run). */
async function inPairs<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all([worker(), worker()]);
}

/** Files of the failure's app, the likeliest culprits of a request-time failure first. */
const SUSPECT_ORDER = [
  'views.py',
  'serializers.py',
  'filters.py',
  'permissions.py',
  'admin.py',
  'models.py',
  'urls.py',
];

function suspect(f: Finding, candidates: readonly string[]): string | null {
  if (candidates.includes(f.file)) return f.file;
  const app = f.file.includes('/') ? f.file.slice(0, f.file.lastIndexOf('/') + 1) : '';
  for (const name of SUSPECT_ORDER) if (candidates.includes(`${app}${name}`)) return `${app}${name}`;
  return null;
}

/**
 * Finds by halving, for each of `pending`, the member of `set` whose draft removes it. `proven`:
 * drafting all of `set` is known to remove them (otherwise a lone member is confirmed by a rerun).
 * `draft` runs the project with the given members drafted; `blame` records each answer.
 */
async function bisect(
  set: readonly string[],
  pending: Finding[],
  proven: boolean,
  draft: (members: readonly string[], pending: readonly Finding[]) => Promise<RuntimeResult>,
  blame: (failure: Finding, member: string) => void,
): Promise<void> {
  if (set.length === 0 || pending.length === 0) return;
  if (set.length === 1) {
    const [only = ''] = set;
    let confirmed = pending;
    if (!proven) {
      const r = await draft(set, pending);
      confirmed = pending.filter((f) => absent(f, r));
    }
    for (const f of confirmed) blame(f, only);
    return;
  }
  const half = set.slice(0, Math.ceil(set.length / 2));
  const r = await draft(half, pending);
  const gone = pending.filter((f) => absent(f, r));
  await bisect(half, gone, true, draft, blame);
  await bisect(
    set.slice(half.length),
    pending.filter((f) => !gone.includes(f)),
    false,
    draft,
    blame,
  );
}

/** Attributes every error of `input.result` to the model-written file whose draft removes it. */
export async function attributeFailures(input: AttributionInput): Promise<AttributionOutcome> {
  const { files, result, drafts } = input;
  const candidates = files
    .filter((f) => input.modelWritten.has(f.path) && drafts.has(f.path) && drafts.get(f.path) !== f.content)
    .map((f) => f.path);
  const failures = result.findings.filter((f) => f.severity === 'error');
  if (failures.length === 0 || candidates.length === 0)
    return { findings: result.findings, attributions: [], reruns: 0 };

  let reruns = 0;
  const variant = (drafted: readonly string[], pending: readonly Finding[]) => {
    reruns += 1;
    const swap = new Set(drafted);
    const project = files.map((f) => (swap.has(f.path) ? { ...f, content: drafts.get(f.path) ?? f.content } : f));
    return input.rerun(project, scopeOf(pending));
  };
  const blamed = new Map<Finding, string>();
  const narrow = (set: readonly string[], pending: Finding[], verified: boolean) =>
    bisect(set, pending, verified, variant, (f, file) => blamed.set(f, file));

  // Round 1: each likely culprit alone (two at a time), with only its own failures to rerun.
  const bySuspect = new Map<string, Finding[]>();
  for (const f of failures) {
    const s = suspect(f, candidates);
    if (s !== null) bySuspect.set(s, [...(bySuspect.get(s) ?? []), f]);
  }
  const tried = new Set<string>();
  await inPairs([...bySuspect], async ([file, mine]) => {
    tried.add(file);
    const r = await variant([file], mine);
    for (const f of mine) if (absent(f, r)) blamed.set(f, file);
  });
  // Round 2: what a wrong guess left, by bisection over the other model-written files.
  const pending = failures.filter((f) => !blamed.has(f));
  const others = candidates.filter((c) => !tried.has(c));
  if (pending.length > 0 && others.length > 0) {
    const r = await variant(others, pending);
    const gone = pending.filter((f) => absent(f, r));
    if (gone.length > 0) await narrow(others, gone, true);
  }

  // Round 3: within each blamed file, the unit whose draft removes the failure.
  const texts = new Map(files.map((f) => [f.path, f.content]));
  const units = new Map<Finding, string>();
  const byFile = new Map<string, Finding[]>();
  for (const [f, file] of blamed) byFile.set(file, [...(byFile.get(file) ?? []), f]);
  await inPairs([...byFile], async ([file, mine]) => {
    const model = texts.get(file) ?? '';
    const draft = drafts.get(file) ?? '';
    const changed = changedDefinitions(model, draft);
    // When nothing but these units differs, drafting all of them is drafting the file: proven already.
    const verified = outsideDefinitions(model) === outsideDefinitions(draft);
    const swap = (names: readonly string[], pending: readonly Finding[]) => {
      reruns += 1;
      const content = withDraftDefinitions(model, draft, new Set(names));
      return input.rerun(
        files.map((f) => (f.path === file ? { ...f, content } : f)),
        scopeOf(pending),
      );
    };
    await bisect(changed, mine, verified, swap, (f, unit) => units.set(f, unit));
  });

  const attributions = failures.map((f) => ({ failure: f, file: blamed.get(f) ?? null, unit: units.get(f) ?? null }));
  const findings = result.findings.map((f) => {
    const file = blamed.get(f);
    if (file === undefined) return f;
    const unit = units.get(f);
    const model = texts.get(file) ?? '';
    return {
      ...f,
      file,
      line: unit !== undefined ? lineOf(model, unit) : file === f.file ? f.line : 1,
      message:
        unit !== undefined
          ? `${f.message} (the failure disappears when ${unit} in ${file} is its offline draft)`
          : `${f.message} (the failure disappears when ${file} is the offline draft)`,
    };
  });
  return { findings, attributions, reruns };
}

/** A module's statements that define no class or function (imports, assignments), as one text. */
function outsideDefinitions(code: string): string {
  return topLevelStatements(code)
    .filter((s) => definedName(s.head) === null)
    .map((s) => s.text)
    .join('\n');
}

/** The 1-based line where `code` defines `name` at the top level (1 when it is not found). */
function lineOf(code: string, name: string): number {
  const at = code.split('\n').findIndex((line) => definedName(line) === name);
  return at < 0 ? 1 : at + 1;
}
