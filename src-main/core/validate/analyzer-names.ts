/**
 * The name half of the Python analyzer: CPython's own `symtable` says, per scope, which names a
 * file reads without ever binding them (a `NameError` on the first request that reaches that
 * line, which `manage.py check` never does) and which module-level imports nothing reads.
 */
export const NAMES_SCRIPT = String.raw`
import builtins as _builtins
import symtable

BUILTIN_NAMES = frozenset(dir(_builtins)) | {'__file__', '__name__', '__doc__', '__package__', '__path__', '__annotations__', '__builtins__', '__spec__', '__loader__', '__qualname__', '__module__'}
SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
LOOKUP_METHODS = frozenset(['select_related', 'prefetch_related', 'order_by', 'only', 'defer'])


def names_scan(content, path, tree):
    """[undefined, unused]: undefined = [[name, line, col]], unused = [[name, line, col]]."""
    if any(isinstance(s, ast.ImportFrom) and any(a.name == '*' for a in s.names) for s in tree.body):
        return [], []
    try:
        top = symtable.symtable(content, path, 'exec')
    except Exception:
        return [], []
    module_bound = set()
    for s in top.get_symbols():
        if s.is_assigned() or s.is_imported() or s.is_namespace() or s.is_declared_global():
            module_bound.add(s.get_name())
    referenced = set()
    undefined_at = {}
    stack = [top]
    while stack:
        t = stack.pop()
        stack.extend(t.get_children())
        for s in t.get_symbols():
            name = s.get_name()
            if t is not top and s.is_declared_global() and s.is_assigned():
                module_bound.add(name)
            if not s.is_referenced():
                continue
            if t is top or s.is_global():
                referenced.add(name)
                undefined_at.setdefault(t.get_lineno(), set()).add(name)
            elif s.is_free():
                referenced.add(name)
    unbound = {n for names in undefined_at.values() for n in names} - module_bound - BUILTIN_NAMES
    undefined = []
    if unbound:
        seen = {}
        walk = [(n, 0) for n in tree.body]
        while walk:
            node, scope = walk.pop()
            inner = node.lineno if isinstance(node, SCOPE_NODES) else scope
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in unbound and node.id in undefined_at.get(scope, ()):
                at = (node.lineno, node.col_offset + 1)
                if at < seen.get((node.id, scope), (1 << 30, 0)):
                    seen[(node.id, scope)] = at
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                # The first iterable is evaluated in the enclosing scope.
                walk.append((node.generators[0].iter, scope))
                rest = [c for c in ast.iter_child_nodes(node) if c is not node.generators[0]]
                rest += [c for c in ast.iter_child_nodes(node.generators[0]) if c is not node.generators[0].iter]
                walk.extend((c, inner) for c in rest)
                continue
            for child in ast.iter_child_nodes(node):
                # Decorators, defaults and bases are evaluated in the enclosing scope.
                if isinstance(node, SCOPE_NODES) and (child in getattr(node, 'decorator_list', ()) or child in getattr(node, 'bases', ())
                                                     or child is getattr(node, 'args', None) or child is getattr(node, 'returns', None)):
                    walk.append((child, scope))
                else:
                    walk.append((child, inner))
        undefined = sorted(([name, line, col] for (name, _), (line, col) in seen.items()), key=lambda u: (u[1], u[2]))
    unused = []
    if not path.endswith('__init__.py'):
        exported = set()
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == '__all__' for t in stmt.targets):
                exported |= {e.value for e in getattr(stmt.value, 'elts', []) if isinstance(e, ast.Constant)}
        for stmt in tree.body:
            nodes = [stmt] if isinstance(stmt, (ast.Import, ast.ImportFrom)) else []
            if isinstance(stmt, ast.Try):
                nodes = [s for s in stmt.body if isinstance(s, (ast.Import, ast.ImportFrom))]
            for imp in nodes:
                if isinstance(imp, ast.ImportFrom) and imp.module == '__future__':
                    continue
                for a in imp.names:
                    local = a.asname or a.name.split('.')[0]
                    if local not in referenced and local not in exported and local != '*':
                        unused.append([local, imp.lineno, imp.col_offset + 1])
    return undefined, unused
`;
