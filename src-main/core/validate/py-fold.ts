/**
 * Constant folding over analyzer values: what a settings expression evaluates to when the
 * environment sets nothing. `'a' + 'b'`, `bool(1)`, `'*'.strip()`, `os.environ.get('X', 'v')` and
 * `env.bool('DEBUG', default=True)` all have a value a reviewer must judge; a call of anything else
 * (a helper, `os.environ['X']`) does not, and folds to `UNKNOWN`. Both parsers summarise values the
 * same way, so the verdict cannot depend on which one ran.
 */
import type { PyValue } from './types';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Folded = string | number | boolean | null | Folded[] | typeof UNKNOWN;

/** Names of the module (`NAME = value`) that other expressions may read. */
export type NameTable = ReadonlyMap<string, PyValue>;

/** Calls that read the environment and fall back to their default when the variable is unset. */
const ENV_GETTERS =
  /^(os\.environ\.get|os\.getenv|getenv|environ\.get|env|env\.(str|bool|int|float|list|tuple|json|url))$/;

/** Python's truthiness of a folded value, or UNKNOWN. */
export function truthy(v: Folded): boolean | typeof UNKNOWN {
  if (v === UNKNOWN) return UNKNOWN;
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== false && v !== 0 && v !== '';
}

function envDefault(v: PyValue, names: NameTable, depth: number): Folded {
  const d = v.kw?.default ?? v.args?.[1];
  if (!d) return /^(os\.environ\.get|os\.getenv|getenv|environ\.get)$/.test(v.func ?? '') ? null : UNKNOWN;
  const value = fold(d, names, depth + 1);
  if (value === UNKNOWN) return UNKNOWN;
  if (v.func === 'env.bool') return typeof value === 'string' ? /^(1|true|yes|on)$/i.test(value) : truthy(value);
  return value;
}

function strMethod(recv: string, method: string, args: Folded[]): Folded {
  const [a, b] = args;
  switch (method) {
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      if (a !== undefined && a !== null) return UNKNOWN;
      return method === 'strip' ? recv.trim() : method === 'lstrip' ? recv.trimStart() : recv.trimEnd();
    case 'lower':
      return recv.toLowerCase();
    case 'upper':
      return recv.toUpperCase();
    case 'split':
      return typeof a === 'string' ? recv.split(a) : a === undefined ? recv.split(/\s+/).filter(Boolean) : UNKNOWN;
    case 'replace':
      return typeof a === 'string' && typeof b === 'string' ? recv.split(a).join(b) : UNKNOWN;
    case 'join':
      return Array.isArray(a) && a.every((x) => typeof x === 'string') ? a.join(recv) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function call(v: PyValue, names: NameTable, depth: number): Folded {
  const func = v.func ?? '';
  const args = (v.args ?? []).map((a) => fold(a, names, depth + 1));
  if (ENV_GETTERS.test(func)) return envDefault(v, names, depth);
  if (/^(bool|str|int|float|list|tuple)$/.test(func) && args.length === 1) {
    const [x] = args as [Folded];
    if (x === UNKNOWN) return UNKNOWN;
    if (func === 'bool') return truthy(x);
    if (func === 'str')
      return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : UNKNOWN;
    if (func === 'list' || func === 'tuple') return Array.isArray(x) ? x : typeof x === 'string' ? [...x] : UNKNOWN;
    const n = Number(x);
    return typeof x === 'boolean' ? Number(x) : Number.isFinite(n) ? n : UNKNOWN;
  }
  let recv: Folded = UNKNOWN;
  if (v.recv) recv = fold(v.recv, names, depth + 1);
  else if (func.includes('.')) {
    const head = func.slice(0, func.lastIndexOf('.'));
    const bound = names.get(head);
    if (bound) recv = fold(bound, names, depth + 1);
  }
  if (typeof recv === 'string' && v.attr) return strMethod(recv, v.attr, args);
  return UNKNOWN;
}

function compare(op: string, a: Folded, b: Folded): Folded {
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  const eq = JSON.stringify(a) === JSON.stringify(b);
  if (op === 'Eq') return eq;
  if (op === 'NotEq') return !eq;
  if (op === 'In' || op === 'NotIn') {
    const inside = Array.isArray(b)
      ? b.some((x) => JSON.stringify(x) === JSON.stringify(a))
      : typeof b === 'string' && typeof a === 'string'
        ? b.includes(a)
        : UNKNOWN;
    return inside === UNKNOWN ? UNKNOWN : op === 'In' ? inside : !inside;
  }
  return UNKNOWN;
}

/** The value `v` evaluates to with an empty environment, or UNKNOWN. */
export function fold(v: PyValue | undefined, names: NameTable = new Map(), depth = 0): Folded {
  if (!v || depth > 12) return UNKNOWN;
  switch (v.k) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v ?? UNKNOWN;
    case 'none':
      return null;
    case 'list':
    case 'tuple':
    case 'set':
      return (v.items ?? []).map((i) => fold(i, names, depth + 1));
    case 'name': {
      const bound = v.name ? names.get(v.name) : undefined;
      return bound && bound !== v ? fold(bound, names, depth + 1) : UNKNOWN;
    }
    case 'binop': {
      const a = fold(v.left, names, depth + 1);
      const b = fold(v.right, names, depth + 1);
      if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
      if (v.op === 'Add' && typeof a === 'string' && typeof b === 'string') return a + b;
      if (v.op === 'Add' && typeof a === 'number' && typeof b === 'number') return a + b;
      if (v.op === 'Add' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (v.op === 'Mult' && typeof a === 'string' && typeof b === 'number' && b >= 0 && b < 100) return a.repeat(b);
      return UNKNOWN;
    }
    case 'compare':
      return compare(v.op ?? '', fold(v.left, names, depth + 1), fold(v.right, names, depth + 1));
    case 'unary': {
      const a = fold(v.left, names, depth + 1);
      if (v.op === 'Not') {
        const t = truthy(a);
        return t === UNKNOWN ? UNKNOWN : !t;
      }
      return v.op === 'USub' && typeof a === 'number' ? -a : UNKNOWN;
    }
    case 'boolop': {
      // Python's `and`/`or` return an operand; stop at the first that decides.
      for (const item of v.items ?? []) {
        const x = fold(item, names, depth + 1);
        const t = truthy(x);
        if (t === UNKNOWN) return UNKNOWN;
        if ((v.op === 'And' && !t) || (v.op === 'Or' && t)) return x;
        if (item === v.items?.[v.items.length - 1]) return x;
      }
      return UNKNOWN;
    }
    case 'ifexp': {
      const [test, body, orelse] = v.items ?? [];
      const t = truthy(fold(test, names, depth + 1));
      return t === UNKNOWN ? UNKNOWN : fold(t ? body : orelse, names, depth + 1);
    }
    case 'call':
      return call(v, names, depth);
    default:
      return UNKNOWN;
  }
}

/** Every string a folded value holds (itself, or its items at any depth). */
export function strings(v: Folded): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.flatMap(strings) : [];
}
