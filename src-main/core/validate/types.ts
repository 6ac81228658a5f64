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
  methods: (PyPos & { name: string })[];
  meta: (PyPos & { attrs: Record<string, PyPos & { value: PyValue }> }) | null;
  /** Every method name called on an attribute anywhere in the class (`select_related`, …). */
  called: string[];
}

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
}

/** A module that parsed: every structure key present. */
export type ParsedModule = Required<PyModule>;

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
