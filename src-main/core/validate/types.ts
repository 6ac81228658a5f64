/**
 * The vocabulary of validation: what a finding is, the layers that produce them, and the structure
 * the Python analyzer extracts from each file (so rules are plain functions over data and can be
 * tested without a Python).
 */
import type { Severity } from '../../../src-shared/diagnostics';

/** The layers, in the order they run. */
export const LAYERS = ['syntax', 'semantic', 'best-practice', 'security', 'runtime'] as const;
export type Layer = (typeof LAYERS)[number];

/**
 * One problem in one generated file. `line`/`column` are 1-based; `rule` is a stable id such as
 * `syntax.indentation-error` or `security.debug-true` that the score weights and hosts key on.
 */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  layer: Layer;
  message: string;
}

/** A file handed to validation: project-relative POSIX path and its full text. */
export interface SourceFile {
  path: string;
  content: string;
}

/** A Python value as the analyzer summarises it (`src` is its source text, shortened). */
export interface PyValue {
  src: string;
  k:
    | 'str'
    | 'num'
    | 'bool'
    | 'none'
    | 'list'
    | 'tuple'
    | 'set'
    | 'dict'
    | 'name'
    | 'call'
    | 'fstring'
    | 'binop'
    | 'comp'
    | 'compare'
    | 'unary'
    | 'boolop'
    | 'ifexp'
    | 'expr';
  v?: string | number | boolean;
  items?: PyValue[];
  keys?: (string | null)[];
  values?: PyValue[];
  name?: string;
  func?: string | null;
  attr?: string | null;
  args?: PyValue[];
  kw?: Record<string, PyValue>;
  op?: string;
  /** Operands of a binary operator or comparison (`left` alone for a unary operator). */
  left?: PyValue;
  right?: PyValue;
  /** The receiver of a method call on something that is not a dotted name (`'*'.strip()`). */
  recv?: PyValue;
}

export interface PyPos {
  line: number;
  col: number;
}

export interface PyImport extends PyPos {
  module: string | null;
  level: number;
  names: [string, string | null][];
}

export interface PyAttr extends PyPos {
  name: string;
  value: PyValue;
}

export interface PyClass extends PyPos {
  name: string;
  bases: string[];
  decorators: PyValue[];
  attrs: PyAttr[];
  methods: (PyPos & { name: string; returns?: PyReturn[] })[];
  meta: (PyPos & { attrs: Record<string, PyPos & { value: PyValue }> }) | null;
  /** Every method name called on an attribute anywhere in the class (`select_related`, …). */
  called: string[];
}

/** A `return` in a permission method, with the source of the `if` tests it is under (empty when unconditional). */
export interface PyReturn extends PyPos {
  value: PyValue;
  guard: string;
}

/** An assignment inside module-level `if`s: each condition with the branch taken (true: the body). */
export interface PyBranchAssign extends PyAttr {
  conds: [PyValue, boolean][];
  /** `if not (…DEBUG…): raise` precedes it in its block (a development-only fallback that production refuses). */
  guarded: boolean;
}

/** `[rule, line, col, message]`: a judgement of the security scan. */
export type PyJudgement = [string, number, number, string];

/** `[name, line, col]`. */
export type PyNameAt = [string, number, number];

/** A queryset lookup by name: `[line, col, method, root name, enclosing top-level class, names]`. */
export type PyLookup = [number, number, string, string, string | null, string[]];

export interface PyCall extends PyPos {
  func: string | null;
  attr: string;
  args: PyValue[];
  kw: Record<string, PyValue>;
}

export interface PyFunction extends PyPos {
  name: string;
  cls: string | null;
  decorators: PyValue[];
  mutableDefaults: string[];
}

export interface PySyntaxError {
  type: string;
  msg: string;
  line: number;
  col: number;
  text: string;
}

/** The analyzer's description of one Python file. Structure keys are absent when `syntax` is set. */
export interface PyModule {
  path: string;
  syntax: PySyntaxError | null;
  warnings: { type: string; msg: string; line: number }[];
  imports?: PyImport[];
  defs?: string[];
  assigns?: PyAttr[];
  classes?: PyClass[];
  calls?: PyCall[];
  functions?: PyFunction[];
  branchAssigns?: PyBranchAssign[];
  /** Judgements of the allowlist scan; absent when the scan could not run on this file. */
  security?: PyJudgement[];
  /** Writes through `django.conf.settings` (`[line, col, target]`) outside settings.py. */
  settingWrites?: [number, number, string][];
  /** Names read but bound nowhere (first read per scope); absent when not computed. */
  undefined?: PyNameAt[];
  /** Module-level imports nothing reads. */
  unused?: PyNameAt[];
  lookups?: PyLookup[];
}

/** Keys only the CPython analyzer (or a fallback that can judge them) fills. */
type Judged = 'security' | 'settingWrites' | 'undefined' | 'unused' | 'lookups' | 'branchAssigns';

/** A module that parsed: every structure key present; the judged keys when the engine could compute them. */
export type ParsedModule = Required<Omit<PyModule, Judged>> & Pick<PyModule, Judged>;

export const isParsed = (m: PyModule): m is ParsedModule => m.syntax === null && m.classes !== undefined;

/** Build a finding; the one place that decides the shape. */
export function finding(
  layer: Layer,
  severity: Severity,
  rule: string,
  file: string,
  at: { line: number; col?: number; column?: number },
  message: string,
): Finding {
  return {
    file,
    line: Math.max(1, at.line),
    column: Math.max(1, at.column ?? at.col ?? 1),
    severity,
    rule,
    layer,
    message,
  };
}
