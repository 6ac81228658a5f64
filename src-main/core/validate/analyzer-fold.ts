/**
 * Helpers of the allowlist scan that see through spelling: `fold_str` computes the constant string
 * an expression always evaluates to (`'sys' + 'tem'`, `''.join([...])`, `'*'.strip()`), `chain`
 * turns `getattr(o, 'sys' + 'tem')` into `o.system`, `root_name` finds the name a call chain
 * starts from. Python source, prepended to the security scan.
 */
export const NAME_RESOLUTION_SCRIPT = String.raw`
FOLD_FAIL = object()
# Nodes that hold no name, attribute or call.
SKIP = frozenset([ast.Constant, ast.alias] + [
    cls for base in (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop) for cls in base.__subclasses__()
])


def fold_str(node):
    """The constant string an expression always evaluates to, or FOLD_FAIL."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else FOLD_FAIL
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = fold_str(node.left), fold_str(node.right)
        return a + b if FOLD_FAIL not in (a, b) else FOLD_FAIL
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        a = fold_str(node.left)
        n = node.right.value if isinstance(node.right, ast.Constant) and isinstance(node.right.value, int) else None
        return a * n if a is not FOLD_FAIL and n is not None and 0 <= n < 100 else FOLD_FAIL
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            p = fold_str(v.value) if isinstance(v, ast.FormattedValue) else fold_str(v)
            if p is FOLD_FAIL:
                return FOLD_FAIL
            parts.append(p)
        return ''.join(parts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.keywords:
        recv = fold_str(node.func.value)
        if recv is FOLD_FAIL:
            return FOLD_FAIL
        method = node.func.attr
        if method == 'join' and len(node.args) == 1 and isinstance(node.args[0], (ast.List, ast.Tuple)):
            items = [fold_str(e) for e in node.args[0].elts]
            return recv.join(items) if FOLD_FAIL not in items else FOLD_FAIL
        args = [fold_str(a) for a in node.args]
        if FOLD_FAIL in args:
            return FOLD_FAIL
        if method in ('strip', 'lstrip', 'rstrip', 'lower', 'upper', 'replace', 'format', 'title', 'capitalize'):
            try:
                return getattr(recv, method)(*args)
            except Exception:
                return FOLD_FAIL
    return FOLD_FAIL


def chain(node):
    """'a.b.c' for a Name/Attribute chain, following getattr(x, 'const') as x.const."""
    parts = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'getattr'
              and len(node.args) >= 2 and isinstance(fold_str(node.args[1]), str)):
            parts.append(fold_str(node.args[1]))
            node = node.args[0]
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            return '.'.join(reversed(parts))
        else:
            return None


def root_name(node):
    """The first name a call/attribute/subscript chain starts from, or '' for a constant, None otherwise."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.BinOp):
            node = node.left
        elif isinstance(node, ast.Name):
            return node.id
        elif isinstance(node, (ast.Constant, ast.JoinedStr, ast.List, ast.Tuple, ast.Dict, ast.Set)):
            return ''
        else:
            return None


`;
