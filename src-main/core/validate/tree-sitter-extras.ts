/**
 * The parts of the analyzer's description that the security and lookup rules read, from
 * tree-sitter: returns of permission methods with their guards, assignments inside module-level
 * `if`s, and queryset lookups by name — shaped exactly as `analyzer-script.ts` shapes them.
 */
import type { Node } from 'web-tree-sitter';
import { rootName } from './tree-sitter-security';
import { named, pos, value } from './tree-sitter-value';
import type { PyBranchAssign, PyLookup, PyReturn, PyValue } from './types';

export const RETURNS_OF = new Set(['get_permissions', 'get_authenticators', 'has_permission', 'has_object_permission']);
const LOOKUP_METHODS = new Set(['select_related', 'prefetch_related', 'order_by', 'only', 'defer']);

/** Every `return` of a method with the tests of the `if`s above it (`not (...)` in an else branch). */
export function methodReturns(fn: Node): PyReturn[] {
  const out: PyReturn[] = [];
  const visit = (stmts: Node[], guards: string[]) => {
    for (const s of stmts) {
      if (s.type === 'return_statement') {
        const v = named(s)[0];
        out.push({ ...pos(s), value: v ? value(v) : { src: 'None', k: 'none' }, guard: guards.join(' and ') });
      } else if (s.type === 'if_statement') {
        const test = s.childForFieldName('condition')?.text ?? '';
        visit(named(s.childForFieldName('consequence')), [...guards, test]);
        for (const c of named(s)) {
          if (c.type === 'else_clause') visit(named(c.childForFieldName('body')), [...guards, `not (${test})`]);
          if (c.type === 'elif_clause') {
            const inner = c.childForFieldName('condition')?.text ?? '';
            visit(named(c.childForFieldName('consequence')), [...guards, `not (${test})`, inner]);
          }
        }
      } else if (/^(for_statement|while_statement)$/.test(s.type)) {
        visit(named(s.childForFieldName('body')), [...guards, 'loop']);
        for (const c of named(s)) if (c.type === 'else_clause') visit(named(c.childForFieldName('body')), guards);
      } else if (/^(with_statement|try_statement)$/.test(s.type)) {
        visit(named(s.childForFieldName('body')), guards);
        for (const c of named(s)) {
          const block = named(c).find((b) => b.type === 'block');
          if (c.type === 'except_clause' && block) visit(named(block), [...guards, 'except']);
          if ((c.type === 'else_clause' || c.type === 'finally_clause') && block) visit(named(block), guards);
        }
      }
    }
  };
  visit(named(fn.childForFieldName('body')), []);
  return out;
}

function assignmentOf(stmt: Node): [string, Node] | null {
  const a = stmt.type === 'expression_statement' ? named(stmt)[0] : undefined;
  const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
  const right = a?.childForFieldName('right');
  return left?.type === 'identifier' && right ? [left.text, right] : null;
}

/** Assignments inside module-level `if`s, with their conditions and the `if not (…DEBUG…): raise` guard. */
export function branchAssigns(
  stmts: Node[],
  conds: [PyValue, boolean][] = [],
  out: PyBranchAssign[] = [],
): PyBranchAssign[] {
  let guarded = false;
  for (const s of stmts) {
    if (s.type === 'if_statement') {
      const cond = s.childForFieldName('condition');
      const body = named(s.childForFieldName('consequence'));
      const arg = cond?.type === 'not_operator' ? cond.childForFieldName('argument') : null;
      if (arg?.text.includes('DEBUG') && body.some((b) => b.type === 'raise_statement')) guarded = true;
      const test = cond ? value(cond) : { src: '', k: 'expr' as const };
      branchAssigns(body, [...conds, [test, true]], out);
      const rest = named(s).filter((c) => c.type === 'elif_clause' || c.type === 'else_clause');
      if (rest.length > 0) {
        // `elif` is an `if` nested in the else branch, as CPython's tree has it.
        const [first, ...more] = rest as [Node, ...Node[]];
        if (first.type === 'else_clause')
          branchAssigns(named(first.childForFieldName('body')), [...conds, [test, false]], out);
        else {
          const inner = first.childForFieldName('condition');
          const innerTest = inner ? value(inner) : { src: '', k: 'expr' as const };
          const next: [PyValue, boolean][] = [...conds, [test, false]];
          branchAssigns(named(first.childForFieldName('consequence')), [...next, [innerTest, true]], out);
          if (more.length > 0) {
            const tail = more.find((m) => m.type === 'else_clause');
            if (tail) branchAssigns(named(tail.childForFieldName('body')), [...next, [innerTest, false]], out);
          }
        }
      }
    } else if (conds.length > 0) {
      const a = assignmentOf(s);
      if (a) out.push({ ...pos(s), name: a[0], value: value(a[1]), conds, guarded });
    }
  }
  return out;
}

/** Queryset lookups by name: `[line, col, method, root, enclosing top-level class, names]`. */
export function lookups(root: Node): PyLookup[] {
  const out: PyLookup[] = [];
  for (const call of root.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function');
    const method = fn?.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : '';
    if (!call || !fn || !LOOKUP_METHODS.has(method)) continue;
    const names = named(call.childForFieldName('arguments'))
      .map((a) => value(a))
      .filter((v) => v.k === 'str')
      .map((v) => String(v.v));
    if (names.length === 0) continue;
    let top: Node | null = call;
    let cls: string | null = null;
    while (top) {
      const holder: Node | null = top.parent?.type === 'decorated_definition' ? top.parent : top;
      if (top.type === 'class_definition' && holder?.parent?.type === 'module')
        cls = top.childForFieldName('name')?.text ?? null;
      top = top.parent;
    }
    const p = pos(call);
    out.push([p.line, p.col, method, rootName(fn.childForFieldName('object')) ?? '', cls, names]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
