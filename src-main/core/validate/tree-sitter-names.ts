/**
 * Undefined names and unused imports from tree-sitter, for hosts without Python: Python's scope
 * rules (function, lambda, class and comprehension scopes; class scopes invisible to the functions
 * inside them; `global`; decorators, defaults and the first iterable evaluated outside) applied to
 * the tree, giving what `symtable` gives the CPython analyzer.
 */
import type { Node } from 'web-tree-sitter';
import { named, pos } from './tree-sitter-value';
import type { PyNameAt } from './types';

const BUILTINS = new Set(
  `ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
 BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
 ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup
 False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError
 ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError
 MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError
 OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError
 ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
 SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
 UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any ascii
 bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir
 divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int
 isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print
 property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip
 __file__ __name__ __doc__ __package__ __path__ __annotations__ __builtins__ __spec__ __loader__ __qualname__
 __module__ __build_class__ __import__ __debug__`.split(/\s+/),
);
const COMPREHENSIONS = new Set([
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

interface Scope {
  node: Node;
  kind: 'module' | 'function' | 'class' | 'comprehension';
  parent: Scope | null;
  bound: Set<string>;
  globals: Set<string>;
}

const isField = (p: Node | null, field: string, n: Node) => p?.childForFieldName(field)?.id === n.id;

/** Identifiers a target (`x`, `a, b`, `[a, *b]`) binds. */
function targets(n: Node | null): Node[] {
  if (!n) return [];
  if (n.type === 'identifier') return [n];
  if (/^(pattern_list|tuple_pattern|list_pattern|list_splat_pattern|parenthesized_expression|tuple|list)$/.test(n.type))
    return named(n).flatMap(targets);
  return [];
}

class NameScan {
  private scopes = new Map<number, Scope>();
  private reads: { n: Node; scope: Scope }[] = [];
  private imports: { name: string; at: Node }[] = [];
  private moduleReads = new Set<string>();

  run(root: Node): { undefined: PyNameAt[]; unused: PyNameAt[] } {
    const module: Scope = { node: root, kind: 'module', parent: null, bound: new Set(), globals: new Set() };
    this.visit(root, module);
    const first = new Map<string, PyNameAt>();
    for (const { n, scope } of this.reads) {
      const owner = this.resolve(n.text, scope);
      if (owner?.kind === 'module') this.moduleReads.add(n.text);
      if (owner || BUILTINS.has(n.text)) continue;
      const key = `${n.text}\0${scope.node.startPosition.row}`;
      const p = pos(n);
      const seen = first.get(key);
      if (!seen || p.line < seen[1] || (p.line === seen[1] && p.col < seen[2])) first.set(key, [n.text, p.line, p.col]);
    }
    const unused = this.imports
      .filter((i) => !this.moduleReads.has(i.name))
      .map((i): PyNameAt => [i.name, pos(i.at).line, pos(i.at).col]);
    return { undefined: [...first.values()].sort((a, b) => a[1] - b[1] || a[2] - b[2]), unused };
  }

  private resolve(name: string, from: Scope): Scope | null {
    let s: Scope | null = from;
    let first = true;
    while (s) {
      if (s.globals.has(name)) return this.moduleOf(s);
      if ((first || s.kind !== 'class') && s.bound.has(name)) return s;
      first = false;
      s = s.parent;
    }
    return null;
  }

  private moduleOf(s: Scope): Scope {
    let m = s;
    while (m.parent) m = m.parent;
    return m;
  }

  private child(node: Node, kind: Scope['kind'], parent: Scope): Scope {
    const s: Scope = { node, kind, parent, bound: new Set(), globals: new Set() };
    this.scopes.set(node.id, s);
    return s;
  }

  private bindImport(stmt: Node, scope: Scope): void {
    for (const c of stmt.childrenForFieldName('name')) {
      if (!c) continue;
      const alias = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : undefined;
      const name = (c.type === 'aliased_import' ? c.childForFieldName('name')?.text : c.text) ?? '';
      const local = alias ?? (stmt.type === 'import_statement' ? (name.split('.')[0] ?? name) : name);
      scope.bound.add(local);
      const top =
        stmt.parent?.type === 'module' ||
        (stmt.parent?.parent?.type === 'try_statement' && stmt.parent.parent.parent?.type === 'module');
      if (scope.kind === 'module' && top && stmt.type !== 'future_import_statement')
        this.imports.push({ name: local, at: stmt });
    }
  }

  private params(params: Node | null, scope: Scope, outer: Scope): void {
    for (const p of named(params)) {
      if (p.type === 'identifier') scope.bound.add(p.text);
      else if (/splat_pattern$/.test(p.type)) for (const i of named(p)) scope.bound.add(i.text);
      else {
        const name = p.childForFieldName('name') ?? named(p).find((c) => c.type === 'identifier');
        if (name) scope.bound.add(name.text);
        const value = p.childForFieldName('value');
        if (value) this.visit(value, outer);
        const type = p.childForFieldName('type');
        if (type) this.visit(type, outer);
      }
    }
  }

  private visit(n: Node, scope: Scope): void {
    switch (n.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        if (named(n).some((c) => c.type === 'wildcard_import')) scope.bound.add('*');
        this.bindImport(n, scope);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const i of named(n)) {
          if (n.type === 'global_statement') {
            scope.globals.add(i.text);
            let m = scope;
            while (m.parent) m = m.parent;
            m.bound.add(i.text);
          } else scope.bound.add(i.text);
        }
        return;
      case 'decorated_definition':
        for (const d of named(n)) if (d.type === 'decorator') this.visit(d, scope);
        this.visit(n.childForFieldName('definition') ?? n, scope);
        return;
      case 'function_definition':
      case 'lambda': {
        const name = n.childForFieldName('name');
        if (name) scope.bound.add(name.text);
        const inner = this.child(n, 'function', scope);
        this.params(n.childForFieldName('parameters'), inner, scope);
        const ret = n.childForFieldName('return_type');
        if (ret) this.visit(ret, scope);
        const body = n.childForFieldName('body');
        if (body) this.visit(body, inner);
        return;
      }
      case 'class_definition': {
        const name = n.childForFieldName('name');
        if (name) scope.bound.add(name.text);
        for (const b of named(n.childForFieldName('superclasses'))) this.visit(b, scope);
        const body = n.childForFieldName('body');
        if (body) this.visit(body, this.child(n, 'class', scope));
        return;
      }
    }
    if (COMPREHENSIONS.has(n.type)) {
      const inner = this.child(n, 'comprehension', scope);
      const clauses = named(n).filter((c) => c.type === 'for_in_clause');
      clauses.forEach((c, i) => {
        const right = c.childForFieldName('right');
        if (right) this.visit(right, i === 0 ? scope : inner);
        for (const t of targets(c.childForFieldName('left'))) inner.bound.add(t.text);
      });
      for (const c of named(n)) if (c.type !== 'for_in_clause') this.visit(c, inner);
      return;
    }
    if (n.type === 'identifier') {
      this.identifier(n, scope);
      return;
    }
    for (const c of named(n)) this.visit(c, scope);
  }

  private identifier(n: Node, scope: Scope): void {
    const p = n.parent;
    if (!p) return;
    if (p.type === 'attribute' && isField(p, 'attribute', n)) return;
    if (p.type === 'keyword_argument' && isField(p, 'name', n)) return;
    if (p.type === 'as_pattern_target' || (p.type === 'named_expression' && isField(p, 'name', n))) {
      scope.bound.add(n.text);
      return;
    }
    let target: Node = n;
    let holder: Node | null = p;
    while (holder && /^(pattern_list|tuple_pattern|list_pattern|list_splat_pattern)$/.test(holder.type)) {
      target = holder;
      holder = holder.parent;
    }
    const stored =
      holder &&
      (((holder.type === 'assignment' || holder.type === 'for_statement') && isField(holder, 'left', target)) ||
        holder.type === 'delete_statement');
    if (stored) {
      scope.bound.add(n.text);
      return;
    }
    if (holder?.type === 'augmented_assignment' && isField(holder, 'left', target)) scope.bound.add(n.text);
    this.reads.push({ n, scope });
  }
}

/** `[undefined, unused]` names of one file, as the analyzer's `symtable` pass reports them. */
export function treeSitterNames(root: Node, path: string): { undefined: PyNameAt[]; unused: PyNameAt[] } {
  const hasStar = named(root).some(
    (s) => s.type === 'import_from_statement' && named(s).some((c) => c.type === 'wildcard_import'),
  );
  if (hasStar) return { undefined: [], unused: [] };
  const names = new NameScan().run(root);
  const unused = path.endsWith('__init__.py') ? [] : names.unused.filter((u) => !exported(root).has(u[0]));
  return { undefined: names.undefined, unused };
}

function exported(root: Node): Set<string> {
  const out = new Set<string>();
  for (const s of named(root)) {
    const a = named(s)[0];
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === '__all__')
      for (const e of named(a.childForFieldName('right'))) out.add(e.text.replace(/^['"]|['"]$/g, ''));
  }
  return out;
}
