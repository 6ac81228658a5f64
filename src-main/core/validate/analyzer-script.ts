import { NAMES_SCRIPT } from './analyzer-names';
import { SECURITY_SCRIPT } from './analyzer-security';

/**
 * The Python half of the static layers: one program, run once per validation in one interpreter
 * for every file, that parses each file with CPython's own `ast` + `compile` (the authoritative
 * syntax check: SyntaxError, IndentationError, TabError, compile-stage errors such as `return`
 * outside a function) and, for files that parse, walks the tree into a small JSON description
 * (imports, classes with their attributes and inner `Meta`, interesting calls, functions) that the
 * semantic, best-practice and security rules read. Reads `{"files": [{path, content}]}` on stdin,
 * writes `{"python": version, "files": [...]}` on stdout. Needs Python ≥ 3.9 (`ast.unparse`).
 */
export const ANALYZER_SCRIPT =
  String.raw`
import ast, gc, json, math, sys, time, warnings

# A short-lived process building millions of AST objects: the cyclic GC only slows it down.
gc.disable()

INTEREST = {
    'eval', 'exec', 'load', 'loads', 'execute', 'executemany', 'raw', 'extra', 'RawSQL', 'run', 'call',
    'Popen', 'check_output', 'check_call', 'system', 'popen', 'register', 'path', 're_path', 'reverse',
    'csrf_exempt', 'include', 'DefaultRouter', 'SimpleRouter', 'unsafe_load',
}
MUTABLE = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
# Nodes that hold no call, function or class: the walk does not descend into them.
LEAVES = frozenset([ast.Name, ast.Constant, ast.alias] + [
    cls for base in (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop) for cls in base.__subclasses__()
])


def src(node, limit=240):
    try:
        s = ast.unparse(node)
    except Exception:
        return ''
    return s if len(s) <= limit else s[:limit] + '...'


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return '.'.join(reversed(parts))
    return None


def last_attr(func):
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def value(node, depth=0):
    if depth == 0 or not isinstance(node, (ast.Constant, ast.Name, ast.Attribute)):
        out = {'src': src(node) if depth < 2 else ''}
    elif isinstance(node, ast.Constant):
        out = {'src': repr(node.value)}
    else:
        out = {'src': dotted(node) or ''}
    if isinstance(node, ast.Constant):
        v = node.value
        if isinstance(v, bool):
            out.update(k='bool', v=v)
        elif v is None:
            out.update(k='none')
        elif isinstance(v, str):
            out.update(k='str', v=v)
        elif isinstance(v, (int, float)) and (isinstance(v, float) and math.isfinite(v) or isinstance(v, int) and abs(v) < 2 ** 53):
            out.update(k='num', v=v)
        else:
            out.update(k='expr')
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        out['k'] = {ast.List: 'list', ast.Tuple: 'tuple', ast.Set: 'set'}[type(node)]
        out['items'] = [value(e, depth + 1) for e in node.elts] if depth < 3 else []
    elif isinstance(node, ast.Dict):
        out['k'] = 'dict'
        out['keys'] = [k.value if isinstance(k, ast.Constant) and isinstance(k.value, str) else None for k in node.keys]
        out['values'] = [value(v, depth + 1) for v in node.values] if depth < 3 else []
    elif isinstance(node, (ast.Name, ast.Attribute)) and dotted(node):
        out.update(k='name', name=dotted(node))
    elif isinstance(node, ast.Call):
        out.update(k='call', func=dotted(node.func), attr=last_attr(node.func))
        if isinstance(node.func, ast.Attribute) and out['func'] is None and depth < 3:
            out['recv'] = value(node.func.value, depth + 1)
        if depth < 3:
            out['args'] = [value(a, depth + 1) for a in node.args]
            out['kw'] = {kw.arg: value(kw.value, depth + 1) for kw in node.keywords if kw.arg}
        else:
            out['args'], out['kw'] = [], {}
    elif isinstance(node, ast.JoinedStr):
        out['k'] = 'fstring'
    elif isinstance(node, ast.BinOp):
        out.update(k='binop', op=type(node.op).__name__)
        if depth < 3:
            out.update(left=value(node.left, depth + 1), right=value(node.right, depth + 1))
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        out.update(k='compare', op=type(node.ops[0]).__name__)
        if depth < 3:
            out.update(left=value(node.left, depth + 1), right=value(node.comparators[0], depth + 1))
    elif isinstance(node, ast.UnaryOp):
        out.update(k='unary', op=type(node.op).__name__)
        if depth < 3:
            out['left'] = value(node.operand, depth + 1)
    elif isinstance(node, ast.BoolOp):
        out.update(k='boolop', op=type(node.op).__name__, items=[value(v, depth + 1) for v in node.values] if depth < 3 else [])
    elif isinstance(node, ast.IfExp):
        out.update(k='ifexp', items=[value(v, depth + 1) for v in (node.test, node.body, node.orelse)] if depth < 3 else [])
    elif isinstance(node, (ast.ListComp, ast.DictComp, ast.SetComp)):
        out['k'] = 'comp'
    else:
        out['k'] = 'expr'
    return out


def pos(node):
    return {'line': getattr(node, 'lineno', 1), 'col': getattr(node, 'col_offset', 0) + 1}


def targets_of(stmt):
    if isinstance(stmt, ast.Assign):
        return [t.id for t in stmt.targets if isinstance(t, ast.Name)], stmt.value
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
        return [stmt.target.id], stmt.value
    return [], None


RETURNS_OF = frozenset(['get_permissions', 'get_authenticators', 'has_permission', 'has_object_permission'])


def method_returns(fn):
    """Every return of a method: its value and the tests of the ifs it is under (\"guard\")."""
    out = []
    stack = [(s, ()) for s in reversed(fn.body)]
    while stack:
        node, guards = stack.pop()
        if isinstance(node, ast.Return):
            out.append(dict(pos(node), value=value(node.value) if node.value is not None else {'src': 'None', 'k': 'none'}, guard=' and '.join(guards)))
        elif isinstance(node, ast.If):
            test = src(node.test, 120)
            stack.extend((s, guards + (test,)) for s in reversed(node.body))
            stack.extend((s, guards + ('not (' + test + ')',)) for s in reversed(node.orelse))
        elif isinstance(node, (ast.For, ast.While, ast.With, ast.Try)):
            for field in ('body', 'orelse', 'finalbody', 'handlers'):
                stack.extend((s, guards + ('loop',) if field == 'body' and not isinstance(node, (ast.With, ast.Try)) else guards) for s in reversed(getattr(node, field, [])))
        elif isinstance(node, ast.ExceptHandler):
            stack.extend((s, guards + ('except',)) for s in reversed(node.body))
    return out


def branch_assigns(body, conds, out):
    """Assignments inside module-level ifs: their conditions, and whether \"if not (...DEBUG...): raise\" precedes them."""
    guarded = False
    for stmt in body:
        if isinstance(stmt, ast.If):
            if (any(isinstance(s, ast.Raise) for s in stmt.body) and isinstance(stmt.test, ast.UnaryOp)
                    and isinstance(stmt.test.op, ast.Not) and 'DEBUG' in src(stmt.test.operand)):
                guarded = True
            branch_assigns(stmt.body, conds + [[value(stmt.test), True]], out)
            branch_assigns(stmt.orelse, conds + [[value(stmt.test), False]], out)
        elif conds:
            names, val = targets_of(stmt)
            for name in names:
                out.append(dict(pos(stmt), name=name, value=value(val), conds=conds, guarded=guarded))


def describe_class(node):
    info = dict(pos(node), name=node.name, bases=[src(b) for b in node.bases],
                decorators=[value(d) for d in node.decorator_list], attrs=[], methods=[], meta=None, called=[])
    for stmt in node.body:
        names, val = targets_of(stmt)
        for name in names:
            info['attrs'].append(dict(pos(stmt), name=name, value=value(val)))
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            method = dict(pos(stmt), name=stmt.name)
            if stmt.name in RETURNS_OF:
                method['returns'] = method_returns(stmt)
            info['methods'].append(method)
        if isinstance(stmt, ast.ClassDef) and stmt.name == 'Meta':
            meta = dict(pos(stmt), attrs={})
            for inner in stmt.body:
                inner_names, inner_val = targets_of(inner)
                for name in inner_names:
                    meta['attrs'][name] = dict(pos(inner), value=value(inner_val))
            info['meta'] = meta
    return info


def describe(tree):
    out = {'imports': [], 'defs': [], 'assigns': [], 'classes': [], 'calls': [], 'functions': [], 'branchAssigns': [], 'lookups': []}
    branch_assigns(tree.body, [], out['branchAssigns'])
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            for a in stmt.names:
                out['imports'].append(dict(pos(stmt), module=None, level=0, names=[[a.name, a.asname]]))
                out['defs'].append(a.asname or a.name.split('.')[0])
        elif isinstance(stmt, ast.ImportFrom):
            out['imports'].append(dict(pos(stmt), module=stmt.module, level=stmt.level, names=[[a.name, a.asname] for a in stmt.names]))
            out['defs'].extend(a.asname or a.name for a in stmt.names)
        elif isinstance(stmt, ast.ClassDef):
            out['defs'].append(stmt.name)
            out['classes'].append(describe_class(stmt))
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out['defs'].append(stmt.name)
        else:
            names, val = targets_of(stmt)
            for name in names:
                out['defs'].append(name)
                out['assigns'].append(dict(pos(stmt), name=name, value=value(val)))
            if isinstance(stmt, ast.Assign):
                for t in stmt.targets:
                    if isinstance(t, (ast.Tuple, ast.List)):
                        out['defs'].extend(e.id for e in t.elts if isinstance(e, ast.Name))
    classes = {c['name']: c for c in out['classes']}
    called = {name: set() for name in classes}
    # One walk over the whole tree, remembering the top-level class (and the class a method is
    # directly in) of every node.
    stack = [(node, None, None) for node in reversed(tree.body)]
    while stack:
        node, top, direct = stack.pop()
        if isinstance(node, ast.ClassDef) and top is None:
            stack.extend((child, node.name, node.name) for child in reversed(node.body))
            for extra in (*node.bases, *node.keywords, *node.decorator_list):
                stack.append((extra, node.name, None))
            continue
        for field in node._fields:
            child = getattr(node, field, None)
            if type(child) is list:
                stack.extend((item, top, None) for item in child if isinstance(item, ast.AST) and type(item) not in LEAVES)
            elif isinstance(child, ast.AST) and type(child) not in LEAVES:
                stack.append((child, top, None))
        if isinstance(node, ast.Call):
            attr = last_attr(node.func)
            if top in called and isinstance(node.func, ast.Attribute):
                called[top].add(node.func.attr)
            if attr in LOOKUP_METHODS and isinstance(node.func, ast.Attribute):
                names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if names:
                    out['lookups'].append([node.lineno, node.col_offset + 1, attr, root_name(node.func.value) or '', top, names])
            if attr in INTEREST:
                out['calls'].append(dict(pos(node), func=dotted(node.func), attr=attr,
                                         args=[value(a) for a in node.args],
                                         kw={kw.arg: value(kw.value) for kw in node.keywords if kw.arg}))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            positional = args.posonlyargs + args.args
            pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
            pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
            mutable = [a.arg for a, d in pairs if isinstance(d, MUTABLE)]
            if isinstance(node, ast.Lambda):
                if mutable:
                    out['functions'].append(dict(pos(node), name='<lambda>', cls=None, decorators=[], mutableDefaults=mutable))
                continue
            out['functions'].append(dict(pos(node), name=node.name, cls=direct,
                                         decorators=[value(d) for d in node.decorator_list], mutableDefaults=mutable))
    for name, info in classes.items():
        info['called'] = sorted(called[name])
    return out


def analyze(path, content, kind='other', policy=None, roots=()):
    result = {'path': path, 'syntax': None, 'warnings': []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            tree = ast.parse(content, filename=path)
            compile(tree, path, 'exec', dont_inherit=True)
        except SyntaxError as e:
            result['syntax'] = {'type': type(e).__name__, 'msg': e.msg or str(e), 'line': e.lineno or 1,
                                'col': e.offset or 1, 'text': (e.text or '').rstrip('\n')}
            return result
        except Exception as e:  # ValueError (null bytes), RecursionError, UnicodeEncodeError (lone surrogates)…
            result['syntax'] = {'type': type(e).__name__, 'msg': str(e), 'line': 1, 'col': 1, 'text': ''}
            return result
        for w in caught:
            result['warnings'].append({'type': w.category.__name__, 'msg': str(w.message), 'line': w.lineno or 1})
    try:
        result.update(describe(tree))
        if policy is not None:
            result['security'], result['settingWrites'] = security_scan(path, kind, policy, set(roots), tree)
        result['undefined'], result['unused'] = names_scan(content, path, tree)
    except RecursionError:
        result['warnings'].append({'type': 'AnalyzerWarning', 'msg': 'nested too deeply to analyze; only the syntax was checked', 'line': 1})
    return result


def main():
    request = json.loads(sys.stdin.buffer.read().decode('utf-8'))
    policy, roots = request.get('policy'), request.get('roots', [])
    files = [analyze(f['path'], f['content'], f.get('kind', 'other'), policy, roots) for f in request['files']]
    cpu_ms = round(time.process_time() * 1000)
    sys.stdout.write(json.dumps({'python': sys.version.split()[0], 'cpuMs': cpu_ms, 'files': files}, separators=(',', ':'), check_circular=False))

` +
  SECURITY_SCRIPT +
  NAMES_SCRIPT +
  `
main()
`;
